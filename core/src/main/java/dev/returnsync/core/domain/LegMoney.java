package dev.returnsync.core.domain;

import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnShipping;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Settlement;

import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The money terms of a leg as its events set them: the return shipping fee and its bearer (agreed in the
 * negotiation), the restocking fee (set at inspection), the shipping compensation (granted with the result) and the
 * partial refund offers (协商部分退款). {@link Leg#settlement()} computes the refund and the supplier's debt from them.
 *
 * @param shipping the return shipping fee and its bearer; zero, borne as the reason calls for, until agreed
 * @param restockingFee what the supplier keeps for restocking; zero until the inspection sets one
 * @param compensation the shipping compensation granted to the customer; zero until granted
 * @param offer the latest partial refund offered, or {@code null} when none was
 * @param offeredBy the role that made the latest offer ({@code SUPPLIER} or {@code RESELLER}), or {@code null}
 * @param offers how many partial refunds were offered on the leg
 * @param partialRefund true once the customer accepted the latest offer: the leg is settled by it
 */
public record LegMoney(ReturnShipping shipping, Money restockingFee, Money compensation, Money offer, Role offeredBy,
                       int offers, boolean partialRefund) {
    /**
     * Per currency, the initial terms of each reason code; see {@link #initial}. Replaced whole when a currency is
     * added, never changed: a reader sees one complete map, and two threads adding at once at worst make the same terms
     * twice, equal to each other.
     */
    private static volatile Map<Currency, LegMoney[]> initialByCurrency = Map.of();

    /**
     * Validates the terms.
     *
     * @param shipping the return shipping fee and its bearer
     * @param restockingFee what the supplier keeps for restocking
     * @param compensation the shipping compensation granted to the customer
     * @param offer the latest partial refund offered, or {@code null}
     * @param offeredBy the role that made the latest offer, or {@code null}
     * @param offers how many partial refunds were offered, 0 or more
     * @param partialRefund true once the customer accepted the latest offer
     */
    public LegMoney {
        java.util.Objects.requireNonNull(shipping, "shipping");
        java.util.Objects.requireNonNull(restockingFee, "restockingFee");
        java.util.Objects.requireNonNull(compensation, "compensation");
        if (offers < 0 || (offer == null) != (offers == 0) || (offer == null) != (offeredBy == null)
                || (partialRefund && offer == null)) {
            throw new IllegalArgumentException("offers, offer, offeredBy and partialRefund must agree");
        }
    }

    /**
     * The money of a leg with these terms, its outcome and its lines; see {@link Leg#settlement()}.
     *
     * @param outcome the leg's agreed outcome, or {@code null} before agreement
     * @param lines the leg's lines
     * @return the settlement, in the currency of the lines
     */
    Settlement settle(OutcomeType outcome, List<LineState> lines) {
        if (partialRefund) {
            Money zero = new Money(offer.currency(), 0);
            return Settlement.of(offer, zero, zero, zero, offeredBy == Role.SUPPLIER ? offer : zero);
        }
        Money goods = Leg.goodsRefund(outcome, lines, null);
        Money kept = goods.minus(restockingFee);
        return Settlement.of(goods, restockingFee, shipping.refundedToCustomer(), compensation,
                kept.plus(shipping.owedBySupplier()));
    }

    /**
     * Nothing agreed yet, in the case's currency; the shipping fee is zero and borne as the reason calls for. The terms
     * are immutable, so every leg in a currency with a reason of the same code shares one instance, and all of them one
     * zero amount: a case keeps no copy of its own.
     */
    static LegMoney initial(Currency currency, ReasonCode reason) {
        return initialTerms(currency)[reason.ordinal()];
    }

    /** {@return zero in a currency: the one instance the initial terms of that currency share} */
    static Money zero(Currency currency) {
        return initialTerms(currency)[0].restockingFee;
    }

    /** The initial terms of a currency, one per reason code in ordinal order; made once per currency. */
    private static LegMoney[] initialTerms(Currency currency) {
        LegMoney[] terms = initialByCurrency.get(currency);
        if (terms == null) {
            Money zero = new Money(currency, 0);
            ReasonCode[] codes = ReasonCode.values();
            terms = new LegMoney[codes.length];
            for (int i = 0; i < codes.length; i++) {
                ReturnShipping none = new ReturnShipping(zero, FeeBearer.forReason(codes[i]), null);
                terms[i] = new LegMoney(none, zero, zero, null, null, 0, false);
            }
            Map<Currency, LegMoney[]> added = new HashMap<>(initialByCurrency);
            added.put(currency, terms);
            initialByCurrency = Map.copyOf(added);
        }
        return terms;
    }

    LegMoney withShipping(ReturnShipping agreed) {
        if (agreed.equals(shipping)) {
            return this;
        }
        return new LegMoney(agreed, restockingFee, compensation, offer, offeredBy, offers, partialRefund);
    }

    LegMoney withRestockingFee(Money fee) {
        if (fee.equals(restockingFee)) {
            return this;
        }
        return new LegMoney(shipping, fee, compensation, offer, offeredBy, offers, partialRefund);
    }

    LegMoney withCompensation(Money granted) {
        if (granted.equals(compensation)) {
            return this;
        }
        return new LegMoney(shipping, restockingFee, granted, offer, offeredBy, offers, partialRefund);
    }

    LegMoney offered(Money amount, Role by) {
        return new LegMoney(shipping, restockingFee, compensation, amount, by, offers + 1, false);
    }

    LegMoney offerAccepted() {
        return new LegMoney(shipping, restockingFee, compensation, offer, offeredBy, offers, true);
    }
}
