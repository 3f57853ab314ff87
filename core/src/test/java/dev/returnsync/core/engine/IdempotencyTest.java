package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Idempotency keys and expected versions. */
@Timeout(10)
class IdempotencyTest {
    private final TestClock clock = new TestClock(T0);
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
            .clock(clock).build();
    private final CaseId c = CaseId.of("case-idem");

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void theSameKeyReturnsTheFirstOutcomeAndAddsNothing() {
        Command.SubmitReturn submit = submit(c, "AS-IDEM", List.of(line("SKU-1", S1, 1, 1, "10.00")));
        CommandResult first = engine.execute(submit);
        clock.advance(java.time.Duration.ofMinutes(5));
        CommandResult again = engine.execute(submit);
        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.events(), again.events());
        assertEquals(first.state(), again.state(), "the generated reseller number is not drawn again");
        assertEquals(1, store.load(TENANT, c).orElseThrow().version());

        Command.OpenNegotiation open = open(c, S1);
        engine.execute(open);
        engine.execute(agree(c, S1));
        CommandResult replayed = engine.execute(open);
        assertTrue(replayed.replayed());
        assertEquals(2, replayed.version(), "the outcome as it was, not the case as it is");
        assertEquals(3, store.load(TENANT, c).orElseThrow().version());
        assertEquals(store.outboxOf(TENANT, c).size(), store.outboxOf(TENANT, c).stream().map(e -> e.id()).distinct().count());
    }

    @Test
    void theSameKeyWithAnotherPayloadIsAConflict() {
        engine.execute(submit(c, "AS-IDEM", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        engine.execute(open(c, S1));
        IdempotencyKey key = IdempotencyKey.of("agree-once");
        engine.execute(new Command.AgreeReturn(key, supplier(S1), null, null, c, S1, OutcomeType.RETURN_AND_REFUND, List.of(), null, null, null, List.of()));
        long version = store.load(TENANT, c).orElseThrow().version();

        IdempotencyConflictException conflict = assertThrows(IdempotencyConflictException.class, () -> engine.execute(
                new Command.AgreeReturn(key, supplier(S1), null, null, c, S1, OutcomeType.EXCHANGE, List.of(), null, null, null, List.of())));
        assertEquals(key, conflict.key());
        assertEquals(TENANT, conflict.tenant());
        assertEquals(version, store.load(TENANT, c).orElseThrow().version());

        // keys are scoped by tenant: another tenant's identical key is its own
        CaseId theirs = CaseId.of("case-other-tenant");
        Command.SubmitReturn other = new Command.SubmitReturn(IdempotencyKey.of("agree-once"),
                dev.returnsync.spi.Actor.reseller(OTHER_TENANT, "boss"), null, null, theirs, CUSTOMER,
                dev.returnsync.spi.OrderId.of("o"), ReturnNumber.customerRequest(OTHER_TENANT, "AS-1"), null,
                List.of(line("SKU-1", S1, 1, 1, "1.00")), dev.returnsync.spi.Reason.of(dev.returnsync.spi.ReasonCode.OTHER, ""),
                OutcomeType.RETURN_AND_REFUND, DELIVERED);
        assertFalse(engine.execute(other).replayed());
        assertTrue(store.findIdempotency(TenantId.of("shop-2"), key).isPresent());
    }

    @Test
    void anExpectedVersionThatTheCaseNoLongerHasIsRefused() {
        engine.execute(submit(c, "AS-IDEM", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        CommandResult opened = engine.execute(new Command.OpenNegotiation(key(), reseller(), 1L, null, c, S1));
        assertEquals(2, opened.version(), "the version the caller saw matched");

        CommandRefusedException stale = assertThrows(CommandRefusedException.class, () -> engine.execute(
                new Command.AgreeReturn(key(), supplier(S1), 1L, null, c, S1, OutcomeType.RETURN_AND_REFUND, List.of(), null, null, null, List.of())));
        assertEquals(Refusal.Code.VERSION_MISMATCH, stale.code());
        assertEquals(c, stale.caseId());
        assertEquals(2, store.load(TENANT, c).orElseThrow().version());

        CommandRefusedException notYet = assertThrows(CommandRefusedException.class, () -> engine.execute(
                new Command.SubmitReturn(key(), customer(), 3L, null, CaseId.of("case-new"), CUSTOMER,
                        dev.returnsync.spi.OrderId.of("o"), ReturnNumber.customerRequest(TENANT, "AS-NEW"), null,
                        List.of(line("SKU-1", S1, 1, 1, "1.00")),
                        dev.returnsync.spi.Reason.of(dev.returnsync.spi.ReasonCode.OTHER, ""),
                        OutcomeType.RETURN_AND_REFUND, DELIVERED)));
        assertEquals(Refusal.Code.VERSION_MISMATCH, notYet.code());
        assertTrue(store.load(TENANT, CaseId.of("case-new")).isEmpty());
    }

    @Test
    void twinsSentAtOnceAreReplayedNeverRefused() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                CaseId twinCase = CaseId.of("case-twin-" + round);
                engine.execute(submit(twinCase, "AS-TWIN-" + round, List.of(line("SKU-1", S1, 1, 1, "1.00"))));
                Command.OpenNegotiation open = open(twinCase, S1);
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<CommandResult>> twins = new java.util.ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    twins.add(pool.submit(() -> {
                        start.await();
                        return engine.execute(open);
                    }));
                }
                start.countDown();
                int fresh = 0;
                for (java.util.concurrent.Future<CommandResult> twin : twins) {
                    CommandResult result = twin.get(5, java.util.concurrent.TimeUnit.SECONDS); // a refusal fails here
                    assertEquals(2, result.version(), "every twin gets the first outcome");
                    fresh += result.replayed() ? 0 : 1;
                }
                assertEquals(1, fresh, "exactly one twin appended");
                assertEquals(2, store.load(TENANT, twinCase).orElseThrow().version());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
