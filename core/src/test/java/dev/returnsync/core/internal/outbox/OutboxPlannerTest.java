package dev.returnsync.core.internal.outbox;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxEntry;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Entry ids name the tenant, stay unique across tenants whatever the ids contain, and fit the store's column. */
class OutboxPlannerTest {
    @Test
    void theSameCaseIdInTwoTenantsGivesTwoIds() {
        CaseId c = CaseId.of("case-1");
        assertNotEquals(OutboxPlanner.entryId(TenantId.of("shop-1"), c, 4, Effect.REQUEST_RETURN, "acme"),
                OutboxPlanner.entryId(TenantId.of("shop-2"), c, 4, Effect.REQUEST_RETURN, "acme"));
        assertEquals("6:shop-1/6:case-1/4/REQUEST_RETURN/acme",
                OutboxPlanner.entryId(TenantId.of("shop-1"), c, 4, Effect.REQUEST_RETURN, "acme"));
    }

    @Test
    void slashesInIdsNeverMakeTwoPiecesOfWorkShareAnId() {
        List<String[]> pairs = List.of(new String[] {"a/b", "c"}, new String[] {"a", "b/c"},
                new String[] {"a/b/c", "1"}, new String[] {"a", "b/c/1"}, new String[] {"2:a", "b"},
                new String[] {"a", "2:b"});
        Set<String> ids = new HashSet<>();
        for (String[] pair : pairs) {
            ids.add(OutboxPlanner.entryId(TenantId.of(pair[0]), CaseId.of(pair[1]), 1, Effect.NOTIFY, "RESELLER"));
        }
        assertEquals(pairs.size(), ids.size(), ids.toString());
    }

    @Test
    void theLongestIdsFitTheStore() {
        String longest = "x".repeat(64);
        String id = OutboxPlanner.entryId(TenantId.of(longest), CaseId.of(longest), Long.MAX_VALUE,
                Effect.CANCEL_AT_SUPPLIER, longest);
        assertTrue(id.length() <= OutboxEntry.MAX_ID_LENGTH, id.length() + " characters");
    }
}
