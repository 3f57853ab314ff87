package dev.returnsync.core.memory;

import dev.returnsync.core.engine.OutboxIds;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The outbox entries that are not done, every method called under the store's outbox lock: by case (each case's own
 * small list, in the order its entries were added) and, for the claimable (unparked) ones, in one set sorted by next
 * attempt time and, within one time, the order they were added. One slot per entry holds the entry's fields
 * themselves, so a lease or a failure changes the slot in place. An entry whose id is the one the engine derives
 * from its fields ({@link OutboxIds#of}) keeps no id: the id is built when the entry is read, and an id is
 * found through its case's list ({@link #derived}). Any other id is kept, with its slot in a map by id
 * ({@link #foreign}).
 */
final class OutboxIndex {
    /** An entry's place in the index and its current state. */
    static final class Slot {
        final TenantId tenant;
        final CaseId caseId;
        final long version;
        final Effect effect;
        final String target;
        /** The entry's id when it is not the one derived from its fields, else null. */
        final String foreignId;
        int attempts;
        /** Also its place in the claim order while it is claimable, with {@link #sequence}. */
        Instant nextAttemptAt;
        String lastError;
        boolean parked;
        String leaseOwner;
        Instant leaseUntil;
        final List<Slot> ofCase;
        /** When it was last queued, within its next attempt time. */
        long sequence;

        private Slot(OutboxEntry entry, boolean derived, List<Slot> ofCase) {
            this.tenant = entry.tenant();
            this.caseId = entry.caseId();
            this.version = entry.version();
            this.effect = entry.effect();
            this.target = entry.target();
            this.foreignId = derived ? null : entry.id();
            this.ofCase = ofCase;
            this.attempts = entry.attempts();
            this.nextAttemptAt = entry.nextAttemptAt();
            this.lastError = entry.lastError();
            this.parked = entry.parked();
            this.leaseOwner = entry.leaseOwner();
            this.leaseUntil = entry.leaseUntil();
        }

        /** A bound of the claim order, not an entry. */
        private Slot(Instant at, long sequence) {
            this.tenant = null;
            this.caseId = null;
            this.version = 0;
            this.effect = null;
            this.target = null;
            this.foreignId = null;
            this.ofCase = null;
            this.nextAttemptAt = at;
            this.sequence = sequence;
        }

        /** The entry's id, built when it is the derived one. */
        String id() {
            return foreignId != null ? foreignId : OutboxIds.of(tenant, caseId, version, effect, target);
        }

        /** The entry as it is now. */
        OutboxEntry entry() {
            return new OutboxEntry(id(), tenant, caseId, version, effect, target, attempts, nextAttemptAt, lastError,
                    parked, leaseOwner, leaseUntil);
        }
    }

    /** The claim order: next attempt time, then when it was queued (written out: no composed lambdas to call). */
    private static final class ReadyOrder implements Comparator<Slot> {
        @Override
        public int compare(Slot a, Slot b) {
            int byTime = a.nextAttemptAt.compareTo(b.nextAttemptAt);
            return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
        }
    }

    private final Map<String, Slot> foreign = new HashMap<>();
    private final TreeSet<Slot> ready = new TreeSet<>(new ReadyOrder());
    private long added;
    private int size;

    /** The slot of an entry that keeps its own id, or null. */
    Slot foreign(String id) {
        return foreign.get(id);
    }

    /** The slot among a case's slots whose derived id is {@code id}, of that version, or null. */
    static Slot derived(String id, long version, List<Slot> ofCase) {
        for (int i = 0; i < ofCase.size(); i++) {
            Slot slot = ofCase.get(i);
            if (slot.version == version && slot.foreignId == null
                    && OutboxIds.matches(id, slot.tenant, slot.caseId, slot.version, slot.effect, slot.target)) {
                return slot;
            }
        }
        return null;
    }

    /**
     * The slot among its case's slots of the same work as an entry whose id is {@link #derived}, or null: derived ids
     * are equal exactly when their fields are, so the fields are compared, not the ids.
     */
    static Slot sameWork(OutboxEntry entry, List<Slot> ofCase) {
        for (int i = 0; i < ofCase.size(); i++) {
            Slot slot = ofCase.get(i);
            if (slot.version == entry.version() && slot.effect == entry.effect() && slot.foreignId == null
                    && slot.target.equals(entry.target())) {
                return slot;
            }
        }
        return null;
    }

    /** How many entries are not done. */
    int size() {
        return size;
    }

    /** How many entries are claimable (not parked). */
    int readyCount() {
        return ready.size();
    }

    /** The earliest next attempt of a claimable entry, or null. */
    Instant earliest() {
        return ready.isEmpty() ? null : ready.first().nextAttemptAt;
    }

    /** True when an entry's id is the one derived from its fields. */
    static boolean derived(OutboxEntry entry) {
        return OutboxIds.matches(entry.id(), entry.tenant(), entry.caseId(), entry.version(), entry.effect(),
                entry.target());
    }

    /** Adds an entry of a case, given whether its id is {@link #derived} and the case's list of slots. */
    void add(OutboxEntry entry, boolean derived, List<Slot> ofCase) {
        Slot slot = new Slot(entry, derived, ofCase);
        if (!derived) {
            foreign.put(entry.id(), slot);
        }
        ofCase.add(slot);
        size++;
        enqueue(slot);
    }

    /** Leases a slot's entry: its place in the claim order stays. */
    void lease(Slot slot, String owner, Instant until) {
        slot.leaseOwner = owner;
        slot.leaseUntil = until;
    }

    /**
     * Gives a slot's entry new attempts, next attempt, error and parked flag, and no lease: it goes behind the
     * entries of its time.
     */
    void requeue(Slot slot, int attempts, Instant nextAttemptAt, String error, boolean park) {
        if (!slot.parked) {
            ready.remove(slot);
        }
        slot.attempts = attempts;
        slot.nextAttemptAt = nextAttemptAt;
        slot.lastError = error;
        slot.parked = park;
        slot.leaseOwner = null;
        slot.leaseUntil = null;
        enqueue(slot);
    }

    /** Removes a done entry. */
    void remove(Slot slot) {
        if (slot.foreignId != null) {
            foreign.remove(slot.foreignId);
        }
        slot.ofCase.remove(slot);
        size--;
        if (!slot.parked) {
            ready.remove(slot);
        }
    }

    /** The claimable slots whose next attempt is at or before {@code now}, in claim order. */
    Iterator<Slot> readyUntil(Instant now) {
        return ready.headSet(new Slot(now, Long.MAX_VALUE), true).iterator();
    }

    private void enqueue(Slot slot) {
        if (!slot.parked) {
            slot.sequence = added++;
            ready.add(slot);
        }
    }

    /** The entries of a slot list, built. */
    static List<OutboxEntry> entries(List<Slot> slots) {
        List<OutboxEntry> entries = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            entries.add(slot.entry());
        }
        return entries;
    }
}
