package dev.returnsync.marketplace;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Role;

import static dev.returnsync.marketplace.OutboundStatus.exact;
import static dev.returnsync.marketplace.OutboundStatus.nearest;
import static dev.returnsync.marketplace.TaobaoRefundStatus.*;

/** Taobao/Tmall: the customer-facing side, the reseller being the seller of the storefront. */
final class TaobaoTable implements Table<TaobaoRefundStatus> {
    static final TaobaoTable INSTANCE = new TaobaoTable();

    private TaobaoTable() {
    }

    @Override
    public String source() {
        return "taobao";
    }

    @Override
    public Class<TaobaoRefundStatus> statusType() {
        return TaobaoRefundStatus.class;
    }

    @Override
    public OutboundStatus<TaobaoRefundStatus> outbound(LegFacts leg) {
        return switch (leg.state()) {
            case REQUESTED, NEGOTIATING -> exact(leg.state(), WAIT_SELLER_AGREE);
            case PARTIAL_REFUND_OFFERED -> nearest(leg.state(), WAIT_SELLER_AGREE, "a partial refund is offered (协商"
                    + " 部分退款): Taobao shows the negotiation until the buyer takes or refuses the offer");
            case AGREED, NUMBER_REQUESTED, NUMBER_ISSUED -> nearest(leg.state(), WAIT_SELLER_AGREE,
                    "the supplier agreed, but the customer cannot ship before being told the supplier's return number;"
                            + " the reseller agrees on Taobao when the number is shared");
            case AWAITING_SHIPMENT -> exact(leg.state(), WAIT_BUYER_RETURN_GOODS);
            case AWAITING_RESULT -> nearest(leg.state(), WAIT_SELLER_AGREE,
                    "a refund-only leg ships nothing: Taobao goes from WAIT_SELLER_AGREE straight to SUCCESS");
            case SHIPPED -> exact(leg.state(), WAIT_SELLER_CONFIRM_GOODS);
            case RECEIVED, RESULT_REPORTED, REPLACEMENT_SHIPPED, DISPUTED -> leg.refundOnly() ? refundOnly(leg)
                    : nearest(leg.state(), WAIT_SELLER_CONFIRM_GOODS, "the goods are back with the supplier, the"
                            + " result is not settled: Taobao has no status between receipt and refund");
            case RESULT_NOTIFIED -> resultNotified(leg);
            case COMPLETED -> completed(leg);
            case DECLINED -> exact(leg.state(), SELLER_REFUSE_BUYER);
            case CANCELLED -> exact(leg.state(), CLOSED);
            case EXPIRED -> nearest(leg.state(), CLOSED, "a deadline passed; Taobao closes a refund that timed out");
            case CLOSED -> nearest(leg.state(), CLOSED, "the reseller closed the leg by hand, possibly after a"
                    + " settlement outside the workflow that Taobao does not know");
        };
    }

    private static OutboundStatus<TaobaoRefundStatus> refundOnly(LegFacts leg) {
        return nearest(leg.state(), WAIT_SELLER_AGREE,
                "a refund-only leg ships nothing: Taobao goes from WAIT_SELLER_AGREE straight to SUCCESS");
    }

    private static OutboundStatus<TaobaoRefundStatus> resultNotified(LegFacts leg) {
        if (leg.nothingAccepted()) {
            return nearest(leg.state(), SELLER_REFUSE_BUYER, "the inspection accepted nothing and the customer was"
                    + " told: on Taobao the seller refuses the refund");
        }
        if (leg.refundOnly()) {
            return refundOnly(leg);
        }
        return nearest(leg.state(), WAIT_SELLER_CONFIRM_GOODS, "the refund is decided and told; Taobao shows SUCCESS"
                + " once the reseller pays it there, which the mapping reads back as the customer's confirmation");
    }

    private static OutboundStatus<TaobaoRefundStatus> completed(LegFacts leg) {
        if (leg.nothingAccepted()) {
            return nearest(leg.state(), SELLER_REFUSE_BUYER, "the customer accepted a result that refunds nothing:"
                    + " on Taobao the seller refused the refund");
        }
        if (leg.outcome() == OutcomeType.EXCHANGE) {
            return nearest(leg.state(), SUCCESS, "an exchange is settled by a replacement parcel (Taobao runs it as an"
                    + " exchange dispute); SUCCESS is the nearest refund status");
        }
        return exact(leg.state(), SUCCESS);
    }

    @Override
    public boolean refundIdIsTheSupplierNumber() {
        return false;
    }

    @Override
    public Intent intent(TaobaoRefundStatus status) {
        return switch (status) {
            case WAIT_SELLER_AGREE -> Intent.OPEN;
            case WAIT_BUYER_RETURN_GOODS, WAIT_SELLER_CONFIRM_GOODS, SUCCESS -> Intent.FORWARD;
            case SELLER_REFUSE_BUYER -> Intent.DECLINE;
            case CLOSED -> Intent.CLOSE;
        };
    }

    @Override
    public Role role(CommandType step) {
        return switch (step) {
            // what the buyer does on Taobao
            case SUBMIT_RETURN, REPORT_SHIPMENT, CONFIRM_RESULT, DISPUTE_RESULT, CANCEL_RETURN, ACCEPT_PARTIAL_REFUND,
                 REJECT_PARTIAL_REFUND, REAPPLY -> Role.CUSTOMER;
            // what the seller, the reseller, does on Taobao
            case OPEN_NEGOTIATION, AGREE_RETURN, DECLINE_RETURN, APPLY_FOR_RETURN, SHARE_NUMBER_WITH_CUSTOMER,
                 REPORT_RESULT_TO_CUSTOMER, CLOSE_LEG, OFFER_PARTIAL_REFUND -> Role.RESELLER;
            // the supplier's steps, the timers and the messages never show on Taobao
            case ISSUE_SUPPLIER_NUMBER, REPLACE_SUPPLIER_NUMBER, CONFIRM_RECEIPT, REPORT_RESULT, SHIP_REPLACEMENT,
                 FIRE_DEADLINE, SEND_MESSAGE -> null;
        };
    }
}
