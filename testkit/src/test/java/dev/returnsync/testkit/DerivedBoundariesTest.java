package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Guard;
import dev.returnsync.core.domain.Guards;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.spi.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exhaustive check visits the time boundaries of the rules under test by itself: a window rule that lets
 * day 8 through is found with the default settings, without {@code .window(...)}.
 */
@Timeout(120)
class DerivedBoundariesTest {
    static final Duration WEEK = Duration.ofDays(7);
    static final Instant DELIVERED = Instant.parse("2026-03-02T00:00:00Z");

    /** The bug: counting whole days lets a no-reason return through during all of day 8. */
    static final Guard WHOLE_DAYS = Guard.named("7-day window").on(Command.SubmitReturn.class)
            .refuseWhen((submit, current, ctx) -> submit.reason().code() == ReasonCode.NO_REASON
                            && ChronoUnit.DAYS.between(submit.deliveredAt(), ctx.now()) > 7,
                    "no-reason returns close 7 days after delivery")
            .withHorizons(WEEK);

    static final Invariant REFERENCE = Invariants.ruleAgreesWith("7-day window", Command.SubmitReturn.class,
            (submit, current, ctx) -> submit.reason().code() == ReasonCode.NO_REASON
                    && ctx.now().isAfter(submit.deliveredAt().plus(WEEK)));

    @Test
    void aCustomGuardThatLetsDayEightThroughIsFoundWithTheDefaultSettings() {
        RuleChecker checker = RuleChecker.forWorkflow(ReturnWorkflow.builder().guard(WHOLE_DAYS).build())
                .invariant(REFERENCE);
        RuleViolation violation = assertThrows(RuleViolation.class, () -> checker.exhaustive(8).check());
        Counterexample found = violation.counterexample();
        assertTrue(found.length() <= 3, found.format());
        Action.AdvanceTo wait = assertInstanceOf(Action.AdvanceTo.class, found.trace().get(0).action());
        assertEquals(DELIVERED.plus(WEEK).plusSeconds(1), wait.instant(), found.format());
    }

    @Test
    void aReadyMadeWindowOfTheWrongLengthIsFoundWithTheDefaultSettings() {
        RuleChecker checker = RuleChecker.forWorkflow(ReturnWorkflow.builder()
                        .guard(Guards.noReasonWindow(Duration.ofDays(8))).build())
                .invariant(Invariants.ruleAgreesWith("no-reason-window", Command.SubmitReturn.class,
                        (submit, current, ctx) -> submit.reason().code() == ReasonCode.NO_REASON
                                && ctx.now().isAfter(submit.deliveredAt().plus(WEEK))));
        RuleViolation violation = assertThrows(RuleViolation.class, () -> checker.exhaustive(8).check());
        assertTrue(violation.counterexample().length() <= 3, violation.counterexample().format());
    }

    @Test
    void theRightReadyMadeWindowPasses() {
        RuleChecker.forWorkflow(ReturnWorkflow.builder().guard(Guards.noReasonWindow(WEEK)).build())
                .invariant(Invariants.ruleAgreesWith("no-reason-window", Command.SubmitReturn.class,
                        (submit, current, ctx) -> submit.reason().code() == ReasonCode.NO_REASON
                                && ctx.now().isAfter(submit.deliveredAt().plus(WEEK))))
                .exhaustive(4).check();
    }

    @Test
    void theReadyMadeRulesDeclareTheirHorizons() {
        assertEquals(java.util.Set.of(WEEK), Guards.noReasonWindow(WEEK).horizons());
        Guard both = Guards.noReasonWindow(WEEK).and(Guards.evidenceForQualityComplaints().withHorizons(Duration.ofHours(1)));
        assertEquals(java.util.Set.of(WEEK, Duration.ofHours(1)), both.horizons());
        assertThrows(IllegalArgumentException.class, () -> WHOLE_DAYS.withHorizons(Duration.ZERO));
    }
}
