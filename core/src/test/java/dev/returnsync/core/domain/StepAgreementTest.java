package dev.returnsync.core.domain;

import dev.returnsync.core.domain.ExhaustiveTransitionTest.Who;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.returnsync.core.domain.Fixtures.S1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link ReturnWorkflow#step} and {@link ReturnWorkflow#decide} followed by {@link ReturnWorkflow#evolve} agree
 * on every leg state x command type x role (as a party and as a stranger, at the version the case is at and at
 * a stale one), with and without a custom guard: the same decision, and the same case after it. Every row of
 * the transition table is taken.
 */
@Timeout(60)
class StepAgreementTest {
    /** Refuses agreeing to an exchange with the catalog's supplier, so that the guards' path is compared too. */
    private static final Guard NO_EXCHANGES = Guards.noExchangesFrom(Set.of(S1));

    @Test
    void stepAgreesWithDecideThenEvolveOnEveryStateCommandAndRole() {
        Set<Transition> rowsTaken = new HashSet<>();
        int compared = 0;
        for (ReturnWorkflow workflow : List.of(ReturnWorkflow.ofDefaults(),
                ReturnWorkflow.builder().guard(NO_EXCHANGES).build())) {
            for (StateCatalog.Sample sample : StateCatalog.all()) {
                ReturnCase before = sample.current();
                Leg leg = before.leg(S1).orElseThrow();
                for (CommandType type : CommandType.values()) {
                    // a re-application within its window, everything else late enough for any deadline to be due
                    RuleContext context = RuleContext.at(leg.since().plus(
                            type == CommandType.REAPPLY ? Duration.ofDays(1) : Duration.ofDays(30)));
                    for (Who who : Who.values()) {
                        Command command = ExhaustiveTransitionTest.command(type, who.actor, before, leg);
                        String where = sample.path() + " in " + sample.state() + ": " + type + " by " + who;
                        StepResult stepped = agree(workflow, Optional.of(before), command, context, where);
                        if (stepped.accepted()) {
                            rowsTaken.add(workflow.definition().row(type, leg, who.actor.role()));
                        }
                        compared++;
                    }
                }
                for (long stale : new long[] {0, before.version() - 1, before.version() + 1}) {
                    Command command = new Command.CloseLeg(IdempotencyKey.of("stale"), Fixtures.reseller(), stale, null,
                            Fixtures.CASE, S1, Reason.of(ReasonCode.OTHER, "x"));
                    agree(workflow, Optional.of(before), command, RuleContext.at(leg.since().plus(Duration.ofDays(30))),
                            sample.path() + " at version " + stale);
                }
            }
        }
        Set<Transition> legRows = new HashSet<>(ReturnWorkflow.ofDefaults().definition().transitions());
        legRows.removeIf(row -> row.command() == CommandType.SUBMIT_RETURN);
        assertEquals(legRows, rowsTaken, "every leg row of the table is taken at least once");
        assertTrue(compared > 10_000, "compared " + compared);
    }

    @Test
    void stepAgreesOnTheSubmissionForEveryRole() {
        for (Who who : Who.values()) {
            for (OutcomeType wanted : OutcomeType.values()) {
                Command.SubmitReturn submit = Fixtures.submit(IdempotencyKey.of("k"), who.actor,
                        List.of(Fixtures.line("SKU-1", S1, 1, 1, "9.90"), Fixtures.line("SKU-2", Fixtures.S2, 2, 2,
                                "1.00")), wanted);
                agree(ReturnWorkflow.ofDefaults(), Optional.empty(), submit, RuleContext.at(Fixtures.T0),
                        "submission by " + who);
            }
        }
    }

    /** Asserts that step gives what decide and evolve give, and returns step's answer. */
    static StepResult agree(ReturnWorkflow workflow, Optional<ReturnCase> before, Command command,
                            RuleContext context, String where) {
        Decision decided = workflow.decide(before, command, context);
        StepResult stepped = workflow.step(before, command, context);
        assertEquals(decided, stepped.decision(), where);
        if (decided instanceof Decision.Accepted accepted) {
            ReturnCase evolved = ReturnWorkflow.evolve(before, accepted.events());
            assertEquals(evolved, stepped.after(), where);
        } else {
            assertNull(stepped.after(), where);
        }
        return stepped;
    }

    @Test
    void anAcceptedStepNeedsItsEventAndItsCaseAndARefusalHasNoCase() {
        ReturnEvent event = new ReturnEvent.ReturnCancelled(Fixtures.T0, Fixtures.reseller(), S1);
        ReturnCase any = StateCatalog.all().get(0).current();
        assertThrows(NullPointerException.class, () -> new StepResult.Accepted(event, null, null));
        assertThrows(NullPointerException.class, () -> new StepResult.Accepted(null, null, any));
        StepResult refused = new StepResult.Refused(new Refusal(Refusal.Code.RULE, Fixtures.CASE, null,
                CommandType.CLOSE_LEG, "no", "rule"));
        assertNull(refused.after());
        assertEquals(new Decision.Accepted(List.of(event)), new StepResult.Accepted(event, null, any).decision());
        ReturnEvent.ExternalVersionRecorded recorded = new ReturnEvent.ExternalVersionRecorded(Fixtures.T0,
                Fixtures.reseller(), ExternalVersion.of("taobao", 3));
        assertEquals(List.of(event, recorded), new StepResult.Accepted(event, recorded, any).events());
    }
}
