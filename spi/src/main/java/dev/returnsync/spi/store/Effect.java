package dev.returnsync.spi.store;

/** What an outbox entry makes happen outside the store. Stores persist it by {@link #name()}. */
public enum Effect {
    /** Ask the supplier adapter for the return (and its return number). */
    REQUEST_RETURN,
    /** Send the customer's tracking number to the supplier adapter. */
    SHARE_TRACKING,
    /** Tell the supplier adapter that the return is cancelled. */
    CANCEL_AT_SUPPLIER,
    /** Ask a pull-only supplier adapter for news about the leg; reschedules itself until there is some. */
    POLL_SUPPLIER,
    /** Deliver a notification to one party. */
    NOTIFY,
    /** Run the workflow's policies on the event and apply the commands they propose. */
    REACT
}
