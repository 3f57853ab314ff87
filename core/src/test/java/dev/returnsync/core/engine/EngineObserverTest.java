package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.engine.EngineObserver.CommandOutcome;
import dev.returnsync.core.engine.EngineObserver.DispatchOutcome;
import dev.returnsync.core.engine.EngineObserver.SupplierFailure;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxStats;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.testsupport.SimulatedSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The observer hears of commands, outbox work, supplier failures and deadline runs, and can never break them. */
@Timeout(20)
class EngineObserverTest {
    /** What the observer heard, as text without durations. */
    static final class Recording implements EngineObserver {
        final List<String> heard = new CopyOnWriteArrayList<>();

        @Override
        public void commandFinished(CommandType type, CommandOutcome outcome, Refusal.Code refusal,
                                    Class<? extends RuntimeException> failure, Duration latency) {
            assertFalse(latency.isNegative());
            heard.add("command " + type + " " + outcome + (refusal != null ? " " + refusal : "")
                    + (failure != null ? " " + failure.getSimpleName() : ""));
        }

        @Override
        public void entryWorked(Effect effect, SupplierId supplier, DispatchOutcome outcome, Duration latency) {
            heard.add("entry " + effect + " " + supplier + " " + outcome);
        }

        @Override
        public void supplierFailed(SupplierId supplier, Effect call, SupplierFailure kind) {
            heard.add("supplier " + supplier + " " + call + " " + kind);
        }

        @Override
        public void deadlinesRun(DeadlineReport report) {
            heard.add("deadlines fired " + report.fired());
        }
    }

    @Test
    void theObserverHearsEachOutcome() {
        TestClock clock = new TestClock(T0);
        Recording observer = new Recording();
        InMemoryCaseStore store = new InMemoryCaseStore();
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).clock(clock).observer(observer)
                .notifier(new InMemoryNotifier())
                .suppliers(SupplierRegistry.of(SimulatedSupplier.of(S1, SimulatedSupplier.Style.NUMBER_IN_REPLY)
                        .failingFirst(1)))
                .build();
        CaseId c = CaseId.of("case-observed");
        engine.execute(submit(c, "AS-OB", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        engine.execute(open(c, S1));
        engine.execute(agree(c, S1));
        engine.execute(apply(c, S1));
        observer.heard.clear();

        engine.runOnce(clock.instant());
        assertTrue(observer.heard.contains("supplier sup-1 REQUEST_RETURN RETRYABLE"), observer.heard.toString());
        assertTrue(observer.heard.contains("entry REQUEST_RETURN sup-1 RETRIED"), observer.heard.toString());
        assertTrue(observer.heard.contains("entry NOTIFY null DONE"), observer.heard.toString());
        assertTrue(observer.heard.contains("deadlines fired 0"), observer.heard.toString());
        OutboxStats waiting = store.outboxStats().orElseThrow();
        assertEquals(new OutboxStats(1, 0, waiting.oldestDueAt()), waiting, "the request waits for its retry");

        clock.advance(Duration.ofHours(2));
        engine.dispatchPending();
        assertTrue(observer.heard.contains("entry REQUEST_RETURN sup-1 DONE"), observer.heard.toString());
        assertTrue(observer.heard.contains("command ISSUE_SUPPLIER_NUMBER ACCEPTED"), observer.heard.toString());
        engine.close();
    }

    @Test
    void commandsAreHeardByOutcomeRefusalCodeAndFailureType() {
        Recording observer = new Recording();
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore()).observer(observer)
                .notifier(new InMemoryNotifier()).build();
        CaseId c = CaseId.of("case-commands");
        Command.SubmitReturn submit = submit(c, "AS-CM", List.of(line("SKU-1", S1, 1, 1, "1.00")));
        engine.execute(submit);
        engine.execute(submit);
        assertThrows(CommandRefusedException.class, () -> engine.execute(apply(c, S1)));
        assertThrows(CaseNotFoundException.class, () -> engine.execute(open(CaseId.of("case-missing"), S1)));
        assertThrows(IdempotencyConflictException.class,
                () -> engine.execute(new Command.OpenNegotiation(submit.key(), reseller(), null, null, c, S1)));

        assertEquals(List.of("command SUBMIT_RETURN ACCEPTED", "command SUBMIT_RETURN REPLAYED",
                "command APPLY_FOR_RETURN REFUSED ILLEGAL_TRANSITION",
                "command OPEN_NEGOTIATION REFUSED CASE_NOT_FOUND",
                "command OPEN_NEGOTIATION FAILED IdempotencyConflictException"), observer.heard);
        engine.close();
    }

    @Test
    void anObserverThatThrowsChangesNothing() {
        EngineObserver broken = new EngineObserver() {
            @Override
            public void commandFinished(CommandType type, CommandOutcome outcome, Refusal.Code refusal,
                                        Class<? extends RuntimeException> failure, Duration latency) {
                throw new IllegalStateException("metrics are down");
            }

            @Override
            public void entryWorked(Effect effect, SupplierId supplier, DispatchOutcome outcome, Duration latency) {
                throw new IllegalStateException("metrics are down");
            }
        };
        InMemoryNotifier notifier = new InMemoryNotifier();
        InMemoryCaseStore store = new InMemoryCaseStore();
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).observer(broken).notifier(notifier).build();
        CommandResult result = engine.execute(submit(CaseId.of("case-broken"), "AS-BR",
                List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        assertEquals(1, result.version());
        assertEquals(1, engine.dispatchPending(Instant.now()).done());
        assertEquals(1, notifier.delivered().size());
        assertEquals(new OutboxStats(0, 0, null), store.outboxStats().orElseThrow());
        engine.close();
    }
}
