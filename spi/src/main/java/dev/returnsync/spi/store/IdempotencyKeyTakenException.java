package dev.returnsync.spi.store;

import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.ReturnSyncException;
import dev.returnsync.spi.TenantId;

/** An append carried an idempotency key that the tenant has already used; nothing was appended. */
public final class IdempotencyKeyTakenException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    private final TenantId tenant;
    private final IdempotencyKey key;

    public IdempotencyKeyTakenException(TenantId tenant, IdempotencyKey key) {
        super("idempotency key " + key + " was already used in tenant " + tenant);
        this.tenant = tenant;
        this.key = key;
    }

    /** The tenant. */
    public TenantId tenant() {
        return tenant;
    }

    /** The key. */
    public IdempotencyKey key() {
        return key;
    }
}
