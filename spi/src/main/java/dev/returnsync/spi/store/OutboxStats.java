package dev.returnsync.spi.store;

import java.time.Duration;
import java.time.Instant;

/**
 * How much outbox work waits in a store, over every tenant: for metrics and health checks.
 *
 * @param pending entries not done and not parked (in work or waiting for an attempt)
 * @param parked entries that wait for a person
 * @param oldestDueAt the earliest next-attempt time of the pending entries, or {@code null} when none is pending
 */
public record OutboxStats(long pending, long parked, Instant oldestDueAt) {
    /**
     * Validates the figures.
     *
     * @param pending entries not done and not parked, zero or more
     * @param parked entries that wait for a person, zero or more
     * @param oldestDueAt the earliest next-attempt time of the pending entries; {@code null} exactly when none is
     *     pending
     */
    public OutboxStats {
        if (pending < 0) {
            throw new IllegalArgumentException("pending must be zero or more, was " + pending);
        }
        if (parked < 0) {
            throw new IllegalArgumentException("parked must be zero or more, was " + parked);
        }
        if ((pending == 0) != (oldestDueAt == null)) {
            throw new IllegalArgumentException("the oldest due time is set exactly when entries are pending");
        }
    }

    /**
     * How long the oldest pending entry has been due.
     *
     * @param now the time of the question
     * @return how long the oldest pending entry has been due at {@code now}; zero when none is pending, or it is not
     *     due yet
     */
    public Duration oldestDueAge(Instant now) {
        if (oldestDueAt == null || !oldestDueAt.isBefore(now)) {
            return Duration.ZERO;
        }
        return Duration.between(oldestDueAt, now);
    }
}
