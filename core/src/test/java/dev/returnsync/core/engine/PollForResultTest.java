package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.domain.Guard;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.ForwardingCaseStore;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.store.OutboxIds;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.testsupport.SimulatedSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A pull-only supplier reports the result of its inspection by poll: the engine keeps polling after the receipt
 * (a {@code POLL_SUPPLIER} entry planned on {@code ReturnReceived}, and on the sharing of a refund-only leg's
 * number), records the result as the supplier, once, also when it finds it before the receipt, after a crash, or
 * when a reply is repeated; polling ends when the leg moved on.
 */
@Timeout(20)
class PollForResultTest {
    private static final Duration POLL = Duration.ofMinutes(2);
    private static final SupplierReply.ResultReported RESULT = SupplierReply.resultReported(
            List.of(LineQuantity.of("SKU-1", 1)), List.of(LineQuantity.of("SKU-1", 1)))
            .withNote("one scratched").withRestockingFee(Money.of("CNY", "2.00"))
            .withEvidence(List.of(Evidence.of(EvidenceKind.PHOTO, "img/scratch.jpg")));

    private final TestClock clock = new TestClock(T0);
    private final InMemoryCaseStore memory = new InMemoryCaseStore();
    private final ScriptedPoller poller = new ScriptedPoller(S1);
    private final CaseId c = CaseId.of("case-poll");
    private final List<ReturnSyncEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(ReturnSyncEngine::close);
    }

    @Test
    void aPollAfterTheReceiptFindsTheResultAndRecordsItAsTheSupplier() {
        ReturnSyncEngine engine = engine(memory, ReturnWorkflow.ofDefaults(), "engine-a");
        shipped(engine, OutcomeType.RETURN_AND_REFUND);
        poller.script(SupplierReply.received(List.of(LineQuantity.of("SKU-1", 2))));
        pollOnce(engine);
        assertEquals(LegState.RECEIVED, state(engine));
        long received = version(engine, ReturnEvent.ReturnReceived.class);
        assertTrue(planned(Effect.POLL_SUPPLIER, received), "the receipt starts the poll for the result");

        poller.script(SupplierReply.nothingNew(), RESULT);
        pollOnce(engine);
        assertEquals(LegState.RECEIVED, state(engine), "nothing new: polled again later");
        pollOnce(engine);

        assertEquals(LegState.RESULT_REPORTED, state(engine));
        ReturnEvent.ResultReported reported = only(engine, ReturnEvent.ResultReported.class);
        assertEquals(supplier(S1), reported.actor());
        assertEquals(RESULT.accepted(), reported.accepted());
        assertEquals(RESULT.rejected(), reported.rejected());
        assertEquals("one scratched", reported.note());
        assertEquals(Money.of("CNY", "2.00"), reported.restockingFee());
        assertEquals(RESULT.evidence(), reported.evidence());
        assertEquals(List.of(), memory.outboxOf(TENANT, c).stream()
                .filter(e -> e.effect() == Effect.POLL_SUPPLIER).toList(), "polling ended");
    }

    @Test
    void aResultFoundWhileTheParcelIsAwaitedRecordsTheReceiptThenTheResult() {
        ReturnSyncEngine engine = engine(memory, ReturnWorkflow.ofDefaults(), "engine-a");
        shipped(engine, OutcomeType.RETURN_AND_REFUND);
        poller.script(RESULT);
        pollOnce(engine);

        assertEquals(LegState.RESULT_REPORTED, state(engine));
        ReturnEvent.ReturnReceived receipt = only(engine, ReturnEvent.ReturnReceived.class);
        assertEquals(supplier(S1), receipt.actor());
        assertEquals(List.of(LineQuantity.of("SKU-1", 2)), receipt.received(), "accepted + rejected were received");
        assertEquals(1, count(engine, ReturnEvent.ResultReported.class));
        int polls = poller.polls();
        clock.advance(POLL.multipliedBy(3));
        engine.dispatchPending();
        assertEquals(polls, poller.polls(), "the poll planned by the receipt ends without asking the supplier");
        assertTrue(engine.caseView(reseller(), c).pending().isEmpty());
    }

    @Test
    void aCrashBetweenTheReceiptAndTheResultRecordsEachOnce() {
        AtomicBoolean armed = new AtomicBoolean(false);
        Guard dies = Guard.named("dies-once").on(Command.ReportResult.class).refuseWhen((cmd, current, ctx) -> {
            if (armed.getAndSet(false)) {
                throw new CrashRecoveryTest.Crash();
            }
            return false;
        }, "never");
        ReturnWorkflow dying = ReturnWorkflow.builder().guard(dies).build();
        ReturnSyncEngine first = engine(memory, dying, "engine-dies");
        shipped(first, OutcomeType.RETURN_AND_REFUND);
        poller.script(RESULT, RESULT, RESULT);
        armed.set(true);
        clock.advance(POLL);
        assertThrows(CrashRecoveryTest.Crash.class, first::dispatchPending);
        assertEquals(LegState.RECEIVED, state(first), "the receipt was recorded before the process died");

        ReturnSyncEngine second = engine(memory, dying, "engine-second");
        for (int i = 0; i < 5 && state(second) != LegState.RESULT_REPORTED; i++) {
            pollOnce(second);
        }
        assertEquals(LegState.RESULT_REPORTED, state(second));
        assertEquals(1, count(second, ReturnEvent.ReturnReceived.class));
        assertEquals(1, count(second, ReturnEvent.ResultReported.class));
        assertTrue(second.caseView(reseller(), c).pending().isEmpty() && second.caseView(reseller(), c).parked()
                .isEmpty(), "all work done");
    }

    @Test
    void aResultRecordedBeforeACrashIsNeitherAskedForNorAppliedAgain() {
        AtomicBoolean armed = new AtomicBoolean(false);
        String[] dieOn = new String[1];
        CaseStore dyingStore = new ForwardingCaseStore(memory) {
            @Override
            public boolean completeOutbox(String id, String owner) {
                if (id.equals(dieOn[0]) && armed.getAndSet(false)) {
                    throw new CrashRecoveryTest.Crash();
                }
                return super.completeOutbox(id, owner);
            }
        };
        ReturnSyncEngine first = engine(dyingStore, ReturnWorkflow.ofDefaults(), "engine-dies");
        shipped(first, OutcomeType.RETURN_AND_REFUND);
        first.execute(receive(c, S1, "SKU-1", 2));
        dieOn[0] = OutboxIds.of(TENANT, c, version(first, ReturnEvent.ReturnReceived.class), Effect.POLL_SUPPLIER,
                S1.value());
        poller.script(RESULT, RESULT);
        armed.set(true);
        clock.advance(POLL);
        assertThrows(CrashRecoveryTest.Crash.class, first::dispatchPending);
        assertEquals(LegState.RESULT_REPORTED, state(first), "the result was recorded before the process died");

        ReturnSyncEngine second = engine(memory, ReturnWorkflow.ofDefaults(), "engine-second");
        clock.advance(Duration.ofMinutes(10));
        second.dispatchPending();
        assertEquals(1, poller.polls(), "the retried entry saw the leg moved on");
        assertEquals(1, count(second, ReturnEvent.ResultReported.class));
        assertTrue(second.caseView(reseller(), c).pending().isEmpty());
    }

    @Test
    void theSameResultAnsweredToTwoDispatchersIsAppliedOnce() {
        ReturnSyncEngine first = engine(memory, ReturnWorkflow.ofDefaults(), "engine-slow");
        ReturnSyncEngine second = engine(memory, ReturnWorkflow.ofDefaults(), "engine-fast");
        shipped(first, OutcomeType.RETURN_AND_REFUND);
        first.execute(receive(c, S1, "SKU-1", 2));
        // the first dispatcher's call is so slow that its lease runs out: the second takes the entry over, polls and
        // applies the result; then the first call returns with the same result
        poller.onPoll(() -> {
            poller.onPoll(null);
            clock.advance(Duration.ofMinutes(5));
            second.dispatchPending();
        });
        poller.script(RESULT, RESULT);
        pollOnce(first);
        assertEquals(2, poller.polls(), "both dispatchers asked and got the result");
        assertEquals(1, count(first, ReturnEvent.ResultReported.class), "the repeated reply was applied once");
        assertEquals(LegState.RESULT_REPORTED, state(first));
    }

    @Test
    void aResultWhileTheNumberIsAwaitedPollsAgain() {
        ReturnSyncEngine engine = engine(memory, ReturnWorkflow.ofDefaults(), "engine-a");
        applied(engine, OutcomeType.RETURN_AND_REFUND);
        poller.script(RESULT, SupplierReply.numberIssued("N-1"));
        pollOnce(engine);
        assertEquals(LegState.NUMBER_REQUESTED, state(engine));
        assertEquals(0, count(engine, ReturnEvent.ResultReported.class));
        pollOnce(engine);
        assertEquals(LegState.NUMBER_ISSUED, state(engine));
    }

    @Test
    void pollingEndsWhenTheResultCameAnotherWay() {
        ReturnSyncEngine engine = engine(memory, ReturnWorkflow.ofDefaults(), "engine-a");
        shipped(engine, OutcomeType.RETURN_AND_REFUND);
        engine.execute(receive(c, S1, "SKU-1", 2));
        engine.execute(result(c, S1, "SKU-1", 2, 0));
        poller.script(RESULT);
        clock.advance(POLL.multipliedBy(2));
        engine.dispatchPending();
        assertEquals(0, poller.polls(), "the leg moved on: no poll");
        assertTrue(engine.caseView(reseller(), c).pending().isEmpty());
        assertEquals(1, count(engine, ReturnEvent.ResultReported.class));
    }

    @Test
    void pollingEndsWhenTheLegIsCancelled() {
        ReturnSyncEngine engine = engine(memory, ReturnWorkflow.ofDefaults(), "engine-a");
        shipped(engine, OutcomeType.RETURN_AND_REFUND);
        engine.execute(receive(c, S1, "SKU-1", 2));
        engine.execute(Commands.as(reseller()).key(key()).onCase(c).closeLeg().leg(S1).reason(
                dev.returnsync.spi.ReasonCode.OTHER, "settled by phone").build());
        clock.advance(POLL.multipliedBy(2));
        engine.dispatchPending();
        assertEquals(0, poller.polls());
        assertEquals(LegState.CLOSED, state(engine));
    }

    @Test
    void aRefundOnlyLegWaitingForTheResultIsPolledForIt() {
        ReturnSyncEngine engine = engine(memory, ReturnWorkflow.ofDefaults(), "engine-a");
        numberShared(engine, OutcomeType.REFUND_ONLY);
        assertEquals(LegState.AWAITING_RESULT, state(engine));
        long shared = version(engine, ReturnEvent.NumberSharedWithCustomer.class);
        assertTrue(planned(Effect.POLL_SUPPLIER, shared));
        poller.script(SupplierReply.nothingNew(), SupplierReply.resultReported(List.of(), List.of()));
        pollOnce(engine);
        pollOnce(engine);
        assertEquals(LegState.RESULT_REPORTED, state(engine));
    }

    @Test
    void aSharedNumberOfALegThatShipsStartsNoPoll() {
        ReturnSyncEngine engine = engine(memory, ReturnWorkflow.ofDefaults(), "engine-a");
        numberShared(engine, OutcomeType.RETURN_AND_REFUND);
        assertFalse(planned(Effect.POLL_SUPPLIER, version(engine, ReturnEvent.NumberSharedWithCustomer.class)));
    }

    @Test
    void aSupplierThatCallsBackIsNotPolledForTheResult() {
        SimulatedSupplier push = SimulatedSupplier.of(S1, SimulatedSupplier.Style.NUMBER_BY_CALLBACK);
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(memory).clock(clock).random(new Random(3))
                .notifier(new InMemoryNotifier()).suppliers(SupplierRegistry.of(push)).build();
        engines.add(engine);
        shipped(engine, OutcomeType.RETURN_AND_REFUND);
        engine.execute(receive(c, S1, "SKU-1", 2));
        assertFalse(planned(Effect.POLL_SUPPLIER, version(engine, ReturnEvent.ReturnReceived.class)));
    }

    @Test
    void aResultThatDoesNotFitTheLegIsParkedNotLost() {
        ReturnSyncEngine engine = engine(memory, ReturnWorkflow.ofDefaults(), "engine-a");
        shipped(engine, OutcomeType.RETURN_AND_REFUND);
        engine.execute(receive(c, S1, "SKU-1", 2));
        poller.script(SupplierReply.resultReported(List.of(LineQuantity.of("SKU-1", 1)), List.of()));
        pollOnce(engine);
        assertEquals(LegState.RECEIVED, state(engine));
        List<OutboxEntry> parked = engine.caseView(reseller(), c).parked();
        assertEquals(1, parked.size());
        assertEquals(Effect.POLL_SUPPLIER, parked.get(0).effect());
        assertTrue(parked.get(0).lastError().contains("REPORT_RESULT") && parked.get(0).lastError()
                .contains("INVALID_PAYLOAD"), parked.get(0).lastError());
    }

    @Test
    void aResultAHostRuleRefusesIsParkedNotLost() {
        Guard evidence = Guard.named("evidence-for-rejections").on(Command.ReportResult.class)
                .refuseWhen((cmd, current, ctx) -> true, "rejected goods need evidence");
        ReturnSyncEngine engine = engine(memory, ReturnWorkflow.builder().guard(evidence).build(), "engine-a");
        shipped(engine, OutcomeType.RETURN_AND_REFUND);
        engine.execute(receive(c, S1, "SKU-1", 2));
        poller.script(RESULT);
        pollOnce(engine);
        assertEquals(LegState.RECEIVED, state(engine));
        List<OutboxEntry> parked = engine.caseView(reseller(), c).parked();
        assertEquals(1, parked.size(), "parked, so the reseller sees the refused result");
        assertEquals(Effect.POLL_SUPPLIER, parked.get(0).effect());
        assertTrue(parked.get(0).lastError().contains("REPORT_RESULT") && parked.get(0).lastError()
                .contains("evidence-for-rejections"), parked.get(0).lastError());
    }

    @Test
    void aDeclineAfterTheReceiptIsParkedNotLost() {
        ReturnSyncEngine engine = engine(memory, ReturnWorkflow.ofDefaults(), "engine-a");
        shipped(engine, OutcomeType.RETURN_AND_REFUND);
        engine.execute(receive(c, S1, "SKU-1", 2));
        poller.script(SupplierReply.declined(dev.returnsync.spi.Reason.of(dev.returnsync.spi.ReasonCode.OTHER,
                "changed our mind")));
        pollOnce(engine);
        assertEquals(LegState.RECEIVED, state(engine));
        List<OutboxEntry> parked = engine.caseView(reseller(), c).parked();
        assertEquals(1, parked.size(), "parked, so the reseller sees the supplier's contradiction");
        assertTrue(parked.get(0).lastError().contains("declined") && parked.get(0).lastError().contains("RECEIVED"),
                parked.get(0).lastError());
    }

    // ------------------------------------------------------------------------------------------- helpers

    private ReturnSyncEngine engine(CaseStore store, ReturnWorkflow workflow, String owner) {
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).clock(clock).random(new Random(7))
                .notifier(new InMemoryNotifier()).suppliers(SupplierRegistry.of(poller)).workflow(workflow)
                .dispatcherConfig(DispatcherConfig.custom().owner(owner).lease(Duration.ofMinutes(1))
                        .pollInterval(POLL).build())
                .build();
        engines.add(engine);
        return engine;
    }

    private void applied(ReturnSyncEngine engine, OutcomeType outcome) {
        engine.execute(submit(c, "AS-POLL-1", List.of(line("SKU-1", S1, 2, 2, "10.00"))));
        engine.execute(open(c, S1));
        engine.execute(Commands.as(supplier(S1)).key(key()).onCase(c).agreeReturn().leg(S1).outcome(outcome).build());
        engine.execute(apply(c, S1));
        engine.dispatchPending();
    }

    private void numberShared(ReturnSyncEngine engine, OutcomeType outcome) {
        applied(engine, outcome);
        engine.execute(issue(c, S1, "N-1"));
        engine.execute(share(c, S1));
    }

    private void shipped(ReturnSyncEngine engine, OutcomeType outcome) {
        numberShared(engine, outcome);
        engine.execute(ship(c, S1, "SF", "SF1000000001"));
        engine.dispatchPending();
    }

    private void pollOnce(ReturnSyncEngine engine) {
        clock.advance(POLL.plusSeconds(1));
        engine.dispatchPending();
    }

    private LegState state(ReturnSyncEngine engine) {
        return engine.caseView(reseller(), c).state().leg(S1).orElseThrow().state();
    }

    private boolean planned(Effect effect, long version) {
        return memory.outboxOf(TENANT, c).stream().anyMatch(e -> e.id().equals(
                OutboxIds.of(TENANT, c, version, effect, S1.value())));
    }

    private long version(ReturnSyncEngine engine, Class<? extends ReturnEvent> type) {
        List<ReturnEvent> history = engine.history(reseller(), c);
        for (int i = history.size() - 1; i >= 0; i--) {
            if (type.isInstance(history.get(i))) {
                return i + 1;
            }
        }
        throw new AssertionError("no " + type.getSimpleName());
    }

    private long count(ReturnSyncEngine engine, Class<? extends ReturnEvent> type) {
        return engine.history(reseller(), c).stream().filter(type::isInstance).count();
    }

    private <E extends ReturnEvent> E only(ReturnSyncEngine engine, Class<E> type) {
        List<E> found = engine.history(reseller(), c).stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, found.size(), type.getSimpleName());
        return found.get(0);
    }

    /** A pull-only supplier whose polls answer what the test scripted, then nothing new. */
    static final class ScriptedPoller implements SupplierAdapter {
        private final SupplierId id;
        private final Deque<SupplierReply.ToPoll> script = new ArrayDeque<>();
        private int polls;
        private Runnable onPoll;

        ScriptedPoller(SupplierId id) {
            this.id = id;
        }

        synchronized void script(SupplierReply.ToPoll... replies) {
            script.clear();
            script.addAll(List.of(replies));
        }

        /** Runs something during the next polls, after the reply was taken and before it is returned. */
        synchronized void onPoll(Runnable action) {
            onPoll = action;
        }

        synchronized int polls() {
            return polls;
        }

        @Override
        public SupplierId supplier() {
            return id;
        }

        @Override
        public SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn request) {
            return SupplierReply.pending();
        }

        @Override
        public SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking request) {
            return SupplierReply.done();
        }

        @Override
        public SupplierReply.ToPoll poll(SupplierRequest.Poll request) {
            SupplierReply.ToPoll next;
            Runnable during;
            synchronized (this) {
                polls++;
                next = script.pollFirst();
                during = onPoll;
            }
            if (during != null) {
                during.run();
            }
            return next == null ? SupplierReply.nothingNew() : next;
        }
    }
}
