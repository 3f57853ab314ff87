package dev.returnsync.spi.store;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Ids are derived from the work, stay unique across tenants whatever the ids contain, fit a store's column, and are
 * taken apart again; any string that {@code of} does not make names no work.
 */
@Timeout(10)
class OutboxIdsTest {
    private static final TenantId T = TenantId.of("shop/1");
    private static final CaseId C = CaseId.of("2:case/9");

    @Test
    void theFormatIsPublishedAndStable() {
        assertEquals("6:shop-1/6:case-9/4/REQUEST_RETURN/acme",
                OutboxIds.of(TenantId.of("shop-1"), CaseId.of("case-9"), 4, Effect.REQUEST_RETURN, "acme"));
        assertEquals("6:shop/1/8:2:case/9/12/NOTIFY/RESELLER", OutboxIds.of(T, C, 12, Effect.NOTIFY, "RESELLER"));
    }

    @Test
    void theSameCaseIdInTwoTenantsGivesTwoIds() {
        CaseId c = CaseId.of("case-1");
        assertNotEquals(OutboxIds.of(TenantId.of("shop-1"), c, 4, Effect.REQUEST_RETURN, "acme"),
                OutboxIds.of(TenantId.of("shop-2"), c, 4, Effect.REQUEST_RETURN, "acme"));
    }

    @Test
    void slashesInIdsNeverMakeTwoPiecesOfWorkShareAnId() {
        List<String[]> pairs = List.of(new String[] {"a/b", "c"}, new String[] {"a", "b/c"},
                new String[] {"a/b/c", "1"}, new String[] {"a", "b/c/1"}, new String[] {"2:a", "b"},
                new String[] {"a", "2:b"});
        Set<String> ids = new HashSet<>();
        for (String[] pair : pairs) {
            ids.add(OutboxIds.of(TenantId.of(pair[0]), CaseId.of(pair[1]), 1, Effect.NOTIFY, "RESELLER"));
        }
        assertEquals(pairs.size(), ids.size(), ids.toString());
    }

    @Test
    void aDerivedIdIsTakenApartIntoItsWork() {
        String longest = "x".repeat(64);
        String id = OutboxIds.of(TenantId.of(longest), CaseId.of(longest), Long.MAX_VALUE, Effect.CANCEL_AT_SUPPLIER,
                longest);
        assertTrue(id.length() <= OutboxIds.MAX_LENGTH, id.length() + " characters");
        assertEquals(Optional.of(new OutboxIds.Work(TenantId.of(longest), CaseId.of(longest), Long.MAX_VALUE,
                Effect.CANCEL_AT_SUPPLIER, longest)), OutboxIds.parse(id));
        assertEquals(Optional.of(new OutboxIds.Work(T, C, 3, Effect.POLL_SUPPLIER, "a/b")),
                OutboxIds.parse(OutboxIds.of(T, C, 3, Effect.POLL_SUPPLIER, "a/b")));
    }

    @Test
    void anEntrysIdIsTheIdOfItsWork() {
        OutboxEntry entry = OutboxEntry.pending(T, C, 12, Effect.NOTIFY, "RESELLER", java.time.Instant.EPOCH);
        assertEquals(OutboxIds.of(T, C, 12, Effect.NOTIFY, "RESELLER"), entry.id());
    }

    @Test
    void otherStringsNameNoWork() {
        String id = OutboxIds.of(T, C, 12, Effect.NOTIFY, "RESELLER");
        for (String other : List.of("", "e-1", ":", "1:", "1:a", "1:a/", "1:a/1:b", "1:a/1:b/", "1:a/1:b/x/NOTIFY/R",
                "1:a/1:b/0/NOTIFY/R", "1:a/1:b/3/NOTIFY", "1:a/1:b/3/NOTIFY/", "9:a/1:b/3/NOTIFY/R",
                "x:a/1:b/3/NOTIFY/R", "1:a/1:b/99999999999999999999/NOTIFY/R", "1:a/1:b/3/NOTHING/R",
                "1:a/1:b/3/notify/R", "1: /1:b/3/NOTIFY/R", "1:a/1:b/3/NOTIFY/ R", "01:a/1:b/3/NOTIFY/R",
                "65:" + "x".repeat(65) + "/1:b/3/NOTIFY/R", id.replace("/12/", "/012/"), id + "\n")) {
            assertEquals(Optional.empty(), OutboxIds.parse(other), other);
        }
        assertThrows(NullPointerException.class, () -> OutboxIds.parse(null));
    }
}
