package dev.returnsync.testkit.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs tasks on their own threads, released together, bounded in time; shared by the port contract suites. */
final class Concurrently {
    private Concurrently() {
    }

    /** The result of one task: its value, or what it threw. */
    record Outcome<T>(T value, Throwable error) {
    }

    /**
     * Runs the tasks together and waits for all of them at most {@code timeout}; then the threads are stopped.
     *
     * @throws AssertionError if the tasks do not start or finish in time
     */
    static <T> List<Outcome<T>> run(List<Callable<T>> tasks, Duration timeout) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    if (!go.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new TimeoutException("start signal never came");
                    }
                    return task.call();
                }));
            }
            if (!ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the threads did not start within " + timeout);
            }
            go.countDown();
            long deadline = System.nanoTime() + timeout.toNanos();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(Math.max(0, deadline - System.nanoTime()),
                            TimeUnit.NANOSECONDS), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                } catch (TimeoutException e) {
                    throw new AssertionError("concurrent calls did not finish within " + timeout + " (a deadlock?)");
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The values of the outcomes; the first error, if any, fails with an {@link AssertionError}. */
    static <T> List<T> values(List<Outcome<T>> outcomes) {
        List<T> values = new ArrayList<>();
        for (Outcome<T> outcome : outcomes) {
            if (outcome.error() != null) {
                throw new AssertionError("a concurrent call threw " + outcome.error(), outcome.error());
            }
            values.add(outcome.value());
        }
        return values;
    }
}
