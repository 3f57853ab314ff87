package dev.returnsync.spi;

/**
 * The root of every exception that returnsync throws on purpose. Each subclass stands for one kind
 * of failure and carries its details as getters, so callers can react without parsing messages.
 * Messages never contain customer personal data, nor data of another tenant.
 */
public abstract class ReturnSyncException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected ReturnSyncException(String message) {
        super(message);
    }

    protected ReturnSyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
