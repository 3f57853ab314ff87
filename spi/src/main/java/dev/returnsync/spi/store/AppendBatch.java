package dev.returnsync.spi.store;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.internal.Checks;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything one accepted command writes, to be stored atomically by {@link CaseStore#append}.
 *
 * @param tenant the tenant of the case
 * @param caseId the case
 * @param expectedVersion the version the case must have now (0 for a new case); the events get versions
 *     {@code expectedVersion + 1} onward
 * @param events the new events, at least one
 * @param links the numbers these events link to the case or change (new, or now superseded); a link the case
 *     already has, unchanged, may be left out, since links are never removed (see {@link CaseStore#append})
 * @param nextDueAt the case's earliest pending deadline after these events, or {@code null} for none
 * @param outbox the work these events cause, possibly none; every entry of the batch's tenant and case
 * @param idempotency the record of the command's key, or {@code null} for commands without one to remember
 */
public record AppendBatch(TenantId tenant, CaseId caseId, long expectedVersion, List<ReturnEvent> events,
                          List<NumberLink> links, Instant nextDueAt, List<OutboxEntry> outbox,
                          IdempotencyRecord idempotency) {
    /**
     * Validates the batch and copies its lists.
     *
     * @param tenant the tenant of the case
     * @param caseId the case
     * @param expectedVersion the version the case must have now (0 for a new case); the events get versions {@code
     *     expectedVersion + 1} onward
     * @param events the new events, at least one
     * @param links the numbers these events link to the case or change (new, or now superseded); a link the case
     *     already has, unchanged, may be left out, since links are never removed (see {@link CaseStore#append})
     * @param nextDueAt the case's earliest pending deadline after these events, or {@code null} for none
     * @param outbox the work these events cause, possibly none; every entry of the batch's tenant and case
     * @param idempotency the record of the command's key, or {@code null} for commands without one to remember
     */
    public AppendBatch {
        Checks.notNull("tenant", tenant);
        Checks.notNull("case id", caseId);
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expected version must be zero or more, was " + expectedVersion);
        }
        events = List.copyOf(Checks.notNull("events", events));
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an append needs at least one event");
        }
        links = List.copyOf(Checks.notNull("links", links));
        Set<String> keys = links.size() > SMALL ? new HashSet<>() : null;
        for (int i = 0; i < links.size(); i++) {
            NumberLink link = links.get(i);
            if (!link.caseId().equals(caseId) || !link.tenant().equals(tenant)) {
                throw new IllegalArgumentException("link of " + link.number() + " points to another case");
            }
            if (keys != null ? !keys.add(link.number().uniquenessKey()) : linkedBefore(links, i)) {
                throw new IllegalArgumentException("number " + link.number() + " is linked twice in one batch");
            }
        }
        outbox = List.copyOf(Checks.notNull("outbox", outbox));
        for (OutboxEntry entry : outbox) {
            if (!entry.caseId().equals(caseId) || !entry.tenant().equals(tenant)) {
                throw new IllegalArgumentException("an outbox entry belongs to another case");
            }
        }
        if (idempotency != null && (!idempotency.caseId().equals(caseId) || !idempotency.tenant().equals(tenant))) {
            throw new IllegalArgumentException("idempotency record belongs to another case");
        }
    }

    /** Up to this many links are checked for a twin in place, pair by pair, without building their keys. */
    private static final int SMALL = 16;

    /** True when a link before index {@code i} has the same number (uniqueness key) as the link at {@code i}. */
    private static boolean linkedBefore(List<NumberLink> links, int i) {
        ReturnNumber number = links.get(i).number();
        for (int j = 0; j < i; j++) {
            if (links.get(j).number().sameKey(number)) {
                return true;
            }
        }
        return false;
    }

    /** {@return the version of the case after the batch} */
    public long newVersion() {
        return expectedVersion + events.size();
    }
}
