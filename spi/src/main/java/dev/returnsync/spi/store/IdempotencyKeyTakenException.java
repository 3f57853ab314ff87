package dev.returnsync.spi.store;

import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.ReturnSyncException;
import dev.returnsync.spi.TenantId;

/** An append carried an idempotency key that the tenant has already used; nothing was appended. */
public final class IdempotencyKeyTakenException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** The tenant that already used the key. */
    private final TenantId tenant;
    /** The key already used. */
    private final IdempotencyKey key;

    /**
     * Creates the exception.
     *
     * @param tenant the tenant that already used the key
     * @param key the key already used
     */
    public IdempotencyKeyTakenException(TenantId tenant, IdempotencyKey key) {
        super("idempotency key " + key + " was already used in tenant " + tenant);
        this.tenant = tenant;
        this.key = key;
    }

    /** {@return the tenant that already used the key} */
    public TenantId tenant() {
        return tenant;
    }

    /** {@return the key already used} */
    public IdempotencyKey key() {
        return key;
    }
}
