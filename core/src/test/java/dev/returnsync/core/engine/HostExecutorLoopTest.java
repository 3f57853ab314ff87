package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.notify.Notifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The background loop on the host's executor: it runs there, survives host errors, and stops without shutting it. */
@Timeout(20)
class HostExecutorLoopTest {
    private final ScheduledExecutorService host = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "host-pool");
        t.setDaemon(true);
        return t;
    });

    @AfterEach
    void shutDownTheHostsExecutor() {
        host.shutdownNow();
    }

    @Test
    void theLoopRunsOnTheHostsExecutorAndStopLeavesItRunning() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger calls = new AtomicInteger();
        InMemoryNotifier sink = new InMemoryNotifier();
        Notifier recording = n -> {
            threads.add(Thread.currentThread().getName());
            calls.incrementAndGet();
            sink.deliver(n);
        };
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore()).notifier(recording).build();
        engine.execute(submit(CaseId.of("case-host-1"), "AS-H1", List.of(line("SKU-1", S1, 1, 1, "1.00"))));

        engine.start(host, Duration.ofMillis(10));
        engine.start(host, Duration.ofMillis(10)); // a second start does nothing
        assertTrue(engine.isRunning());
        awaitTrue(() -> sink.delivered().size() == 1);
        engine.stop();

        assertFalse(engine.isRunning());
        assertEquals(Set.of("host-pool"), threads, "the notifier ran on the host's threads only");
        assertFalse(host.isShutdown(), "stop() leaves the host's executor running");
        engine.execute(submit(CaseId.of("case-host-2"), "AS-H2", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        Thread.sleep(100);
        assertEquals(1, calls.get(), "no run after stop()");
        assertEquals("still usable", host.schedule(() -> "still usable", 0, TimeUnit.MILLISECONDS).get());

        engine.start(host, Duration.ofMillis(10));
        awaitTrue(() -> sink.delivered().size() == 2);
        engine.close();
        assertFalse(engine.isRunning());
        assertFalse(host.isShutdown(), "close() leaves the host's executor running");
    }

    @Test
    void theLoopRunsThroughAHostSchedulerAndStopCancelsItsRuns() throws Exception {
        InMemoryNotifier sink = new InMemoryNotifier();
        List<Future<?>> scheduled = new java.util.concurrent.CopyOnWriteArrayList<>();
        LoopScheduler scheduler = (task, delay) -> {
            Future<?> future = host.scheduleWithFixedDelay(task, 0, delay.toMillis(), TimeUnit.MILLISECONDS);
            scheduled.add(future);
            return future;
        };
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore()).notifier(sink).build();
        engine.execute(submit(CaseId.of("case-sched-1"), "AS-S1", List.of(line("SKU-1", S1, 1, 1, "1.00"))));

        engine.start(scheduler, Duration.ofMillis(10));
        engine.start(scheduler, Duration.ofMillis(10)); // a second start does nothing
        awaitTrue(() -> sink.delivered().size() == 1);
        engine.stop();

        assertFalse(engine.isRunning());
        assertEquals(1, scheduled.size(), "one task for one start");
        assertTrue(scheduled.get(0).isCancelled(), "stop() cancels the scheduled runs");
        assertFalse(host.isShutdown(), "stop() leaves the scheduler running");
        assertThrows(IllegalArgumentException.class, () -> engine.start(scheduler, Duration.ZERO));
        engine.close();
    }

    @Test
    void stopLetsTheRunFinishTheEntryInWorkAndClaimNoMore() throws Exception {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        Notifier slow = n -> {
            working.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.incrementAndGet();
        };
        InMemoryCaseStore store = new InMemoryCaseStore();
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(slow)
                .dispatcherConfig(DispatcherConfig.custom().batchSize(1).build()).build();
        for (int i = 1; i <= 3; i++) {
            engine.execute(submit(CaseId.of("case-stop-" + i), "AS-ST" + i, List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        }
        engine.start(host, Duration.ofMillis(10));
        assertTrue(working.await(5, TimeUnit.SECONDS));
        Thread stopper = new Thread(engine::stop);
        stopper.start();
        Thread.sleep(100); // stop() is waiting for the run
        release.countDown();
        stopper.join(10_000);

        assertFalse(stopper.isAlive());
        assertEquals(1, delivered.get(), "the entry in work was finished, no further one claimed");
        assertEquals(2, store.outboxStats().orElseThrow().pending(), "the others wait, unclaimed, for any engine");
        for (int i = 1; i <= 3; i++) {
            engine.caseView(Actor.reseller(TENANT, "staff-1"), CaseId.of("case-stop-" + i)).pending()
                    .forEach(e -> assertNull(e.leaseOwner(), "no entry stays claimed: " + e.id()));
        }
        assertEquals(2, engine.dispatchPending().done(), "a dispatch after the stop does the rest");
        engine.close();
    }

    @Test
    void aRunThatThrowsAnErrorDoesNotCancelTheHostsTask() throws Exception {
        InMemoryNotifier sink = new InMemoryNotifier();
        AtomicBoolean armed = new AtomicBoolean(true);
        Notifier breaksOnce = n -> {
            if (armed.getAndSet(false)) {
                throw new AssertionError("host code broke");
            }
            sink.deliver(n);
        };
        try (ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore()).notifier(breaksOnce)
                .build()) {
            engine.execute(submit(CaseId.of("case-host-e1"), "AS-HE1", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
            engine.start(host, Duration.ofMillis(10));
            awaitTrue(() -> !armed.get());
            engine.execute(submit(CaseId.of("case-host-e2"), "AS-HE2", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
            awaitTrue(() -> !sink.delivered().isEmpty());
            assertTrue(engine.isRunning());
            assertEquals(CaseId.of("case-host-e2"), sink.delivered().get(0).caseId());
        }
    }

    @Test
    void stopWaitsForTheRunInProgress() throws Exception {
        CountDownLatch inRun = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Notifier slow = n -> {
            inRun.countDown();
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
        };
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore()).notifier(slow).build();
        engine.execute(submit(CaseId.of("case-host-slow"), "AS-HS", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        engine.start(host, Duration.ofMillis(10));
        assertTrue(inRun.await(10, TimeUnit.SECONDS));

        engine.stop();

        assertTrue(finished.get(), "stop() returned only after the run in progress ended");
        engine.close();
    }

    @Test
    void aShutDownExecutorIsRefusedAndTheLoopStaysStopped() {
        ScheduledExecutorService gone = Executors.newSingleThreadScheduledExecutor();
        gone.shutdown();
        try (ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore()).build()) {
            assertThrows(RejectedExecutionException.class, () -> engine.start(gone, Duration.ofMillis(10)));
            assertFalse(engine.isRunning());
            assertThrows(IllegalArgumentException.class, () -> engine.start(host, Duration.ZERO));
            assertThrows(NullPointerException.class, () -> engine.start((ScheduledExecutorService) null, Duration.ofMillis(10)));
            assertFalse(engine.isRunning());
        }
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(10);
        while (!condition.getAsBoolean() && Instant.now().isBefore(until)) {
            Thread.sleep(5);
        }
        assertTrue(condition.getAsBoolean(), "condition met within 10 s");
    }
}
