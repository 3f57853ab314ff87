package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Guard;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.Policy;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules with planted bugs: the checker must catch each, with the shortest trace, the same on every run. */
class PlantedBugsTest {
    static final Duration WINDOW = Duration.ofDays(7);
    static final String WINDOW_RULE = "7-day no-reason window";

    /** The window ends 7 days after delivery, inclusive: a request at exactly 7 days is still in time. */
    static final Invariant WINDOW_REFERENCE = Invariants.ruleAgreesWith(WINDOW_RULE, Command.SubmitReturn.class,
            (submit, current, context) -> submit.reason().code() == ReasonCode.NO_REASON
                    && context.now().isAfter(submit.deliveredAt().plus(WINDOW)));

    static Guard windowGuard(boolean offByOne) {
        return Guard.named(WINDOW_RULE).on(Command.SubmitReturn.class).refuseWhen((submit, current, context) -> {
            var end = submit.deliveredAt().plus(WINDOW);
            boolean closed = offByOne ? !context.now().isBefore(end) : context.now().isAfter(end);
            return submit.reason().code() == ReasonCode.NO_REASON && closed;
        }, "no-reason returns close 7 days after delivery");
    }

    /**
     * Settles small refund-only legs at once when the number is shared. The bug: it reports the result as the
     * supplier and confirms as the customer, instead of waiting for the supplier's own report.
     */
    static Policy fastRefund(boolean waitForSupplier) {
        String name = "fast refund";
        if (waitForSupplier) {
            return Policy.on(ReturnEvent.ResultReported.class, name, (after, reported, context) -> {
                Leg leg = after.leg(reported.leg()).orElseThrow();
                return leg.outcome() == OutcomeType.REFUND_ONLY && leg.settlement().refund().minor() <= 20_000
                        ? List.of(context.header("notify").reportResultToCustomer().leg(leg.supplier())
                                .note("refunded").build())
                        : List.of();
            });
        }
        return Policy.on(ReturnEvent.NumberSharedWithCustomer.class, name, (after, shared, context) -> {
            Leg leg = after.leg(shared.leg()).orElseThrow();
            if (leg.outcome() != OutcomeType.REFUND_ONLY || leg.settlement().refund().minor() > 20_000) {
                return List.of();
            }
            return List.of(
                    Commands.as(Actor.supplier(after.tenant(), leg.supplier())).key(context.key("report"))
                            .onCase(context.caseId()).reportResult().note("auto").build(),
                    context.header("notify").reportResultToCustomer().leg(leg.supplier()).note("refunded").build(),
                    Commands.as(Actor.customer(after.tenant(), after.customer())).key(context.key("confirm"))
                            .onCase(context.caseId()).confirmResult().leg(leg.supplier()).build());
        });
    }

    static RuleChecker windowChecker(boolean offByOne) {
        return RuleChecker.forWorkflow(ReturnWorkflow.builder().guard(windowGuard(offByOne)).build())
                .invariant(WINDOW_REFERENCE)
                .window(WINDOW);
    }

    static RuleChecker refundChecker(boolean waitForSupplier) {
        return RuleChecker.forWorkflow(ReturnWorkflow.builder().policy(fastRefund(waitForSupplier)).build());
    }

    @Nested
    class OffByOneReturnWindow {
        @Test
        void exhaustiveFindsTheBoundaryWithTheShortestTrace() {
            RuleViolation violation = assertThrows(RuleViolation.class, () -> windowChecker(true).exhaustive(5).check());
            Counterexample found = violation.counterexample();
            System.out.println(violation.getMessage());
            assertEquals("rule '" + WINDOW_RULE + "' agrees with its reference", found.invariant());
            assertEquals(2, found.length(), found.format());
            Action.AdvanceTo wait = assertInstanceOf(Action.AdvanceTo.class, found.trace().get(0).action());
            assertEquals(java.time.Instant.parse("2026-03-02T00:00:00Z").plus(WINDOW), wait.instant(),
                    "the clock stops exactly at the end of the window");
            Action.Execute submit = assertInstanceOf(Action.Execute.class, found.trace().get(1).action());
            assertInstanceOf(Command.SubmitReturn.class, submit.command());
            assertEquals(found.format(), windowChecker(true).exhaustive(5).run().counterexample().orElseThrow().format(),
                    "the exhaustive check gives the same counterexample on every run");
        }

