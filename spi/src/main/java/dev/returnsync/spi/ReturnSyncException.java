package dev.returnsync.spi;

/**
 * The root of every exception that returnsync throws on purpose. Each subclass stands for one kind
 * of failure and carries its details as getters, so callers can react without parsing messages.
 * Messages never contain customer personal data, nor data of another tenant.
 */
public abstract class ReturnSyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused and why; names fields and rules, never echoes a bad value
     */
    protected ReturnSyncException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what was refused and why; names fields and rules, never echoes a bad value
     * @param cause the failure behind it
     */
    protected ReturnSyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
