package dev.returnsync.spring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the background loop last started and ended a run, so the health indicator can tell a loop that runs from
 * one that is stuck in a run or no longer scheduled. Thread-safe.
 */
public final class LoopHeartbeat {
    private final Clock clock;
    private volatile Instant startedAt;
    private volatile Instant runStartedAt;
    private volatile Instant runEndedAt;

    LoopHeartbeat(Clock clock) {
        this.clock = clock;
    }

    /** The task, with its start and end noted. */
    Runnable around(Runnable task) {
        return () -> {
            runStartedAt = clock.instant();
            try {
                task.run();
            } finally {
                runEndedAt = clock.instant();
            }
        };
    }

    void started() {
        startedAt = clock.instant();
        runStartedAt = null;
        runEndedAt = null;
    }

    void stopped() {
        startedAt = null;
    }

    /**
     * What the loop is doing, for the health indicator.
     *
     * @param running      whether the loop is started
     * @param alive        whether the loop is started and neither its current run nor the wait for the next one has
     *                     lasted too long
     * @param sinceLastRun how long ago the last run ended; null when no run has ended since the loop started
     */
    public record Beat(boolean running, boolean alive, Duration sinceLastRun) {
    }

    /**
     * Tells what the loop is doing now. The loop is alive when it is started and neither its current run nor the
     * wait for the next one has lasted longer than {@code stalledAfter}.
     *
     * @param stalledAfter how long a run, or the wait between runs, may last; positive, never null
     * @return what the loop is doing; neither running nor alive when the loop is stopped
     */
    public Beat beat(Duration stalledAfter) {
        Instant now = clock.instant();
        Instant started = startedAt;
        if (started == null) {
            return new Beat(false, false, null);
        }
        Instant runStart = runStartedAt;
        Instant runEnd = runEndedAt;
        boolean inRun = runStart != null && (runEnd == null || runEnd.isBefore(runStart));
        Instant since = inRun ? runStart : runEnd != null ? runEnd : started;
        Duration quiet = Duration.between(since, now);
        return new Beat(true, quiet.compareTo(stalledAfter) <= 0, runEnd == null ? null : Duration.between(runEnd, now));
    }
}
