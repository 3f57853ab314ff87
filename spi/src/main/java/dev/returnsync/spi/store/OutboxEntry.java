package dev.returnsync.spi.store;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.internal.Checks;

import java.time.Instant;

/**
 * Work to do outside the store because of one event, appended atomically with the event (the transactional
 * outbox). The payload is not stored: the dispatcher rebuilds it from the case's event at {@link #version()},
 * so an entry is a handful of scalar columns. An entry is identified by its work (tenant, case, version, effect,
 * target): its {@link #id()} is derived from these, never chosen (see {@link OutboxIds}).
 *
 * @param tenant the tenant of the case
 * @param caseId the case
 * @param version the version of the event that caused the work
 * @param effect what to do
 * @param target whom to do it for (e.g. a supplier id, or a recipient like {@code CUSTOMER:c-1}); never personal data
 * @param attempts how many attempts have failed so far
 * @param nextAttemptAt when the entry may be claimed next
 * @param lastError what the last failed attempt said, or {@code null}
 * @param parked true when the entry gave up after too many attempts; it waits for a manual retry
 * @param leaseOwner the dispatcher that holds the entry, or {@code null}
 * @param leaseUntil until when the lease holds, or {@code null}
 */
public record OutboxEntry(TenantId tenant, CaseId caseId, long version, Effect effect, String target,
                          int attempts, Instant nextAttemptAt, String lastError, boolean parked, String leaseOwner,
                          Instant leaseUntil) {
    /**
     * Validates the entry.
     *
     * @param tenant the tenant of the case
     * @param caseId the case
     * @param version the version of the event that caused the work
     * @param effect what to do
     * @param target whom to do it for (e.g. a supplier id, or a recipient like {@code CUSTOMER:c-1}); never personal data
     * @param attempts how many attempts have failed so far
     * @param nextAttemptAt when the entry may be claimed next
     * @param lastError what the last failed attempt said, or {@code null}
     * @param parked true when the entry gave up after too many attempts; it waits for a manual retry
     * @param leaseOwner the dispatcher that holds the entry, or {@code null}
     * @param leaseUntil until when the lease holds, or {@code null}
     */
    public OutboxEntry {
        Checks.notNull("tenant", tenant);
        Checks.notNull("case id", caseId);
        if (version < 1) {
            throw new IllegalArgumentException("outbox version must be at least 1, was " + version);
        }
        Checks.notNull("effect", effect);
        Checks.id("outbox target", target);
        Checks.nonNegative("attempts", attempts);
        Checks.notNull("next attempt", nextAttemptAt);
        if ((leaseOwner == null) != (leaseUntil == null)) {
            throw new IllegalArgumentException("lease owner and lease end are both set or both null");
        }
    }

    /**
     * A new entry, due at once: no attempts, not parked, not leased.
     *
     * @param tenant the tenant of the case
     * @param caseId the case
     * @param version the version of the event that caused the work, 1 or more
     * @param effect what to do
     * @param target whom to do it for; never personal data
     * @param dueAt when the entry may first be claimed
     * @return the entry
     */
    public static OutboxEntry pending(TenantId tenant, CaseId caseId, long version, Effect effect, String target,
                                      Instant dueAt) {
        return new OutboxEntry(tenant, caseId, version, effect, target, 0, dueAt, null, false, null, null);
    }

    /**
     * The entry's stable id, unique in the store: derived from its work by {@link OutboxIds#of}, so the same work
     * always has the same id and every retry of it carries it (suppliers and notifiers deduplicate by it). Built on
     * each call.
     *
     * @return the id, at most {@link OutboxIds#MAX_LENGTH} characters
     */
    public String id() {
        return OutboxIds.of(tenant, caseId, version, effect, target);
    }
}
