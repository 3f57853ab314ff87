package dev.returnsync.core.internal.observe;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.engine.DeadlineReport;
import dev.returnsync.core.engine.EngineObserver;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.Effect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The host's observer, with what it throws logged by type and ignored, so that metrics never change what the engine
 * does. Not API.
 */
public final class SafeObserver implements EngineObserver {
    private static final Logger log = LoggerFactory.getLogger(SafeObserver.class);

    private final EngineObserver delegate;

    /** Guards {@code delegate}. */
    public SafeObserver(EngineObserver delegate) {
        this.delegate = delegate;
    }

    @Override
    public void commandFinished(CommandType type, CommandOutcome outcome, Refusal.Code refusal,
                                Class<? extends RuntimeException> failure, Duration latency) {
        guarded(() -> delegate.commandFinished(type, outcome, refusal, failure, latency));
    }

    @Override
    public void entryWorked(Effect effect, SupplierId supplier, DispatchOutcome outcome, Duration latency) {
        guarded(() -> delegate.entryWorked(effect, supplier, outcome, latency));
    }

    @Override
    public void supplierFailed(SupplierId supplier, Effect call, SupplierFailure kind) {
        guarded(() -> delegate.supplierFailed(supplier, call, kind));
    }

    @Override
    public void deadlinesRun(DeadlineReport report) {
        guarded(() -> delegate.deadlinesRun(report));
    }

    private static void guarded(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("engine observer failed with {}; ignored", e.getClass().getName());
        }
    }
}
