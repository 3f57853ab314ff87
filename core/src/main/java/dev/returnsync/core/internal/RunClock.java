package dev.returnsync.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time within one run that was started at a given instant: that instant plus the time elapsed on the engine's
 * clock since the run started (never less than the start). A run given the clock's time follows the clock; a run
 * given another time (a test, a replay) moves forward from it as the clock does. Not API.
 */
public final class RunClock {
    private final Instant start;
    private final Clock clock;
    private final Instant clockAtStart;

    private RunClock(Instant start, Clock clock) {
        this.start = start;
        this.clock = clock;
        this.clockAtStart = clock.instant();
    }

    /** A run that starts now, at {@code start}. */
    public static RunClock startingAt(Instant start, Clock clock) {
        return new RunClock(start, clock);
    }

    /** The run's current time. */
    public Instant now() {
        Duration elapsed = Duration.between(clockAtStart, clock.instant());
        return elapsed.isNegative() ? start : start.plus(elapsed);
    }
}
