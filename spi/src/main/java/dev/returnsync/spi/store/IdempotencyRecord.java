package dev.returnsync.spi.store;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.internal.Checks;

/**
 * The remembered outcome of an accepted command: the same key again returns this outcome and adds nothing;
 * the same key with another fingerprint is a conflict. Keys are scoped by tenant. Refused commands leave
 * no record, so retrying one decides afresh.
 *
 * @param tenant the tenant the key belongs to
 * @param key the caller's idempotency key
 * @param fingerprint a digest of the command's payload, computed by the engine
 * @param caseId the case the command changed
 * @param firstVersion the version of the first event the command appended
 * @param lastVersion the version of the last event the command appended
 */
public record IdempotencyRecord(TenantId tenant, IdempotencyKey key, String fingerprint, CaseId caseId,
                                long firstVersion, long lastVersion) {
    /**
     * Validates the record.
     *
     * @param tenant the tenant the key belongs to
     * @param key the caller's idempotency key
     * @param fingerprint a digest of the command's payload, computed by the engine
     * @param caseId the case the command changed
     * @param firstVersion the version of the first event the command appended
     * @param lastVersion the version of the last event the command appended
     */
    public IdempotencyRecord {
        Checks.notNull("tenant", tenant);
        Checks.notNull("idempotency key", key);
        Checks.notNull("fingerprint", fingerprint);
        Checks.notNull("case id", caseId);
        if (firstVersion < 1 || lastVersion < firstVersion) {
            throw new IllegalArgumentException("versions must satisfy 1 <= first <= last, were " + firstVersion + ".."
                    + lastVersion);
        }
    }
}
