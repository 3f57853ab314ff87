package dev.returnsync.core.domain;

import dev.returnsync.spi.LegState;

/**
 * {@link ReturnWorkflow#evolve} was given an event that does not fit the case: the transition table has no row
 * for it from the leg's state, the leg or the case does not exist, the case is already open, or the event's
 * payload does not fit the leg (quantities above what was asked, a replaced number that is not the current one).
 * A history that holds such an event is corrupt or out of order; nothing is folded.
 */
public final class IllegalEventException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The state of the event's leg, or {@code null}. */
    private final LegState state;
    /** The type of the event that did not fit. */
    private final String eventType;

    /**
     * Creates the exception.
     *
     * @param state the state of the event's leg, or {@code null} when there is no such leg or no case
     * @param eventType the event's type, {@link dev.returnsync.spi.ReturnEvent#type()}
     * @param problem what does not fit, in words; never a value of the event
     */
    public IllegalEventException(LegState state, String eventType, String problem) {
        super(eventType + (state == null ? "" : " in state " + state) + ": " + problem);
        this.state = state;
        this.eventType = eventType;
    }

    /** {@return the state of the event's leg, or {@code null} when there is no such leg or no case} */
    public LegState state() {
        return state;
    }

    /** {@return the type of the event that did not fit} */
    public String eventType() {
        return eventType;
    }
}
