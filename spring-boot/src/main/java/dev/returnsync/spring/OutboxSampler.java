package dev.returnsync.spring;

import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.OutboxStats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The store's {@link CaseStore#outboxStats() outbox figures}, asked at most once per {@code maxAge}, so that gauges
 * read on every scrape and health checks do not each query the store. Empty when the store cannot tell or failed.
 * Thread-safe.
 */
public final class OutboxSampler {
    private record Sample(Instant at, Optional<OutboxStats> stats) {
    }

    private final CaseStore store;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Sample last;

    OutboxSampler(CaseStore store, Clock clock, Duration maxAge) {
        this.store = store;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** {@return the figures, at most {@code maxAge} old; empty when the store cannot tell or failed to} */
    public Optional<OutboxStats> stats() {
        Instant now = clock.instant();
        Sample sample = last;
        if (sample == null || Duration.between(sample.at(), now).compareTo(maxAge) >= 0) {
            Optional<OutboxStats> stats;
            try {
                stats = store.outboxStats();
            } catch (RuntimeException e) {
                stats = Optional.empty();
            }
            sample = new Sample(now, stats);
            last = sample;
        }
        return sample.stats();
    }

    /** The clock the ages are measured with. */
    Instant now() {
        return clock.instant();
    }
}
