package dev.returnsync.examples.shop;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;

import java.util.List;

/** What the API answers: the parts of a return a party sees, as plain values. */
final class Views {
    private Views() {
    }

    /** A return as its party sees it. */
    record ReturnView(String caseId, long version, String customerNumber, String resellerNumber, List<LegView> legs) {
        static ReturnView of(ReturnCase c) {
            return new ReturnView(c.id().value(), c.version(), value(c.customerNumber()), value(c.resellerNumber()),
                    c.legs().stream().map(LegView::of).toList());
        }
    }

    /** A supplier's part of a return, with the refund due to the customer as it stands (e.g. {@code CNY 94.00}). */
    record LegView(String supplier, String state, String supplierNumber, String refund) {
        static LegView of(Leg leg) {
            return new LegView(leg.supplier().value(), leg.state().name(), value(leg.supplierNumber()),
                    leg.settlement().refund().toString());
        }
    }

    /** An amount as the API takes it: an ISO 4217 currency and a plain decimal string, e.g. {@code "5.00"}. */
    record Amount(String currency, String amount) {
        /** {@return the amount, or null when the request left it out} */
        static Money toMoney(Amount amount) {
            if (amount == null) {
                return null;
            }
            if (amount.currency() == null || amount.amount() == null) {
                throw new IllegalArgumentException("an amount needs its currency and its amount");
            }
            return Money.of(amount.currency(), amount.amount());
        }
    }

    /** A partial refund offered instead of the return: the amount, and a note for the customer. */
    record Offer(Amount amount, String note) {
    }

    /** Why a party asks for something (a rejection, a dispute, a new application): a reason code and its text. */
    record Why(String reason, String text) {
        Reason toReason() {
            if (reason == null) {
                throw new IllegalArgumentException("a reason code is required");
            }
            return Reason.of(ReasonCode.valueOf(reason), text == null ? "" : text);
        }
    }

    /** Where a number leads. */
    record LinkView(String caseId, String kind, boolean superseded) {
        static LinkView of(NumberLink link) {
            return new LinkView(link.caseId().value(), link.number().kind().name(), link.superseded());
        }
    }

    private static String value(dev.returnsync.spi.ReturnNumber number) {
        return number == null ? null : number.value();
    }
}
