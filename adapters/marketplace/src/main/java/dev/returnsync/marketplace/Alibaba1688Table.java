package dev.returnsync.marketplace;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Role;

import static dev.returnsync.marketplace.Alibaba1688RefundStatus.*;
import static dev.returnsync.marketplace.OutboundStatus.exact;
import static dev.returnsync.marketplace.OutboundStatus.nearest;
import static dev.returnsync.marketplace.OutboundStatus.none;

/** 1688 dropshipping: the supplier-facing side, the reseller being the buyer of the purchase order. */
final class Alibaba1688Table implements Table<Alibaba1688RefundStatus> {
    static final Alibaba1688Table INSTANCE = new Alibaba1688Table();

    private static final String REFUND_ONLY = "a refund-only leg is refunded when the supplier reports its result;"
            + " 1688 shows it waiting for the seller until then";

    private Alibaba1688Table() {
    }

    @Override
    public String source() {
        return "1688";
    }

    @Override
    public Class<Alibaba1688RefundStatus> statusType() {
        return Alibaba1688RefundStatus.class;
    }

    @Override
    public OutboundStatus<Alibaba1688RefundStatus> outbound(LegFacts leg) {
        return switch (leg.state()) {
            case REQUESTED -> none(leg.state(), "the reseller has not asked the supplier yet: 1688 has no refund for"
                    + " the leg");
            case NEGOTIATING -> exact(leg.state(), WAIT_SELLER_AGREE);
            case PARTIAL_REFUND_OFFERED -> nearest(leg.state(), WAIT_SELLER_AGREE, "a partial refund is offered to the"
                    + " customer: 1688 shows the negotiation until the offer is taken or refused");
            case AGREED, NUMBER_REQUESTED, NUMBER_ISSUED -> leg.refundOnly()
                    ? nearest(leg.state(), WAIT_SELLER_AGREE, REFUND_ONLY)
                    : nearest(leg.state(), WAIT_BUYER_SEND, "the supplier agreed; the parcel waits for the supplier's"
                            + " return number before it can be sent");
            case AWAITING_SHIPMENT -> exact(leg.state(), WAIT_BUYER_SEND);
            case AWAITING_RESULT -> nearest(leg.state(), WAIT_SELLER_AGREE, REFUND_ONLY);
            case SHIPPED -> exact(leg.state(), WAIT_SELLER_RECEIVE);
            case RECEIVED -> nearest(leg.state(), WAIT_SELLER_RECEIVE, "received, inspection pending: 1688 has no"
                    + " status for the inspection");
            case RESULT_REPORTED -> resultReported(leg);
            case REPLACEMENT_SHIPPED, RESULT_NOTIFIED, DISPUTED, COMPLETED -> leg.nothingAccepted()
                    ? refused(leg) : nearest(leg.state(), REFUND_SUCCESS, "the supplier's part is done; what follows"
                    + " happens between the reseller and the customer, which 1688 does not see");
            case DECLINED -> exact(leg.state(), WAIT_BUYER_MODIFY);
            case CANCELLED -> exact(leg.state(), REFUND_CLOSED);
            case EXPIRED -> nearest(leg.state(), REFUND_CLOSED, "a deadline passed; 1688 closes a refund that timed"
                    + " out");
            case CLOSED -> nearest(leg.state(), REFUND_CLOSED, "the reseller closed the leg by hand, possibly after a"
                    + " settlement outside the workflow that 1688 does not know");
        };
    }

    private static OutboundStatus<Alibaba1688RefundStatus> resultReported(LegFacts leg) {
        if (leg.nothingAccepted()) {
            return refused(leg);
        }
        if (leg.outcome() == OutcomeType.EXCHANGE) {
            return nearest(leg.state(), REFUND_SUCCESS, "an exchange is settled by a replacement parcel, not a refund;"
                    + " REFUND_SUCCESS is the nearest status");
        }
        return exact(leg.state(), REFUND_SUCCESS);
    }

    private static OutboundStatus<Alibaba1688RefundStatus> refused(LegFacts leg) {
        return nearest(leg.state(), WAIT_BUYER_MODIFY, "the inspection accepted nothing: the supplier refuses the"
                + " refund, which 1688 shows as waiting for the buyer to modify");
    }

    @Override
    public boolean refundIdIsTheSupplierNumber() {
        return true;
    }

    @Override
    public Intent intent(Alibaba1688RefundStatus status) {
        return switch (status) {
            case WAIT_SELLER_AGREE -> Intent.OPEN;
            case WAIT_BUYER_SEND, WAIT_SELLER_RECEIVE, REFUND_SUCCESS -> Intent.FORWARD;
            case WAIT_BUYER_MODIFY -> Intent.DECLINE;
            case REFUND_CLOSED -> Intent.CLOSE;
        };
    }

    @Override
    public Role role(CommandType step) {
        return switch (step) {
            // what the buyer, the reseller, does on 1688 (it also enters the customer's tracking number)
            case OPEN_NEGOTIATION, APPLY_FOR_RETURN, SHARE_NUMBER_WITH_CUSTOMER, REPORT_SHIPMENT, CANCEL_RETURN,
                 CLOSE_LEG, REAPPLY -> Role.RESELLER;
            // what the seller, the supplier, does on 1688
            case AGREE_RETURN, DECLINE_RETURN, ISSUE_SUPPLIER_NUMBER, CONFIRM_RECEIPT, REPORT_RESULT,
                 SHIP_REPLACEMENT, OFFER_PARTIAL_REFUND -> Role.SUPPLIER;
            // the customer's side, number replacements, timers and messages never show on 1688
            case SUBMIT_RETURN, REPORT_RESULT_TO_CUSTOMER, CONFIRM_RESULT, DISPUTE_RESULT, REPLACE_SUPPLIER_NUMBER,
                 FIRE_DEADLINE, ACCEPT_PARTIAL_REFUND, REJECT_PARTIAL_REFUND, SEND_MESSAGE -> null;
        };
    }
}
