package dev.returnsync.core.domain;

import dev.returnsync.core.domain.Refusal.Code;
import dev.returnsync.spi.AmountOutOfRangeException;
import dev.returnsync.spi.InvalidAmountException;
import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnShipping;
import dev.returnsync.spi.Settlement;

import java.util.Currency;
import java.util.Objects;

/**
 * The checks of the commands that set money: the shipping fee and its bearer at agreement, the restocking fee at
 * inspection, the compensation with the result, the partial refund offers. Each check answers the refusal, naming
 * the field, or {@code null} when the amount fits; no amount is ever echoed. Every amount is in the case's currency,
 * and every sum stays within {@link Money#MAX_MINOR}: the agreement bounds the leg's worth plus the shipping fee, the
 * report to the customer the refund with its compensation (both before any event is recorded).
 */
final class MoneyRules {
    /** Partial refund offers a leg takes unless the workflow says otherwise. */
    static final int DEFAULT_OFFER_ROUNDS = 3;
    /** The most partial refund offers a workflow may allow a leg. */
    static final int MAX_OFFER_ROUNDS = 20;

    private MoneyRules() {
    }

    /** The bearer an agreement sets: the one named, else the one the case's reason calls for. */
    static FeeBearer bearer(ReturnCase current, Command.AgreeReturn c) {
        return c.feeBearer() != null ? c.feeBearer() : FeeBearer.forReason(current.reason().code());
    }

    /**
     * The shipping terms of an agreement that {@link #checkAgreement} let through: the leg's own terms when they are
     * the same (an agreement that keeps the fee and the bearer as they stand), so the event and the leg share them.
     */
    static ReturnShipping shipping(ReturnCase current, Leg leg, Command.AgreeReturn c) {
        Money fee = c.shippingFee() != null ? c.shippingFee() : leg.zero();
        FeeBearer bearer = bearer(current, c);
        ReturnShipping standing = leg.money().shipping();
        if (fee.equals(standing.fee()) && bearer == standing.bearer()
                && Objects.equals(c.insuranceClaim(), standing.insuranceClaim())) {
            return standing;
        }
        return new ReturnShipping(fee, bearer, c.insuranceClaim());
    }

    static Refusal checkAgreement(ReturnCase current, Leg leg, Command.AgreeReturn c) {
        Money fee = c.shippingFee() != null ? c.shippingFee() : leg.zero();
        Refusal wrong = currency(c, leg, "shippingFee", fee);
        if (wrong != null) {
            return wrong;
        }
        FeeBearer bearer = bearer(current, c);
        if (c.outcome() == OutcomeType.REFUND_ONLY && !fee.isZero()) {
            return refuse(Code.INVALID_PAYLOAD, c, leg, "shippingFee: a refund-only leg ships nothing back");
        }
        if (bearer == FeeBearer.CUSTOMER && current.reason().code().isQualityComplaint()) {
            return refuse(Code.INVALID_PAYLOAD, c, leg, "feeBearer: the customer does not bear the return shipping of"
                    + " a complaint about the goods (" + current.reason().code() + ")");
        }
        if ((bearer == FeeBearer.FREIGHT_INSURANCE) != (c.insuranceClaim() != null)) {
            return refuse(Code.INVALID_PAYLOAD, c, leg, "insuranceClaim: needed exactly when freight insurance bears"
                    + " the shipping fee");
        }
        try {
            new ReturnShipping(fee, bearer, c.insuranceClaim());
        } catch (IllegalArgumentException e) {
            return refuse(Code.INVALID_PAYLOAD, c, leg, "insuranceClaim: must be a reference of at most 64 characters,"
                    + " not blank, without control characters or surrounding space");
        }
        try {
            if (!fee.isZero()) {
                leg.worth().plus(fee);
            }
        } catch (AmountOutOfRangeException e) {
            return refuse(Code.AMOUNT_OUT_OF_RANGE, c, leg, "shippingFee: the leg's worth plus the fee must be at most "
                    + Money.MAX_MINOR + " minor units");
        }
        return null;
    }

