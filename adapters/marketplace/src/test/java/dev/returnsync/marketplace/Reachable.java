package dev.returnsync.marketplace;

import dev.returnsync.spi.LegState;
import dev.returnsync.spi.OutcomeType;

/** Which leg states a leg of an outcome can stand in. */
final class Reachable {
    private Reachable() {
    }

    /** {@return the outcome itself when a leg of it can stand in the state, else an outcome whose legs can} */
    static OutcomeType outcomeReaching(LegState state, OutcomeType outcome) {
        return switch (state) {
            case AWAITING_SHIPMENT, SHIPPED, RECEIVED ->
                    outcome.shipsGoodsBack() ? outcome : OutcomeType.RETURN_AND_REFUND;
            case AWAITING_RESULT -> OutcomeType.REFUND_ONLY;
            case REPLACEMENT_SHIPPED -> OutcomeType.EXCHANGE;
            default -> outcome;
        };
    }
}
