package dev.returnsync.core.internal.loop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task on one daemon thread, again and again with a fixed delay between runs, until stopped. Whatever a run
 * throws, {@link Error}s from host code included, is logged (its type only: the message may come from host code)
 * and the loop goes on: a scheduled executor would silently cancel every later run. Thread-safe. Not API.
 */
public final class BackgroundLoop {
    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    private final String threadName;
    private final Runnable task;
    private final Object lock = new Object();
    private ScheduledExecutorService scheduler;

    /** A loop, not yet started, that runs {@code task} on a thread named {@code threadName}. */
    public BackgroundLoop(String threadName, Runnable task) {
        this.threadName = Objects.requireNonNull(threadName, "thread name must not be null");
        this.task = Objects.requireNonNull(task, "task must not be null");
    }

    /**
     * Starts running the task now and then {@code every} after each run ends. Does nothing if already started.
     *
     * @throws IllegalArgumentException if {@code every} is not positive
     */
    public void start(Duration every) {
        Objects.requireNonNull(every, "interval must not be null");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("interval must be positive, was " + every);
        }
        synchronized (lock) {
            if (scheduler != null) {
                return;
            }
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::runOnce, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void runOnce() {
        try {
            task.run();
        } catch (Exception e) {
            log.warn("background run failed with {}", e.getClass().getName());
        } catch (Throwable t) {
            log.error("background run failed with {}; the loop goes on", t.getClass().getName());
        }
    }

    /** Stops the loop, waiting up to 10 seconds for a run in progress. */
    public void stop() {
        ScheduledExecutorService running;
        synchronized (lock) {
            running = scheduler;
            scheduler = null;
        }
        if (running == null) {
            return;
        }
        running.shutdown();
        try {
            if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                running.shutdownNow();
            }
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** True while the loop runs. */
    public boolean isRunning() {
        synchronized (lock) {
            return scheduler != null;
        }
    }
}