    static Refusal checkRestockingFee(Leg leg, Command.ReportResult c) {
        if (c.restockingFee() == null) {
            return null;
        }
        Refusal wrong = currency(c, leg, "restockingFee", c.restockingFee());
        if (wrong != null) {
            return wrong;
        }
        Money goods = Leg.goodsRefund(leg.outcome(), leg.lines(), c.accepted());
        if (c.restockingFee().isAbove(goods)) {
            return refuse(Code.INVALID_PAYLOAD, c, leg,
                    "restockingFee: must be at most the refund for the goods accepted (" + goods + ")");
        }
        return null;
    }

    /** The compensation a report to the customer grants: the one given, else the one granted before. */
    static Money compensation(Leg leg, Command.ReportResultToCustomer c) {
        return c.compensation() != null ? c.compensation() : leg.money().compensation();
    }

    static Refusal checkCompensation(Leg leg, Command.ReportResultToCustomer c) {
        Money compensation = compensation(leg, c);
        Refusal wrong = currency(c, leg, "compensation", compensation);
        if (wrong != null) {
            return wrong;
        }
        if (compensation.isZero()) {
            return null;
        }
        Money worth = worthOrNull(leg);
        if (worth == null) {
            return refuse(Code.AMOUNT_OUT_OF_RANGE, c, leg, "compensation: the leg's lines are worth more than "
                    + Money.MAX_MINOR + " minor units");
        }
        if (compensation.isAbove(worth)) {
            return refuse(Code.INVALID_PAYLOAD, c, leg,
                    "compensation: must be at most what the leg's requested lines are worth");
        }
        return null;
    }

    /**
     * The settlement a report to the customer tells, with the compensation it grants.
     *
     * @throws InvalidAmountException if the refund with the compensation is above {@link Money#MAX_MINOR}
     */
    static Settlement reported(Leg leg, Command.ReportResultToCustomer c) {
        return leg.money().withCompensation(compensation(leg, c)).settle(leg.outcome(), leg.lines());
    }

    static Refusal checkOffer(Leg leg, Command.OfferPartialRefund c, int rounds) {
        Refusal wrong = currency(c, leg, "amount", c.amount());
        if (wrong != null) {
            return wrong;
        }
        Money worth = worthOrNull(leg);
        if (worth == null) {
            return refuse(Code.AMOUNT_OUT_OF_RANGE, c, leg, "amount: the leg's lines are worth more than "
                    + Money.MAX_MINOR + " minor units");
        }
        if (c.amount().isZero() || c.amount().isAbove(worth)) {
            return refuse(Code.INVALID_PAYLOAD, c, leg,
                    "amount: must be more than zero and at most what the leg's requested lines are worth");
        }
        if (leg.money().offers() >= rounds) {
            return refuse(Code.LIMIT_REACHED, c, leg, "a leg takes at most " + rounds
                    + " partial refund offers, and all were made");
        }
        return null;
    }

    /** The settlement of a leg whose latest partial refund offer the customer accepts. */
    static Settlement accepted(Leg leg) {
        return leg.money().offerAccepted().settle(OutcomeType.REFUND_ONLY, leg.lines());
    }

    private static Refusal currency(Command c, Leg leg, String field, Money amount) {
        Currency currency = leg.lines().get(0).unitPrice().currency();
        if (!amount.currency().equals(currency)) {
            return refuse(Code.CURRENCY_MISMATCH, c, leg, field + ": must be in " + currency.getCurrencyCode()
                    + ", the currency of the case");
        }
        return null;
    }

    /** The leg's worth, or null for a leg stored before its worth was bounded, whose worth overflows. */
    private static Money worthOrNull(Leg leg) {
        try {
            return leg.worth();
        } catch (AmountOutOfRangeException e) {
            return null;
        }
    }

    private static Refusal refuse(Code code, Command command, Leg leg, String reason) {
        LegState state = leg.state();
        return new Refusal(code, command.caseId(), state, command.type(), reason, null);
    }
}