        @Test
        void theCorrectGuardPasses() {
            CheckReport report = windowChecker(false).exhaustive(5).check();
            assertTrue(report.transitions() > 1_000, report.summary());
        }

        @Test
        void randomScenariosFindItShrinkItAndReplayItFromTheSeed() {
            RuleViolation first = assertThrows(RuleViolation.class,
                    () -> windowChecker(true).random(7).scenarios(2_000).steps(12).check());
            Counterexample found = first.counterexample();
            System.out.println(first.getMessage());
            assertEquals(2, found.length(), found.format());
            assertEquals(new Action.AdvanceBy(WINDOW), found.trace().get(0).action());
            assertTrue(found.replay().startsWith("seed 7, scenario "), found.replay());
            CheckReport again = windowChecker(true).random(7).scenarios(2_000).steps(12).run();
            assertEquals(found.format(), again.counterexample().orElseThrow().format());
        }

        @Test
        void randomScenariosPassWithTheCorrectGuard() {
            CheckReport report = windowChecker(false).random(7).scenarios(300).steps(12).check();
            assertEquals(300, report.scenarios());
        }
    }

    @Nested
    class PolicyThatSettlesBeforeTheSupplier {
        @Test
        void exhaustiveFindsTheShortestTrace() {
            RuleViolation violation = assertThrows(RuleViolation.class, () -> refundChecker(false).exhaustive(8).check());
            Counterexample found = violation.counterexample();
            System.out.println(violation.getMessage());
            assertEquals("a result is settled only after the supplier itself reported it", found.invariant());
            // submit, open negotiation, agree refund-only, apply, issue the number, share it: the policy fires there.
            assertEquals(6, found.length(), found.format());
            TraceStep last = found.trace().get(5);
            assertEquals("fast refund", last.decisions().get(last.decisions().size() - 1).policy());
            assertEquals(LegState.RESULT_REPORTED, last.after().orElseThrow().legs().get(0).state());
            assertEquals(found.format(), refundChecker(false).exhaustive(8).threads(1).run().counterexample()
                    .orElseThrow().format(), "the same counterexample on every run, on any number of threads");
        }

        @Test
        void skippingTheInvariantThatCatchesItLetsItThrough() {
            CheckReport report = refundChecker(false)
                    .skipBuiltIn("a result is settled only after the supplier itself reported it")
                    .submissions(Submission.singleLeg(OutcomeType.REFUND_ONLY)).exhaustive(7).check();
            assertFalse(report.neverAccepted().contains(CommandType.CONFIRM_RESULT), "the policy confirmed for the customer");
            assertThrows(IllegalArgumentException.class, () -> refundChecker(false).skipBuiltIn("no such invariant"));
        }

        @Test
        void thePolicyThatWaitsForTheSupplierPasses() {
            CheckReport report = refundChecker(true).submissions(Submission.singleLeg(OutcomeType.REFUND_ONLY))
                    .exhaustive(8).check();
            assertFalse(report.neverAccepted().contains(CommandType.REPORT_RESULT_TO_CUSTOMER), report.summary());
        }

        @Test
        void randomScenariosFindItShrinkItAndReplayItFromTheSeed() {
            RuleViolation first = assertThrows(RuleViolation.class,
                    () -> refundChecker(false).random(11).scenarios(3_000).steps(25).check());
            Counterexample found = first.counterexample();
            System.out.println(first.getMessage());
            assertEquals(6, found.length(), found.format());
            CheckReport again = refundChecker(false).random(11).scenarios(3_000).steps(25).run();
            assertEquals(found.format(), again.counterexample().orElseThrow().format());
        }
    }
}
