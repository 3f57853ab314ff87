package dev.returnsync.core.engine;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.Effect;

import java.time.Duration;

/**
 * Hears what the engine does, for metrics: every method has a no-op default, so an observer overrides what it
 * counts. Set on {@link dev.returnsync.core.ReturnSyncEngine.Builder#observer}. Nothing an observer is told carries
 * an id, a number or personal data: only types, outcomes, codes, the supplier and durations.
 *
 * <p>Calls come from the threads that do the work (the caller of a command, the background loop), right after it,
 * and must return quickly. What an observer throws is logged by type and ignored: it never changes an outcome.
 */
public interface EngineObserver {
    /** An observer that ignores everything: the engine's default. */
    EngineObserver NONE = new EngineObserver() {
    };

    /** How a command ended. */
    enum CommandOutcome {
        /** The events were appended. */
        ACCEPTED,
        /** The key was used before with the same payload: the first outcome was returned, nothing appended. */
        REPLAYED,
        /** The workflow refused it ({@link CommandRefusedException}). */
        REFUSED,
        /** Anything else was thrown: invalid, not found, conflicting key, contention, store failure. */
        FAILED
    }

    /** What became of an outbox entry after one attempt at its work. */
    enum DispatchOutcome {
        /** Completed (or superseded). */
        DONE,
        /** Waits for another attempt (a poll without news included). */
        RETRIED,
        /** Parked: it waits for a person. */
        PARKED,
        /** Another dispatcher took the entry over; the outcome was not recorded here. */
        LOST
    }

    /** How a supplier call failed. */
    enum SupplierFailure {
        /** The supplier answered a failure that may pass (timeout, 5xx, rate limit). */
        RETRYABLE,
        /** The supplier answered a failure that never passes as it is. */
        PERMANENT,
        /** The adapter threw instead of answering. */
        THREW
    }

    /**
     * A command ended.
     *
     * @param type the command's type
     * @param outcome how it ended
     * @param refusal the refusal's code when {@code outcome} is {@link CommandOutcome#REFUSED}, else null
     * @param failure the type of what was thrown when {@code outcome} is {@link CommandOutcome#FAILED}, else null
     * @param latency how long the command took
     */
    default void commandFinished(CommandType type, CommandOutcome outcome, Refusal.Code refusal,
                                 Class<? extends RuntimeException> failure, Duration latency) {
    }

    /**
     * An outbox entry was worked once and its outcome recorded.
     *
     * @param effect the entry's effect
     * @param supplier the supplier of a supplier effect ({@link Effect#REQUEST_RETURN}, {@link Effect#SHARE_TRACKING},
     *     {@link Effect#CANCEL_AT_SUPPLIER}, {@link Effect#POLL_SUPPLIER}), else null
     * @param outcome what became of the entry
     * @param latency how long the work took
     */
    default void entryWorked(Effect effect, SupplierId supplier, DispatchOutcome outcome, Duration latency) {
    }

    /**
     * A supplier adapter's call failed.
     *
     * @param supplier the supplier
     * @param call the effect whose call failed
     * @param kind how it failed
     */
    default void supplierFailed(SupplierId supplier, Effect call, SupplierFailure kind) {
    }

    /**
     * A run of the deadline runner ended; {@link DeadlineReport#fired()} deadlines were fired.
     *
     * @param report what the run did
     */
    default void deadlinesRun(DeadlineReport report) {
    }
}
