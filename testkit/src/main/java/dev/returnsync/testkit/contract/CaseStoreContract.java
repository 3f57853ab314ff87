package dev.returnsync.testkit.contract;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.DueCase;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.IdempotencyKeyTakenException;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.store.OutboxIds;
import dev.returnsync.spi.store.OutboxStats;
import dev.returnsync.spi.store.VersionConflictException;
import dev.returnsync.testkit.contract.ContractFixtures.Batch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.returnsync.testkit.contract.ContractFixtures.OTHER_SUPPLIER;
import static dev.returnsync.testkit.contract.ContractFixtures.OTHER_TENANT;
import static dev.returnsync.testkit.contract.ContractFixtures.SUPPLIER;
import static dev.returnsync.testkit.contract.ContractFixtures.T0;
import static dev.returnsync.testkit.contract.ContractFixtures.TENANT;
import static dev.returnsync.testkit.contract.ContractFixtures.at;
import static dev.returnsync.testkit.contract.ContractFixtures.negotiationOpened;
import static dev.returnsync.testkit.contract.ContractFixtures.requestLinks;
import static dev.returnsync.testkit.contract.ContractFixtures.requested;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The contract of {@link CaseStore}: every guarantee of its javadoc, as JUnit Jupiter tests. Extend it in your
 * test sources, with the testkit as a test-scoped dependency, and return a fresh, empty store from
 * {@link #createStore()}:
 *
 * <pre>{@code
 * class MyCaseStoreContractTest extends CaseStoreContract {
 *     @Override
 *     protected CaseStore createStore() {
 *         truncateAllTables();
 *         return new MyCaseStore(dataSource);
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks: load of an unknown case; append and load round trips with versions; optimistic versions
 * (a wrong expected version is refused and changes nothing; of concurrent appends expecting the same version,
 * exactly one wins); atomicity of each failure (idempotency key taken, version conflict, number taken) and the
 * order of the checks; number uniqueness across the cases of a tenant, supersede updates, the shared namespace of
 * both tracking kinds; {@link CaseStore#findByNumber} for every kind; tenant scoping (the same case id and the same
 * number in two tenants are independent; a batch of one tenant never changes another tenant's case); idempotency
 * records; the due index (set, move, remove, order, limit, the {@code <=} boundary); the outbox (duplicate ids
 * ignored, claims with leases, concurrent claimers, expired leases, lease renewal, completion and failure by the lease
 * owner only, rescheduling, parking, retry, ordered supplier sends claimed one at a time in version order).
 *
 * <p>Not checked, because a black-box test cannot see it: that look-ups use an index. Concurrency tests use a few
 * threads and give up after {@link #timeout()}; they stop by themselves.
 *
 * <p>Instants given to index columns (due times, attempt times, leases) have whole milliseconds, so a store may keep
 * them at millisecond or microsecond precision; events must come back exactly equal.
 */
public abstract class CaseStoreContract {
    /** A point far after every fixture time. */
    private static final Instant FAR = T0.plus(Duration.ofDays(3650));

    /** The store under test, fresh for each test. */
    protected CaseStore store;

    /**
     * Returns the store to test: empty, or at least without any case, number, key, due entry or outbox entry that
     * another test left behind. Called before each test.
     *
     * @return the store under test
     */
    protected abstract CaseStore createStore();

    /** {@return how many threads the concurrency tests use; at least 2} */
    protected int threads() {
        return 4;
    }

    /** {@return how long a concurrency test may run before it fails} */
    protected Duration timeout() {
        return Duration.ofSeconds(60);
    }

    @BeforeEach
    void createTheStore() {
        store = createStore();
        if (store == null) {
            throw new IllegalStateException("createStore() returned null");
        }
    }

    private static CaseId caseId(String value) {
        return CaseId.of(value);
    }

    /** Appends a new case made of its request only, with its links; returns the batch. */
    private AppendBatch openCase(TenantId tenant, String id) {
        ReturnEvent.ReturnRequested requested = requested(tenant, caseId(id), id + "-C", id + "-R");
        AppendBatch batch = Batch.of(tenant, caseId(id), 0).event(requested).links(requestLinks(requested)).build();
        store.append(batch);
        return batch;
    }

    // ------------------------------------------------------------------------------------------- load / append

    @Test
    @DisplayName("load of an unknown case is empty")
    void loadOfUnknownCaseIsEmpty() {
        assertEquals(Optional.empty(), store.load(TENANT, caseId("nobody")));
        openCase(TENANT, "case-1");
        assertEquals(Optional.empty(), store.load(TENANT, caseId("case-2")));
    }

    @Test
    @DisplayName("append then load returns the events in order, exactly equal, with tenant and version")
    void appendThenLoadRoundTrips() {
        List<ReturnEvent> events = ContractFixtures.fullLifecycle(TENANT, caseId("case-1"), "A");
        store.append(Batch.of(TENANT, caseId("case-1"), 0).events(events.subList(0, 1)).build());
        store.append(Batch.of(TENANT, caseId("case-1"), 1).events(events.subList(1, 5)).build());
        store.append(Batch.of(TENANT, caseId("case-1"), 5).events(events.subList(5, events.size())).build());

        CaseHistory history = store.load(TENANT, caseId("case-1")).orElseThrow(() -> new AssertionError("case-1 not found"));
        assertEquals(TENANT, history.tenant());
        assertEquals(caseId("case-1"), history.caseId());
        assertEquals(events, history.events());
        assertEquals(events.size(), history.version());
    }

    @Test
    @DisplayName("loadAfter returns exactly the events after a version, and nothing for the current or an unknown case")
    void loadAfterReturnsTheTail() {
        List<ReturnEvent> events = ContractFixtures.fullLifecycle(TENANT, caseId("case-1"), "A");
        store.append(Batch.of(TENANT, caseId("case-1"), 0).events(events.subList(0, 1)).build());
        store.append(Batch.of(TENANT, caseId("case-1"), 1).events(events.subList(1, events.size())).build());

        assertEquals(events, store.loadAfter(TENANT, caseId("case-1"), 0));
        assertEquals(events.subList(3, events.size()), store.loadAfter(TENANT, caseId("case-1"), 3));
        assertEquals(List.of(), store.loadAfter(TENANT, caseId("case-1"), events.size()));
        assertEquals(List.of(), store.loadAfter(TENANT, caseId("case-1"), events.size() + 5L));
        assertEquals(List.of(), store.loadAfter(TENANT, caseId("unknown"), 0));
        assertThrows(IllegalArgumentException.class, () -> store.loadAfter(TENANT, caseId("case-1"), -1));
    }

    @Test
    @DisplayName("cases do not mix: each load returns only its own events")
    void casesAreIsolated() {
        openCase(TENANT, "case-1");
        openCase(OTHER_TENANT, "case-2");
        store.append(Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u-1", 1)).build());

        assertEquals(2, store.load(TENANT, caseId("case-1")).orElseThrow().version());
        CaseHistory other = store.load(OTHER_TENANT, caseId("case-2")).orElseThrow();
        assertEquals(Optional.empty(), store.load(TENANT, caseId("case-2")), "a case is found in its own tenant only");
        assertEquals(1, other.version());
        assertEquals(OTHER_TENANT, other.tenant());
        assertEquals(caseId("case-2"), ((ReturnEvent.ReturnRequested) other.events().get(0)).caseId());
    }

    // ------------------------------------------------------------------------------------------- versions

    @Test
    @DisplayName("a wrong expected version throws VersionConflictException with both versions and changes nothing")
    void wrongExpectedVersionIsRefused() {
        openCase(TENANT, "case-1");
        store.append(Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u-1", 1)).build());

        for (long wrong : new long[] {0, 1, 3, 7}) {
            AppendBatch batch = Batch.of(TENANT, caseId("case-1"), wrong).event(negotiationOpened(TENANT, "u-x", 9))
                    .link(ReturnNumber.supplierReturn(SUPPLIER, "NEW-" + wrong), SUPPLIER, false).due(at(5))
                    .outbox("ob-wrong-" + wrong, wrong + 1, T0).idempotency("key-wrong-" + wrong).build();
            VersionConflictException e = assertUnchanged(batch, VersionConflictException.class);
            assertEquals(caseId("case-1"), e.caseId());
            assertEquals(wrong, e.expectedVersion());
            assertEquals(2, e.actualVersion());
        }
    }

    @Test
    @DisplayName("an unknown case is at version 0: expecting another version is a conflict")
    void unknownCaseIsAtVersionZero() {
        AppendBatch batch = Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u-1", 1)).build();
        VersionConflictException e = assertUnchanged(batch, VersionConflictException.class);
        assertEquals(1, e.expectedVersion());
        assertEquals(0, e.actualVersion());
        assertEquals(Optional.empty(), store.load(TENANT, caseId("case-1")));
    }

    @Test
    @DisplayName("of concurrent appends expecting the same version, exactly one wins; versions have no gaps")
    void concurrentAppendsExactlyOneWins() throws Exception {
        openCase(TENANT, "case-1");
        int rounds = 5;
        for (int round = 0; round < rounds; round++) {
            long expected = 1 + round;
            List<Callable<ReturnEvent>> tasks = new ArrayList<>();
            for (int t = 0; t < threads(); t++) {
                ReturnEvent event = negotiationOpened(TENANT, "writer-" + round + "-" + t, round * 100L + t);
                tasks.add(() -> {
                    store.append(Batch.of(TENANT, caseId("case-1"), expected).event(event).build());
                    return event;
                });
            }
            List<Outcome<ReturnEvent>> outcomes = runTogether(tasks);
            List<ReturnEvent> winners = new ArrayList<>();
            for (Outcome<ReturnEvent> outcome : outcomes) {
                if (outcome.error == null) {
                    winners.add(outcome.value);
                } else if (outcome.error instanceof VersionConflictException conflict) {
                    assertEquals(expected, conflict.expectedVersion());
                    assertEquals(expected + 1, conflict.actualVersion(), "the winner's version");
                } else {
                    throw new AssertionError("a losing append must throw VersionConflictException", outcome.error);
                }
            }
            assertEquals(1, winners.size(), "round " + round + ": exactly one append wins, won: " + winners);
            CaseHistory history = store.load(TENANT, caseId("case-1")).orElseThrow();
            assertEquals(expected + 1, history.version());
            assertEquals(winners.get(0), history.events().get(history.events().size() - 1));
        }
    }

    @Test
    @DisplayName("of concurrent appends that open the same new case, exactly one wins")
    void concurrentCreationExactlyOneWins() throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int t = 0; t < threads(); t++) {
            String suffix = "t" + t;
            tasks.add(() -> {
                ReturnEvent.ReturnRequested requested = requested(TENANT, caseId("case-1"), "C-" + suffix, "R-" + suffix);
                store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested).links(requestLinks(requested))
                        .due(at(1000)).outbox("ob-" + suffix, 1, T0).build());
                return suffix;
            });
        }
        List<Outcome<String>> outcomes = runTogether(tasks);
        List<String> winners = new ArrayList<>();
        for (Outcome<String> outcome : outcomes) {
            if (outcome.error == null) {
                winners.add(outcome.value);
            } else if (!(outcome.error instanceof VersionConflictException)) {
                throw new AssertionError("a losing append must throw VersionConflictException", outcome.error);
            }
        }
        assertEquals(1, winners.size(), "exactly one creation wins: " + winners);
        String won = winners.get(0);
        assertEquals(1, store.load(TENANT, caseId("case-1")).orElseThrow().version());
        for (int t = 0; t < threads(); t++) {
            String suffix = "t" + t;
            boolean winner = suffix.equals(won);
            assertEquals(winner, store.findByNumber(TENANT, ContractFixtures.customerNumber(TENANT, "C-" + suffix)).isPresent(),
                    "links of " + suffix);
            assertEquals(winner, targets(store.outboxOf(TENANT, caseId("case-1"))).contains("ob-" + suffix), "outbox of " + suffix);
        }
    }

    @Test
    @DisplayName("a reader never sees part of a batch")
    void readersSeeWholeBatches() throws Exception {
        openCase(TENANT, "case-1");
        int batches = 15;
        AtomicBoolean writing = new AtomicBoolean(true);
        Callable<Integer> writer = () -> {
            try {
                for (int b = 0; b < batches; b++) {
                    long expected = 1 + 3L * b;
                    store.append(Batch.of(TENANT, caseId("case-1"), expected)
                            .event(negotiationOpened(TENANT, "w-" + b + "-a", b))
                            .event(negotiationOpened(TENANT, "w-" + b + "-b", b))
                            .event(negotiationOpened(TENANT, "w-" + b + "-c", b)).build());
                }
                return batches;
            } finally {
                writing.set(false);
            }
        };
        Callable<Integer> reader = () -> {
            int reads = 0;
            while (writing.get() || reads == 0) {
                long version = store.load(TENANT, caseId("case-1")).orElseThrow().version();
                if ((version - 1) % 3 != 0) {
                    throw new AssertionError("saw version " + version + ": part of a batch of 3");
                }
                reads++;
            }
            return reads;
        };
        for (Outcome<Integer> outcome : runTogether(List.of(writer, reader))) {
            if (outcome.error != null) {
                throw new AssertionError(outcome.error);
            }
        }
        assertEquals(1 + 3L * batches, store.load(TENANT, caseId("case-1")).orElseThrow().version());
    }

    // ------------------------------------------------------------------------------------------- atomicity

    @Test
    @DisplayName("a taken idempotency key throws IdempotencyKeyTakenException and leaves nothing behind")
    void idempotencyKeyTakenLeavesNothing() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .idempotency("key-1").build());

        ReturnEvent.ReturnRequested second = requested(TENANT, caseId("case-2"), "C2", "R2");
        AppendBatch batch = Batch.of(TENANT, caseId("case-2"), 0).event(second).links(requestLinks(second))
                .due(at(10)).outbox("ob-2", 1, T0).idempotency("key-1").build();
        IdempotencyKeyTakenException e = assertUnchanged(batch, IdempotencyKeyTakenException.class);
        assertEquals(TENANT, e.tenant());
        assertEquals(IdempotencyKey.of("key-1"), e.key());
        assertEquals(Optional.empty(), store.load(TENANT, caseId("case-2")));
        assertEquals(caseId("case-1"), store.findIdempotency(TENANT, IdempotencyKey.of("key-1")).orElseThrow().caseId());
    }

    @Test
    @DisplayName("a taken idempotency key is refused also on the case that took it")
    void idempotencyKeyTakenOnSameCase() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .idempotency("key-1").build());
        AppendBatch again = Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u", 1))
                .due(at(99)).outbox("ob-9", 2, T0).idempotency("key-1").build();
        assertUnchanged(again, IdempotencyKeyTakenException.class);
        assertEquals(1, store.load(TENANT, caseId("case-1")).orElseThrow().version());
    }

    @Test
    @DisplayName("the idempotency check comes before the version check")
    void idempotencyCheckedBeforeVersion() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .idempotency("key-1").build());
        AppendBatch batch = Batch.of(TENANT, caseId("case-1"), 7).event(negotiationOpened(TENANT, "u", 1))
                .idempotency("key-1").build();
        assertUnchanged(batch, IdempotencyKeyTakenException.class);
    }

    @Test
    @DisplayName("the idempotency check comes before the number check")
    void idempotencyCheckedBeforeNumbers() {
        openCase(TENANT, "case-1");
        store.append(Batch.of(TENANT, caseId("case-2"), 0).event(requested(TENANT, caseId("case-2"), "C2", "R2"))
                .idempotency("key-2").build());
        AppendBatch batch = Batch.of(TENANT, caseId("case-2"), 1).event(negotiationOpened(TENANT, "u", 1))
                .link(ContractFixtures.customerNumber(TENANT, "case-1-C"), null, false).idempotency("key-2").build();
        assertUnchanged(batch, IdempotencyKeyTakenException.class);
    }

    @Test
    @DisplayName("the version check comes before the number check")
    void versionCheckedBeforeNumbers() {
        openCase(TENANT, "case-1");
        openCase(TENANT, "case-2");
        AppendBatch batch = Batch.of(TENANT, caseId("case-2"), 0).event(negotiationOpened(TENANT, "u", 1))
                .link(ContractFixtures.customerNumber(TENANT, "case-1-C"), null, false).build();
        VersionConflictException e = assertUnchanged(batch, VersionConflictException.class);
        assertEquals(1, e.actualVersion());
    }

    @Test
    @DisplayName("a number linked to another case throws NumberAlreadyLinkedException, leaves nothing and names no other case")
    void numberTakenLeavesNothing() {
        openCase(TENANT, "case-1");
        ReturnEvent.ReturnRequested second = requested(TENANT, caseId("case-2"), "C2", "R2");
        ReturnNumber taken = ReturnNumber.returnTracking("SF", "SF100200300");
        store.append(Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u", 1))
                .link(taken, SUPPLIER, false).build());

        AppendBatch batch = Batch.of(TENANT, caseId("case-2"), 0).event(second).links(requestLinks(second))
                .link(ReturnNumber.supplierReturn(OTHER_SUPPLIER, "FRESH-1"), OTHER_SUPPLIER, false)
                .link(taken, OTHER_SUPPLIER, false).due(at(10)).outbox("ob-2", 1, T0).idempotency("key-2").build();
        NumberAlreadyLinkedException e = assertUnchanged(batch, NumberAlreadyLinkedException.class);
        assertEquals(taken, e.number());
        assertFalse(e.getMessage().contains("case-1"), "message must not name the other case: " + e.getMessage());
        assertEquals(Optional.empty(), store.load(TENANT, caseId("case-2")));
        assertEquals(caseId("case-1"), store.findByNumber(TENANT, taken).orElseThrow().caseId());
    }

    @Test
    @DisplayName("a number taken on an existing case leaves that case, its due time and its outbox unchanged")
    void numberTakenOnExistingCaseLeavesItUnchanged() {
        openCase(TENANT, "case-1");
        store.append(Batch.of(TENANT, caseId("case-2"), 0).event(requested(TENANT, caseId("case-2"), "C2", "R2"))
                .links(requestLinks(requested(TENANT, caseId("case-2"), "C2", "R2"))).due(at(500))
                .outbox("ob-old", 1, T0).idempotency("key-old").build());
        AppendBatch batch = Batch.of(TENANT, caseId("case-2"), 1).event(negotiationOpened(TENANT, "u", 1))
                .link(ContractFixtures.resellerNumber(TENANT, "case-1-R"), null, false).due(at(50))
                .outbox("ob-new", 2, T0).idempotency("key-new").build();
        assertUnchanged(batch, NumberAlreadyLinkedException.class);
        assertEquals(List.of(new DueCase(TENANT, caseId("case-2"), at(500))), store.findDue(FAR, 10).stream()
                .filter(d -> d.caseId().equals(caseId("case-2"))).toList());
        assertEquals(List.of("ob-old"), targets(store.outboxOf(TENANT, caseId("case-2"))));
    }

    // ------------------------------------------------------------------------------------------- numbers

    @Test
    @DisplayName("a supplier number is unique for its supplier in a tenant")
    void supplierNumberUniqueInATenant() {
        openCase(TENANT, "case-1");
        openCase(TENANT, "case-2");
        ReturnNumber number = ReturnNumber.supplierReturn(SUPPLIER, "RMA-1");
        store.append(Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u", 1))
                .link(number, SUPPLIER, false).build());
        AppendBatch clash = Batch.of(TENANT, caseId("case-2"), 1).event(negotiationOpened(TENANT, "u", 1))
                .link(ReturnNumber.supplierReturn(SUPPLIER, " rma-1 "), SUPPLIER, false).build();
        assertUnchanged(clash, NumberAlreadyLinkedException.class);

        // the same value from another supplier is another number
        store.append(Batch.of(TENANT, caseId("case-2"), 1).event(negotiationOpened(TENANT, "u", 1))
                .link(ReturnNumber.supplierReturn(OTHER_SUPPLIER, "RMA-1"), OTHER_SUPPLIER, false).build());
        assertEquals(caseId("case-2"), store.findByNumber(TENANT, ReturnNumber.supplierReturn(OTHER_SUPPLIER, "RMA-1"))
                .orElseThrow().caseId());
        assertEquals(caseId("case-1"), store.findByNumber(TENANT, number).orElseThrow().caseId());
    }

    @Test
    @DisplayName("tenant-scoped numbers with the same value in two tenants are two numbers")
    void tenantScopedNumbersAreScopedByTenant() {
        ReturnEvent.ReturnRequested first = requested(TENANT, caseId("case-1"), "SAME-C", "SAME-R");
        ReturnEvent.ReturnRequested second = requested(OTHER_TENANT, caseId("case-2"), "SAME-C", "SAME-R");
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(first).links(requestLinks(first)).build());
        store.append(Batch.of(OTHER_TENANT, caseId("case-2"), 0).event(second).links(requestLinks(second)).build());
        assertEquals(caseId("case-1"), store.findByNumber(TENANT, first.customerNumber()).orElseThrow().caseId());
        assertEquals(caseId("case-2"), store.findByNumber(OTHER_TENANT, second.customerNumber()).orElseThrow().caseId());
        assertEquals(caseId("case-2"), store.findByNumber(OTHER_TENANT, second.resellerNumber()).orElseThrow().caseId());

        ReturnEvent.ReturnRequested third = requested(OTHER_TENANT, caseId("case-3"), "SAME-C", "OTHER-R");
        assertUnchanged(Batch.of(OTHER_TENANT, caseId("case-3"), 0).event(third).links(requestLinks(third)).build(),
                NumberAlreadyLinkedException.class);
    }

    @Test
    @DisplayName("both tracking kinds share one namespace per carrier")
    void trackingKindsShareANamespace() {
        openCase(TENANT, "case-1");
        openCase(TENANT, "case-2");
        ReturnNumber returnTracking = ReturnNumber.returnTracking("SF", "SF123456789");
        store.append(Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u", 1))
                .link(returnTracking, SUPPLIER, false).build());

        ReturnNumber asReplacement = ReturnNumber.replacementTracking("sf", "sf 1234 56789");
        assertUnchanged(Batch.of(TENANT, caseId("case-2"), 1).event(negotiationOpened(TENANT, "u", 1))
                .link(asReplacement, SUPPLIER, false).build(), NumberAlreadyLinkedException.class);
        NumberLink found = store.findByNumber(TENANT, asReplacement).orElseThrow();
        assertEquals(new NumberLink(returnTracking, TENANT, caseId("case-1"), SUPPLIER, false), found);

        // another carrier is another namespace
        store.append(Batch.of(TENANT, caseId("case-2"), 1).event(negotiationOpened(TENANT, "u", 1))
                .link(ReturnNumber.replacementTracking("YTO", "SF123456789"), SUPPLIER, false).build());
        assertEquals(caseId("case-2"), store.findByNumber(TENANT, ReturnNumber.returnTracking("YTO", "SF123456789"))
                .orElseThrow().caseId());
    }

    @Test
    @DisplayName("a supplier number re-linked to the same case is updated, e.g. to superseded; links are never removed")
    void supersedeUpdatesTheLinkOnTheSameCase() {
        openCase(TENANT, "case-1");
        ReturnNumber first = ReturnNumber.supplierReturn(SUPPLIER, "S-1");
        ReturnNumber second = ReturnNumber.supplierReturn(SUPPLIER, "S-2");
        store.append(Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u", 1))
                .link(first, SUPPLIER, false).build());
        assertFalse(store.findByNumber(TENANT, first).orElseThrow().superseded());

        store.append(Batch.of(TENANT, caseId("case-1"), 2).event(negotiationOpened(TENANT, "u", 2))
                .link(first, SUPPLIER, true).link(second, SUPPLIER, false).build());
        assertEquals(new NumberLink(first, TENANT, caseId("case-1"), SUPPLIER, true), store.findByNumber(TENANT, first).orElseThrow());
        assertEquals(new NumberLink(second, TENANT, caseId("case-1"), SUPPLIER, false), store.findByNumber(TENANT, second).orElseThrow());

        // a later batch that repeats no links keeps all of them
        store.append(Batch.of(TENANT, caseId("case-1"), 3).event(negotiationOpened(TENANT, "u", 3)).build());
        assertTrue(store.findByNumber(TENANT, first).orElseThrow().superseded());
        assertTrue(store.findByNumber(TENANT, second).isPresent());
        assertTrue(store.findByNumber(TENANT, ContractFixtures.customerNumber(TENANT, "case-1-C")).isPresent());
    }

    @Test
    @DisplayName("findByNumber finds every kind of number of a whole lifecycle, superseded ones marked")
    void findByNumberForEveryKind() {
        List<ReturnEvent> events = ContractFixtures.fullLifecycle(TENANT, caseId("case-1"), "A");
        List<NumberLink> links = ContractFixtures.linksAfter(events);
        store.append(Batch.of(TENANT, caseId("case-1"), 0).events(events).links(links).build());

        Set<String> kinds = new HashSet<>();
        for (NumberLink link : links) {
            assertEquals(Optional.of(link), store.findByNumber(TENANT, link.number()), link.number().kind() + " " + link.number());
            kinds.add(link.number().kind() + (link.superseded() ? "/superseded" : ""));
        }
        assertEquals(Set.of("CUSTOMER_REQUEST", "RESELLER_RETURN", "SUPPLIER_RETURN", "SUPPLIER_RETURN/superseded",
                "RETURN_TRACKING", "REPLACEMENT_TRACKING"), kinds, "the fixture covers every kind");
        assertEquals(Optional.empty(), store.findByNumber(TENANT, ReturnNumber.supplierReturn(SUPPLIER, "A-S3")));
        assertEquals(Optional.empty(), store.findByNumber(TENANT, ReturnNumber.customerRequest(OTHER_TENANT, "A-C")));
    }

    @Test
    @DisplayName("findByValue finds a number's links in every scope of its namespace, in its own tenant only")
    void findByValueFindsEveryScope() {
        NumberLink sf = linkToNewCase(TENANT, "case-1", ReturnNumber.returnTracking("SF", "VAL0001"), SUPPLIER);
        NumberLink yto = linkToNewCase(TENANT, "case-2", ReturnNumber.replacementTracking("YTO", "VAL0001"), OTHER_SUPPLIER);
        NumberLink ofSupplier = linkToNewCase(TENANT, "case-3", ReturnNumber.supplierReturn(SUPPLIER, "VAL0001"), SUPPLIER);
        NumberLink elsewhere = linkToNewCase(OTHER_TENANT, "case-1", ReturnNumber.returnTracking("EMS", "VAL0001"), SUPPLIER);

        assertEquals(List.of(sf, yto), store.findByValue(TENANT, NumberKind.RETURN_TRACKING, "VAL0001", 10),
                "both tracking kinds share a namespace, every carrier, ordered by uniqueness key");
        assertEquals(List.of(sf, yto), store.findByValue(TENANT, NumberKind.REPLACEMENT_TRACKING, "VAL0001", 10));
        assertEquals(List.of(sf), store.findByValue(TENANT, NumberKind.RETURN_TRACKING, "VAL0001", 1), "the limit holds");
        assertEquals(List.of(ofSupplier), store.findByValue(TENANT, NumberKind.SUPPLIER_RETURN, "VAL0001", 10));
        assertEquals(List.of(elsewhere), store.findByValue(OTHER_TENANT, NumberKind.RETURN_TRACKING, "VAL0001", 10),
                "another tenant's links are never found");
        assertEquals(List.of(), store.findByValue(TENANT, NumberKind.RETURN_TRACKING, "VAL0002", 10));
        assertEquals(List.of(), store.findByValue(TENANT, NumberKind.CUSTOMER_REQUEST, "VAL0001", 10));
    }

    @Test
    @DisplayName("findByValue sees a superseded number once, marked so")
    void findByValueSeesSupersededOnce() {
        List<ReturnEvent> events = ContractFixtures.fullLifecycle(TENANT, caseId("case-1"), "A");
        List<NumberLink> links = ContractFixtures.linksAfter(events);
        store.append(Batch.of(TENANT, caseId("case-1"), 0).events(events).links(links).build());
        for (NumberLink link : links) {
            List<NumberLink> found = store.findByValue(TENANT, link.number().kind(), link.number().value(), 10);
            assertEquals(List.of(link), found, link.number().kind() + " " + link.number());
        }
    }

    private NumberLink linkToNewCase(TenantId tenant, String id, ReturnNumber number, SupplierId leg) {
        ReturnEvent.ReturnRequested requested = requested(tenant, caseId(id), id + "-C", id + "-R");
        NumberLink link = new NumberLink(number, tenant, caseId(id), leg, false);
        List<NumberLink> links = new ArrayList<>(requestLinks(requested));
        links.add(link);
        store.append(Batch.of(tenant, caseId(id), 0).event(requested).links(links).build());
        return link;
    }

    @Test
    @DisplayName("of concurrent appends that link the same number to different cases, exactly one wins")
    void concurrentLinksExactlyOneWins() throws Exception {
        ReturnNumber contested = ReturnNumber.customerRequest(TENANT, "CONTESTED");
        List<Callable<CaseId>> tasks = new ArrayList<>();
        for (int t = 0; t < threads(); t++) {
            CaseId id = caseId("case-" + t);
            tasks.add(() -> {
                ReturnEvent.ReturnRequested requested = requested(TENANT, id, "CONTESTED", "R-" + id.value());
                store.append(Batch.of(TENANT, id, 0).event(requested).links(requestLinks(requested)).build());
                return id;
            });
        }
        List<CaseId> winners = new ArrayList<>();
        for (Outcome<CaseId> outcome : runTogether(tasks)) {
            if (outcome.error == null) {
                winners.add(outcome.value);
            } else if (!(outcome.error instanceof NumberAlreadyLinkedException)) {
                throw new AssertionError("a losing append must throw NumberAlreadyLinkedException", outcome.error);
            }
        }
        assertEquals(1, winners.size(), "exactly one link wins: " + winners);
        assertEquals(winners.get(0), store.findByNumber(TENANT, contested).orElseThrow().caseId());
        for (int t = 0; t < threads(); t++) {
            assertEquals(winners.get(0).equals(caseId("case-" + t)), store.load(TENANT, caseId("case-" + t)).isPresent());
        }
    }

    // ------------------------------------------------------------------------------------------- idempotency

    @Test
    @DisplayName("idempotency records are kept exactly and scoped by tenant")
    void idempotencyRecords() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .build());
        AppendBatch batch = Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u", 1))
                .event(negotiationOpened(TENANT, "u", 2)).idempotency("key-1").build();
        store.append(batch);
        assertEquals(Optional.of(new IdempotencyRecord(TENANT, IdempotencyKey.of("key-1"), "fp-key-1", caseId("case-1"), 2, 3)),
                store.findIdempotency(TENANT, IdempotencyKey.of("key-1")));
        assertEquals(Optional.empty(), store.findIdempotency(OTHER_TENANT, IdempotencyKey.of("key-1")));
        assertEquals(Optional.empty(), store.findIdempotency(TENANT, IdempotencyKey.of("key-2")));

        // the same key in another tenant is another key
        store.append(Batch.of(OTHER_TENANT, caseId("case-2"), 0).event(requested(OTHER_TENANT, caseId("case-2"), "C", "R"))
                .idempotency("key-1").build());
        assertEquals(caseId("case-2"), store.findIdempotency(OTHER_TENANT, IdempotencyKey.of("key-1")).orElseThrow().caseId());
        assertEquals(caseId("case-1"), store.findIdempotency(TENANT, IdempotencyKey.of("key-1")).orElseThrow().caseId());
    }

    @Test
    @DisplayName("of concurrent appends with the same idempotency key, exactly one wins")
    void concurrentIdempotencyExactlyOneWins() throws Exception {
        List<Callable<CaseId>> tasks = new ArrayList<>();
        for (int t = 0; t < threads(); t++) {
            CaseId id = caseId("case-" + t);
            tasks.add(() -> {
                store.append(Batch.of(TENANT, id, 0).event(requested(TENANT, id, "C-" + id, "R-" + id))
                        .idempotency("same-key").build());
                return id;
            });
        }
        List<CaseId> winners = new ArrayList<>();
        for (Outcome<CaseId> outcome : runTogether(tasks)) {
            if (outcome.error == null) {
                winners.add(outcome.value);
            } else if (!(outcome.error instanceof IdempotencyKeyTakenException)) {
                throw new AssertionError("a losing append must throw IdempotencyKeyTakenException", outcome.error);
            }
        }
        assertEquals(1, winners.size(), "exactly one append wins: " + winners);
        assertEquals(winners.get(0), store.findIdempotency(TENANT, IdempotencyKey.of("same-key")).orElseThrow().caseId());
        for (int t = 0; t < threads(); t++) {
            assertEquals(winners.get(0).equals(caseId("case-" + t)), store.load(TENANT, caseId("case-" + t)).isPresent(),
                    "a losing append stores nothing");
        }
    }

    // ------------------------------------------------------------------------------------------- due index

    @Test
    @DisplayName("the due time is set, moved and removed by appends; findDue includes its boundary")
    void dueTimeSetMovedRemoved() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .due(at(1000)).build());
        assertEquals(List.of(new DueCase(TENANT, caseId("case-1"), at(1000))), store.findDue(at(1000), 10));
        assertEquals(List.of(), store.findDue(at(999), 10), "due at 1000 is not due at 999");

        store.append(Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u", 1)).due(at(5000)).build());
        assertEquals(List.of(), store.findDue(at(4999), 10), "the old due time is gone");
        assertEquals(List.of(new DueCase(TENANT, caseId("case-1"), at(5000))), store.findDue(FAR, 10));

        store.append(Batch.of(TENANT, caseId("case-1"), 2).event(negotiationOpened(TENANT, "u", 2)).due(at(200)).build());
        assertEquals(List.of(new DueCase(TENANT, caseId("case-1"), at(200))), store.findDue(FAR, 10), "moved earlier");

        store.append(Batch.of(TENANT, caseId("case-1"), 3).event(negotiationOpened(TENANT, "u", 3)).build());
        assertEquals(List.of(), store.findDue(FAR, 10), "a batch without a due time removes it");
    }

    @Test
    @DisplayName("findDue returns the earliest first, at most limit, across tenants")
    void dueOrderAndLimit() {
        long[] dues = {4000, 1000, 3000, 5000, 2000};
        for (int i = 0; i < dues.length; i++) {
            TenantId tenant = i % 2 == 0 ? TENANT : OTHER_TENANT;
            store.append(Batch.of(tenant, caseId("case-" + i), 0).event(requested(tenant, caseId("case-" + i), "C" + i, "R" + i))
                    .due(at(dues[i])).build());
        }
        store.append(Batch.of(TENANT, caseId("case-none"), 0).event(requested(TENANT, caseId("case-none"), "CN", "RN")).build());

        assertEquals(List.of(caseId("case-1"), caseId("case-4"), caseId("case-2")),
                store.findDue(FAR, 3).stream().map(DueCase::caseId).toList());
        assertEquals(List.of(new DueCase(OTHER_TENANT, caseId("case-1"), at(1000)), new DueCase(TENANT, caseId("case-4"), at(2000))),
                store.findDue(at(2000), 100));
        assertEquals(5, store.findDue(FAR, 100).size());
        assertEquals(List.of(), store.findDue(at(999), 100));
        assertEquals(1, store.findDue(FAR, 1).size());
    }

    @Test
    @DisplayName("findDue pages continue after the cursor: by due time, then tenant, then case id")
    void duePagesContinueAfterTheCursor() {
        dueCase(OTHER_TENANT, "case-a", 1000);
        dueCase(TENANT, "case-b", 1000);
        dueCase(TENANT, "case-a", 1000);
        dueCase(TENANT, "case-c", 500);
        dueCase(OTHER_TENANT, "case-0", 2000);
        List<DueCase> inOrder = List.of(new DueCase(TENANT, caseId("case-c"), at(500)),
                new DueCase(TENANT, caseId("case-a"), at(1000)), new DueCase(TENANT, caseId("case-b"), at(1000)),
                new DueCase(OTHER_TENANT, caseId("case-a"), at(1000)),
                new DueCase(OTHER_TENANT, caseId("case-0"), at(2000)));

        assertEquals(inOrder, store.findDue(FAR, null, 10), "ties on the due time go by tenant, then case id");
        assertEquals(inOrder.subList(2, 4), store.findDue(FAR, inOrder.get(1), 2));
        assertEquals(inOrder.subList(4, 5), store.findDue(FAR, inOrder.get(3), 2));
        assertEquals(List.of(), store.findDue(FAR, inOrder.get(4), 2), "nothing after the last case");
        assertEquals(inOrder.subList(2, 4), store.findDue(at(1000), inOrder.get(1), 10), "the due time still bounds");
        assertEquals(inOrder.subList(1, 5), store.findDue(FAR, new DueCase(TENANT, caseId("case-c"), at(999)), 10),
                "the cursor is a position: it need not be a stored case");
        assertEquals(store.findDue(FAR, null, 3), store.findDue(FAR, 3), "the first page has no cursor");
    }

    @Test
    @DisplayName("walking findDue page by page returns every due case exactly once")
    void duePagesSkipNothingAndRepeatNothing() {
        List<DueCase> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            TenantId tenant = i % 3 == 0 ? OTHER_TENANT : TENANT;
            long due = 1000 + (i % 4) * 100; // many ties on the due time
            dueCase(tenant, "case-" + (char) ('a' + i), due);
            expected.add(new DueCase(tenant, caseId("case-" + (char) ('a' + i)), at(due)));
        }
        dueCase(TENANT, "case-later", 9000);

        List<DueCase> walked = new ArrayList<>();
        DueCase after = null;
        for (int pages = 0; pages < 100; pages++) {
            List<DueCase> page = store.findDue(at(2000), after, 5);
            walked.addAll(page);
            if (page.size() < 5) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        assertEquals(expected.size(), walked.size(), "nothing repeated: " + walked);
        assertEquals(Set.copyOf(expected), Set.copyOf(walked), "nothing skipped");
        assertEquals(walked, store.findDue(at(2000), null, 100), "the pages together are the index in order");
    }

    private void dueCase(TenantId tenant, String id, long dueAt) {
        store.append(Batch.of(tenant, caseId(id), 0).event(requested(tenant, caseId(id), "C-" + id, "R-" + id))
                .due(at(dueAt)).build());
    }

    // ------------------------------------------------------------------------------------------- outbox

    @Test
    @DisplayName("appended outbox entries are listed by outboxOf, oldest version first, exactly as given")
    void outboxEntriesRoundTrip() {
        OutboxEntry first = new OutboxEntry(TENANT, caseId("case-1"), 1, Effect.REQUEST_RETURN, SUPPLIER.value(),
                0, at(10), null, false, null, null);
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .outbox(first).build());
        OutboxEntry second = OutboxEntry.pending(TENANT, caseId("case-1"), 2, Effect.REACT, "policies", at(5));
        OutboxEntry third = OutboxEntry.pending(TENANT, caseId("case-1"), 2, Effect.NOTIFY, "CUSTOMER:c-1", at(5));
        store.append(Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u", 1))
                .outbox(second).outbox(third).build());
        openCase(TENANT, "case-2");

        List<OutboxEntry> entries = store.outboxOf(TENANT, caseId("case-1"));
        assertEquals(3, entries.size(), entries.toString());
        assertEquals(first, entries.get(0));
        assertEquals(Set.of(second, third), Set.copyOf(entries.subList(1, 3)));
        assertEquals(List.of(), store.outboxOf(TENANT, caseId("case-2")));
        assertEquals(List.of(), store.outboxOf(TENANT, caseId("nobody")));
    }

    @Test
    @DisplayName("an outbox entry whose work, so whose id, exists already is ignored; another case's same work is its own")
    void duplicateOutboxIdsAreIgnored() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .outbox("ob-1", 1, at(10)).build());
        OutboxEntry original = store.outboxOf(TENANT, caseId("case-1")).get(0);
        store.append(Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u", 1))
                .outbox(new OutboxEntry(TENANT, caseId("case-1"), 1, Effect.NOTIFY, "ob-1", 3, at(99), "again", false,
                        null, null)).outbox("ob-1", 1, at(5)).build());
        store.append(Batch.of(TENANT, caseId("case-2"), 0).event(requested(TENANT, caseId("case-2"), "C2", "R2"))
                .outbox("ob-1", 1, at(10)).build());

        assertEquals(List.of(original), store.outboxOf(TENANT, caseId("case-1")));
        assertEquals(List.of(id("ob-1")), store.outboxOf(TENANT, caseId("case-1")).stream().map(OutboxEntry::id).toList());
        assertEquals(List.of(id(TENANT, "case-2", "ob-1")),
                store.outboxOf(TENANT, caseId("case-2")).stream().map(OutboxEntry::id).toList());
        assertEquals(2, store.load(TENANT, caseId("case-1")).orElseThrow().version(), "the events were appended");
    }

    @Test
    @DisplayName("a claim takes due entries earliest first, at most limit, and leases them until now + lease")
    void claimTakesDueEntriesAndLeasesThem() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .outbox("ob-c", 1, at(300)).outbox("ob-a", 1, at(100)).outbox("ob-b", 1, at(200))
                .outbox("ob-future", 1, at(10_000)).build());

        assertEquals(List.of(), store.claimOutbox("owner-1", at(99), Duration.ofMinutes(1), 10), "nothing is due yet");
        List<OutboxEntry> claimed = store.claimOutbox("owner-1", at(300), Duration.ofMinutes(1), 2);
        assertEquals(List.of("ob-a", "ob-b"), targets(claimed));
        for (OutboxEntry entry : claimed) {
            assertEquals("owner-1", entry.leaseOwner());
            assertEquals(at(300).plus(Duration.ofMinutes(1)), entry.leaseUntil());
            assertEquals(0, entry.attempts());
            assertFalse(entry.parked());
        }
        assertEquals(List.of("ob-c"), targets(store.claimOutbox("owner-2", at(300), Duration.ofMinutes(1), 10)),
                "the boundary: next attempt at now is due; leased entries are not offered");
        assertEquals(List.of(), store.claimOutbox("owner-3", at(9_999), Duration.ofMinutes(1), 10));
        assertEquals(List.of("ob-future"), targets(store.claimOutbox("owner-3", at(10_000), Duration.ofMinutes(1), 10)));

        OutboxEntry listed = store.outboxOf(TENANT, caseId("case-1")).stream().filter(e -> e.target().equals("ob-a")).findFirst()
                .orElseThrow();
        assertEquals("owner-1", listed.leaseOwner(), "outboxOf shows the lease");
    }

    @Test
    @DisplayName("a lease holds until it ends; then another owner may claim, and the first owner has lost it")
    void expiredLeaseIsReclaimable() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .outbox("ob-1", 1, T0).build());
        assertEquals(List.of("ob-1"), targets(store.claimOutbox("owner-1", T0, Duration.ofSeconds(30), 10)));
        assertEquals(List.of(), store.claimOutbox("owner-2", at(29_999), Duration.ofSeconds(30), 10),
                "the lease holds");
        List<OutboxEntry> reclaimed = store.claimOutbox("owner-2", at(30_000), Duration.ofSeconds(30), 10);
        assertEquals(List.of("ob-1"), targets(reclaimed), "a lease that ended at now is over");
        assertEquals(at(60_000), reclaimed.get(0).leaseUntil());

        assertFalse(store.completeOutbox(id("ob-1"), "owner-1"), "owner-1 lost the lease");
        assertFalse(store.failOutbox(id("ob-1"), "owner-1", "late", at(1), true), "owner-1 lost the lease");
        OutboxEntry untouched = store.outboxOf(TENANT, caseId("case-1")).get(0);
        assertEquals("owner-2", untouched.leaseOwner());
        assertEquals(0, untouched.attempts());
        assertFalse(untouched.parked());
        assertTrue(store.completeOutbox(id("ob-1"), "owner-2"));
        assertEquals(List.of(), store.outboxOf(TENANT, caseId("case-1")));
    }

    @Test
    @DisplayName("only the lease owner completes an entry; completing twice or an unknown entry is false")
    void completeOnlyByOwner() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .outbox("ob-1", 1, T0).outbox("ob-2", 1, T0).build());
        assertFalse(store.completeOutbox(id("ob-1"), "owner-1"), "an unclaimed entry has no owner");
        store.claimOutbox("owner-1", T0, Duration.ofMinutes(1), 10);

        assertFalse(store.completeOutbox(id("ob-1"), "intruder"));
        assertEquals(Set.of("ob-1", "ob-2"), Set.copyOf(targets(store.outboxOf(TENANT, caseId("case-1")))));
        assertTrue(store.completeOutbox(id("ob-1"), "owner-1"));
        assertEquals(List.of("ob-2"), targets(store.outboxOf(TENANT, caseId("case-1"))));
        assertFalse(store.completeOutbox(id("ob-1"), "owner-1"), "done already");
        assertFalse(store.completeOutbox(id("ob-unknown"), "owner-1"), "an id no entry has");
        assertFalse(store.completeOutbox("ob-unknown", "owner-1"), "an id not well formed names no entry");
    }

    @Test
    @DisplayName("a failed attempt counts, records the error, reschedules and ends the lease; only the owner may fail it")
    void failReschedules() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .outbox("ob-1", 1, T0).build());
        assertFalse(store.failOutbox(id("ob-1"), "owner-1", "x", at(1), false), "an unclaimed entry has no owner");
        store.claimOutbox("owner-1", T0, Duration.ofMinutes(1), 10);
        assertFalse(store.failOutbox(id("ob-1"), "intruder", "x", at(1), false));
        assertNull(store.outboxOf(TENANT, caseId("case-1")).get(0).lastError(), "the intruder changed nothing");

        String error = "供应商接口超时 \"HTTP 504\"\nretry later";
        assertTrue(store.failOutbox(id("ob-1"), "owner-1", error, at(5000), false));
        OutboxEntry failed = store.outboxOf(TENANT, caseId("case-1")).get(0);
        assertEquals(new OutboxEntry(TENANT, caseId("case-1"), 1, Effect.NOTIFY, "ob-1", 1, at(5000), error,
                false, null, null), failed);
        assertFalse(store.completeOutbox(id("ob-1"), "owner-1"), "failing ends the lease");

        assertEquals(List.of(), store.claimOutbox("owner-2", at(4999), Duration.ofMinutes(1), 10), "rescheduled");
        assertEquals(List.of("ob-1"), targets(store.claimOutbox("owner-2", at(5000), Duration.ofMinutes(1), 10)));
        assertTrue(store.failOutbox(id("ob-1"), "owner-2", "again", at(9000), false));
        assertEquals(2, store.outboxOf(TENANT, caseId("case-1")).get(0).attempts());
    }

    @Test
    @DisplayName("outboxStats, when the store can tell, counts pending and parked entries over every tenant and the oldest due time")
    void outboxStatsCountWhatWaits() {
        Optional<OutboxStats> empty = store.outboxStats();
        Assumptions.assumeTrue(empty.isPresent(), "the store does not report outbox figures (optional)");
        assertEquals(new OutboxStats(0, 0, null), empty.get(), "an empty store");

        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .outbox("ob-1", 1, at(10)).outbox("ob-2", 1, at(20)).outbox("ob-3", 1, at(30)).build());
        store.append(Batch.of(OTHER_TENANT, caseId("case-1"), 0).event(requested(OTHER_TENANT, caseId("case-1"), "C1", "R1"))
                .outbox("ob-other", 1, at(5)).build());
        assertEquals(new OutboxStats(4, 0, at(5)), store.outboxStats().orElseThrow(), "every tenant counts");

        store.claimOutbox("owner-1", at(10), Duration.ofMinutes(1), 10);
        assertTrue(store.failOutbox(id(OTHER_TENANT, "case-1", "ob-other"), "owner-1", "gave up", at(40), true));
        assertTrue(store.completeOutbox(id("ob-1"), "owner-1"));
        assertEquals(new OutboxStats(2, 1, at(20)), store.outboxStats().orElseThrow(),
                "done entries leave, parked ones are counted apart");
    }

    @Test
    @DisplayName("a parked entry is never claimed, stays listed, and retryParked brings back the parked entries of that case only")
    void parkAndRetry() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .outbox("ob-1", 1, T0).outbox("ob-2", 1, T0).outbox("ob-3", 1, at(1)).build());
        store.append(Batch.of(TENANT, caseId("case-2"), 0).event(requested(TENANT, caseId("case-2"), "C2", "R2"))
                .outbox("ob-other", 1, T0).build());
        store.claimOutbox("owner-1", at(1), Duration.ofMinutes(1), 10);
        assertTrue(store.failOutbox(id("ob-1"), "owner-1", "gave up", at(2), true));
        assertTrue(store.failOutbox(id("ob-2"), "owner-1", "gave up", at(2), true));
        assertTrue(store.failOutbox(id(TENANT, "case-2", "ob-other"), "owner-1", "gave up", at(2), true));
        assertTrue(store.completeOutbox(id("ob-3"), "owner-1"));

        assertEquals(List.of(), store.claimOutbox("owner-2", FAR, Duration.ofMinutes(1), 10), "parked entries wait");
        List<OutboxEntry> parked = store.outboxOf(TENANT, caseId("case-1"));
        assertEquals(2, parked.size());
        for (OutboxEntry entry : parked) {
            assertTrue(entry.parked());
            assertEquals(1, entry.attempts());
            assertEquals("gave up", entry.lastError());
            assertNull(entry.leaseOwner());
        }

        Instant now = at(60_000);
        assertEquals(0, store.retryParked(OTHER_TENANT, caseId("case-1"), now), "another tenant's case of that id");
        assertTrue(store.outboxOf(TENANT, caseId("case-1")).stream().allMatch(OutboxEntry::parked));
        assertEquals(2, store.retryParked(TENANT, caseId("case-1"), now));
        for (OutboxEntry entry : store.outboxOf(TENANT, caseId("case-1"))) {
            assertFalse(entry.parked());
            assertEquals(0, entry.attempts());
            assertEquals(now, entry.nextAttemptAt());
        }
        assertEquals(0, store.retryParked(TENANT, caseId("case-1"), now), "nothing parked any more");
        assertEquals(List.of(), store.claimOutbox("owner-2", at(59_999), Duration.ofMinutes(1), 10));
        assertEquals(Set.of("ob-1", "ob-2"), Set.copyOf(targets(store.claimOutbox("owner-2", now, Duration.ofMinutes(1), 10))));
        assertTrue(store.outboxOf(TENANT, caseId("case-2")).get(0).parked(), "the other case's entry stays parked");
        assertEquals(0, store.retryParked(TENANT, caseId("nobody"), now));
    }

    @Test
    @DisplayName("concurrent claimers never get the same entry while it is leased, and together get all")
    void concurrentClaimersNeverShare() throws Exception {
        int entries = 60;
        for (int c = 0; c < 6; c++) {
            Batch batch = Batch.of(TENANT, caseId("case-" + c), 0).event(requested(TENANT, caseId("case-" + c), "C" + c, "R" + c));
            for (int e = 0; e < entries / 6; e++) {
                batch.outbox("ob-" + c + "-" + e, 1, at(e));
            }
            store.append(batch.build());
        }
        Set<String> claimed = ConcurrentHashMap.newKeySet();
        List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < threads(); t++) {
            String owner = "owner-" + t;
            tasks.add(() -> {
                int mine = 0;
                for (int round = 0; round < entries; round++) {
                    List<OutboxEntry> got = store.claimOutbox(owner, at(1000), Duration.ofMinutes(5), 3);
                    if (got.isEmpty()) {
                        break;
                    }
                    for (OutboxEntry entry : got) {
                        if (!owner.equals(entry.leaseOwner())) {
                            throw new AssertionError("claimed entry shows owner " + entry.leaseOwner() + ", not " + owner);
                        }
                        if (!claimed.add(entry.id())) {
                            duplicates.add(entry.id());
                        }
                    }
                    mine += got.size();
                }
                return mine;
            });
        }
        int total = 0;
        for (Outcome<Integer> outcome : runTogether(tasks)) {
            if (outcome.error != null) {
                throw new AssertionError(outcome.error);
            }
            total += outcome.value;
        }
        assertEquals(List.of(), duplicates, "entries claimed twice while leased");
        assertEquals(entries, claimed.size());
        assertEquals(entries, total);
        assertEquals(List.of(), store.claimOutbox("late", at(1000), Duration.ofMinutes(5), 100));
    }

    // ------------------------------------------------------------------------------------------- lease renewal

    @Test
    @DisplayName("the holder renews a lease before it ends: it then holds until now + lease, and no one else may claim")
    void renewByHolderExtendsTheLease() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .outbox("ob-1", 1, T0).build());
        store.claimOutbox("owner-1", T0, Duration.ofSeconds(30), 10);

        assertTrue(store.renewOutbox(id("ob-1"), "owner-1", at(20_000), Duration.ofSeconds(30)));
        OutboxEntry renewed = store.outboxOf(TENANT, caseId("case-1")).get(0);
        assertEquals("owner-1", renewed.leaseOwner());
        assertEquals(at(50_000), renewed.leaseUntil());
        assertEquals(0, renewed.attempts(), "a renewal is no attempt");
        assertEquals(List.of(), store.claimOutbox("owner-2", at(30_000), Duration.ofSeconds(30), 10),
                "the old lease end no longer frees the entry");
        assertEquals(List.of(), store.claimOutbox("owner-2", at(49_999), Duration.ofSeconds(30), 10));
        assertTrue(store.renewOutbox(id("ob-1"), "owner-1", at(49_999), Duration.ofSeconds(1)), "renewed again, shorter");
        assertEquals(List.of("ob-1"), targets(store.claimOutbox("owner-2", at(50_999), Duration.ofSeconds(30), 10)),
                "the lease ends at the last renewal's end");
    }

    @Test
    @DisplayName("a renewal after the lease ended, by a stranger, of an unknown, unclaimed, failed or done entry is false and changes nothing")
    void renewRefusedChangesNothing() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .outbox("ob-1", 1, T0).outbox("ob-2", 1, T0).outbox("ob-3", 1, T0).outbox("ob-4", 1, at(60_000))
                .build());
        assertFalse(store.renewOutbox(id("ob-4"), "owner-1", T0, Duration.ofSeconds(30)), "never claimed");
        store.claimOutbox("owner-1", T0, Duration.ofSeconds(30), 10);
        List<OutboxEntry> before = store.outboxOf(TENANT, caseId("case-1"));

        assertFalse(store.renewOutbox(id("ob-1"), "stranger", at(1), Duration.ofSeconds(30)), "a stranger");
        assertFalse(store.renewOutbox(id("ob-1"), "owner-1", at(30_000), Duration.ofSeconds(30)), "the lease ended at now");
        assertFalse(store.renewOutbox(id("ob-1"), "owner-1", at(90_000), Duration.ofSeconds(30)), "the lease ended before");
        assertFalse(store.renewOutbox(id("ob-unknown"), "owner-1", at(1), Duration.ofSeconds(30)), "an unknown entry");
        assertFalse(store.renewOutbox("ob-1", "owner-1", at(1), Duration.ofSeconds(30)), "an id not well formed");
        assertFalse(store.failOutbox("ob-1", "owner-1", "x", at(1), false), "an id not well formed");
        assertEquals(before, store.outboxOf(TENANT, caseId("case-1")), "no refused renewal changed anything");

        assertTrue(store.failOutbox(id("ob-2"), "owner-1", "x", at(10), false));
        assertFalse(store.renewOutbox(id("ob-2"), "owner-1", at(1), Duration.ofSeconds(30)), "failing ended the lease");
        assertTrue(store.completeOutbox(id("ob-3"), "owner-1"));
        assertFalse(store.renewOutbox(id("ob-3"), "owner-1", at(1), Duration.ofSeconds(30)), "done");
        assertEquals(Set.of("ob-1", "ob-2", "ob-4"), Set.copyOf(targets(store.outboxOf(TENANT, caseId("case-1")))));
        assertNull(store.outboxOf(TENANT, caseId("case-1")).stream().filter(e -> e.target().equals("ob-2")).findFirst()
                .orElseThrow().leaseOwner(), "the failed entry stays unleased");

        List<OutboxEntry> reclaimed = store.claimOutbox("owner-2", at(30_000), Duration.ofSeconds(30), 10);
        assertTrue(targets(reclaimed).contains("ob-1"));
        assertFalse(store.renewOutbox(id("ob-1"), "owner-1", at(30_001), Duration.ofSeconds(30)), "owner-2 holds it now");
        assertTrue(store.renewOutbox(id("ob-1"), "owner-2", at(30_001), Duration.ofSeconds(30)));
        assertThrows(IllegalArgumentException.class, () -> store.renewOutbox(id("ob-1"), "owner-2", at(30_002), Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> store.renewOutbox(id("ob-1"), "owner-2", at(30_002), Duration.ofSeconds(-1)));
    }

    @Test
    @DisplayName("an owner whose lease ended may still complete or fail the entry while nobody has claimed it again")
    void lapsedOwnerFinishesWhileNobodyReclaimed() {
        store.append(Batch.of(TENANT, caseId("case-1"), 0).event(requested(TENANT, caseId("case-1"), "C1", "R1"))
                .outbox("ob-1", 1, T0).outbox("ob-2", 1, T0).build());
        store.claimOutbox("owner-1", T0, Duration.ofSeconds(30), 10);
        // the lease ended at 30 s; no other owner claimed the entries since
        assertTrue(store.completeOutbox(id("ob-1"), "owner-1"), "the work is done: refusing would only redo it");
        assertTrue(store.failOutbox(id("ob-2"), "owner-1", "late", at(40_000), false));
        assertEquals(1, store.outboxOf(TENANT, caseId("case-1")).get(0).attempts());
    }

    // ------------------------------------------------------------------------------------------- ordered supplier sends

    private static OutboxEntry send(TenantId tenant, String caseId, long version, Effect effect, String target,
                                    Instant due) {
        return OutboxEntry.pending(tenant, caseId(caseId), version, effect, target, due);
    }

    /** Opens a case of three events with these outbox entries. */
    private void openWithOutbox(TenantId tenant, String id, OutboxEntry... entries) {
        Batch batch = Batch.of(tenant, caseId(id), 0).event(requested(tenant, caseId(id), id + "-C", id + "-R"))
                .event(negotiationOpened(tenant, "u", 1)).event(negotiationOpened(tenant, "u", 2));
        for (OutboxEntry entry : entries) {
            batch.outbox(entry);
        }
        store.append(batch.build());
    }

    /** The ids of entries. */
    private static List<String> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }

    @Test
    @DisplayName("ordered sends to one supplier of one case are claimed one at a time, in version order")
    void orderedSendsAreClaimedInVersionOrder() {
        String s1 = SUPPLIER.value();
        OutboxEntry cancel = send(TENANT, "case-1", 3, Effect.CANCEL_AT_SUPPLIER, s1, T0);
        OutboxEntry share = send(TENANT, "case-1", 2, Effect.SHARE_TRACKING, s1, T0);
        OutboxEntry request = send(TENANT, "case-1", 1, Effect.REQUEST_RETURN, s1, T0);
        OutboxEntry otherLeg = send(TENANT, "case-1", 2, Effect.CANCEL_AT_SUPPLIER, OTHER_SUPPLIER.value(), T0);
        openWithOutbox(TENANT, "case-1", cancel, share, request, otherLeg);

        assertEquals(Set.of(request.id(), otherLeg.id()),
                Set.copyOf(ids(store.claimOutbox("owner-1", at(1), Duration.ofMinutes(1), 10))),
                "only the earliest send of each supplier");
        assertEquals(List.of(), store.claimOutbox("owner-2", at(1), Duration.ofMinutes(1), 10),
                "a leased earlier send blocks the later ones");
        assertEquals(List.of(), store.claimOutbox("owner-2", at(120_000), Duration.ofMinutes(1), 10).stream()
                .filter(e -> !e.id().equals(request.id()) && !e.id().equals(otherLeg.id())).toList(),
                "after the lease ended the earlier send is claimable again, the later still not");
        assertTrue(store.completeOutbox(otherLeg.id(), "owner-2"));

        assertTrue(store.completeOutbox(request.id(), "owner-2"));
        assertEquals(List.of(share.id()), ids(store.claimOutbox("owner-3", at(120_000), Duration.ofMinutes(1), 10)));
        assertTrue(store.failOutbox(share.id(), "owner-3", "timeout", at(200_000), false));
        assertEquals(List.of(), store.claimOutbox("owner-3", at(199_999), Duration.ofMinutes(1), 10),
                "an earlier send waiting for its retry still blocks");
        assertEquals(List.of(share.id()), ids(store.claimOutbox("owner-3", at(200_000), Duration.ofMinutes(1), 10)));
        assertTrue(store.completeOutbox(share.id(), "owner-3"));
        assertEquals(List.of(cancel.id()), ids(store.claimOutbox("owner-3", at(200_000), Duration.ofMinutes(1), 10)));
    }

    @Test
    @DisplayName("a parked earlier send does not block a later one: the cancellation still goes out")
    void parkedEarlierSendDoesNotBlock() {
        String s1 = SUPPLIER.value();
        OutboxEntry request = send(TENANT, "case-1", 1, Effect.REQUEST_RETURN, s1, T0);
        OutboxEntry cancel = send(TENANT, "case-1", 2, Effect.CANCEL_AT_SUPPLIER, s1, T0);
        openWithOutbox(TENANT, "case-1", request, cancel);
        assertEquals(List.of(request.id()), ids(store.claimOutbox("owner-1", T0, Duration.ofMinutes(1), 10)));
        assertTrue(store.failOutbox(request.id(), "owner-1", "refused", at(1), true));
        assertEquals(List.of(cancel.id()), ids(store.claimOutbox("owner-1", at(1), Duration.ofMinutes(1), 10)));
    }

    @Test
    @DisplayName("other effects are never blocked nor block: polls, notifications and reactions")
    void unorderedEffectsAreNeverBlocked() {
        String s1 = SUPPLIER.value();
        OutboxEntry request = send(TENANT, "case-1", 1, Effect.REQUEST_RETURN, s1, T0);
        OutboxEntry poll = send(TENANT, "case-1", 2, Effect.POLL_SUPPLIER, s1, T0);
        OutboxEntry notify = send(TENANT, "case-1", 2, Effect.NOTIFY, s1, T0);
        OutboxEntry react = send(TENANT, "case-1", 3, Effect.REACT, s1, T0);
        openWithOutbox(TENANT, "case-1", request, send(TENANT, "case-1", 1, Effect.POLL_SUPPLIER, s1, at(5)), poll,
                notify, react);
        assertEquals(Set.of(request.id(), poll.id(), notify.id(), react.id()),
                Set.copyOf(ids(store.claimOutbox("owner-1", T0, Duration.ofMinutes(1), 10))),
                "a pending earlier send blocks no other effect");

        OutboxEntry poll2 = send(TENANT, "case-2", 1, Effect.POLL_SUPPLIER, s1, T0);
        OutboxEntry notify2 = send(TENANT, "case-2", 1, Effect.NOTIFY, s1, T0);
        OutboxEntry share2 = send(TENANT, "case-2", 2, Effect.SHARE_TRACKING, s1, T0);
        openWithOutbox(TENANT, "case-2", poll2, notify2, share2);
        assertEquals(Set.of(poll2.id(), notify2.id()),
                Set.copyOf(ids(store.claimOutbox("owner-1", T0, Duration.ofMinutes(1), 2))));
        assertEquals(List.of(share2.id()), ids(store.claimOutbox("owner-2", T0, Duration.ofMinutes(1), 10)),
                "leased polls and notifications do not block a send");
    }

    @Test
    @DisplayName("the order of sends holds per tenant and case: the same case id in another tenant is not blocked")
    void orderedSendsArePerTenantAndCase() {
        String s1 = SUPPLIER.value();
        OutboxEntry request = send(TENANT, "case-1", 1, Effect.REQUEST_RETURN, s1, T0);
        openWithOutbox(TENANT, "case-1", request, send(TENANT, "case-1", 2, Effect.CANCEL_AT_SUPPLIER, s1, T0));
        OutboxEntry otherTenant = send(OTHER_TENANT, "case-1", 2, Effect.CANCEL_AT_SUPPLIER, s1, T0);
        openWithOutbox(OTHER_TENANT, "case-1", otherTenant);
        OutboxEntry otherCase = send(TENANT, "case-2", 2, Effect.CANCEL_AT_SUPPLIER, s1, T0);
        openWithOutbox(TENANT, "case-2", otherCase);
        assertEquals(Set.of(request.id(), otherTenant.id(), otherCase.id()),
                Set.copyOf(ids(store.claimOutbox("owner-1", T0, Duration.ofMinutes(1), 10))));
    }

    @Test
    @DisplayName("concurrent claimers deliver the sends of each supplier in version order, never two at once")
    void concurrentClaimersKeepSendsInOrder() throws Exception {
        Effect[] chain = {Effect.REQUEST_RETURN, Effect.SHARE_TRACKING, Effect.CANCEL_AT_SUPPLIER};
        int cases = 6;
        for (int c = 0; c < cases; c++) {
            String id = "case-" + c;
            List<OutboxEntry> entries = new ArrayList<>();
            for (int v = 0; v < chain.length; v++) {
                entries.add(send(TENANT, id, v + 1, chain[v], SUPPLIER.value(), T0));
                entries.add(send(TENANT, id, v + 1, chain[v], OTHER_SUPPLIER.value(), T0));
            }
            openWithOutbox(TENANT, id, entries.toArray(OutboxEntry[]::new));
        }
        int total = cases * 2 * chain.length;
        Map<String, Long> lastDone = new ConcurrentHashMap<>();
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < threads(); t++) {
            String owner = "owner-" + t;
            tasks.add(() -> {
                int mine = 0;
                for (int round = 0; round < total * 4 && done.get() < total; round++) {
                    List<OutboxEntry> claimed = store.claimOutbox(owner, at(1), Duration.ofMinutes(5), 4);
                    for (OutboxEntry entry : claimed) {
                        String leg = entry.caseId().value() + "/" + entry.target();
                        if (!inFlight.add(leg)) {
                            violations.add("two sends of " + leg + " at once");
                        }
                        long previous = lastDone.getOrDefault(leg, 0L);
                        if (entry.version() != previous + 1) {
                            violations.add(leg + " got version " + entry.version() + " after " + previous);
                        }
                    }
                    for (OutboxEntry entry : claimed) {
                        String leg = entry.caseId().value() + "/" + entry.target();
                        lastDone.put(leg, entry.version());
                        inFlight.remove(leg);
                        if (!store.completeOutbox(entry.id(), owner)) {
                            violations.add("lost the lease of " + entry.id());
                        }
                        done.incrementAndGet();
                        mine++;
                    }
                }
                return mine;
            });
        }
        for (Outcome<Integer> outcome : runTogether(tasks)) {
            if (outcome.error != null) {
                throw new AssertionError(outcome.error);
            }
        }
        assertEquals(List.of(), violations);
        assertEquals(total, done.get(), "every send was delivered");
    }

    // ------------------------------------------------------------------------------------------- tenant scoping

    @Test
    @DisplayName("the same case id in two tenants is two independent cases")
    void sameCaseIdInTwoTenantsIsTwoCases() {
        openCase(TENANT, "case-1");
        openCase(OTHER_TENANT, "case-1");
        store.append(Batch.of(OTHER_TENANT, caseId("case-1"), 1).event(negotiationOpened(OTHER_TENANT, "u", 1))
                .due(at(7)).outbox("ob-b", 2, T0).idempotency("key-b").build());

        CaseHistory mine = store.load(TENANT, caseId("case-1")).orElseThrow();
        assertEquals(TENANT, mine.tenant());
        assertEquals(1, mine.version());
        assertEquals(TENANT, ((ReturnEvent.ReturnRequested) mine.events().get(0)).actor().tenant());
        CaseHistory theirs = store.load(OTHER_TENANT, caseId("case-1")).orElseThrow();
        assertEquals(OTHER_TENANT, theirs.tenant());
        assertEquals(2, theirs.version());
        assertEquals(OTHER_TENANT, theirs.events().get(1).actor().tenant());
        assertEquals(List.of(), store.loadAfter(TENANT, caseId("case-1"), 1));
        assertEquals(theirs.events().subList(1, 2), store.loadAfter(OTHER_TENANT, caseId("case-1"), 1));
        assertEquals(List.of(), store.outboxOf(TENANT, caseId("case-1")));
        assertEquals(List.of("ob-b"), targets(store.outboxOf(OTHER_TENANT, caseId("case-1"))));
        assertEquals(caseId("case-1"), store.findIdempotency(OTHER_TENANT, IdempotencyKey.of("key-b")).orElseThrow().caseId());
        assertEquals(List.of(new DueCase(OTHER_TENANT, caseId("case-1"), at(7))), store.findDue(FAR, 10));
    }

    @Test
    @DisplayName("a batch of one tenant never changes another tenant's case of the same id")
    void batchOfAnotherTenantNeverChangesTheCase() {
        openCase(TENANT, "case-1");
        store.append(Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u", 1)).due(at(50))
                .outbox("ob-a", 2, at(10)).build());
        CaseHistory before = store.load(TENANT, caseId("case-1")).orElseThrow();

        // to the other tenant the case id is unknown: version 0, so expecting version 2 is a conflict
        AppendBatch intruder = Batch.of(OTHER_TENANT, caseId("case-1"), 2).event(negotiationOpened(OTHER_TENANT, "x", 9))
                .due(at(1)).outbox("ob-x", 3, T0).build();
        VersionConflictException e = assertThrows(VersionConflictException.class, () -> store.append(intruder));
        assertEquals(0, e.actualVersion(), "the other tenant has no such case");
        assertEquals(before, store.load(TENANT, caseId("case-1")).orElseThrow());
        assertEquals(List.of("ob-a"), targets(store.outboxOf(TENANT, caseId("case-1"))));
        assertEquals(List.of(new DueCase(TENANT, caseId("case-1"), at(50))), store.findDue(FAR, 10));
        assertEquals(Optional.empty(), store.load(OTHER_TENANT, caseId("case-1")));
        assertEquals(List.of(), store.loadAfter(OTHER_TENANT, caseId("case-1"), 0));
        assertEquals(List.of(), store.outboxOf(OTHER_TENANT, caseId("case-1")));

        // the other tenant opens its own case of that id: the first tenant's case stays as it was
        openCase(OTHER_TENANT, "case-1");
        assertEquals(before, store.load(TENANT, caseId("case-1")).orElseThrow());
        assertEquals(1, store.load(OTHER_TENANT, caseId("case-1")).orElseThrow().version());
    }

    @Test
    @DisplayName("the same tracking or supplier number in two tenants links to each tenant's own case")
    void sameNumberInTwoTenantsLinksEachTenantsCase() {
        openCase(TENANT, "case-1");
        openCase(OTHER_TENANT, "case-2");
        ReturnNumber tracking = ReturnNumber.returnTracking("SF", "SF100200300");
        ReturnNumber supplierNumber = ReturnNumber.supplierReturn(SUPPLIER, "RMA-1");
        // the other tenant's customer types the parcel number first
        store.append(Batch.of(OTHER_TENANT, caseId("case-2"), 1).event(negotiationOpened(OTHER_TENANT, "u", 1))
                .link(tracking, SUPPLIER, false).link(supplierNumber, SUPPLIER, false).build());
        store.append(Batch.of(TENANT, caseId("case-1"), 1).event(negotiationOpened(TENANT, "u", 1))
                .link(tracking, SUPPLIER, false).link(supplierNumber, SUPPLIER, false).build());

        assertEquals(new NumberLink(tracking, TENANT, caseId("case-1"), SUPPLIER, false),
                store.findByNumber(TENANT, tracking).orElseThrow());
        assertEquals(new NumberLink(tracking, OTHER_TENANT, caseId("case-2"), SUPPLIER, false),
                store.findByNumber(OTHER_TENANT, tracking).orElseThrow());
        assertEquals(caseId("case-1"), store.findByNumber(TENANT, supplierNumber).orElseThrow().caseId());
        assertEquals(caseId("case-2"), store.findByNumber(OTHER_TENANT, supplierNumber).orElseThrow().caseId());

        // within one tenant a number still leads to one case
        openCase(TENANT, "case-3");
        assertUnchanged(Batch.of(TENANT, caseId("case-3"), 1).event(negotiationOpened(TENANT, "u", 1))
                .link(tracking, SUPPLIER, false).build(), NumberAlreadyLinkedException.class);
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** What the store shows about the case and the numbers, keys, due times and outbox entries of a batch. */
    private record Snapshot(Optional<CaseHistory> history, List<Optional<NumberLink>> links, List<DueCase> due,
                            List<OutboxEntry> outbox, Optional<IdempotencyRecord> idempotency) {
    }

    private Snapshot snapshot(AppendBatch batch) {
        List<Optional<NumberLink>> links = new ArrayList<>();
        for (NumberLink link : batch.links()) {
            links.add(store.findByNumber(batch.tenant(), link.number()));
        }
        Optional<IdempotencyRecord> idempotency = batch.idempotency() == null ? Optional.empty()
                : store.findIdempotency(batch.tenant(), batch.idempotency().key());
        return new Snapshot(store.load(batch.tenant(), batch.caseId()), links, store.findDue(FAR, 10_000),
                store.outboxOf(batch.tenant(), batch.caseId()), idempotency);
    }

    /** Asserts that appending the batch throws the exception and leaves the store as it was. */
    private <E extends Throwable> E assertUnchanged(AppendBatch batch, Class<E> expected) {
        Snapshot before = snapshot(batch);
        E thrown = assertThrows(expected, () -> store.append(batch));
        Snapshot after = snapshot(batch);
        assertEquals(before.history(), after.history(), "events after a failed append");
        assertEquals(before.links(), after.links(), "number links after a failed append");
        assertEquals(before.due(), after.due(), "due index after a failed append");
        assertEquals(before.outbox(), after.outbox(), "outbox after a failed append");
        assertEquals(before.idempotency(), after.idempotency(), "idempotency record after a failed append");
        return thrown;
    }

    /** The targets of entries: in these tests, what names each entry within its event. */
    private static List<String> targets(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::target).toList();
    }

    /** The id of the notification of the first event of the tenant's case-1 to {@code target}. */
    private static String id(String target) {
        return id(TENANT, "case-1", target);
    }

    /** The id of the notification of the first event of a case to {@code target}. */
    private static String id(TenantId tenant, String caseId, String target) {
        return OutboxIds.of(tenant, caseId(caseId), 1, Effect.NOTIFY, target);
    }

    /** The result of one concurrent task: its value, or what it threw. */
    private record Outcome<T>(T value, Throwable error) {
    }

    /**
     * Runs the tasks on their own threads, released together by a latch, and waits for all of them, at most
     * {@link #timeout()}; then the threads are stopped.
     */
    private <T> List<Outcome<T>> runTogether(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    if (!go.await(timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new TimeoutException("start signal never came");
                    }
                    return task.call();
                }));
            }
            if (!ready.await(timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                fail("the threads did not start within " + timeout());
            }
            go.countDown();
            long deadline = System.nanoTime() + timeout().toNanos();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS),
                            null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                } catch (TimeoutException e) {
                    fail("concurrent appends did not finish within " + timeout() + " (a deadlock?)");
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(timeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
