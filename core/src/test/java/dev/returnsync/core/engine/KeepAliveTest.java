package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.ForwardingCaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.returnsync.core.engine.EngineFixtures.TENANT;
import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * In real time: one call that runs several leases long (a hung notifier) keeps its entry's lease alive, so another
 * engine dispatching meanwhile never takes the entry over and the call never runs twice at once; the keep-alive
 * stops with the work, with a failed renewal, and with the engine.
 */
@Timeout(20)
class KeepAliveTest {
    private static final Duration LEASE = Duration.ofMillis(900); // renewed every 300 ms: 600 ms of margin on a busy machine
    private static final Duration CALL = LEASE.multipliedBy(3);

    private final InMemoryCaseStore real = new InMemoryCaseStore();
    private final AtomicInteger renewals = new AtomicInteger();
    private final AtomicInteger renewalsThatSucceed = new AtomicInteger(Integer.MAX_VALUE);
    /** Counts renewals; those past {@link #renewalsThatSucceed} fail as a store that is down does. */
    private final CaseStore store = new ForwardingCaseStore(real) {
        @Override
        public boolean renewOutbox(String entryId, String owner, Instant now, Duration lease) {
            if (renewals.incrementAndGet() > renewalsThatSucceed.get()) {
                throw new IllegalStateException("store down");
            }
            return super.renewOutbox(entryId, owner, now, lease);
        }
    };
    private final InMemoryNotifier sink = new InMemoryNotifier();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstCallStarted = new CountDownLatch(1);
    private final List<ReturnSyncEngine> engines = new ArrayList<>();

    /** Sleeps {@link #CALL} in real time and records any id that is delivered while it is being delivered. */
    private final Notifier hung = (Notification n) -> {
        if (!inFlight.add(n.id())) {
            overlaps.add(n.id());
        }
        firstCallStarted.countDown();
        try {
            Thread.sleep(CALL.toMillis());
            sink.deliver(n);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            inFlight.remove(n.id());
        }
    };

    private ReturnSyncEngine engine(String owner, DispatcherConfig.Builder dispatcher) {
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(hung).clock(Clock.systemUTC())
                .dispatcherConfig(dispatcher.owner(owner).lease(LEASE).build()).build();
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void closeEngines() {
        engines.forEach(ReturnSyncEngine::close);
    }

    @Test
    void aCallLongerThanTheLeaseIsNeverTakenOverWhileItRuns() throws Exception {
        ReturnSyncEngine first = engine("first", DispatcherConfig.custom().maxRounds(1));
        ReturnSyncEngine second = engine("second", DispatcherConfig.custom().maxRounds(1));
        CaseId c = CaseId.of("case-keepalive");
        first.execute(submit(c, "AS-K1", List.of(line("SKU-1", S1, 1, 1, "1.00"))));  // one NOTIFY

        CompletableFuture<DispatchReport> firstRun = CompletableFuture.supplyAsync(
                () -> first.dispatchPending(first.clock().instant()));
        assertTrue(firstCallStarted.await(5, TimeUnit.SECONDS), "the first engine started the call");
        List<DispatchReport> secondReports = new ArrayList<>();
        long giveUpAt = System.nanoTime() + CALL.multipliedBy(3).toNanos();
        while (!firstRun.isDone() && System.nanoTime() < giveUpAt) {
            secondReports.add(second.dispatchPending(second.clock().instant()));
            Thread.sleep(LEASE.toMillis() / 6);
        }

        assertEquals(List.of(), overlaps, "no entry ran twice at once");
        assertEquals(new DispatchReport(1, 0, 0, 0), firstRun.get(5, TimeUnit.SECONDS));
        assertTrue(secondReports.size() >= 10, "the second engine dispatched all along: " + secondReports.size());
        secondReports.forEach(r -> assertEquals(0, r.handled(), "the second engine took nothing over"));
        assertEquals(1, sink.delivered().size());
        assertEquals(0, sink.repeats(), "delivered exactly once");
        assertTrue(real.outboxOf(TENANT, c).isEmpty(), "the entry is done");
    }

    @Test
    void theKeepAliveStopsWhenTheWorkReturnsAndItsThreadStopsWithTheEngine() throws Exception {
        ReturnSyncEngine engine = engine("alone", DispatcherConfig.custom());
        CaseId c = CaseId.of("case-keepalive-stop");
        engine.execute(submit(c, "AS-K2", List.of(line("SKU-1", S1, 1, 1, "1.00"))));

        assertEquals(new DispatchReport(1, 0, 0, 0), engine.dispatchPending(engine.clock().instant()));
        int renewed = renewals.get();
        assertTrue(renewed >= 1 + 3, "renewed before the work and then every interval while it ran: " + renewed);
        Thread.sleep(LEASE.toMillis());
        assertEquals(renewed, renewals.get(), "no renewal after the work returned");

        Thread keepAlive = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("returnsync-keepalive-alone")).findFirst().orElseThrow();
        assertTrue(keepAlive.isDaemon());
        engine.close();
        keepAlive.join(5_000);
        assertFalse(keepAlive.isAlive(), "close() stopped the keep-alive thread");
    }

    @Test
    void aRenewalThatFailsEndsTheKeepAliveOfThatEntryAndTheWorkGoesOn() {
        renewalsThatSucceed.set(1);  // the renewal before the work; the first keep-alive renewal fails
        ReturnSyncEngine engine = engine("alone", DispatcherConfig.custom());
        CaseId c = CaseId.of("case-keepalive-fails");
        engine.execute(submit(c, "AS-K3", List.of(line("SKU-1", S1, 1, 1, "1.00"))));

        assertEquals(new DispatchReport(1, 0, 0, 0), engine.dispatchPending(engine.clock().instant()),
                "no one took the entry over, so its work completed");
        assertEquals(2, renewals.get(), "the keep-alive stopped after its failed renewal");
        assertEquals(1, sink.delivered().size());
        assertTrue(real.outboxOf(TENANT, c).isEmpty());
    }

    @Test
    void theKeepAliveIntervalIsAThirdOfTheLeaseUnlessSetAndShorterThanTheLease() {
        assertEquals(Duration.ofSeconds(40), DispatcherConfig.ofDefaults().keepAliveInterval());
        assertEquals(Duration.ofSeconds(10), DispatcherConfig.custom().lease(Duration.ofSeconds(30)).build()
                .keepAliveInterval());
        assertEquals(Duration.ofSeconds(5), DispatcherConfig.custom().keepAliveInterval(Duration.ofSeconds(5)).build()
                .keepAliveInterval());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class, () -> DispatcherConfig.custom()
                .lease(Duration.ofSeconds(30)).keepAliveInterval(Duration.ofSeconds(30)).build());
        assertEquals("keepAliveInterval must be shorter than lease", tooLong.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> DispatcherConfig.custom().keepAliveInterval(Duration.ZERO));
        assertTrue(zero.getMessage().startsWith("keepAliveInterval must be positive"), zero.getMessage());
        assertThrows(NullPointerException.class, () -> DispatcherConfig.custom().keepAliveInterval(null));
    }
}
