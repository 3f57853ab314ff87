package dev.returnsync.spi.store;

/**
 * What an outbox entry makes happen outside the store. Stores persist it by {@link #name()}.
 *
 * <p>Some effects are {@linkplain #isOrderedSend() ordered sends}: calls that change the return at a supplier, which
 * must reach it in the order of the events that caused them (a cancellation must never overtake the request it
 * cancels). {@link CaseStore#claimOutbox} keeps them in order.
 */
public enum Effect {
    /** Ask the supplier adapter for the return (and its return number). An ordered send. */
    REQUEST_RETURN(true),
    /** Send the customer's tracking number to the supplier adapter. An ordered send. */
    SHARE_TRACKING(true),
    /** Tell the supplier adapter that the return is cancelled. An ordered send. */
    CANCEL_AT_SUPPLIER(true),
    /** Ask a pull-only supplier adapter for news about the leg; reschedules itself until there is some. */
    POLL_SUPPLIER(false),
    /** Deliver a notification to one party. */
    NOTIFY(false),
    /** Run the workflow's policies on the event and apply the commands they propose. */
    REACT(false);

    private final boolean orderedSend;

    Effect(boolean orderedSend) {
        this.orderedSend = orderedSend;
    }

    /**
     * True for a send to a supplier that changes the return there ({@link #REQUEST_RETURN}, {@link #SHARE_TRACKING},
     * {@link #CANCEL_AT_SUPPLIER}): the ordered sends of one case to one target are claimed one at a time, in
     * version order (see {@link CaseStore#claimOutbox}). Polls, notifications and reactions are not ordered.
     *
     * @return true for an ordered send to a supplier
     */
    public boolean isOrderedSend() {
        return orderedSend;
    }
}
