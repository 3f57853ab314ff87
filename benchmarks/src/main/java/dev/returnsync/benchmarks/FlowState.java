package dev.returnsync.benchmarks;

import dev.returnsync.spi.LegState;

/**
 * The states of the benchmarked workflow as the peer state machines declare them: {@link #NEW} before the
 * submission, then one state per step of the happy path, named after returnsync's {@link LegState}.
 */
public enum FlowState {
    /** Nothing submitted yet: the initial state a peer machine starts in. */
    NEW(null),
    /** See {@link LegState#REQUESTED}. */
    REQUESTED(LegState.REQUESTED),
    /** See {@link LegState#NEGOTIATING}. */
    NEGOTIATING(LegState.NEGOTIATING),
    /** See {@link LegState#AGREED}. */
    AGREED(LegState.AGREED),
    /** See {@link LegState#NUMBER_REQUESTED}. */
    NUMBER_REQUESTED(LegState.NUMBER_REQUESTED),
    /** See {@link LegState#NUMBER_ISSUED}. */
    NUMBER_ISSUED(LegState.NUMBER_ISSUED),
    /** See {@link LegState#AWAITING_SHIPMENT}. */
    AWAITING_SHIPMENT(LegState.AWAITING_SHIPMENT),
    /** See {@link LegState#SHIPPED}. */
    SHIPPED(LegState.SHIPPED),
    /** See {@link LegState#RECEIVED}. */
    RECEIVED(LegState.RECEIVED),
    /** See {@link LegState#RESULT_REPORTED}. */
    RESULT_REPORTED(LegState.RESULT_REPORTED),
    /** See {@link LegState#RESULT_NOTIFIED}. */
    RESULT_NOTIFIED(LegState.RESULT_NOTIFIED),
    /** See {@link LegState#COMPLETED}. */
    COMPLETED(LegState.COMPLETED);

    private final LegState legState;

    FlowState(LegState legState) {
        this.legState = legState;
    }

    /** The matching leg state of returnsync, or {@code null} for {@link #NEW}. */
    public LegState legState() {
        return legState;
    }
}
