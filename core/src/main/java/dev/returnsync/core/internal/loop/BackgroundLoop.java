package dev.returnsync.core.internal.loop;

import dev.returnsync.core.engine.LoopScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task again and again with a fixed delay between runs, until stopped: on a daemon thread of its own, or on
 * an executor or scheduler the host gives (which it never shuts down). Whatever a run throws, {@link Error}s from
 * host code included, is logged (its type only: the message may come from host code) and the loop goes on: a
 * scheduled executor would silently cancel every later run. Thread-safe. Not API.
 */
public final class BackgroundLoop {
    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);
    private static final long STOP_WAIT_SECONDS = 10;

    private final String threadName;
    private final Runnable task;
    private final Object lock = new Object();
    /** Held by a run while it runs, so {@link #stop} can wait for it. */
    private final Semaphore running = new Semaphore(1);
    /** The current start; a run of another one (stopped) does nothing. Null while stopped. */
    private volatile Started current;

    /** One start: its scheduled task, and the executor the loop made for it (null on the host's). */
    private static final class Started {
        private Future<?> task;
        private final ScheduledExecutorService own;

        Started(ScheduledExecutorService own) {
            this.own = own;
        }
    }

    /** A loop, not yet started, that runs {@code task} on a thread named {@code threadName} of its own. */
    public BackgroundLoop(String threadName, Runnable task) {
        this.threadName = Objects.requireNonNull(threadName, "thread name must not be null");
        this.task = Objects.requireNonNull(task, "task must not be null");
    }

    /**
     * Starts running the task now, on a daemon thread of its own, and then {@code every} after each run ends. Does
     * nothing if already started.
     *
     * @throws IllegalArgumentException if {@code every} is not positive
     */
    public void start(Duration every) {
        long millis = positiveMillis(every);
        synchronized (lock) {
            if (current != null) {
                return;
            }
            ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            schedule(new Started(own), onExecutor(own, millis), every);
        }
    }

    /**
     * Starts running the task now on the host's {@code executor}, and then {@code every} after each run ends. Does
     * nothing if already started. {@link #stop} cancels the task and leaves the executor running.
     *
     * @throws IllegalArgumentException if {@code every} is not positive
     * @throws java.util.concurrent.RejectedExecutionException if the executor refuses the task (e.g. it is shut down)
     */
    public void start(ScheduledExecutorService executor, Duration every) {
        Objects.requireNonNull(executor, "executor must not be null");
        start(onExecutor(executor, positiveMillis(every)), every);
    }

    /**
     * Starts running the task through the host's {@code scheduler}, now and then {@code every} after each run ends.
     * Does nothing if already started. {@link #stop} cancels the runs and leaves the scheduler running.
     *
     * @throws IllegalArgumentException if {@code every} is not positive
     * @throws RuntimeException whatever the scheduler throws when it refuses the task
     */
    public void start(LoopScheduler scheduler, Duration every) {
        Objects.requireNonNull(scheduler, "scheduler must not be null");
        positiveMillis(every);
        synchronized (lock) {
            if (current != null) {
                return;
            }
            schedule(new Started(null), scheduler, every);
        }
    }

    private static LoopScheduler onExecutor(ScheduledExecutorService executor, long millis) {
        return (task, delay) -> executor.scheduleWithFixedDelay(task, 0, millis, TimeUnit.MILLISECONDS);
    }

    /** Schedules the runs of one start; called under the lock, so {@link #stop} sees the task once it is set. */
    private void schedule(Started start, LoopScheduler scheduler, Duration every) {
        current = start;
        try {
            start.task = Objects.requireNonNull(scheduler.scheduleWithFixedDelay(() -> runOnce(start), every),
                    "the scheduler returned no future");
        } catch (RuntimeException e) {
            current = null;
            throw e;
        }
    }

    private static long positiveMillis(Duration every) {
        Objects.requireNonNull(every, "interval must not be null");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + every);
        }
        return Math.max(1, every.toMillis());
    }

    private void runOnce(Started start) {
        running.acquireUninterruptibly();
        try {
            if (start != current) {
                return; // stopped between the executor's dispatch and this run
            }
            task.run();
        } catch (Exception e) {
            log.warn("background run failed with {}", e.getClass().getName());
        } catch (Throwable t) {
            log.error("background run failed with {}; the loop goes on", t.getClass().getName());
        } finally {
            running.release();
        }
    }

    /**
     * Stops the loop: no run starts after this returns. Waits up to 10 seconds for a run in progress; shuts down the
     * loop's own thread, never the host's executor.
     */
    public void stop() {
        Started stopped;
        synchronized (lock) {
            stopped = current;
            current = null;
        }
        if (stopped == null) {
            return;
        }
        stopped.task.cancel(false);
        awaitRunInProgress();
        if (stopped.own != null) {
            stopped.own.shutdownNow();
        }
    }

    private void awaitRunInProgress() {
        try {
            if (running.tryAcquire(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                running.release();
            } else {
                log.warn("a background run still runs after {} s; stopping without it", STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True while the loop runs. */
    public boolean isRunning() {
        return current != null;
    }
}
