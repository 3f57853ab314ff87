package dev.returnsync.spring;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.engine.DeadlineReport;
import dev.returnsync.core.engine.EngineObserver;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.Effect;

import java.time.Duration;
import java.util.List;

/** Every {@link EngineObserver} bean of the application, told in turn. */
final class EngineObservers implements EngineObserver {
    private final List<EngineObserver> observers;

    private EngineObservers(List<EngineObserver> observers) {
        this.observers = observers;
    }

    /** One observer for all of {@code observers}: none, the only one, or each in turn. */
    static EngineObserver of(List<EngineObserver> observers) {
        if (observers.isEmpty()) {
            return EngineObserver.NONE;
        }
        return observers.size() == 1 ? observers.get(0) : new EngineObservers(List.copyOf(observers));
    }

    @Override
    public void commandFinished(CommandType type, CommandOutcome outcome, Refusal.Code refusal,
                                Class<? extends RuntimeException> failure, Duration latency) {
        observers.forEach(o -> o.commandFinished(type, outcome, refusal, failure, latency));
    }

    @Override
    public void entryWorked(Effect effect, SupplierId supplier, DispatchOutcome outcome, Duration latency) {
        observers.forEach(o -> o.entryWorked(effect, supplier, outcome, latency));
    }

    @Override
    public void supplierFailed(SupplierId supplier, Effect call, SupplierFailure kind) {
        observers.forEach(o -> o.supplierFailed(supplier, call, kind));
    }

    @Override
    public void deadlinesRun(DeadlineReport report) {
        observers.forEach(o -> o.deadlinesRun(report));
    }
}
