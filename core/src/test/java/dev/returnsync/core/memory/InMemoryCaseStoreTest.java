package dev.returnsync.core.memory;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.DueCase;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.IdempotencyKeyTakenException;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.store.OutboxIds;
import dev.returnsync.spi.store.VersionConflictException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** The guarantees of the CaseStore javadoc, checked on the in-memory store. */
@Timeout(20)
class InMemoryCaseStoreTest {
    static final TenantId T = TenantId.of("t-1");
    static final SupplierId S = SupplierId.of("s-1");
    static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");

    private final InMemoryCaseStore store = new InMemoryCaseStore();

    static ReturnEvent opened(CaseId c) {
        return new ReturnEvent.ReturnRequested(NOW, Actor.reseller(T, "r"), c, CustomerId.of("c"), OrderId.of("o"),
                ReturnNumber.customerRequest(T, "A-" + c), ReturnNumber.resellerReturn(T, "R-" + c),
                List.of(new ReturnLine(Sku.of("x"), S, 1, 1, Money.of("CNY", "1"))), Reason.of(ReasonCode.OTHER, ""),
                OutcomeType.RETURN_AND_REFUND, NOW);
    }

    static ReturnEvent step(int i) {
        return new ReturnEvent.NegotiationOpened(NOW.plusSeconds(i), Actor.reseller(T, "r"), S);
    }

    static AppendBatch batch(CaseId c, long expected, List<ReturnEvent> events, List<NumberLink> links, Instant due,
                             List<OutboxEntry> outbox, String key) {
        IdempotencyRecord record = key == null ? null : new IdempotencyRecord(T, IdempotencyKey.of(key), "fp", c,
                expected + 1, expected + events.size());
        return new AppendBatch(T, c, expected, events, links, due, outbox, record);
    }

    static NumberLink link(ReturnNumber n, CaseId c) {
        return new NumberLink(n, T, c, null, false);
    }

    @Test
    void appendChecksKeyThenVersionThenNumbersAndChangesNothingOnFailure() {
        CaseId a = CaseId.of("a");
        CaseId b = CaseId.of("b");
        ReturnNumber shared = ReturnNumber.returnTracking("SF", "SF0000001");
        store.append(batch(a, 0, List.of(opened(a)), List.of(link(shared, a)), NOW.plusSeconds(60),
                List.of(OutboxEntry.pending(T, a, 1, Effect.NOTIFY, "RESELLER", NOW)), "k1"));

        // key taken wins over a version conflict and a number clash
        assertThrows(IdempotencyKeyTakenException.class, () -> store.append(batch(b, 5, List.of(opened(b)),
                List.of(link(shared, b)), null, List.of(), "k1")));
        // version conflict wins over a number clash
        VersionConflictException conflict = assertThrows(VersionConflictException.class, () -> store.append(
                batch(b, 3, List.of(opened(b)), List.of(link(shared, b)), null, List.of(), "k2")));
        assertEquals(0, conflict.actualVersion());
        NumberAlreadyLinkedException taken = assertThrows(NumberAlreadyLinkedException.class, () -> store.append(
                batch(b, 0, List.of(opened(b)), List.of(link(ReturnNumber.replacementTracking("sf", "sf0000001"), b)),
                        NOW, List.of(OutboxEntry.pending(T, b, 1, Effect.NOTIFY, "RESELLER", NOW)),
                        "k3")));
        assertEquals(ReturnNumber.replacementTracking("SF", "SF0000001"), taken.number(), "the asker's own number");
        assertFalse(taken.getMessage().contains("case"), taken.getMessage());
        assertTrue(store.load(T, b).isEmpty());
        assertTrue(store.findIdempotency(T, IdempotencyKey.of("k3")).isEmpty());
        assertTrue(store.outboxOf(T, b).isEmpty());
        assertEquals(List.of(new DueCase(T, a, NOW.plusSeconds(60))), store.findDue(Instant.MAX, 10));

        // an entry of work that exists (so of its id) is ignored; a link of this case is updated, never removed
        store.append(batch(a, 1, List.of(step(1), step(2)), List.of(new NumberLink(shared, T, a, S, false)), null,
                List.of(OutboxEntry.pending(T, a, 1, Effect.NOTIFY, "RESELLER", NOW.plusSeconds(99))),
                "k4"));
        assertEquals(3, store.load(T, a).orElseThrow().version());
        assertEquals(Optional.of(new NumberLink(shared, T, a, S, false)), store.findByNumber(T, shared));
        assertEquals(NOW, store.outboxOf(T, a).get(0).nextAttemptAt());
        assertTrue(store.findDue(Instant.MAX, 10).isEmpty(), "a null due time removes the case from the index");
        assertEquals(new IdempotencyRecord(T, IdempotencyKey.of("k4"), "fp", a, 2, 3),
                store.findIdempotency(T, IdempotencyKey.of("k4")).orElseThrow());
    }

