package dev.returnsync.core.engine;

import java.time.Duration;
import java.util.concurrent.Future;

/**
 * Where the engine's background loop runs, when the host has a scheduler of its own that is not a
 * {@link java.util.concurrent.ScheduledExecutorService}: Spring's {@code TaskScheduler::scheduleWithFixedDelay} fits
 * as it is. See {@link dev.returnsync.core.ReturnSyncEngine#start(LoopScheduler, Duration)}.
 */
@FunctionalInterface
public interface LoopScheduler {
    /**
     * Runs {@code task} as soon as possible, then again {@code delay} after each run ends, until the returned future
     * is cancelled.
     *
     * @param task the run of the engine's loop
     * @param delay the pause between the end of a run and the start of the next; positive
     * @return the handle that cancels the runs
     */
    Future<?> scheduleWithFixedDelay(Runnable task, Duration delay);
}
