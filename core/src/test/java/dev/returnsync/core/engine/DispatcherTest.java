package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.testsupport.SimulatedSupplier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.store.OutboxIds;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierCapabilities;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.Mockito;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/** Backoff with jitter, parking after the cap, the case view, and retrying parked work. */
@Timeout(20)
class DispatcherTest {
    @Test
    void backoffGrowsWithJitterFromTheInjectedRandomAndParksAfterTheCap() {
        TestClock clock = new TestClock(T0);
        InMemoryCaseStore store = new InMemoryCaseStore();
        InMemoryNotifier notifier = new InMemoryNotifier();
        // the supplier's system is a collaborator we do not rebuild here: a mock that is down, then back
        SupplierAdapter down = Mockito.mock(SupplierAdapter.class);
        when(down.supplier()).thenReturn(S1);
        when(down.capabilities()).thenReturn(SupplierCapabilities.replyOnly().withCancellation(false));
        when(down.requestReturn(any())).thenThrow(new IllegalStateException("connection refused to 10.0.0.7"));
        RandomGenerator half = () -> Long.MIN_VALUE; // nextDouble() = (2^63 >>> 11) / 2^53 = 0.5
        DispatcherConfig config = DispatcherConfig.custom().initialBackoff(Duration.ofSeconds(10))
                .maxBackoff(Duration.ofSeconds(60)).multiplier(2.0).jitter(0.5).maxAttempts(5).build();
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(notifier).clock(clock)
                .random(half).suppliers(SupplierRegistry.of(down)).dispatcherConfig(config).build();
        CaseId c = CaseId.of("case-backoff");
        engine.execute(submit(c, "AS-B", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        engine.execute(open(c, S1));
        engine.execute(agree(c, S1));
        engine.execute(apply(c, S1));
        String id = OutboxIds.of(TENANT, c, 4, Effect.REQUEST_RETURN, S1.value());

        // delays: 10 s, 20 s, 40 s, 60 s (capped), each jittered by 0.5 * 0.5 = 25 % down
        List<Duration> delays = new ArrayList<>();
        for (int attempt = 1; attempt <= 4; attempt++) {
            engine.dispatchPending();
            OutboxEntry entry = entry(store, c, id);
            assertEquals(attempt, entry.attempts());
            assertFalse(entry.parked());
            assertEquals("failed with java.lang.IllegalStateException", entry.lastError(), "no host message stored");
            delays.add(Duration.between(clock.instant(), entry.nextAttemptAt()));
            assertEquals(0, engine.dispatchPending(entry.nextAttemptAt().minusMillis(1)).handled(), "not before its time");
            clock.set(entry.nextAttemptAt());
        }
        assertEquals(List.of(Duration.ofMillis(7_500), Duration.ofMillis(15_000), Duration.ofMillis(30_000),
                Duration.ofMillis(45_000)), delays);

        DispatchReport last = engine.dispatchPending();
        assertEquals(1, last.parked());
        CaseView view = engine.caseView(reseller(), c);
        assertEquals(List.of(id), view.parked().stream().map(OutboxEntry::id).toList());
        assertTrue(view.needsAttention());
        clock.advance(Duration.ofDays(1));
        assertEquals(0, engine.dispatchPending().handled(), "parked work waits for a person");

        // the supplier is back; a reseller retries the parked work
        Mockito.reset(down);
        when(down.supplier()).thenReturn(S1);
        when(down.capabilities()).thenReturn(SupplierCapabilities.replyOnly().withCancellation(false));
        when(down.requestReturn(any())).thenReturn(SupplierReply.numberIssued("SR-BACK"));
        assertThrows(AccessDeniedException.class, () -> engine.retryParked(customer(), c));
        assertThrows(CaseNotFoundException.class,
                () -> engine.retryParked(dev.returnsync.spi.Actor.reseller(OTHER_TENANT, "x"), c));
        assertEquals(1, engine.retryParked(reseller(), c));
        OutboxEntry back = entry(store, c, id);
        assertEquals(0, back.attempts());
        engine.dispatchPending();
        assertTrue(engine.caseView(reseller(), c).parked().isEmpty());
        assertEquals(LegState.NUMBER_ISSUED, engine.caseView(reseller(), c).state().leg(S1).orElseThrow().state());
        Mockito.verify(down).requestReturn(Mockito.argThat(r -> r.idempotencyKey().equals(id)));
        engine.close();
    }

    @Test
    void aPermanentFailureParksAtOnceAndADeclineBecomesACommandOfTheSupplier() {
        TestClock clock = new TestClock(T0);
        InMemoryCaseStore store = new InMemoryCaseStore();
        SupplierAdapter strict = new SupplierAdapter() {
            @Override
            public dev.returnsync.spi.SupplierId supplier() {
                return S2;
            }

            @Override
            public SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn request) {
                return request.caseId().value().endsWith("decline")
                        ? SupplierReply.declined(dev.returnsync.spi.Reason.of(dev.returnsync.spi.ReasonCode.OTHER,
                        "past the return window"))
                        : SupplierReply.failed("unknown reseller account");
            }

            @Override
            public SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking request) {
                return SupplierReply.done();
            }
        };
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
                .clock(clock).suppliers(SupplierRegistry.of(strict)).build();
        for (String name : List.of("case-park", "case-decline")) {
            CaseId c = CaseId.of(name);
            engine.execute(submit(c, "AS-" + name, List.of(line("SKU-1", S2, 1, 1, "1.00"))));
            engine.execute(open(c, S2));
            engine.execute(agree(c, S2));
            engine.execute(apply(c, S2));
        }
        engine.dispatchPending();
        CaseView parked = engine.caseView(reseller(), CaseId.of("case-park"));
        assertEquals(1, parked.parked().size());
        assertEquals("unknown reseller account", parked.parked().get(0).lastError());
        assertEquals(1, parked.parked().get(0).attempts());
        CaseView declined = engine.caseView(reseller(), CaseId.of("case-decline"));
        assertEquals(LegState.DECLINED, declined.state().leg(S2).orElseThrow().state());
        List<dev.returnsync.spi.ReturnEvent> events = engine.history(reseller(), CaseId.of("case-decline"));
        assertEquals(supplier(S2), events.get(events.size() - 1).actor(), "recorded as the supplier");
        engine.close();
    }

