package dev.returnsync.testsupport;

import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.Notifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Notifier} that keeps what it receives, for tests and the demo: each notification once, by id, in the
 * order of first delivery, and a count of every call (repeats included). It can be told to fail the next calls,
 * to exercise the dispatcher's retries. Thread-safe.
 */
public final class InMemoryNotifier implements Notifier {
    private final Map<String, Notification> delivered = new LinkedHashMap<>();
    private final Map<String, Integer> calls = new LinkedHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();

    /** An empty notifier that never fails. */
    public InMemoryNotifier() {
    }

    @Override
    public void deliver(Notification notification) {
        Objects.requireNonNull(notification, "notification must not be null");
        synchronized (this) {
            calls.merge(notification.id(), 1, Integer::sum);
        }
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("simulated delivery failure");
        }
        synchronized (this) {
            Notification first = delivered.putIfAbsent(notification.id(), notification);
            if (first != null && !first.equals(notification)) {
                throw new IllegalStateException("notification " + notification.id() + " came again with another content");
            }
        }
    }

    /**
     * Makes the next {@code count} calls throw.
     *
     * @param count how many of the next calls throw, 0 or more (0 stops failing)
     */
    public void failNext(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be zero or more, was " + count);
        }
        failures.set(count);
    }

    /**
     * Every notification delivered, once each, in the order of first delivery.
     *
     * @return the notifications, without repeats
     */
    public synchronized List<Notification> delivered() {
        return List.copyOf(new ArrayList<>(delivered.values()));
    }

    /**
     * How many times the notifier was called with this id (failed calls and repeats included).
     *
     * @param id a notification's id
     * @return the number of calls with it, 0 if none
     */
    public synchronized int calls(String id) {
        return calls.getOrDefault(id, 0);
    }

    /**
     * How many calls came for an id that was delivered already.
     *
     * @return the number of repeated calls
     */
    public synchronized int repeats() {
        int repeats = 0;
        for (Map.Entry<String, Integer> e : calls.entrySet()) {
            if (delivered.containsKey(e.getKey())) {
                repeats += e.getValue() - 1;
            }
        }
        return repeats;
    }
}
