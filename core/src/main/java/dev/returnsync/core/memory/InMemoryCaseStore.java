package dev.returnsync.core.memory;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.DueCase;
import dev.returnsync.spi.store.IdempotencyKeyTakenException;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.store.OutboxIds;
import dev.returnsync.spi.store.OutboxStats;
import dev.returnsync.spi.store.VersionConflictException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded {@link CaseStore}: everything in memory, nothing survives the process. Thread-safe, and gives every
 * guarantee of the {@code CaseStore} contract:
 * <ul>
 *   <li>every key includes the tenant: cases by (tenant, case id), numbers by (tenant, uniqueness key), so two tenants
 *       never share a case or a number;</li>
 *   <li>an {@link #append} runs under its case's lock (one of a fixed set of stripes, by the case's key), so a batch
 *       is all-or-nothing and a case's version is decided in one place, while appends to other cases run beside it;
 *       a batch that links new numbers also takes the one link lock, so a number's uniqueness across the cases of a
 *       tenant is decided in one place; an idempotency key is claimed atomically, and a batch that finds its key
 *       claimed by another case's batch publishes nothing; the outbox index has its own lock, so leases are decided
 *       in one place;</li>
 *   <li>reads of one case's events are lock-free and copy nothing: a case's events are append-only (an array that
 *       grows by doubling, never copied on an append that fits), published with their count, so a reader sees all
 *       of a batch's events or none of them;</li>
 *   <li>numbers are found through a hash index on the tenant and {@link ReturnNumber#uniquenessKey()}, due cases
 *       through a sorted index on (due time, tenant, case id) that a page enters right after its cursor and reads
 *       alone (its entries carry what a page returns), claimable
 *       outbox entries through a sorted index on the next attempt time: no look-up scans every case; an ordered
 *       send is checked against the few outbox entries of its own case.</li>
 * </ul>
 * Within a batch the idempotency record is published first, then the events, then links, due time and outbox
 * entries: whoever sees a batch's events also finds its idempotency record (the engine reads in that order to
 * replay a twin instead of refusing it), and whoever finds an outbox entry also finds its events.
 */
public final class InMemoryCaseStore implements CaseStore {
    /** Appends to one case at a time: a case's lock is the stripe its key hashes to. */
    private final ReentrantLock[] caseLocks = new ReentrantLock[CASE_STRIPES];
    /** Checks and links numbers, one batch at a time, across every case (taken inside a case's lock). */
    private final ReentrantLock linkLock = new ReentrantLock();
    /** Guards the outbox index and each case's outbox list (taken inside a case's lock, or alone). */
    private final ReentrantLock outboxLock = new ReentrantLock();
    private final ConcurrentHashMap<CaseKey, StoredCase> cases;
    private final ConcurrentHashMap<NumberKey, NumberLink> numbers;
    /** The links by tenant, namespace and value, whatever their scope; each list immutable, replaced under linkLock. */
    private final ConcurrentHashMap<ValueKey, List<NumberLink>> byValue;
    private final IdempotencyIndex idempotency;
    private final DueIndex due = new DueIndex();
    // guarded by outboxLock
    private final OutboxIndex outbox = new OutboxIndex();

    private static final int CASE_STRIPES = 64;

    /** An empty store. */
    public InMemoryCaseStore() {
        this(16);
    }

    /**
     * An empty store sized for about {@code expectedCases} cases, so that its indexes do not grow step by step.
     *
     * @param expectedCases how many cases the store is expected to hold, at least 0
     * @throws IllegalArgumentException if {@code expectedCases} is negative
     */
    public InMemoryCaseStore(int expectedCases) {
        if (expectedCases < 0) {
            throw new IllegalArgumentException("expected cases must be zero or more, was " + expectedCases);
        }
        this.cases = new ConcurrentHashMap<>(expectedCases);
        this.numbers = new ConcurrentHashMap<>(expectedCases * 4);
        this.byValue = new ConcurrentHashMap<>(expectedCases * 4);
        this.idempotency = new IdempotencyIndex(expectedCases * 8);
        for (int i = 0; i < caseLocks.length; i++) {
            caseLocks[i] = new ReentrantLock();
        }
    }

    private static final class StoredCase {
        final EventLog events;
        // guarded by the case's lock: the links last stored for this case, to skip the unchanged ones
        List<NumberLink> links = List.of();
        // guarded by the case's lock: the case's place in the due index, or null
        DueIndex.Entry due;
        // guarded by outboxLock: the case's outbox entries that are not done, in the order they were added
        final List<OutboxIndex.Slot> outbox = new ArrayList<>(2);

        StoredCase(List<ReturnEvent> first) {
            this.events = new EventLog(first);
        }
    }

    /** A case: its tenant and its id. */
    private record CaseKey(TenantId tenant, CaseId caseId) {
        static CaseKey of(TenantId tenant, CaseId caseId) {
            return new CaseKey(Objects.requireNonNull(tenant, "tenant must not be null"),
                    Objects.requireNonNull(caseId, "case id must not be null"));
        }

        /** Written out: a record's generated equals and hashCode link a call site at their first use. */
        @Override
        public boolean equals(Object other) {
            return other instanceof CaseKey key && caseId.equals(key.caseId) && tenant.equals(key.tenant);
        }

        @Override
        public int hashCode() {
            return tenant.hashCode() * 31 + caseId.hashCode();
        }
    }

    /**
     * A number in a tenant, equal to the same tenant's number of the same uniqueness key
     * ({@link ReturnNumber#sameKey}): compared in place, so no key string is built or kept per number.
     */
    private static final class NumberKey {
        private final TenantId tenant;
        private final ReturnNumber number;
        private final int hash;

        private NumberKey(TenantId tenant, ReturnNumber number) {
            this.tenant = tenant;
            this.number = number;
            this.hash = ((tenant.hashCode() * 31 + number.kind().namespace().hashCode()) * 31
                    + number.scope().hashCode()) * 31 + number.value().hashCode();
        }

        static NumberKey of(TenantId tenant, ReturnNumber number) {
            return new NumberKey(tenant, number);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NumberKey key && tenant.equals(key.tenant) && number.sameKey(key.number);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A number's value in a tenant and namespace, without its scope. */
    private record ValueKey(TenantId tenant, String namespace, String value) {
        static ValueKey of(TenantId tenant, ReturnNumber number) {
            return new ValueKey(tenant, number.kind().namespace(), number.value());
        }

        /** Written out: a record's generated equals and hashCode link a call site at their first use. */
        @Override
        public boolean equals(Object other) {
            return other instanceof ValueKey key && value.equals(key.value) && namespace.equals(key.namespace)
                    && tenant.equals(key.tenant);
        }

        @Override
        public int hashCode() {
            return (tenant.hashCode() * 31 + namespace.hashCode()) * 31 + value.hashCode();
        }
    }

    @Override
    public Optional<CaseHistory> load(TenantId tenant, CaseId caseId) {
        StoredCase stored = cases.get(CaseKey.of(tenant, caseId));
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(new CaseHistory(tenant, caseId, stored.events.after(0)));
    }

    /** The events after a version, read without a copy of the history. */
    @Override
    public List<ReturnEvent> loadAfter(TenantId tenant, CaseId caseId, long afterVersion) {
        if (afterVersion < 0) {
            throw new IllegalArgumentException("version must be zero or more, was " + afterVersion);
        }
        StoredCase stored = cases.get(CaseKey.of(tenant, caseId));
        return stored == null ? List.of() : stored.events.after(afterVersion);
    }

    @Override
    public void append(AppendBatch batch) {
        Objects.requireNonNull(batch, "batch must not be null");
        CaseKey caseKey = CaseKey.of(batch.tenant(), batch.caseId());
        ReentrantLock caseLock = caseLocks[(caseKey.hashCode() & 0x7fffffff) % caseLocks.length];
        caseLock.lock();
        try {
            IdempotencyRecord record = batch.idempotency();
            if (record != null && idempotency.contains(record.tenant(), record.key())) {
                throw new IdempotencyKeyTakenException(record.tenant(), record.key());
            }
            StoredCase stored = cases.get(caseKey);
            long version = stored == null ? 0 : stored.events.size();
            if (version != batch.expectedVersion()) {
                throw new VersionConflictException(batch.caseId(), batch.expectedVersion(), version);
            }
            List<NumberLink> fresh = freshLinks(stored, batch.links());
            if (fresh == null) {
                publish(batch, caseKey, stored, null);
                return;
            }
            linkLock.lock(); // numbers are unique across the cases of a tenant: checked and linked by one at a time
            try {
                // the key again, now that no other batch can link: a twin on another case that won the key linked
                // its numbers under this lock, and the key must be what this batch is refused for, as checked first
                if (record != null && idempotency.contains(record.tenant(), record.key())) {
                    throw new IdempotencyKeyTakenException(record.tenant(), record.key());
                }
                for (NumberLink link : fresh) {
                    NumberLink existing = numbers.get(NumberKey.of(batch.tenant(), link.number()));
                    if (existing != null && !existing.caseId().equals(batch.caseId())) {
                        throw new NumberAlreadyLinkedException(link.number());
                    }
                }
                publish(batch, caseKey, stored, fresh);
            } finally {
                linkLock.unlock();
            }
        } finally {
            caseLock.unlock();
        }
    }

    /**
     * The links of a batch that are new to its case or changed (e.g. superseded), or null when there are none
     * (guarded by the case's lock).
     */
    private static List<NumberLink> freshLinks(StoredCase stored, List<NumberLink> links) {
        List<NumberLink> known = stored == null ? List.of() : stored.links;
        List<NumberLink> fresh = null;
        for (int i = 0; i < links.size(); i++) {
            NumberLink link = links.get(i);
            if (!known.contains(link)) { // else stored by an earlier batch of this case, unchanged
                if (fresh == null) {
                    fresh = new ArrayList<>(4);
                }
                fresh.add(link);
            }
        }
        return fresh;
    }

    /**
     * Publishes a checked batch (under the case's lock, and the link lock when it links numbers): the idempotency
     * record first, then the events, the links, the due time and the outbox entries.
     *
     * @throws IdempotencyKeyTakenException if another case's batch took the key since it was checked: nothing is
     *     published then
     */
    private void publish(AppendBatch batch, CaseKey caseKey, StoredCase stored, List<NumberLink> fresh) {
        IdempotencyRecord record = batch.idempotency();
        if (record != null && !idempotency.claim(record)) {
            throw new IdempotencyKeyTakenException(record.tenant(), record.key());
        }
        StoredCase target = stored;
        if (target == null) {
            target = new StoredCase(batch.events());
            cases.put(caseKey, target);
        } else {
            target.events.append(batch.events());
        }
        if (fresh != null) {
            link(batch.tenant(), target, fresh);
        }
        Instant oldDue = target.due == null ? null : target.due.due.dueAt();
        if (!Objects.equals(oldDue, batch.nextDueAt())) {
            target.due = due.move(target.due, batch.tenant(), batch.caseId(), batch.nextDueAt());
        }
        List<OutboxEntry> entries = batch.outbox();
        if (entries.isEmpty()) {
            return;
        }
        outboxLock.lock();
        try {
            for (int i = 0; i < entries.size(); i++) {
                OutboxEntry entry = entries.get(i);
                if (OutboxIndex.find(target.outbox, entry.version(), entry.effect(), entry.target()) == null) {
                    outbox.add(entry, target.outbox);
                }
            }
        } finally {
            outboxLock.unlock();
        }
    }

    /**
     * Stores a case's new or changed links, replacing its older links of the same numbers (guarded by the case's lock
     * and linkLock).
     */
    private void link(TenantId tenant, StoredCase stored, List<NumberLink> fresh) {
        List<NumberLink> merged = new ArrayList<>(stored.links.size() + fresh.size());
        for (NumberLink old : stored.links) {
            boolean replaced = false;
            for (NumberLink link : fresh) {
                replaced |= link.number().sameKey(old.number());
            }
            if (!replaced) {
                merged.add(old);
            }
        }
        for (NumberLink link : fresh) {
            numbers.put(NumberKey.of(tenant, link.number()), link);
            indexByValue(tenant, link);
            merged.add(link);
        }
        stored.links = List.copyOf(merged);
    }

    @Override
    public Optional<NumberLink> findByNumber(TenantId tenant, ReturnNumber number) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(number, "number must not be null");
        return Optional.ofNullable(numbers.get(NumberKey.of(tenant, number)));
    }

    @Override
    public List<NumberLink> findByValue(TenantId tenant, NumberKind kind, String value, int limit) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(value, "value must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
        List<NumberLink> links = byValue.getOrDefault(new ValueKey(tenant, kind.namespace(), value), List.of());
        return links.size() <= limit ? links : links.subList(0, limit);
    }

    /** Adds or replaces (by uniqueness key) a link in the value index, keeping each list in uniqueness-key order. */
    private void indexByValue(TenantId tenant, NumberLink link) {
        byValue.compute(ValueKey.of(tenant, link.number()), (key, old) -> {
            List<NumberLink> links = new ArrayList<>(old == null ? 1 : old.size() + 1);
            if (old != null) {
                for (NumberLink other : old) {
                    if (!other.number().sameKey(link.number())) {
                        links.add(other);
                    }
                }
            }
            links.add(link);
            links.sort(java.util.Comparator.comparing(other -> other.number().uniquenessKey()));
            return List.copyOf(links);
        });
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(TenantId tenant, IdempotencyKey key) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(key, "key must not be null");
        return idempotency.find(tenant, key);
    }

    @Override
    public List<DueCase> findDue(Instant dueAtOrBefore, DueCase after, int limit) {
        Objects.requireNonNull(dueAtOrBefore, "time must not be null");
        requireLimit(limit);
        return due.page(dueAtOrBefore, after, limit);
    }

    /**
     * The slot of an outbox entry id, or null when no entry of that id is pending or the id is not well formed: the
     * work it names, found among its case's entries (guarded by outboxLock).
     */
    private OutboxIndex.Slot findOutbox(String id) {
        OutboxIds.Work work = OutboxIds.parse(id).orElse(null);
        StoredCase stored = work == null ? null : cases.get(new CaseKey(work.tenant(), work.caseId()));
        return stored == null ? null : OutboxIndex.find(stored.outbox, work.version(), work.effect(), work.target());
    }

    @Override
    public List<OutboxEntry> claimOutbox(String owner, Instant now, Duration lease, int limit) {
        Objects.requireNonNull(owner, "owner must not be null");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("owner must not be blank");
        }
        Objects.requireNonNull(now, "now must not be null");
        requirePositive(lease);
        requireLimit(limit);
        Instant until = now.plus(lease);
        outboxLock.lock();
        try {
            List<OutboxEntry> claimed = new ArrayList<>(Math.min(limit, 64));
            for (Iterator<OutboxIndex.Slot> it = outbox.readyUntil(now); it.hasNext() && claimed.size() < limit; ) {
                OutboxIndex.Slot slot = it.next();
                if (slot.leaseUntil != null && slot.leaseUntil.isAfter(now) || waitsForEarlierSend(slot)) {
                    continue;
                }
                OutboxEntry leased = new OutboxEntry(slot.tenant, slot.caseId, slot.version, slot.effect,
                        slot.target, slot.attempts, slot.nextAttemptAt, slot.lastError, false, owner, until);
                outbox.lease(slot, owner, until);
                claimed.add(leased);
            }
            return claimed;
        } finally {
            outboxLock.unlock();
        }
    }

    /**
     * True when the entry is an ordered send and its case has an unfinished, unparked ordered send to the same target
     * with a lower version (guarded by outboxLock).
     */
    private static boolean waitsForEarlierSend(OutboxIndex.Slot slot) {
        if (!slot.effect.isOrderedSend()) {
            return false;
        }
        for (OutboxIndex.Slot other : slot.ofCase) {
            if (other.effect.isOrderedSend() && !other.parked && other.version < slot.version
                    && other.target.equals(slot.target)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean renewOutbox(String entryId, String owner, Instant now, Duration lease) {
        Objects.requireNonNull(entryId, "entry id must not be null");
        Objects.requireNonNull(owner, "owner must not be null");
        Objects.requireNonNull(now, "now must not be null");
        requirePositive(lease);
        outboxLock.lock();
        try {
            OutboxIndex.Slot slot = findOutbox(entryId);
            if (slot == null || !owner.equals(slot.leaseOwner) || !slot.leaseUntil.isAfter(now)) {
                return false;
            }
            outbox.lease(slot, owner, now.plus(lease));
            return true;
        } finally {
            outboxLock.unlock();
        }
    }

    @Override
    public boolean completeOutbox(String entryId, String owner) {
        Objects.requireNonNull(entryId, "entry id must not be null");
        Objects.requireNonNull(owner, "owner must not be null");
        outboxLock.lock();
        try {
            OutboxIndex.Slot slot = findOutbox(entryId);
            if (slot == null || !owner.equals(slot.leaseOwner)) {
                return false;
            }
            outbox.remove(slot);
            return true;
        } finally {
            outboxLock.unlock();
        }
    }

    @Override
    public boolean failOutbox(String entryId, String owner, String error, Instant nextAttemptAt, boolean park) {
        Objects.requireNonNull(entryId, "entry id must not be null");
        Objects.requireNonNull(owner, "owner must not be null");
        Objects.requireNonNull(nextAttemptAt, "next attempt must not be null");
        outboxLock.lock();
        try {
            OutboxIndex.Slot slot = findOutbox(entryId);
            if (slot == null || !owner.equals(slot.leaseOwner)) {
                return false;
            }
            outbox.requeue(slot, slot.attempts + 1, nextAttemptAt, error, park);
            return true;
        } finally {
            outboxLock.unlock();
        }
    }

    @Override
    public List<OutboxEntry> outboxOf(TenantId tenant, CaseId caseId) {
        StoredCase stored = cases.get(CaseKey.of(tenant, caseId));
        if (stored == null) {
            return List.of();
        }
        outboxLock.lock();
        try {
            List<OutboxEntry> entries = OutboxIndex.entries(stored.outbox);
            entries.sort(Comparator.comparingLong(OutboxEntry::version).thenComparing(OutboxEntry::id));
            return List.copyOf(entries);
        } finally {
            outboxLock.unlock();
        }
    }

    @Override
    public int retryParked(TenantId tenant, CaseId caseId, Instant now) {
        CaseKey key = CaseKey.of(tenant, caseId);
        Objects.requireNonNull(now, "now must not be null");
        StoredCase stored = cases.get(key);
        if (stored == null) {
            return 0;
        }
        outboxLock.lock();
        try {
            int retried = 0;
            for (OutboxIndex.Slot slot : stored.outbox) {
                if (slot.parked) {
                    outbox.requeue(slot, 0, now, slot.lastError, false);
                    retried++;
                }
            }
            return retried;
        } finally {
            outboxLock.unlock();
        }
    }

    @Override
    public Optional<OutboxStats> outboxStats() {
        outboxLock.lock();
        try {
            long pending = outbox.readyCount();
            return Optional.of(new OutboxStats(pending, outbox.size() - pending, outbox.earliest()));
        } finally {
            outboxLock.unlock();
        }
    }

    /** {@return how many cases the store holds} */
    public int size() {
        return cases.size();
    }

    private static void requirePositive(Duration lease) {
        Objects.requireNonNull(lease, "lease must not be null");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
    }

    private static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    @Override
    public String toString() {
        return "InMemoryCaseStore[" + cases.size() + " cases]";
    }
}
