package dev.returnsync.spring;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.engine.DeadlineReport;
import dev.returnsync.core.engine.EngineObserver;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.Effect;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Duration;
import java.util.Locale;

/**
 * The engine's metrics in Micrometer: commands, outbox attempts, supplier failures and deadlines. Tags carry types,
 * outcomes, codes and the supplier only, never an id, a number or personal data. Meters are made on the registry
 * Boot binds this to; what happens before that is not counted.
 */
public final class MicrometerEngineObserver implements EngineObserver, MeterBinder {
    private static final String NONE = "none";

    private volatile MeterRegistry registry;

    @Override
    public void bindTo(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void commandFinished(CommandType type, CommandOutcome outcome, Refusal.Code refusal,
                                Class<? extends RuntimeException> failure, Duration latency) {
        MeterRegistry meters = registry;
        if (meters != null) {
            Timer.builder("returnsync.commands").description("Commands run by the engine")
                    .tag("type", tag(type)).tag("outcome", tag(outcome))
                    .tag("code", refusal == null ? NONE : tag(refusal))
                    .tag("error", failure == null ? NONE : failure.getSimpleName())
                    .register(meters).record(latency);
        }
    }

    @Override
    public void entryWorked(Effect effect, SupplierId supplier, DispatchOutcome outcome, Duration latency) {
        MeterRegistry meters = registry;
        if (meters != null) {
            Timer.builder("returnsync.dispatch.attempts").description("Attempts at outbox work")
                    .tag("effect", tag(effect)).tag("supplier", supplier == null ? NONE : supplier.value())
                    .tag("outcome", tag(outcome))
                    .register(meters).record(latency);
        }
    }

    @Override
    public void supplierFailed(SupplierId supplier, Effect call, SupplierFailure kind) {
        MeterRegistry meters = registry;
        if (meters != null) {
            Counter.builder("returnsync.supplier.failures").description("Failed supplier calls")
                    .tag("supplier", supplier.value()).tag("call", tag(call)).tag("kind", tag(kind))
                    .register(meters).increment();
        }
    }

    @Override
    public void deadlinesRun(DeadlineReport report) {
        MeterRegistry meters = registry;
        if (meters != null) {
            deadlines(meters, "fired", report.fired());
            deadlines(meters, "refused", report.refused());
            deadlines(meters, "failed", report.failed());
        }
    }

    private static void deadlines(MeterRegistry meters, String outcome, int count) {
        Counter counter = Counter.builder("returnsync.deadlines").description("Due deadlines by outcome")
                .tag("outcome", outcome).register(meters);
        if (count > 0) {
            counter.increment(count);
        }
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
