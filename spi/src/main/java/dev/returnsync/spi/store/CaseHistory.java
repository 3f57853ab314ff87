package dev.returnsync.spi.store;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.internal.Checks;

import java.util.List;

/**
 * The stored events of one case, in the order they were appended. The event at index {@code i} has version
 * {@code i + 1}; the case's version is the number of events.
 *
 * @param tenant the tenant that owns the case
 * @param caseId the case
 * @param events the events, oldest first, at least one
 */
public record CaseHistory(TenantId tenant, CaseId caseId, List<ReturnEvent> events) {
    /**
     * Validates the history and copies the events.
     *
     * @param tenant the tenant that owns the case
     * @param caseId the case
     * @param events the events, oldest first, at least one
     */
    public CaseHistory {
        Checks.notNull("tenant", tenant);
        Checks.notNull("case id", caseId);
        events = List.copyOf(Checks.notNull("events", events));
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a stored case has at least one event: " + caseId);
        }
    }

    /** {@return the version of the case: the number of its events} */
    public long version() {
        return events.size();
    }
}
