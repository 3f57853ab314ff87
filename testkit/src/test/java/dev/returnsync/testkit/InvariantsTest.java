package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each built-in invariant holds on real steps and breaks on a crafted wrong one. */
class InvariantsTest {
    private static final ReturnWorkflow WORKFLOW = ReturnWorkflow.ofDefaults();
    private static final Parties P = Parties.ofDefaults();
    private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
    private static final IdempotencyKey KEY = IdempotencyKey.of("k");
    private static final SupplierId S1 = SupplierId.of("S1");
    private static final SupplierId S2 = SupplierId.of("S2");

    private final List<RecordedEvent> history = new ArrayList<>();
    private Optional<ReturnCase> current = Optional.empty();

    private Step run(Command command) {
        RuleContext context = RuleContext.at(T0);
        Decision decision = WORKFLOW.decide(current, command, context);
        Optional<ReturnCase> before = current;
        if (decision instanceof Decision.Accepted accepted) {
            current = Optional.of(ReturnWorkflow.evolve(current, accepted.events()));
            accepted.events().forEach(e -> history.add(new RecordedEvent(e, null)));
        }
        return new Step(WORKFLOW, command, null, context, before, decision, current, history);
    }

    private static CommandHeader as(Actor actor) {
        return Commands.as(actor).key(KEY).onCase(P.caseId());
    }

    private Step submitted() {
        return run(Submission.multiSupplier(OutcomeType.RETURN_AND_REFUND)
                .command(P, Commands.as(P.ownCustomer()).key(KEY), T0).build());
    }

    private static Step withAfter(Step step, ReturnCase after) {
        return new Step(step.workflow(), step.command(), step.policy(), step.context(), step.before(), step.decision(),
                Optional.of(after), step.history());
    }

    private static ReturnCase withLegs(ReturnCase c, List<Leg> legs, long version) {
        return new ReturnCase(c.header(), legs, version, c.externalVersions());
    }

    private static Leg moved(Leg l, LegState state, Instant since) {
        return new Leg(l.supplier(), state, since, l.outcome(), l.lines(), l.supplierNumber(), l.supersededNumbers(),
                l.returnTracking(), l.replacementTracking(), l.numberShared(), l.escalatedIn(), l.refund(), l.money(),
                l.round());
    }

    private static Leg tracked(Leg l, ReturnNumber tracking) {
        return new Leg(l.supplier(), l.state(), l.since(), l.outcome(), l.lines(), l.supplierNumber(),
                l.supersededNumbers(), tracking, l.replacementTracking(), l.numberShared(), l.escalatedIn(), l.refund(),
                l.money(), l.round());
    }

    private static void holds(Invariant invariant, Step step) {
        assertEquals(Optional.empty(), invariant.check(step), invariant.name());
    }

    private static void breaks(Invariant invariant, Step step) {
        Optional<String> violation = invariant.check(step);
        assertTrue(violation.isPresent(), invariant.name() + " should break");
    }

    @Test
    void everyBuiltInHoldsOnARealStep() {
        submitted();
        Step open = run(as(P.reseller()).openNegotiation().leg(S1).build());
        Step refused = run(as(P.ownCustomer()).confirmResult().leg(S1).build());
        for (Invariant invariant : Invariants.all()) {
            holds(invariant, open);
            if (!invariant.stateOnly()) {
                holds(invariant, refused);
            }
        }
    }

    @Test
    void versionsWithAGapBreak() {
        Step step = submitted();
        breaks(Invariants.versionsHaveNoGaps(), withAfter(step, withLegs(step.after().orElseThrow(), step.after().orElseThrow().legs(), 2)));
    }

    @Test
    void aTerminalLegThatMovesBreaks() {
        submitted();
        Step cancel = run(as(P.ownCustomer()).cancelReturn().leg(S1).build());
        Step next = run(as(P.reseller()).openNegotiation().leg(S2).build());
        List<Leg> legs = new ArrayList<>(next.after().orElseThrow().legs());
        legs.set(0, moved(legs.get(0), LegState.NEGOTIATING, T0));
        holds(Invariants.terminalStatesAbsorb(), next);
        breaks(Invariants.terminalStatesAbsorb(), withAfter(next, withLegs(next.after().orElseThrow(), legs, next.after().orElseThrow().version())));
        assertEquals(LegState.CANCELLED, cancel.after().orElseThrow().legs().get(0).state());
    }

