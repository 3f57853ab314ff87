package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Policies;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnSyncException;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.notify.NotificationType;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.ForwardingCaseStore;
import dev.returnsync.spi.store.OutboxEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.AdditionalAnswers;
import org.mockito.Mockito;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.anyString;

/**
 * Policy reactions go through the pipeline with stable keys: a crash and a retry apply them once, and a transient
 * failure is retried, never dropped.
 */
@Timeout(20)
class ReactionRetryTest {
    @Test
    void aReactionInterruptedBeforeItWasMarkedDoneIsAppliedOnce() {
        TestClock clock = new TestClock(T0);
        InMemoryCaseStore real = new InMemoryCaseStore();
        // the process dies right after the reaction's command was appended, before the REACT entry is completed
        AtomicBoolean armed = new AtomicBoolean(true);
        CaseStore dying = Mockito.mock(CaseStore.class, AdditionalAnswers.delegatesTo(real));
        Mockito.doAnswer(invocation -> {
            String id = invocation.getArgument(0);
            if (id.contains("/REACT/") && id.contains("/5/") && armed.getAndSet(false)) {
                throw new CrashRecoveryTest.Crash();
            }
            return real.completeOutbox(id, invocation.getArgument(1));
        }).when(dying).completeOutbox(anyString(), anyString());
        ReturnWorkflow workflow = ReturnWorkflow.builder().policy(Policies.autoShareSupplierNumber()).build();
        ReturnSyncEngine first = ReturnSyncEngine.builder().store(dying).notifier(new InMemoryNotifier()).clock(clock)
                .workflow(workflow).dispatcherConfig(DispatcherConfig.custom().owner("first").build()).build();
        CaseId c = CaseId.of("case-react");
        first.execute(submit(c, "AS-R", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        first.execute(open(c, S1));
        first.execute(agree(c, S1));
        first.execute(apply(c, S1));
        first.execute(issue(c, S1, "SR-R"));               // version 5: the policy shares the number
        assertThrows(CrashRecoveryTest.Crash.class, first::dispatchPending);
        assertEquals(LegState.AWAITING_SHIPMENT, first.caseView(reseller(), c).state().leg(S1).orElseThrow().state(),
                "the reaction was applied before the crash");

        ReturnSyncEngine second = ReturnSyncEngine.builder().store(real).notifier(new InMemoryNotifier()).clock(clock)
                .workflow(workflow).dispatcherConfig(DispatcherConfig.custom().owner("second").build()).build();
        clock.advance(Duration.ofMinutes(3));
        second.dispatchPending();

        List<ReturnEvent> history = second.history(reseller(), c);
        assertEquals(1, history.stream().filter(e -> e instanceof ReturnEvent.NumberSharedWithCustomer).count(),
                "applied once: " + history);
        assertTrue(real.outboxOf(TENANT, c).isEmpty());
        first.close();
        second.close();
    }

    @Test
    void aTransientStoreFailureDuringTheReactionIsRetriedAndTheCustomerHearsTheNumber() {
        TestClock clock = new TestClock(T0);
        InMemoryCaseStore real = new InMemoryCaseStore();
        FlakyStore flaky = new FlakyStore(real, ReturnEvent.NumberSharedWithCustomer.class);
        InMemoryNotifier notifier = new InMemoryNotifier();
        ReturnWorkflow workflow = ReturnWorkflow.builder().policy(Policies.autoShareSupplierNumber()).build();
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(flaky).notifier(notifier).clock(clock)
                .workflow(workflow).build();
        CaseId c = CaseId.of("case-react-flaky");
        engine.execute(submit(c, "AS-RF", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        engine.execute(open(c, S1));
        engine.execute(agree(c, S1));
        engine.execute(apply(c, S1));
        engine.execute(issue(c, S1, "SR-RF"));               // version 5: the policy shares the number

        DispatchReport first = engine.dispatchPending();
        assertEquals(1, flaky.failures.get(), "the reaction's append failed once");
        assertEquals(1, first.retried(), "the reaction waits for another attempt: " + first);
        OutboxEntry react = real.outboxOf(TENANT, c).stream().filter(e -> e.effect() == Effect.REACT).findFirst()
                .orElseThrow(() -> new AssertionError("the REACT entry was dropped"));
        assertEquals(1, react.attempts());
        assertFalse(react.parked());
        assertEquals(LegState.NUMBER_ISSUED, engine.caseView(reseller(), c).state().leg(S1).orElseThrow().state());

        clock.set(react.nextAttemptAt());
        engine.dispatchPending();
        assertEquals(LegState.AWAITING_SHIPMENT, engine.caseView(reseller(), c).state().leg(S1).orElseThrow().state());
        assertTrue(notifier.delivered().stream().anyMatch(n -> n.type() == NotificationType.NUMBER_SHARED_WITH_CUSTOMER
                && n.recipient().role() == Role.CUSTOMER), "the customer was told the supplier's number");
        assertTrue(real.outboxOf(TENANT, c).isEmpty(), "nothing left: " + real.outboxOf(TENANT, c));
        engine.close();
    }

    /** A store whose connection resets once, on the first append of a batch holding an event of a given type. */
    static final class FlakyStore extends ForwardingCaseStore {
        final Class<? extends ReturnEvent> failOn;
        final AtomicInteger failures = new AtomicInteger();

        FlakyStore(CaseStore delegate, Class<? extends ReturnEvent> failOn) {
            super(delegate);
            this.failOn = failOn;
        }

        @Override
        public void append(AppendBatch batch) {
            if (batch.events().stream().anyMatch(failOn::isInstance) && failures.compareAndSet(0, 1)) {
                throw new ConnectionReset();
            }
            super.append(batch);
        }
    }

    /** What a store's driver throws when the connection drops: transient, safe to retry. */
    static final class ConnectionReset extends ReturnSyncException {
        private static final long serialVersionUID = 1L;

        ConnectionReset() {
            super("connection reset");
        }
    }

    @Test
    void twinsWithTheSameKeyRacingForOneCaseAppendOnce() throws Exception {
        InMemoryCaseStore store = new InMemoryCaseStore();
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
                .clock(new TestClock(T0)).build();
        CaseId c = CaseId.of("case-twins");
        engine.execute(submit(c, "AS-T", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        var twin = open(c, S1);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<CommandResult>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return engine.execute(twin);
            }));
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        List<Boolean> replayed = Collections.synchronizedList(new ArrayList<>());
        for (Future<CommandResult> f : results) {
            CommandResult r = f.get();
            assertEquals(2, r.version());
            replayed.add(r.replayed());
        }
        assertEquals(1, replayed.stream().filter(r -> !r).count(), "one twin appended, the others replayed it");
        assertEquals(2, store.load(TENANT, c).orElseThrow().version());
        engine.close();
    }
}
