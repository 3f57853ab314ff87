package dev.returnsync.core.internal.outbox;

import dev.returnsync.spi.store.CaseStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps the lease of an entry in work alive: while the work runs, its lease is renewed every interval from the run's
 * current time, so it never lapses while this process lives, however long one call takes. A process that dies
 * mid-call stops renewing, and its lease ends at most one lease later, so another dispatcher can take the entry
 * over.
 *
 * <p>The renewals run on one daemon thread, {@code returnsync-keepalive-<owner>}, started on first use and stopped
 * by {@link #close()} (a later use starts it again). A renewal that fails, because another dispatcher took the entry
 * over or the store failed, is logged (its type only) and ends the keep-alive of that entry; nothing it throws
 * reaches the thread. Thread-safe. Not API.
 */
final class LeaseKeepAlive implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LeaseKeepAlive.class);

    private final CaseStore store;
    private final String owner;
    private final Duration lease;
    private final Duration interval;
    private final Object lock = new Object();
    private ScheduledExecutorService scheduler;

    LeaseKeepAlive(CaseStore store, String owner, Duration lease, Duration interval) {
        this.store = store;
        this.owner = owner;
        this.lease = lease;
        this.interval = interval;
    }

    /**
     * Starts renewing the lease of {@code entryId} every interval, at the time {@code now} gives, until the returned
     * renewal is closed.
     */
    Renewal keep(String entryId, Supplier<Instant> now) {
        Renewal renewal = new Renewal(entryId, now);
        long millis = Math.max(1, interval.toMillis());
        synchronized (renewal) {
            renewal.future = scheduler().scheduleAtFixedRate(renewal::renew, millis, millis, TimeUnit.MILLISECONDS);
        }
        return renewal;
    }

    private ScheduledExecutorService scheduler() {
        synchronized (lock) {
            if (scheduler == null) {
                scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "returnsync-keepalive-" + owner);
                    t.setDaemon(true);
                    return t;
                });
            }
            return scheduler;
        }
    }

    /** Stops the thread and every keep-alive still running. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (lock) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }

    /** The keep-alive of one entry; closing it stops the renewals, and none runs after it returns. */
    final class Renewal implements AutoCloseable {
        private final String entryId;
        private final Supplier<Instant> now;
        private ScheduledFuture<?> future;
        private boolean stopped;

        private Renewal(String entryId, Supplier<Instant> now) {
            this.entryId = entryId;
            this.now = now;
        }

        private synchronized void renew() {
            if (stopped) {
                return;
            }
            try {
                if (!store.renewOutbox(entryId, owner, now.get(), lease)) {
                    log.warn("outbox entry {}: lease lost to another dispatcher during its work; keep-alive stopped",
                            entryId);
                    close();
                }
            } catch (Throwable t) {
                log.warn("outbox entry {}: lease renewal failed with {}; keep-alive stopped", entryId,
                        t.getClass().getName());
                close();
            }
        }

        @Override
        public synchronized void close() {
            stopped = true;
            future.cancel(false);
        }
    }
}
