package dev.returnsync.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that a test sets and moves by hand, to hand to the engine (or anything else that takes a
 * clock) instead of the system clock. It stands still until the test moves it. Thread-safe: the engine's
 * threads read it while the test moves it.
 *
 * <pre>{@code
 * TestClock clock = TestClock.at(Instant.parse("2026-03-02T00:00:00Z"));
 * ReturnSyncEngine engine = ReturnSyncEngine.builder().clock(clock)...build();
 * clock.advance(Duration.ofHours(49));   // past the 48-hour negotiation deadline
 * }</pre>
 *
 * <p>The zone is UTC unless given; {@link #withZone} gives a view in another zone that shares the time, so
 * moving either moves both.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    private TestClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /**
     * A clock standing at {@code start}, in UTC.
     *
     * @param start the time the clock shows until moved
     * @return the clock
     */
    public static TestClock at(Instant start) {
        return at(start, ZoneOffset.UTC);
    }

    /**
     * A clock standing at {@code start}, in the given zone.
     *
     * @param start the time the clock shows until moved
     * @param zone the clock's zone
     * @return the clock
     */
    public static TestClock at(Instant start, ZoneId zone) {
        return new TestClock(new AtomicReference<>(Objects.requireNonNull(start, "start")),
                Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Moves the clock forward.
     *
     * @param by how far, zero or more
     * @return the new time
     * @throws IllegalArgumentException if {@code by} is negative (use {@link #set} to go back)
     */
    public Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("a test clock advances by zero or more, use set(...) to go back");
        }
        return now.updateAndGet(time -> time.plus(by));
    }

    /**
     * Sets the time, forward or back.
     *
     * @param time the time the clock shows from now on
     */
    public void set(Instant time) {
        now.set(Objects.requireNonNull(time, "time"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view of this clock in another zone: the same time, moved together. */
    @Override
    public TestClock withZone(ZoneId other) {
        return Objects.requireNonNull(other, "zone").equals(zone) ? this : new TestClock(now, other);
    }

    @Override
    public String toString() {
        return "TestClock[" + now.get() + ", " + zone + "]";
    }
}
