package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.core.memory.InMemoryNotifier;
import dev.returnsync.core.memory.SimulatedSupplier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxEntry;
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
        when(down.capabilities()).thenReturn(SupplierCapabilities.replyOnly());
        when(down.requestReturn(any())).thenThrow(new IllegalStateException("connection refused to 10.0.0.7"));
        RandomGenerator half = () -> Long.MIN_VALUE; // nextDouble() = (2^63 >>> 11) / 2^53 = 0.5
        DispatcherConfig config = DispatcherConfig.custom().initialBackoff(Duration.ofSeconds(10))
                .maxBackoff(Duration.ofSeconds(60)).multiplier(2.0).jitter(0.5).maxAttempts(5).build();
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(notifier).clock(clock)
                .random(half).suppliers(SupplierRegistry.of(down)).dispatcher(config).build();
        CaseId c = CaseId.of("case-backoff");
        engine.execute(submit(c, "AS-B", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        engine.execute(open(c, S1));
        engine.execute(agree(c, S1));
        engine.execute(apply(c, S1));
        String id = c + "/4/" + Effect.REQUEST_RETURN + "/" + S1;

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
        when(down.capabilities()).thenReturn(SupplierCapabilities.replyOnly());
        when(down.requestReturn(any())).thenReturn(new SupplierReply.NumberIssued("SR-BACK"));
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
            public SupplierCapabilities capabilities() {
                return SupplierCapabilities.replyOnly();
            }

            @Override
            public SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn request) {
                return request.caseId().value().endsWith("decline")
                        ? new SupplierReply.Declined(dev.returnsync.spi.Reason.of(dev.returnsync.spi.ReasonCode.OTHER,
                        "past the return window"))
                        : new SupplierReply.PermanentFailure("unknown reseller account");
            }

            @Override
            public SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking request) {
                return new SupplierReply.Done();
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

    private static OutboxEntry entry(InMemoryCaseStore store, CaseId c, String id) {
        return store.outboxOf(c).stream().filter(e -> e.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aSupplierNumberLinkedToAnotherReturnParksTheRequestInsteadOfDroppingIt() {
        TestClock clock = new TestClock(T0);
        InMemoryCaseStore store = new InMemoryCaseStore();
        SupplierAdapter reuses = Mockito.mock(SupplierAdapter.class);
        when(reuses.supplier()).thenReturn(S1);
        when(reuses.capabilities()).thenReturn(SupplierCapabilities.replyOnly());
        when(reuses.requestReturn(any())).thenReturn(new SupplierReply.NumberIssued("SR-REUSED"));
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
        assertEquals(List.of(second + "/4/" + Effect.REQUEST_RETURN + "/" + S1),
                view.parked().stream().map(OutboxEntry::id).toList(), "a person must look at it");
        engine.close();
    }
}