    @Test
    void aRefusalThatChangesTheCaseBreaks() {
        Step submit = submitted();
        Step refused = run(as(P.ownCustomer()).confirmResult().leg(S1).build());
        breaks(Invariants.refusalChangesNothing(), withAfter(refused,
                withLegs(submit.after().orElseThrow(), List.of(moved(submit.after().orElseThrow().legs().get(0), LegState.AGREED, T0),
                        submit.after().orElseThrow().legs().get(1)), 1)));
    }

    @Test
    void aMoveTheTableDoesNotHaveBreaks() {
        submitted();
        Step open = run(as(P.reseller()).openNegotiation().leg(S1).build());
        List<Leg> legs = new ArrayList<>(open.after().orElseThrow().legs());
        legs.set(0, moved(legs.get(0), LegState.AGREED, T0));
        breaks(Invariants.evolveFollowsTable(), withAfter(open, withLegs(open.after().orElseThrow(), legs, open.after().orElseThrow().version())));
    }

    @Test
    void aLegEnteringItsStateInTheFutureBreaks() {
        submitted();
        Step open = run(as(P.reseller()).openNegotiation().leg(S1).build());
        List<Leg> legs = new ArrayList<>(open.after().orElseThrow().legs());
        legs.set(0, moved(legs.get(0), LegState.NEGOTIATING, T0.plus(Duration.ofDays(1))));
        breaks(Invariants.deadlinesNotBeforeTheirEvent(),
                withAfter(open, withLegs(open.after().orElseThrow(), legs, open.after().orElseThrow().version())));
    }

    @Test
    void oneTrackingNumberOnTwoLegsBreaks() {
        Step step = submitted();
        ReturnNumber parcel = ReturnNumber.returnTracking("SF", "SF1000001");
        List<Leg> legs = step.after().orElseThrow().legs().stream().map(l -> tracked(l, parcel)).toList();
        breaks(Invariants.numbersResolveToOneLeg(), withAfter(step, withLegs(step.after().orElseThrow(), legs, 1)));
    }

    @Test
    void sharingAnotherLegsNumberBreaks() {
        submitted();
        Step open = run(as(P.reseller()).openNegotiation().leg(S1).build());
        ReturnEvent.NumberSharedWithCustomer wrong = new ReturnEvent.NumberSharedWithCustomer(T0, P.reseller(), S1,
                ReturnNumber.supplierReturn(S2, "RMA-2-1"));
        Step crafted = new Step(WORKFLOW, open.command(), null, open.context(), open.before(),
                new Decision.Accepted(List.of(wrong)), open.after(), open.history());
        breaks(Invariants.customerSeesOnlyOwnLegNumbers(), crafted);
    }

    @Test
    void aResultReportedByAPolicyBreaks() {
        submitted();
        Step open = run(as(P.reseller()).openNegotiation().leg(S1).build());
        List<Leg> legs = new ArrayList<>(open.after().orElseThrow().legs());
        legs.set(0, moved(legs.get(0), LegState.RESULT_REPORTED, T0));
        ReturnEvent.ResultReported reported = new ReturnEvent.ResultReported(T0, P.supplier(S1), S1, List.of(),
                List.of(), "auto", dev.returnsync.spi.Money.of("CNY", "0"), List.of());
        List<RecordedEvent> history = new ArrayList<>(open.history());
        history.add(new RecordedEvent(reported, "sneaky"));
        Step byPolicy = new Step(WORKFLOW, open.command(), "sneaky", open.context(), open.before(),
                new Decision.Accepted(List.of(reported)),
                Optional.of(withLegs(open.after().orElseThrow(), legs, open.after().orElseThrow().version() + 1)), history);
        breaks(Invariants.resultReportedBySupplierItself(), byPolicy);
        history.set(history.size() - 1, new RecordedEvent(reported, null));
        holds(Invariants.resultReportedBySupplierItself(), new Step(WORKFLOW, open.command(), null, open.context(),
                open.before(), new Decision.Accepted(List.of(reported)), byPolicy.after(), history));
    }
}
