package dev.returnsync.core.engine;

import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.ReturnSyncException;
import dev.returnsync.spi.TenantId;

/**
 * An idempotency key came again with another payload than the first time. Nothing was changed; the first
 * command's outcome stands. The exception says nothing about the first command. Not retryable: a new command
 * needs a new key.
 */
public final class IdempotencyConflictException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** The tenant the key belongs to. */
    private final TenantId tenant;
    /** The key used before with another payload. */
    private final IdempotencyKey key;

    /**
     * Creates the exception.
     *
     * @param tenant the tenant the key belongs to
     * @param key the key used before with another payload
     */
    public IdempotencyConflictException(TenantId tenant, IdempotencyKey key) {
        super("idempotency key " + key + " was used before with another payload");
        this.tenant = tenant;
        this.key = key;
    }

    /** {@return the tenant the key belongs to} */
    public TenantId tenant() {
        return tenant;
    }

    /** {@return the key} */
    public IdempotencyKey key() {
        return key;
    }
}
