package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.engine.DispatchReport;
import dev.returnsync.core.engine.DispatcherConfig;
import dev.returnsync.core.engine.EngineObserver.DispatchOutcome;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Records how an entry's work ended, if this dispatcher still holds the entry: completes it, schedules another
 * attempt after a jittered backoff (or a poll interval), or parks it; and counts what it recorded.
 */
final class OutcomeRecorder {
    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final CaseStore store;
    private final DispatcherConfig config;
    private final RandomGenerator random;
    private final String owner;

    /** {@code random} may be null for {@link ThreadLocalRandom}; a given one is used under its lock. */
    OutcomeRecorder(CaseStore store, DispatcherConfig config, RandomGenerator random, String owner) {
        this.store = store;
        this.config = config;
        this.random = random;
        this.owner = owner;
    }

    /** What one dispatch call recorded. Not thread-safe: one per call. */
    static final class Tally {
        private int done;
        private int retried;
        private int parked;
        private int lost;

        /** Counts an entry whose lease was lost before or during its work. */
        void lost() {
            lost++;
        }

        void count(DispatchOutcome recorded) {
            switch (recorded) {
                case DONE -> done++;
                case RETRIED -> retried++;
                case PARKED -> parked++;
                case LOST -> lost++;
            }
        }

        DispatchReport report() {
            return new DispatchReport(done, retried, parked, lost);
        }
    }

    /** Records the outcome of an entry's work, decided at {@code now}, and says what became of the entry. */
    DispatchOutcome record(OutboxEntry entry, Outcome outcome, Instant now, Tally tally) {
        DispatchOutcome recorded;
        if (outcome instanceof Outcome.Done) {
            recorded = store.completeOutbox(entry.id(), owner) ? DispatchOutcome.DONE : DispatchOutcome.LOST;
        } else if (outcome instanceof Outcome.Park park) {
            recorded = fail(entry, park.error(), now, true);
            if (recorded == DispatchOutcome.PARKED) {
                log.warn("outbox entry {} parked: {}", entry.id(), park.error());
            }
        } else if (outcome instanceof Outcome.PollAgain) {
            int polls = entry.attempts() + 1;
            boolean park = polls >= config.maxPolls();
            recorded = fail(entry, park ? "no news after " + polls + " polls" : "waiting for the supplier",
                    now.plus(config.pollInterval()), park);
        } else {
            recorded = retry(entry, (Outcome.Retry) outcome, now);
        }
        tally.count(recorded);
        if (recorded == DispatchOutcome.LOST) {
            log.info("outbox entry {}: lease lost to another dispatcher; its owner finishes it", entry.id());
        }
        return recorded;
    }

    private DispatchOutcome retry(OutboxEntry entry, Outcome.Retry retry, Instant now) {
        int failures = entry.attempts() + 1;
        boolean park = failures >= config.maxAttempts();
        Duration delay = config.backoff(failures, draw());
        if (retry.retryAfter() != null && retry.retryAfter().compareTo(delay) > 0) {
            delay = retry.retryAfter();
        }
        DispatchOutcome recorded = fail(entry, retry.error(), now.plus(delay), park);
        if (recorded == DispatchOutcome.PARKED) {
            log.warn("outbox entry {} parked after {} failed attempts", entry.id(), failures);
        } else if (recorded == DispatchOutcome.RETRIED) {
            log.debug("outbox entry {} failed attempt {}, next in {}", entry.id(), failures, delay);
        }
        return recorded;
    }

    private DispatchOutcome fail(OutboxEntry entry, String error, Instant nextAttemptAt, boolean park) {
        if (!store.failOutbox(entry.id(), owner, error, nextAttemptAt, park)) {
            return DispatchOutcome.LOST;
        }
        return park ? DispatchOutcome.PARKED : DispatchOutcome.RETRIED;
    }

    private double draw() {
        if (random == null) {
            return ThreadLocalRandom.current().nextDouble();
        }
        synchronized (random) {
            return random.nextDouble();
        }
    }
}