    @Test
    void theBackgroundLoopDispatchesUntilStopped() throws Exception {
        InMemoryNotifier notifier = new InMemoryNotifier();
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore()).notifier(notifier)
                .suppliers(SupplierRegistry.of(SimulatedSupplier.of(S1, SimulatedSupplier.Style.NUMBER_IN_REPLY)))
                .build();
        engine.execute(submit(CaseId.of("case-bg"), "AS-BG", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        engine.start(Duration.ofMillis(20));
        assertTrue(engine.isRunning());
        Instant until = Instant.now().plusSeconds(10);
        while (notifier.delivered().isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(10);
        }
        engine.stop();
        assertFalse(engine.isRunning());
        assertEquals(1, notifier.delivered().size(), "the reseller heard of the request");
        engine.close();
    }

    @Test
    void aTransientStoreFailureApplyingASupplierReplyIsRetriedNotParked() {
        TestClock clock = new TestClock(T0);
        InMemoryCaseStore real = new InMemoryCaseStore();
        ReactionRetryTest.FlakyStore flaky = new ReactionRetryTest.FlakyStore(real,
                dev.returnsync.spi.ReturnEvent.SupplierNumberIssued.class);
        SimulatedSupplier supplier = SimulatedSupplier.of(S1, SimulatedSupplier.Style.NUMBER_IN_REPLY);
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(flaky).notifier(new InMemoryNotifier())
                .clock(clock).suppliers(SupplierRegistry.of(supplier)).build();
        CaseId c = CaseId.of("case-reply-flaky");
        engine.execute(submit(c, "AS-RPF", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        engine.execute(open(c, S1));
        engine.execute(agree(c, S1));
        engine.execute(apply(c, S1));

        engine.dispatchPending();
        assertEquals(1, flaky.failures.get(), "recording the supplier's number failed once");
        CaseView view = engine.caseView(reseller(), c);
        assertTrue(view.parked().isEmpty(), "a transient failure parks nothing: " + view.parked());
        OutboxEntry request = view.pending().stream().filter(e -> e.effect() == Effect.REQUEST_RETURN).findFirst()
                .orElseThrow(() -> new AssertionError("the request was dropped"));
        assertEquals(1, request.attempts());

        clock.set(request.nextAttemptAt());
        engine.dispatchPending();
        assertEquals(LegState.NUMBER_ISSUED, engine.caseView(reseller(), c).state().leg(S1).orElseThrow().state());
        assertEquals(1, supplier.returnsCreated(), "the repeated call carried the same key");
        engine.close();
    }

    @Test
    void aShipmentOfALegClosedBeforeItsTurnIsNotSentToTheSupplier() {
        TestClock clock = new TestClock(T0);
        SimulatedSupplier supplier = SimulatedSupplier.of(S1, SimulatedSupplier.Style.NUMBER_IN_REPLY);
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
                .notifier(new InMemoryNotifier()).clock(clock).suppliers(SupplierRegistry.of(supplier)).build();
        CaseId c = CaseId.of("case-superseded");
        engine.execute(submit(c, "AS-SUP", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        engine.execute(open(c, S1));
        engine.execute(agree(c, S1));
        engine.execute(apply(c, S1));
        engine.dispatchPending();
        engine.execute(share(c, S1));
        engine.execute(ship(c, S1, "SF", "SF123456789"));
        engine.execute(new dev.returnsync.core.domain.Command.CloseLeg(key(), reseller(), null, null, c, S1,
                dev.returnsync.spi.Reason.of(dev.returnsync.spi.ReasonCode.OTHER, "settled by phone")));

        DispatchReport report = engine.dispatchPending();
        assertEquals(0, report.parked() + report.retried(), report.toString());
        assertTrue(supplier.calls().stream().noneMatch(r -> r instanceof SupplierRequest.ShareTracking),
                "a closed leg's tracking is superseded: " + supplier.calls());
        assertTrue(engine.caseView(reseller(), c).pending().isEmpty());
        engine.close();
    }

    @Test
    void aTrackingNumberOfALegCompletedBeforeItsTurnIsStillSent() {
        SimulatedSupplier supplier = SimulatedSupplier.of(S1, SimulatedSupplier.Style.NUMBER_IN_REPLY);
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
                .notifier(new InMemoryNotifier()).clock(new TestClock(T0)).suppliers(SupplierRegistry.of(supplier))
                .build();
        CaseId c = CaseId.of("case-completed-first");
        engine.execute(submit(c, "AS-CPF", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        engine.execute(open(c, S1));
        engine.execute(agree(c, S1));
        engine.execute(apply(c, S1));
        engine.dispatchPending();
        engine.execute(share(c, S1));
        engine.execute(ship(c, S1, "SF", "SF123456780"));
        engine.execute(receive(c, S1, "SKU-1", 1));
        engine.execute(result(c, S1, "SKU-1", 1, 0));
        engine.execute(tell(c, S1));
        engine.execute(confirm(c, S1));
        assertEquals(LegState.COMPLETED, engine.caseView(reseller(), c).state().leg(S1).orElseThrow().state());

        engine.dispatchPending();
        assertTrue(supplier.calls().stream().anyMatch(r -> r instanceof SupplierRequest.ShareTracking),
                "a late tracking number is not wrong and is not lost: " + supplier.calls());
        assertTrue(engine.caseView(reseller(), c).pending().isEmpty());
        engine.close();
    }

    @Test
    void aRequestForALegCancelledBeforeItsTurnIsSupersededAndTheCancellationStillReachesTheSupplier() {
        SimulatedSupplier supplier = SimulatedSupplier.of(S1, SimulatedSupplier.Style.NUMBER_IN_REPLY);
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
                .notifier(new InMemoryNotifier()).clock(new TestClock(T0)).suppliers(SupplierRegistry.of(supplier))
                .build();
        CaseId c = CaseId.of("case-cancelled-first");
        engine.execute(submit(c, "AS-CF", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        engine.execute(open(c, S1));
        engine.execute(agree(c, S1));
        engine.execute(apply(c, S1));
        engine.execute(new dev.returnsync.core.domain.Command.CancelReturn(key(), customer(), null, null, c, S1));

        engine.dispatchPending();
        assertTrue(supplier.calls().stream().noneMatch(r -> r instanceof SupplierRequest.RequestReturn),
                "the request was superseded by the cancellation: " + supplier.calls());
        assertEquals(0, supplier.returnsCreated());
        assertTrue(supplier.cancelled(c), "the cancellation is always sent");
        assertTrue(engine.caseView(reseller(), c).pending().isEmpty());
        engine.close();
    }

    @Test
    void theBackgroundLoopOutlivesAnErrorFromHostCode() throws Exception {
        InMemoryNotifier sink = new InMemoryNotifier();
        java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean(true);
        dev.returnsync.spi.notify.Notifier breaksOnce = notification -> {
            if (armed.getAndSet(false)) {
                throw new AssertionError("host code broke");
            }
            sink.deliver(notification);
        };
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore()).notifier(breaksOnce)
                .build();
        engine.execute(submit(CaseId.of("case-error-1"), "AS-ERR-1", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        engine.start(Duration.ofMillis(10));
        Instant until = Instant.now().plusSeconds(5);
        while (armed.get() && Instant.now().isBefore(until)) {
            Thread.sleep(5);
        }
        assertFalse(armed.get(), "the first run met the error");
        engine.execute(submit(CaseId.of("case-error-2"), "AS-ERR-2", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        while (sink.delivered().isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(5);
        }
        assertTrue(engine.isRunning());
        engine.stop();
        assertEquals(1, sink.delivered().size(), "a later run delivered the second case's notification");
        assertEquals(CaseId.of("case-error-2"), sink.delivered().get(0).caseId());
        engine.close();
    }

    private static OutboxEntry entry(InMemoryCaseStore store, CaseId c, String id) {
        return store.outboxOf(TENANT, c).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aSupplierNumberLinkedToAnotherReturnParksTheRequestInsteadOfDroppingIt() {
        TestClock clock = new TestClock(T0);
        InMemoryCaseStore store = new InMemoryCaseStore();
        SupplierAdapter reuses = Mockito.mock(SupplierAdapter.class);
        when(reuses.supplier()).thenReturn(S1);
        when(reuses.capabilities()).thenReturn(SupplierCapabilities.replyOnly().withCancellation(false));
        when(reuses.requestReturn(any())).thenReturn(SupplierReply.numberIssued("SR-REUSED"));
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
                .clock(clock).suppliers(SupplierRegistry.of(reuses)).build();
        CaseId first = CaseId.of("case-first");
        CaseId second = CaseId.of("case-second");
        for (CaseId c : List.of(first, second)) {
            engine.execute(submit(c, "AS-" + c.value().toUpperCase(), List.of(line("SKU-1", S1, 1, 1, "1.00"))));
            engine.execute(open(c, S1));
            engine.execute(agree(c, S1));
            engine.execute(apply(c, S1));
            engine.dispatchPending();
        }
        assertEquals(LegState.NUMBER_ISSUED, engine.caseView(reseller(), first).state().leg(S1).orElseThrow().state());
        CaseView view = engine.caseView(reseller(), second);
        assertEquals(LegState.NUMBER_REQUESTED, view.state().leg(S1).orElseThrow().state());
        assertEquals(List.of(OutboxIds.of(TENANT, second, 4, Effect.REQUEST_RETURN, S1.value())),
                view.parked().stream().map(OutboxEntry::id).toList(), "a person must look at it");
        engine.close();
    }
}
