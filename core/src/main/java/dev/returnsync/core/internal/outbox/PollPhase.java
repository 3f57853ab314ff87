package dev.returnsync.core.internal.outbox;

import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReturnEvent;

import java.util.Optional;

/**
 * Where a leg waits for news that only a poll brings from a pull-only supplier, by the event that put it there: one
 * {@code POLL_SUPPLIER} entry is planned on each such event and polls while the leg still waits in that state, so a
 * leg has one poll chain at a time. Not API.
 *
 * <ul>
 *   <li>{@code ReturnApplied}: {@code NUMBER_REQUESTED}, for the number (or a refusal);</li>
 *   <li>{@code ReturnShipped}: {@code SHIPPED}, for the receipt (or the result, if the supplier inspected between
 *       two polls);</li>
 *   <li>{@code ReturnReceived}: {@code RECEIVED}, for the inspection's result;</li>
 *   <li>{@code NumberSharedWithCustomer} of a refund-only leg: {@code AWAITING_RESULT}, for the result.</li>
 * </ul>
 */
final class PollPhase {
    private PollPhase() {
    }

    /**
     * The state in which the leg waits for the supplier after an event, if a poll is how the news comes. The planner
     * plans a poll only when the leg is in that state after the event (a shared number leaves a leg that ships in
     * {@code AWAITING_SHIPMENT}, waiting for the customer), and the poll goes on only while it still is.
     *
     * @param event the event
     * @return the state; empty when the event starts no wait for the supplier
     */
    static Optional<LegState> waitingAfter(ReturnEvent event) {
        if (event instanceof ReturnEvent.ReturnApplied) {
            return Optional.of(LegState.NUMBER_REQUESTED);
        } else if (event instanceof ReturnEvent.ReturnShipped) {
            return Optional.of(LegState.SHIPPED);
        } else if (event instanceof ReturnEvent.ReturnReceived) {
            return Optional.of(LegState.RECEIVED);
        } else if (event instanceof ReturnEvent.NumberSharedWithCustomer) {
            return Optional.of(LegState.AWAITING_RESULT);
        }
        return Optional.empty();
    }
}
