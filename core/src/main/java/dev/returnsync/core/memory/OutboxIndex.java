package dev.returnsync.core.memory;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The outbox entries that are not done, every method called under the store's outbox lock: by case (each case's own
 * small list, in the order its entries were added) and, for the claimable (unparked) ones, in one queue ordered by
 * next attempt time and, within one time, the order they were added ({@link ReadyQueue}). One slot per entry holds the entry's fields
 * themselves, so a lease or a failure changes the slot in place. No id is kept: an entry's id is derived from its
 * work ({@link dev.returnsync.spi.store.OutboxIds}), built when the entry is read, and an entry is found by its work
 * among its case's slots ({@link #find}).
 */
final class OutboxIndex {
    /** An entry's place in the index and its current state. */
    static final class Slot {
        final TenantId tenant;
        final CaseId caseId;
        final long version;
        final Effect effect;
        final String target;
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
        /** Its neighbours in the ready queue's list, while {@link #listed} there. */
        Slot previous;
        Slot next;
        boolean listed;

        private Slot(OutboxEntry entry, List<Slot> ofCase) {
            this.tenant = entry.tenant();
            this.caseId = entry.caseId();
            this.version = entry.version();
            this.effect = entry.effect();
            this.target = entry.target();
            this.ofCase = ofCase;
            this.attempts = entry.attempts();
            this.nextAttemptAt = entry.nextAttemptAt();
            this.lastError = entry.lastError();
            this.parked = entry.parked();
            this.leaseOwner = entry.leaseOwner();
            this.leaseUntil = entry.leaseUntil();
        }

        /** The last place in the claim order of a time: a bound, not an entry. */
        static Slot bound(Instant at) {
            return new Slot(at, Long.MAX_VALUE);
        }

        /** A bound of the claim order, not an entry. */
        private Slot(Instant at, long sequence) {
            this.tenant = null;
            this.caseId = null;
            this.version = 0;
            this.effect = null;
            this.target = null;
            this.ofCase = null;
            this.nextAttemptAt = at;
            this.sequence = sequence;
        }

        /** The entry as it is now. */
        OutboxEntry entry() {
            return new OutboxEntry(tenant, caseId, version, effect, target, attempts, nextAttemptAt, lastError,
                    parked, leaseOwner, leaseUntil);
        }
    }

    private final ReadyQueue ready = new ReadyQueue();
    private long added;
    private int size;

    /** The slot among a case's slots of the work (version, effect, target), or null. */
    static Slot find(List<Slot> ofCase, long version, Effect effect, String target) {
        for (int i = 0; i < ofCase.size(); i++) {
            Slot slot = ofCase.get(i);
            if (slot.version == version && slot.effect == effect && slot.target.equals(target)) {
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
        Slot first = ready.first();
        return first == null ? null : first.nextAttemptAt;
    }

    /** Adds an entry of a case, given the case's list of slots. */
    void add(OutboxEntry entry, List<Slot> ofCase) {
        Slot slot = new Slot(entry, ofCase);
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
        slot.ofCase.remove(slot);
        size--;
        if (!slot.parked) {
            ready.remove(slot);
        }
    }

    /** The claimable slots whose next attempt is at or before {@code now}, in claim order. */
    Iterator<Slot> readyUntil(Instant now) {
        return ready.until(now);
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
