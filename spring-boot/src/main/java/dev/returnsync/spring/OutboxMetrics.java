package dev.returnsync.spring;

import dev.returnsync.spi.store.OutboxStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Gauges of the outbox: entries pending, entries parked, and how long the oldest pending entry has been due. NaN
 * when the store cannot tell ({@link dev.returnsync.spi.store.CaseStore#outboxStats()}).
 */
final class OutboxMetrics implements MeterBinder {
    private final OutboxSampler sampler;

    OutboxMetrics(OutboxSampler sampler) {
        this.sampler = sampler;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("returnsync.outbox.pending", sampler, figure(OutboxStats::pending))
                .description("Outbox entries not done and not parked").register(registry);
        Gauge.builder("returnsync.outbox.parked", sampler, figure(OutboxStats::parked))
                .description("Outbox entries parked for a person").register(registry);
        TimeGauge.builder("returnsync.outbox.oldest.due.age", sampler, TimeUnit.SECONDS,
                        figure(stats -> stats.oldestDueAge(sampler.now()).toMillis() / 1000.0))
                .description("How long the oldest pending outbox entry has been due").register(registry);
    }

    private static ToDoubleFunction<OutboxSampler> figure(ToDoubleFunction<OutboxStats> of) {
        return sampler -> sampler.stats().map(of::applyAsDouble).orElse(Double.NaN);
    }
}
