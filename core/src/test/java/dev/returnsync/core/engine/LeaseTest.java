package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.ForwardingCaseStore;
import dev.returnsync.spi.store.OutboxEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static dev.returnsync.core.engine.EngineFixtures.TENANT;
import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A dispatch call that runs longer than the lease (a backlog behind a slow notifier) claims every round at a fresh
 * time and renews its lease before each entry: no entry is worked under a lease that has run out, and two
 * dispatchers never work the same entry at the same moment.
 */
@Timeout(20)
class LeaseTest {
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration CALL = Duration.ofSeconds(25);

    private final TestClock clock = new TestClock(T0);
    private final InMemoryCaseStore real = new InMemoryCaseStore();
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final InMemoryNotifier sink = new InMemoryNotifier();
    private final CaseStore store = new ForwardingCaseStore(real) {
        @Override
        public List<OutboxEntry> claimOutbox(String owner, Instant now, Duration lease, int limit) {
            if (!now.equals(clock.instant())) {
                violations.add(owner + " claimed at " + now + " when the time was " + clock.instant());
            }
            return super.claimOutbox(owner, now, lease, limit);
        }
    };

    /** A notifier whose calls take {@link #CALL} on the clock and that checks the caller holds a live lease. */
    private final class SlowNotifier implements Notifier {
        final String owner;
        final Duration takes;
        final AtomicReference<Runnable> onThirdCall = new AtomicReference<>();
        int calls;

        SlowNotifier(String owner, Duration takes) {
            this.owner = owner;
            this.takes = takes;
        }

        @Override
        public void deliver(Notification n) {
            if (!inFlight.add(n.id())) {
                violations.add(n.id() + " run by " + owner + " while another dispatcher runs it");
            }
            try {
                OutboxEntry entry = real.outboxOf(n.tenant(), n.caseId()).stream().filter(e -> e.id().equals(n.id())).findFirst()
                        .orElse(null);
                if (entry == null || !owner.equals(entry.leaseOwner()) || !entry.leaseUntil().isAfter(clock.instant())) {
                    violations.add(n.id() + " run by " + owner + " at " + clock.instant() + " without a live lease: "
                            + entry);
                }
                clock.advance(takes);
                Runnable hook = ++calls == 3 ? onThirdCall.get() : null;
                if (hook != null) {
                    hook.run();
                }
                sink.deliver(n);
            } finally {
                inFlight.remove(n.id());
            }
        }
    }

    private ReturnSyncEngine engine(String owner, Notifier notifier, int batchSize) {
        return ReturnSyncEngine.builder().store(store).notifier(notifier).clock(clock)
                .dispatcherConfig(DispatcherConfig.custom().owner(owner).lease(LEASE).batchSize(batchSize).build()).build();
    }

    private List<CaseId> submitCases(ReturnSyncEngine engine, int count) {
        List<CaseId> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CaseId c = CaseId.of("case-lease-" + i);
            engine.execute(submit(c, "AS-L" + i, List.of(line("SKU-1", S1, 1, 1, "1.00"))));  // one NOTIFY each
            cases.add(c);
        }
        return cases;
    }

    @Test
    void everyRoundClaimsAtAFreshTimeAndEveryEntryRunsUnderALiveLease() {
        SlowNotifier slow = new SlowNotifier("alone", CALL);
        ReturnSyncEngine engine = engine("alone", slow, 2);
        List<CaseId> cases = submitCases(engine, 6);

        DispatchReport report = engine.dispatchPending(T0);

        assertEquals(List.of(), violations);
        assertEquals(new DispatchReport(6, 0, 0, 0), report);
        assertEquals(6, sink.delivered().size());
        assertEquals(T0.plus(CALL.multipliedBy(6)), clock.instant(), "the call took longer than the lease");
        cases.forEach(c -> assertTrue(real.outboxOf(TENANT, c).isEmpty()));
        engine.close();
    }

    @Test
    void aDispatcherThatOutlivedItsLeaseSkipsWhatAnotherOneTookOver() {
        SlowNotifier slow = new SlowNotifier("slow", CALL);
        SlowNotifier fast = new SlowNotifier("fast", Duration.ZERO);
        ReturnSyncEngine first = engine("slow", slow, 100);
        ReturnSyncEngine second = engine("fast", fast, 100);
        List<CaseId> cases = submitCases(first, 20);
        // while the slow dispatcher is in its third call, past the lease it claimed its batch with, another
        // instance dispatches what it finds free
        List<DispatchReport> secondReports = new ArrayList<>();
        slow.onThirdCall.set(() -> secondReports.add(second.dispatchPending(clock.instant())));

        DispatchReport report = first.dispatchPending(T0);

        assertEquals(List.of(), violations);
        assertEquals(new DispatchReport(3, 0, 0, 0), report, "the rest, whose claim ran out, went to the other one");
        assertEquals(List.of(new DispatchReport(17, 0, 0, 0)), secondReports);
        assertEquals(20, sink.delivered().size());
        assertEquals(0, sink.repeats(), "each notification was delivered once");
        cases.forEach(c -> assertTrue(real.outboxOf(TENANT, c).isEmpty()));
        first.close();
        second.close();
    }

    @Test
    void theLongestCallMustBeShorterThanTheLease() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DispatcherConfig.custom()
                .lease(Duration.ofSeconds(30)).maxCallDuration(Duration.ofSeconds(30)).build());
        assertEquals("maxCallDuration PT30S must be shorter than lease PT30S", e.getMessage());
        assertEquals(Duration.ofSeconds(15), DispatcherConfig.custom().lease(Duration.ofSeconds(30)).build()
                .maxCallDuration(), "half the lease unless set");
        assertEquals(Duration.ofMinutes(1), DispatcherConfig.ofDefaults().maxCallDuration());
    }
}
