package dev.returnsync.spi.store;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.internal.Checks;

import java.time.Instant;

/**
 * A case whose earliest deadline falls due at {@code dueAt}.
 *
 * @param tenant the tenant of the case
 * @param caseId the case
 * @param dueAt when its earliest pending deadline falls due
 */
public record DueCase(TenantId tenant, CaseId caseId, Instant dueAt) {
    /**
     * Validates the entry.
     *
     * @param tenant the tenant of the case
     * @param caseId the case
     * @param dueAt when its earliest pending deadline falls due
     */
    public DueCase {
        Checks.notNull("tenant", tenant);
        Checks.notNull("case id", caseId);
        Checks.notNull("due at", dueAt);
    }
}
