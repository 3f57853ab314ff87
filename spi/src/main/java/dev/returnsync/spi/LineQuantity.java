package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

/**
 * A quantity of one SKU on one axis (authorized, received, accepted, rejected).
 *
 * @param sku the SKU
 * @param quantity zero or more
 */
public record LineQuantity(Sku sku, int quantity) {
    /** Validates the quantity. */
    public LineQuantity {
        Checks.notNull("sku", sku);
        Checks.nonNegative("quantity of " + sku, quantity);
    }

    /** Shorthand for {@code new LineQuantity(Sku.of(sku), quantity)}. */
    public static LineQuantity of(String sku, int quantity) {
        return new LineQuantity(Sku.of(sku), quantity);
    }
}
