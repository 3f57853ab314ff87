package dev.returnsync.core.memory;

import dev.returnsync.spi.ReturnEvent;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * The events of one case, append-only: an array that grows by doubling and a published size. One writer at a time
 * (the store's lock of the case) appends; readers take no lock. An append writes the new events past the size, then
 * publishes the array and the size (volatile writes, in that order); a reader reads the size first, then the array,
 * so it sees a whole batch or none of it, and an array at least as long as the size it read. Slots below a published
 * size never change, so a reader's list is an immutable view of the first events, without a copy.
 */
final class EventLog {
    private volatile ReturnEvent[] events;
    private volatile int size;

    /** A log holding a case's first batch. */
    EventLog(List<ReturnEvent> first) {
        this.events = new ReturnEvent[Math.max(4, first.size())];
        append(first);
    }

    /** {@return how many events the log holds: the case's version} */
    int size() {
        return size;
    }

    /** Appends a batch; the caller holds the store's lock of the case. */
    void append(List<ReturnEvent> batch) {
        int n = size;
        ReturnEvent[] array = events;
        if (n + batch.size() > array.length) {
            array = Arrays.copyOf(array, Math.max(array.length * 2, n + batch.size()));
        }
        for (int i = 0; i < batch.size(); i++) { // indexed: no iterator per append
            array[n++] = batch.get(i);
        }
        events = array;
        size = n;
    }

    /** The events after {@code version} (oldest first) as they are now: an immutable view, empty when none. */
    List<ReturnEvent> after(long version) {
        int n = size;
        if (version >= n) {
            return List.of();
        }
        return new View(events, (int) version, n);
    }

    /** Events {@code from} (inclusive) to {@code to} (exclusive) of an array whose slots there never change. */
    private static final class View extends AbstractList<ReturnEvent> implements RandomAccess {
        private final ReturnEvent[] events;
        private final int from;
        private final int to;

        View(ReturnEvent[] events, int from, int to) {
            this.events = events;
            this.from = from;
            this.to = to;
        }

        @Override
        public ReturnEvent get(int index) {
            if (index < 0 || index >= to - from) {
                throw new IndexOutOfBoundsException("index " + index + ", size " + (to - from));
            }
            return events[from + index];
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public Object[] toArray() {
            return Arrays.copyOfRange(events, from, to, Object[].class);
        }
    }
}
