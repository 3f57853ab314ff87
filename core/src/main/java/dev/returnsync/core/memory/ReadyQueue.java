package dev.returnsync.core.memory;

import dev.returnsync.core.memory.OutboxIndex.Slot;

import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/**
 * The claimable outbox slots in claim order: next attempt time, then the order they were queued (their sequence,
 * which only grows). Nearly every slot is queued with a time at or after the latest queued so far (work due now, a
 * retry later): such a slot goes to the end of a list linked through the slots themselves, which is then in claim
 * order by construction, at no allocation and no comparison. Any other slot (a time before the list's last) goes to
 * a sorted set. A walk merges the two. Not thread-safe: used under the store's outbox lock.
 */
final class ReadyQueue {
    /** The claim order, written out: no composed lambdas to call. */
    private static final class ClaimOrder implements Comparator<Slot> {
        @Override
        public int compare(Slot a, Slot b) {
            int byTime = a.nextAttemptAt.compareTo(b.nextAttemptAt);
            return byTime != 0 ? byTime : Long.compare(a.sequence, b.sequence);
        }
    }

    private static final ClaimOrder ORDER = new ClaimOrder();

    private final TreeSet<Slot> sorted = new TreeSet<>(ORDER);
    private Slot head;
    private Slot tail;
    private int listed;

    /** How many slots are queued. */
    int size() {
        return listed + sorted.size();
    }

    /** The first slot in claim order, or null. */
    Slot first() {
        Slot other = sorted.isEmpty() ? null : sorted.first();
        return other == null || head != null && ORDER.compare(head, other) < 0 ? head : other;
    }

    /** Queues a slot whose sequence is greater than every queued slot's. */
    void add(Slot slot) {
        if (tail == null || !slot.nextAttemptAt.isBefore(tail.nextAttemptAt)) {
            slot.listed = true;
            slot.previous = tail;
            slot.next = null;
            if (tail == null) {
                head = slot;
            } else {
                tail.next = slot;
            }
            tail = slot;
            listed++;
        } else {
            slot.listed = false;
            sorted.add(slot);
        }
    }

    /** Takes a queued slot out. */
    void remove(Slot slot) {
        if (!slot.listed) {
            sorted.remove(slot);
            return;
        }
        if (slot.previous == null) {
            head = slot.next;
        } else {
            slot.previous.next = slot.next;
        }
        if (slot.next == null) {
            tail = slot.previous;
        } else {
            slot.next.previous = slot.previous;
        }
        slot.previous = null;
        slot.next = null;
        slot.listed = false;
        listed--;
    }

    /** The queued slots whose next attempt is at or before {@code now}, in claim order, while the queue stays as it is. */
    Iterator<Slot> until(Instant now) {
        Iterator<Slot> others = sorted.headSet(Slot.bound(now), true).iterator();
        return new Iterator<>() {
            private Slot fromList = due(head);
            private Slot fromSet = others.hasNext() ? others.next() : null;

            private Slot due(Slot slot) {
                return slot == null || slot.nextAttemptAt.isAfter(now) ? null : slot;
            }

            @Override
            public boolean hasNext() {
                return fromList != null || fromSet != null;
            }

            @Override
            public Slot next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Slot next;
                if (fromSet == null || fromList != null && ORDER.compare(fromList, fromSet) < 0) {
                    next = fromList;
                    fromList = due(fromList.next);
                } else {
                    next = fromSet;
                    fromSet = others.hasNext() ? others.next() : null;
                }
                return next;
            }
        };
    }
}
