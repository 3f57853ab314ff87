package dev.returnsync.marketplace;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.OutcomeType;

/**
 * The workflow's way forward, one step per state: the command that moves a leg on along the seed's tables and the
 * state it reaches. The switch has no default on purpose: a new leg state does not compile until its way forward
 * (or its having none) is written.
 */
final class Forward {
    private Forward() {
    }

    /**
     * One step forward.
     *
     * @param command the command that takes it
     * @param next the facts of the leg after it
     */
    record Step(CommandType command, LegFacts next) {
    }

    /** {@return the step forward from where the leg stands, or {@code null} when no step leads on} */
    static Step from(LegFacts leg) {
        return switch (leg.state()) {
            case REQUESTED -> step(CommandType.OPEN_NEGOTIATION, leg.in(LegState.NEGOTIATING));
            case NEGOTIATING -> step(CommandType.AGREE_RETURN, leg.in(LegState.AGREED));
            // a marketplace moving the return on means the partial refund offered was not taken
            case PARTIAL_REFUND_OFFERED -> step(CommandType.REJECT_PARTIAL_REFUND, leg.in(LegState.NEGOTIATING));
            case AGREED -> step(CommandType.APPLY_FOR_RETURN, leg.in(LegState.NUMBER_REQUESTED));
            case NUMBER_REQUESTED -> step(CommandType.ISSUE_SUPPLIER_NUMBER, leg.in(LegState.NUMBER_ISSUED));
            case NUMBER_ISSUED -> step(CommandType.SHARE_NUMBER_WITH_CUSTOMER,
                    leg.in(leg.refundOnly() ? LegState.AWAITING_RESULT : LegState.AWAITING_SHIPMENT));
            case AWAITING_SHIPMENT -> step(CommandType.REPORT_SHIPMENT, leg.in(LegState.SHIPPED));
            case SHIPPED -> step(CommandType.CONFIRM_RECEIPT, leg.in(LegState.RECEIVED));
            case AWAITING_RESULT, RECEIVED -> step(CommandType.REPORT_RESULT, leg.in(LegState.RESULT_REPORTED));
            case RESULT_REPORTED -> leg.outcome() == OutcomeType.EXCHANGE && !leg.nothingAccepted()
                    ? step(CommandType.SHIP_REPLACEMENT, leg.in(LegState.REPLACEMENT_SHIPPED))
                    : step(CommandType.REPORT_RESULT_TO_CUSTOMER, leg.in(LegState.RESULT_NOTIFIED));
            case REPLACEMENT_SHIPPED, DISPUTED ->
                    step(CommandType.REPORT_RESULT_TO_CUSTOMER, leg.in(LegState.RESULT_NOTIFIED));
            case RESULT_NOTIFIED -> step(CommandType.CONFIRM_RESULT, leg.in(LegState.COMPLETED));
            case COMPLETED, DECLINED, CANCELLED, EXPIRED, CLOSED -> null;
        };
    }

    private static Step step(CommandType command, LegFacts next) {
        return new Step(command, next);
    }
}
