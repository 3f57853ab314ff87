package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Policies;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.core.memory.InMemoryNotifier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.store.CaseStore;
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

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.anyString;

/** Policy reactions go through the pipeline with stable keys: a crash and a retry apply them once. */
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
                .workflow(workflow).dispatcher(DispatcherConfig.custom().owner("first").build()).build();
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
                .workflow(workflow).dispatcher(DispatcherConfig.custom().owner("second").build()).build();
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
