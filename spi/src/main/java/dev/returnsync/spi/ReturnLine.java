package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

/**
 * One line of a return request: which SKU, how many are asked back of how many delivered, at what
 * unit price, and which supplier shipped it.
 *
 * @param sku the SKU
 * @param supplier the supplier that shipped the line; lines of different suppliers form different legs
 * @param requested the quantity asked back, at least 1 and at most {@code delivered}
 * @param delivered the quantity delivered to the customer, at most {@value #MAX_QUANTITY}
 * @param unitPrice the price paid per unit
 */
public record ReturnLine(Sku sku, SupplierId supplier, int requested, int delivered, Money unitPrice) {
    /** The largest quantity of one line on any axis. */
    public static final int MAX_QUANTITY = 1_000_000;
    /** The most lines one return may have. */
    public static final int MAX_LINES = 200;

    /**
     * Validates the line.
     *
     * @param sku the SKU
     * @param supplier the supplier that shipped the line; lines of different suppliers form different legs
     * @param requested the quantity asked back, at least 1 and at most {@code delivered}
     * @param delivered the quantity delivered to the customer, at most {@value #MAX_QUANTITY}
     * @param unitPrice the price paid per unit
     */
    public ReturnLine {
        Checks.notNull("line sku", sku);
        Checks.notNull("line supplier", supplier);
        Checks.positive("requested quantity", sku, requested);
        Checks.positive("delivered quantity", sku, delivered);
        Checks.atMost("delivered quantity", sku, delivered, MAX_QUANTITY);
        Checks.notNull("unit price", sku, unitPrice);
        if (requested > delivered) {
            throw new IllegalArgumentException("requested quantity of " + sku + " (" + requested
                    + ") must not be above the delivered quantity (" + delivered + ")");
        }
    }
}
