package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Guard;
import dev.returnsync.core.domain.Policy;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.ReturnEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuleCheckerApiTest {
    private final RuleChecker checker = RuleChecker.forWorkflow(ReturnWorkflow.ofDefaults());

    @Test
    void badSettingsAreRefusedAtOnce() {
        assertThrows(IllegalArgumentException.class, () -> checker.exhaustive(0));
        assertThrows(IllegalArgumentException.class, () -> checker.exhaustive(3).maxStates(0));
        assertThrows(IllegalArgumentException.class, () -> checker.exhaustive(3).threads(0));
        assertThrows(IllegalArgumentException.class, () -> checker.random(1).scenarios(0));
        assertThrows(IllegalArgumentException.class, () -> checker.random(1).steps(0));
        assertThrows(IllegalArgumentException.class, () -> checker.window(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> checker.advanceBy(Duration.ofHours(-1)));
        assertThrows(IllegalArgumentException.class, () -> checker.submissions(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Invariant.of(" ", c -> true));
        assertThrows(NullPointerException.class, () -> RuleChecker.forWorkflow(null));
    }

    @Test
    void theStateLimitStopsTheExplorationAndSaysSo() {
        CheckReport report = checker.exhaustive(8).maxStates(1_000).run();
        assertFalse(report.complete());
        assertTrue(report.states() <= 1_000, report.summary());
        assertTrue(report.summary().contains("stopped at the state limit"), report.summary());
    }

    @Test
    void aBrokenHostInvariantFailsWithItsNameAndAPassingOneDoesNot() {
        RuleViolation violation = assertThrows(RuleViolation.class, () -> RuleChecker
                .forWorkflow(ReturnWorkflow.ofDefaults())
                .invariant("never declined", c -> c.legs().stream()
                        .noneMatch(l -> l.state() == dev.returnsync.spi.LegState.DECLINED))
                .exhaustive(5).check());
        assertEquals("never declined", violation.counterexample().invariant());
        assertEquals(3, violation.counterexample().length(), "submit, open negotiation, decline");
        assertTrue(violation.getMessage().contains("DeclineReturn"), violation.getMessage());
        RuleChecker.forWorkflow(ReturnWorkflow.ofDefaults()).invariant("at most one case", c -> true)
                .withoutBuiltInInvariants().exhaustive(3).check();
    }

    @Test
    void aThrowingGuardIsReportedWithItsException() {
        Guard broken = Guard.named("broken").on(Command.OpenNegotiation.class).refuseWhen((command, current, context) -> {
            throw new IllegalStateException("boom");
        }, "never said");
        RuleViolation violation = assertThrows(RuleViolation.class,
                () -> RuleChecker.forWorkflow(ReturnWorkflow.builder().guard(broken).build()).exhaustive(3).check());
        assertEquals("no exception", violation.counterexample().invariant());
        assertEquals(2, violation.counterexample().length());
        assertTrue(violation.getCause() instanceof IllegalStateException);
    }

    @Test
    void aPolicyThatNeverSettlesIsReported() {
        Policy loop = Policy.on(ReturnEvent.class, "echo", (after, event, context) -> List.of(
                Commands.as(dev.returnsync.spi.Actor.supplier(after.tenant(), after.legs().get(0).supplier()))
                        .key(context.key("x")).onCase(context.caseId()).replaceSupplierNumber()
                        .number(dev.returnsync.spi.ReturnNumber.supplierReturn(after.legs().get(0).supplier(),
                                "AUTO-" + after.version())).build()));
        CheckReport report = RuleChecker.forWorkflow(ReturnWorkflow.builder().policy(loop).build())
                .withoutBuiltInInvariants().submissions(Submission.singleLeg(dev.returnsync.spi.OutcomeType.EXCHANGE))
                .exhaustive(6).run();
        Counterexample found = report.counterexample().orElseThrow();
        assertTrue(found.message().contains("do not settle"), found.format());
    }

    @Test
    void aGuardThatReadsHiddenStateIsNotDeterministic() {
        int[] calls = {0};
        Guard flaky = Guard.named("flaky").on(Command.OpenNegotiation.class)
                .refuseWhen((command, current, context) -> calls[0]++ % 2 != 0, "odd call");
        RuleViolation violation = assertThrows(RuleViolation.class,
                () -> RuleChecker.forWorkflow(ReturnWorkflow.builder().guard(flaky).build()).exhaustive(3).check());
        assertEquals("decide is deterministic", violation.counterexample().invariant());
    }
}
