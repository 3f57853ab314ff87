package dev.returnsync.testkit;

import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.OutcomeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken invariant says which leg, which values and why, not only that it "does not hold". */
@Timeout(60)
class InvariantMessagesTest {
    static RuleChecker checker(Invariant invariant) {
        return RuleChecker.forWorkflow(ReturnWorkflow.ofDefaults()).withoutBuiltInInvariants()
                .submissions(Submission.singleLeg(OutcomeType.REFUND_ONLY)).invariant(invariant);
    }

    @Test
    void aCaseInvariantShowsTheLegsAndTheirValues() {
        RuleViolation violation = assertThrows(RuleViolation.class, () -> checker(Invariant.of("never negotiating",
                c -> c.legs().stream().noneMatch(leg -> leg.state() == LegState.NEGOTIATING))).exhaustive(3).check());
        String message = violation.counterexample().message();
        assertTrue(message.startsWith("does not hold of case "), message);
        assertTrue(message.contains("NEGOTIATING"), message);
        assertTrue(message.contains("requested 2"), message);
    }

    @Test
    void aLegInvariantNamesTheLegThatBreaksIt() {
        RuleViolation violation = assertThrows(RuleViolation.class, () -> checker(Invariant.forEachLeg(
                "never negotiating", (c, leg) -> leg.state() != LegState.NEGOTIATING)).exhaustive(3).check());
        Counterexample found = violation.counterexample();
        String leg = found.trace().get(found.length() - 1).after().orElseThrow().legs().get(0).supplier().toString();
        assertTrue(found.message().startsWith("does not hold of leg " + leg + " (NEGOTIATING"), found.message());
        assertTrue(found.message().contains("requested 2"), found.message());
        assertEquals("never negotiating", found.invariant());
    }

    @Test
    void aLegInvariantCanExplainItself() {
        RuleViolation violation = assertThrows(RuleViolation.class, () -> checker(Invariant.forEachLegExplained(
                "never negotiating", (c, leg) -> leg.state() == LegState.NEGOTIATING
                        ? java.util.Optional.of("negotiation opened at " + leg.since())
                        : java.util.Optional.empty())).exhaustive(3).check());
        String message = violation.counterexample().message();
        assertTrue(message.matches("leg \\S+ \\(NEGOTIATING.*: negotiation opened at .*"), message);
    }
}
