package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

import java.time.Instant;

/**
 * The window of time the library accepts: {@code [2000-01-01T00:00:00Z, 2200-01-01T00:00:00Z)}. Every time that
 * enters the domain (the time a command is decided at, event times, delivery times) must lie inside it, so that
 * every deadline computed from it (at most {@link #MAX_DEADLINE_DAYS} days later) stays representable.
 */
public final class TimeWindow {
    /** The earliest accepted time, inclusive. */
    public static final Instant START = Instant.parse("2000-01-01T00:00:00Z");
    /** The first time no longer accepted. */
    public static final Instant END = Instant.parse("2200-01-01T00:00:00Z");
    /** The longest deadline a deadline policy may set, in days. */
    public static final int MAX_DEADLINE_DAYS = 3650;

    private TimeWindow() {
    }

    /**
     * True when the time lies in the window.
     *
     * @param time the time, not null
     * @return true when the time lies in the window
     */
    public static boolean contains(Instant time) {
        return !time.isBefore(START) && time.isBefore(END);
    }

    /**
     * Checks that a time is not null and lies in the window.
     *
     * @param what the name of the field, used in the message
     * @param time the time
     * @return the time
     * @throws NullPointerException if the time is null
     * @throws IllegalArgumentException if the time lies outside the window; the message names the field and the
     *     window, not the time
     */
    public static Instant check(String what, Instant time) {
        Checks.notNull(what, time);
        if (!contains(time)) {
            throw new IllegalArgumentException(what + " must lie in [" + START + ", " + END + ")");
        }
        return time;
    }
}
