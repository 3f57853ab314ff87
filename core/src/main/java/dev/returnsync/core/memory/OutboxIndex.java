package dev.returnsync.core.memory;

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
 * The outbox entries that are not done, every method called under the store's outbox lock: by id, by case (each
 * case's own small list, in the order its entries were added) and, for the claimable (unparked) ones, in one set
 * sorted by next attempt time and, within one time, the order they were added. One slot per entry holds its current
 * state, so a lease or a failure replaces the entry in the slot, not in three maps.
 */
final class OutboxIndex {
    /** An entry's place in the index. */
    static final class Slot {
        OutboxEntry entry;
        final List<Slot> ofCase;
        /** Its place in the claim order while it is claimable: next attempt time, then when it was queued. */
        Instant at;
        long sequence;

        Slot(OutboxEntry entry, List<Slot> ofCase) {
            this.entry = entry;
            this.ofCase = ofCase;
        }
    }

    private static final Comparator<Slot> READY_ORDER = Comparator
            .<Slot, Instant>comparing(slot -> slot.at).thenComparingLong(slot -> slot.sequence);

    private final Map<String, Slot> byId = new HashMap<>();
    private final TreeSet<Slot> ready = new TreeSet<>(READY_ORDER);
    private long added;

    /** The slot of an entry id, or null. */
    Slot get(String id) {
        return byId.get(id);
    }

    /** How many entries are not done. */
    int size() {
        return byId.size();
    }

    /** How many entries are claimable (not parked). */
    int readyCount() {
        return ready.size();
    }

    /** The earliest next attempt of a claimable entry, or null. */
    Instant earliest() {
        return ready.isEmpty() ? null : ready.first().entry.nextAttemptAt();
    }

    /** Adds an entry of a case, given the case's list of slots. */
    void add(OutboxEntry entry, List<Slot> ofCase) {
        Slot slot = new Slot(entry, ofCase);
        byId.put(entry.id(), slot);
        ofCase.add(slot);
        enqueue(slot);
    }

    /** Replaces a slot's entry by one with the same place in the claim order (a lease). */
    void lease(Slot slot, OutboxEntry leased) {
        slot.entry = leased;
    }

    /** Replaces a slot's entry by one with a new next attempt or parked flag: it goes behind the entries of its time. */
    void requeue(Slot slot, OutboxEntry changed) {
        if (!slot.entry.parked()) {
            ready.remove(slot);
        }
        slot.entry = changed;
        enqueue(slot);
    }

    /** Removes a done entry. */
    void remove(Slot slot) {
        byId.remove(slot.entry.id());
        slot.ofCase.remove(slot);
        if (!slot.entry.parked()) {
            ready.remove(slot);
        }
    }

    /** The claimable slots whose next attempt is at or before {@code now}, in claim order. */
    Iterator<Slot> readyUntil(Instant now) {
        Slot bound = new Slot(null, null);
        bound.at = now;
        bound.sequence = Long.MAX_VALUE;
        return ready.headSet(bound, true).iterator();
    }

    private void enqueue(Slot slot) {
        if (!slot.entry.parked()) {
            slot.at = slot.entry.nextAttemptAt();
            slot.sequence = added++;
            ready.add(slot);
        }
    }

    /** The entries of a slot list, copied. */
    static List<OutboxEntry> entries(List<Slot> slots) {
        List<OutboxEntry> entries = new ArrayList<>(slots.size());
        for (Slot slot : slots) {
            entries.add(slot.entry);
        }
        return entries;
    }
}
