package dev.returnsync.store.jdbc.testing;

import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.OutboxEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An outbox row written before ids were derived from the work (its id column holds any other string) is read as
 * its work, and worked by the id derived from it: claimed once while leased, renewed, failed and completed.
 */
public final class LegacyOutboxIds {
    private LegacyOutboxIds() {
    }

    /**
     * Checks the store's only outbox entry, stored under an id of another format.
     *
     * @param store the store under test, holding no other outbox entry
     * @param expected the entry as the row holds it, due, not leased, not parked
     */
    public static void assertWorkedByDerivedId(CaseStore store, OutboxEntry expected) {
        assertEquals(List.of(expected), store.outboxOf(expected.tenant(), expected.caseId()));
        Instant now = expected.nextAttemptAt();
        List<OutboxEntry> claimed = store.claimOutbox("legacy-1", now, Duration.ofMinutes(1), 10);
        assertEquals(List.of(expected.id()), claimed.stream().map(OutboxEntry::id).toList());
        assertEquals(List.of(), store.claimOutbox("legacy-2", now, Duration.ofMinutes(1), 10), "the lease holds");
        String id = expected.id();
        assertTrue(store.renewOutbox(id, "legacy-1", now, Duration.ofMinutes(2)), "renewed by its derived id");
        assertTrue(store.failOutbox(id, "legacy-1", "retry", now.plusSeconds(1), false), "failed by its derived id");
        assertEquals(1, store.claimOutbox("legacy-2", now.plusSeconds(1), Duration.ofMinutes(1), 10).size());
        assertTrue(store.completeOutbox(id, "legacy-2"), "completed by its derived id");
        assertEquals(List.of(), store.outboxOf(expected.tenant(), expected.caseId()));
    }
}
