package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

/**
 * The money of a leg, or of a whole case, computed exactly in one currency:
 * <pre>
 * refund to the customer = goodsRefund - restockingFee + shippingRefund + compensation
 * </pre>
 * and what the supplier owes the reseller, {@code supplierOwes}, which the workflow computes as the goods refund
 * less the restocking fee plus the shipping fee when the supplier bears it (a partial refund the reseller offered
 * is the reseller's own: the supplier owes nothing for it).
 *
 * @param goodsRefund what the goods are refunded: unit prices times accepted units (return and refund), times
 *     authorized units (refund only), zero (exchange), or the amount agreed in a partial refund
 * @param restockingFee what the supplier keeps for restocking, set at inspection; at most {@code goodsRefund}
 * @param shippingRefund the return shipping fee the customer gets back (when the reseller or the supplier bears it)
 * @param compensation the shipping compensation the reseller grants the customer with the result
 * @param refund the refund due to the customer, as computed above
 * @param supplierOwes what the supplier owes the reseller
 */
public record Settlement(Money goodsRefund, Money restockingFee, Money shippingRefund, Money compensation,
                         Money refund, Money supplierOwes) {
    /**
     * Validates the settlement: one currency, and the refund as computed above.
     *
     * @param goodsRefund what the goods are refunded
     * @param restockingFee what the supplier keeps for restocking
     * @param shippingRefund the return shipping fee the customer gets back
     * @param compensation the shipping compensation granted to the customer
     * @param refund the refund due to the customer
     * @param supplierOwes what the supplier owes the reseller
     * @throws CurrencyMismatchException if an amount is in another currency than {@code goodsRefund}, naming it
     * @throws IllegalArgumentException if the refund is not the sum above
     */
    public Settlement {
        Checks.notNull("goods refund", goodsRefund);
        sameCurrency("restocking fee", goodsRefund, restockingFee);
        sameCurrency("shipping refund", goodsRefund, shippingRefund);
        sameCurrency("compensation", goodsRefund, compensation);
        sameCurrency("refund", goodsRefund, refund);
        sameCurrency("supplier owes", goodsRefund, supplierOwes);
        if (refund.minor() + restockingFee.minor() != goodsRefund.minor() + shippingRefund.minor() + compensation.minor()) {
            throw new IllegalArgumentException(
                    "refund must equal goods refund - restocking fee + shipping refund + compensation");
        }
    }

    /**
     * Computes the refund to the customer from its parts.
     *
     * @param goodsRefund what the goods are refunded
     * @param restockingFee what the supplier keeps; at most {@code goodsRefund}
     * @param shippingRefund the return shipping fee the customer gets back
     * @param compensation the shipping compensation granted to the customer
     * @param supplierOwes what the supplier owes the reseller
     * @return the settlement
     * @throws CurrencyMismatchException if the amounts are not in one currency, naming the first that is not
     * @throws AmountOutOfRangeException if the restocking fee is above the goods refund or the refund above
     *     {@link Money#MAX_MINOR}
     */
    public static Settlement of(Money goodsRefund, Money restockingFee, Money shippingRefund, Money compensation,
                                Money supplierOwes) {
        Checks.notNull("goods refund", goodsRefund);
        sameCurrency("restocking fee", goodsRefund, restockingFee);
        sameCurrency("shipping refund", goodsRefund, shippingRefund);
        sameCurrency("compensation", goodsRefund, compensation);
        sameCurrency("supplier owes", goodsRefund, supplierOwes);
        Money refund = goodsRefund.minus(restockingFee).plus(shippingRefund).plus(compensation);
        return new Settlement(goodsRefund, restockingFee, shippingRefund, compensation, refund, supplierOwes);
    }

    /**
     * Nothing to pay.
     *
     * @param currency the currency
     * @return a settlement of zeros
     */
    public static Settlement zero(java.util.Currency currency) {
        Money zero = new Money(currency, 0);
        return new Settlement(zero, zero, zero, zero, zero, zero);
    }

    /**
     * The sum of two settlements, part by part (the legs of a case add up to the case's).
     *
     * @param other the settlement to add, in this currency
     * @return the sum
     * @throws CurrencyMismatchException if the currencies differ
     * @throws AmountOutOfRangeException if a sum is above {@link Money#MAX_MINOR}
     */
    public Settlement plus(Settlement other) {
        sameCurrency("settlement", goodsRefund, other.goodsRefund);
        return new Settlement(goodsRefund.plus(other.goodsRefund), restockingFee.plus(other.restockingFee),
                shippingRefund.plus(other.shippingRefund), compensation.plus(other.compensation),
                refund.plus(other.refund), supplierOwes.plus(other.supplierOwes));
    }

    private static void sameCurrency(String field, Money reference, Money amount) {
        Checks.notNull(field, amount);
        if (!amount.currency().equals(reference.currency())) {
            throw new CurrencyMismatchException(field + " must be in the currency of the goods refund");
        }
    }
}
