package dev.returnsync.examples.rules;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Guard;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.testkit.CheckReport;
import dev.returnsync.testkit.Invariant;
import dev.returnsync.testkit.Invariants;
import dev.returnsync.testkit.RuleChecker;
import dev.returnsync.testkit.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shop's rules explored exhaustively by the testkit's rule checker, with its default settings: every party's
 * every command, at the edges of every deadline and of the clearance window the guard declares.
 */
@Timeout(120)
class ShopRulesCheckTest {
    /** The checker's default submissions ask back {@code SKU-1} (and {@code SKU-2}): make the first a clearance item. */
    private static final String CLEARANCE = "SKU-1";

    /** What the clearance rule means, written as plainly as possible. */
    private static final Invariant AGREES_WITH_THE_REFERENCE = Invariants.ruleAgreesWith(ShopRules.CLEARANCE_RULE,
            Command.SubmitReturn.class, (submit, current, ctx) ->
                    submit.lines().stream().anyMatch(line -> line.sku().value().equals(CLEARANCE))
                            && ctx.now().isAfter(submit.deliveredAt().plus(ShopRules.CLEARANCE_WINDOW)));

    @Test
    void theShopsRulesHoldInEveryReachableState() {
        CheckReport report = RuleChecker.forWorkflow(ShopRules.workflow(CLEARANCE))
                .invariant(AGREES_WITH_THE_REFERENCE)
                .invariant("no clearance return opened after its window", c ->
                        c.legs().stream().flatMap(leg -> leg.lines().stream())
                                .noneMatch(line -> line.sku().value().equals(CLEARANCE))
                        || !c.createdAt().isAfter(c.deliveredAt().plus(ShopRules.CLEARANCE_WINDOW)))
                .exhaustive(5)
                .check();
        assertTrue(report.complete(), report.toString());
    }

    @Test
    void theCheckerFindsAClearanceRuleThatCountsWholeDays() {
        Guard wholeDays = Guard.named(ShopRules.CLEARANCE_RULE).on(Command.SubmitReturn.class)
                .refuseWhen((submit, current, ctx) -> submit.lines().stream()
                                .anyMatch(line -> line.sku().value().equals(CLEARANCE))
                                && ChronoUnit.DAYS.between(submit.deliveredAt(), ctx.now()) > 3,
                        "clearance items are returned within 3 days of delivery")
                .withHorizons(ShopRules.CLEARANCE_WINDOW);
        RuleChecker checker = RuleChecker.forWorkflow(ReturnWorkflow.builder().guard(wholeDays).build())
                .invariant(AGREES_WITH_THE_REFERENCE);

        RuleViolation violation = assertThrows(RuleViolation.class, () -> checker.exhaustive(5).check());
        assertEquals(2, violation.counterexample().length(), violation.getMessage());   // the clock moves, then the submission
    }
}
