package dev.returnsync.spi;

/**
 * An amount, or the result of adding or multiplying amounts, lies outside [0, {@link Money#MAX_MINOR}] minor
 * units. Money arithmetic is exact: it throws this rather than wrap around. The domain turns it into a
 * refusal with the code {@code AMOUNT_OUT_OF_RANGE}.
 */
public final class AmountOutOfRangeException extends InvalidAmountException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was out of range; never the value itself
     */
    public AmountOutOfRangeException(String message) {
        super(message);
    }
}
