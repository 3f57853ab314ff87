package dev.returnsync.testkit.contract;

/**
 * A fault of a supplier's system that {@link SupplierAdapterFaultContract} injects through
 * {@link SupplierAdapterFaultContract#injectFault}, and the reply the adapter owes the engine for it.
 */
public enum SupplierFault {
    /**
     * The supplier answers later than the adapter waits (far beyond its timeout); it may or may not process the call.
     * Owed: a {@code RetryableFailure}, within the adapter's timeout.
     */
    SLOW,
    /** The supplier fails without processing the call (HTTP 500). Owed: a {@code RetryableFailure}. */
    SERVER_ERROR,
    /**
     * The supplier is overloaded and asks to come back in {@link #RETRY_AFTER_SECONDS} seconds (HTTP 429 with
     * {@code Retry-After}). Owed: a {@code RetryableFailure}, with that delay if the adapter reports delays.
     */
    RATE_LIMITED,
    /**
     * The connection is lost before the supplier processes the call (closed without an answer). Owed: a
     * {@code RetryableFailure}.
     */
    CONNECTION_DROPPED,
    /**
     * The supplier processes the call, then the connection is lost before the answer arrives. Owed: a
     * {@code RetryableFailure}, and a retry with the same key that finds the return made by the lost call.
     */
    ANSWER_LOST,
    /**
     * The supplier refuses the call as invalid and will refuse it every time (an HTTP 4xx validation error). Owed:
     * a {@code PermanentFailure}; nothing created.
     */
    INVALID_REQUEST;

    /** The delay a {@link #RATE_LIMITED} supplier asks for. */
    public static final int RETRY_AFTER_SECONDS = 7;
}
