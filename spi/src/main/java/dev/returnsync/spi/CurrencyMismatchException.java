package dev.returnsync.spi;

/**
 * Two amounts that must share one currency do not: every amount of a case is in the currency of its lines. The
 * message names the field, never the amounts.
 */
public final class CurrencyMismatchException extends InvalidAmountException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the field and the rule, e.g. {@code "restocking fee must be in the refund's currency"}
     */
    public CurrencyMismatchException(String message) {
        super(message);
    }
}