    @Test
    void dueCasesComeEarliestFirstUpToTheLimit() {
        for (int i = 0; i < 20; i++) {
            CaseId c = CaseId.of("c" + i);
            store.append(batch(c, 0, List.of(opened(c)), List.of(), NOW.plusSeconds(100 - i), List.of(), null));
        }
        List<DueCase> due = store.findDue(NOW.plusSeconds(90), 5);
        assertEquals(List.of("c19", "c18", "c17", "c16", "c15"), due.stream().map(d -> d.caseId().value()).toList());
        assertEquals(10, store.findDue(NOW.plusSeconds(90), 100).size());
        assertTrue(store.findDue(NOW, 100).isEmpty());
    }

    @Test
    void leasesHoldAgainstOtherOwnersAndFailuresReschedule() {
        CaseId c = CaseId.of("c");
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            entries.add(OutboxEntry.pending(T, c, 1, Effect.NOTIFY, "R" + i, NOW.plusSeconds(3 - i)));
        }
        store.append(batch(c, 0, List.of(opened(c)), List.of(), null, entries, null));

        List<OutboxEntry> first = store.claimOutbox("one", NOW.plusSeconds(10), Duration.ofSeconds(30), 2);
        assertEquals(List.of(notifyId(c, "R3"), notifyId(c, "R2")), first.stream().map(OutboxEntry::id).toList(),
                "earliest next attempt first");
        assertEquals("one", first.get(0).leaseOwner());
        assertEquals(NOW.plusSeconds(40), first.get(0).leaseUntil());
        List<OutboxEntry> second = store.claimOutbox("two", NOW.plusSeconds(10), Duration.ofSeconds(30), 5);
        assertEquals(List.of(notifyId(c, "R1")), second.stream().map(OutboxEntry::id).toList());
        assertFalse(store.completeOutbox(notifyId(c, "R3"), "two"), "not the holder");

        assertTrue(store.failOutbox(notifyId(c, "R3"), "one", "boom", NOW.plusSeconds(100), false));
        OutboxEntry failed = store.outboxOf(T, c).stream().filter(e -> e.id().equals(notifyId(c, "R3"))).findFirst().orElseThrow();
        assertEquals(1, failed.attempts());
        assertEquals("boom", failed.lastError());
        assertNull(failed.leaseOwner());
        assertTrue(store.claimOutbox("two", NOW.plusSeconds(39), Duration.ofSeconds(1), 5).isEmpty(), "leases hold");

        // after the lease ends, another owner takes the entry over; the first lost it
        List<OutboxEntry> taken = store.claimOutbox("two", NOW.plusSeconds(40), Duration.ofSeconds(30), 5);
        assertEquals(List.of(notifyId(c, "R2"), notifyId(c, "R1")), taken.stream().map(OutboxEntry::id).toList());
        assertFalse(store.completeOutbox(notifyId(c, "R2"), "one"));
        assertTrue(store.completeOutbox(notifyId(c, "R2"), "two"));

