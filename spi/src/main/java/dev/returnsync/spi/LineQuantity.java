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
        Checks.nonNegative("quantity of " + sku, quantity);
        Checks.atMost("quantity of " + sku, quantity, ReturnLine.MAX_QUANTITY);
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
}
