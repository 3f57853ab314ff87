package dev.returnsync.spi;

/**
 * An amount of money or a currency is malformed or not accepted: the message names the field
 * ({@code amount} or {@code currency}) and the rule it breaks, never the value given.
 */
public class InvalidAmountException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the field and the rule, e.g. {@code "amount must be a plain decimal number"}
     */
    public InvalidAmountException(String message) {
        super(message);
    }
}
