package dev.returnsync.core.engine;

import dev.returnsync.spi.ReturnSyncException;

/**
 * The store failed: a host's {@link dev.returnsync.spi.store.CaseStore} threw something its contract does not
 * name (a lost connection, a timeout, a constraint it enforces on its own), or its data could not be read. The
 * store's exception is the {@link #getCause() cause}; the message names the operation only, never the store's
 * text (which may carry data).
 *
 * <p>For a command the outcome is unknown: the store may have applied the batch before it failed. Retrying the
 * same command with the same idempotency key is always safe (it is replayed if it went through, decided afresh if
 * it did not); {@link #retryable()} says whether a retry can help at all.
 */
public final class StoreException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** What the engine asked of the store. */
    private final String operation;
    /** Whether a retry may help. */
    private final boolean retryable;

    /**
     * Creates the exception.
     *
     * @param operation what the engine asked of the store, e.g. {@code load a case}
     * @param retryable whether the same call may succeed later
     * @param cause the store's exception, or {@code null} when the store broke its contract without one
     */
    public StoreException(String operation, boolean retryable, Throwable cause) {
        super("the store failed to " + operation + (cause == null ? "" : " (" + cause.getClass().getName() + ")")
                + (retryable ? "; a retry with the same idempotency key is safe" : "; a retry will not help"), cause);
        this.operation = operation;
        this.retryable = retryable;
    }

    /** {@return what the engine asked of the store} */
    public String operation() {
        return operation;
    }

    /**
     * True when the failure may pass (a lost connection, a timeout, events not visible yet); false when a retry
     * will not help (stored data that cannot be read).
     *
     * @return whether a retry may help
     */
    public boolean retryable() {
        return retryable;
    }
}
