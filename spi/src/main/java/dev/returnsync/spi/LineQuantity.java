package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

/**
 * A quantity of one SKU on one axis (authorized, received, accepted, rejected).
 *
 * @param sku the SKU
 * @param quantity zero to {@link ReturnLine#MAX_QUANTITY}
 */
public record LineQuantity(Sku sku, int quantity) {
    /**
     * Validates the quantity.
     *
     * @param sku the SKU
     * @param quantity zero to {@link ReturnLine#MAX_QUANTITY}
     */
    public LineQuantity {
        Checks.notNull("sku", sku);
        Checks.nonNegative("quantity", sku, quantity);
        Checks.atMost("quantity", sku, quantity, ReturnLine.MAX_QUANTITY);
    }

    /**
     * Shorthand for {@code new LineQuantity(Sku.of(sku), quantity)}.
     *
     * @param sku the SKU's id
     * @param quantity zero to {@link ReturnLine#MAX_QUANTITY}
     * @return the line quantity
     */
    public static LineQuantity of(String sku, int quantity) {
        return new LineQuantity(Sku.of(sku), quantity);
    }

    // Written out rather than generated, as for the ids: the generated record methods need an invokedynamic
    // bootstrap per class on a cold JVM.
    @Override
    public boolean equals(Object other) {
        return other instanceof LineQuantity that && quantity == that.quantity && sku.equals(that.sku);
    }

    @Override
    public int hashCode() {
        return sku.hashCode() * 31 + quantity;
    }
}
