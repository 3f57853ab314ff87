package dev.returnsync.examples.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that stands still until the demo moves it, so every run prints the same times. Thread-safe. */
final class DemoClock extends Clock {
    private final AtomicReference<Instant> now;

    DemoClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** Moves the clock forward and returns the new time. */
    Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the demo clock only moves forward, not by " + by);
        }
        return now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