        assertTrue(store.failOutbox(notifyId(c, "R1"), "two", "gone", NOW.plusSeconds(50), true));
        assertTrue(store.claimOutbox("x", Instant.MAX.minusSeconds(1), Duration.ofSeconds(1), 5).stream()
                .noneMatch(e -> e.id().equals(notifyId(c, "R1"))), "parked entries are not claimed");
        assertEquals(1, store.retryParked(T, c, NOW.plusSeconds(60)));
        OutboxEntry retried = store.outboxOf(T, c).stream().filter(e -> e.id().equals(notifyId(c, "R1"))).findFirst().orElseThrow();
        assertEquals(0, retried.attempts());
        assertFalse(retried.parked());
        assertEquals(NOW.plusSeconds(60), retried.nextAttemptAt());
    }

    @Test
    void concurrentClaimersNeverShareAnEntryAndConcurrentAppendsKeepVersionsWhole() throws Exception {
        CaseId c = CaseId.of("hot");
        store.append(batch(c, 0, List.of(opened(c)), List.of(), null, List.of(), null));
        int threads = 4;
        AtomicInteger wins = new AtomicInteger();
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int id = t;
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 500; i++) {
                    long version = store.load(T, c).orElseThrow().version();
                    try {
                        store.append(batch(c, version, List.of(step(i)), List.of(), null,
                                List.of(OutboxEntry.pending(T, c, version + 1,
                                        Effect.NOTIFY, "R", NOW)), null));
                        wins.incrementAndGet();
                    } catch (VersionConflictException e) {
                        // lost the race
                    }
                    for (OutboxEntry e : store.claimOutbox("owner-" + id, NOW, Duration.ofHours(1), 3)) {
                        if (!claimed.add(e.id())) {
                            duplicates.add(e.id());
                        }
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(15, TimeUnit.SECONDS));
        assertEquals(1 + wins.get(), store.load(T, c).orElseThrow().version(), "one event per successful append");
        assertTrue(duplicates.isEmpty(), "an entry went to two owners: " + duplicates);
        claimed.addAll(store.claimOutbox("late", NOW, Duration.ofHours(1), 10_000).stream().map(OutboxEntry::id).toList());
        assertEquals(wins.get(), claimed.size());
    }

    @Test
    void eventsReadBeforeAnAppendStayAsTheyWereAndLoadAfterReadsOnlyTheNewOnes() {
        CaseId c = CaseId.of("log");
        store.append(batch(c, 0, List.of(opened(c)), List.of(), null, List.of(), null));
        List<ReturnEvent> before = store.load(T, c).orElseThrow().events();
        List<ReturnEvent> tail = store.loadAfter(T, c, 0);
        for (int i = 1; i <= 9; i++) { // past the first capacity, so the log grows while the lists above are held
            store.append(batch(c, i, List.of(step(i)), List.of(), null, List.of(), null));
        }
        assertEquals(1, before.size());
        assertEquals(1, tail.size());
        assertEquals(10, store.load(T, c).orElseThrow().version());
        assertEquals(List.of(step(8), step(9)), store.loadAfter(T, c, 8));
        assertEquals(List.of(), store.loadAfter(T, c, 10));
        assertEquals(List.of(), store.loadAfter(T, CaseId.of("nowhere"), 0));
        assertThrows(UnsupportedOperationException.class, () -> store.loadAfter(T, c, 8).add(step(0)));
        assertThrows(IllegalArgumentException.class, () -> store.loadAfter(T, c, -1));
    }

    @Test
    void idempotencyRecordsComeBackAsTheyWereKeptWhateverTheirFingerprint() {
        CaseId c = CaseId.of("keys");
        List<String> fingerprints = List.of("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeF",
                "f".repeat(64), "0".repeat(64), "9a".repeat(32), "not a digest", "0123456789ABCDEF".repeat(4));
        for (int i = 0; i < fingerprints.size(); i++) {
            IdempotencyRecord record = new IdempotencyRecord(T, IdempotencyKey.of("key-" + i), fingerprints.get(i), c,
                    i + 1, i + 1);
            store.append(new AppendBatch(T, c, i, List.of(i == 0 ? opened(c) : step(i)), List.of(), null, List.of(),
                    record));
            assertEquals(Optional.of(record), store.findIdempotency(T, IdempotencyKey.of("key-" + i)));
        }
        assertEquals(Optional.empty(), store.findIdempotency(TenantId.of("t-2"), IdempotencyKey.of("key-0")));
    }

    @Test
    void anOutboxIdIsFoundByTheWorkItNamesAndAnIdNotWellFormedNamesNone() {
        CaseId c = CaseId.of("c-1");
        OutboxEntry notify = OutboxEntry.pending(T, c, 1, Effect.NOTIFY, "RESELLER", NOW);
        OutboxEntry react = OutboxEntry.pending(T, c, 1, Effect.REACT, "policies", NOW);
        store.append(batch(c, 0, List.of(opened(c)), List.of(), null, List.of(notify, react, notify), null));
        assertEquals(List.of(notify, react), store.outboxOf(T, c), "by version, then id; the same work once");
        store.append(batch(c, 1, List.of(step(1)), List.of(), null,
                List.of(OutboxEntry.pending(T, c, 1, Effect.NOTIFY, "RESELLER", NOW.plusSeconds(5))), null));
        assertEquals(List.of(notify, react), store.outboxOf(T, c), "work already there is not added again");

        List<OutboxEntry> claimed = store.claimOutbox("one", NOW, Duration.ofSeconds(30), 5);
        assertEquals(List.of(notify.id(), react.id()), claimed.stream().map(OutboxEntry::id).toList());
        List<OutboxEntry> leased = store.outboxOf(T, c);
        for (String none : List.of(notify.id().replace("/1/NOTIFY", "/2/NOTIFY"),
                notify.id().replace("/1/NOTIFY", "/01/NOTIFY"), "1:t/3:c/1/1/NOTIFY/RESELLER", "ob-1",
                OutboxIds.of(TenantId.of("t-2"), c, 1, Effect.NOTIFY, "RESELLER"), notify.id() + " ")) {
            assertFalse(store.renewOutbox(none, "one", NOW, Duration.ofSeconds(60)), none);
            assertFalse(store.failOutbox(none, "one", "boom", NOW, true), none);
            assertFalse(store.completeOutbox(none, "one"), none);
        }
        assertEquals(leased, store.outboxOf(T, c), "nothing changed");
        assertTrue(store.renewOutbox(notify.id(), "one", NOW, Duration.ofSeconds(60)));
        assertTrue(store.failOutbox(notify.id(), "one", "boom", NOW.plusSeconds(9), false));
        assertTrue(store.completeOutbox(react.id(), "one"));
        assertEquals(List.of(new OutboxEntry(T, c, 1, Effect.NOTIFY, "RESELLER", 1, NOW.plusSeconds(9), "boom", false,
                null, null)), store.outboxOf(T, c));
        assertEquals(List.of(notify.id()), store.claimOutbox("two", NOW.plusSeconds(9), Duration.ofSeconds(1), 5)
                .stream().map(OutboxEntry::id).toList());
        assertTrue(store.completeOutbox(notify.id(), "two"));
        assertTrue(store.outboxOf(T, c).isEmpty());
        assertEquals(0, store.outboxStats().orElseThrow().pending() + store.outboxStats().orElseThrow().parked());
    }

    /** The id of a notification of version 1 of a case. */
    private static String notifyId(CaseId c, String target) {
        return OutboxIds.of(T, c, 1, Effect.NOTIFY, target);
    }
}
