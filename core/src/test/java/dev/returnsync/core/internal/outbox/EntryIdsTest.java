package dev.returnsync.core.internal.outbox;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.Effect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A derived id is recognised in place and taken apart; any other string is not taken for one. */
@Timeout(10)
class EntryIdsTest {
    private static final TenantId T = TenantId.of("shop/1");
    private static final CaseId C = CaseId.of("2:case/9");

    @Test
    void aDerivedIdMatchesItsFieldsAndNoOthers() {
        String id = OutboxPlanner.entryId(T, C, 12, Effect.NOTIFY, "RESELLER");
        assertTrue(EntryIds.matches(id, T, C, 12, Effect.NOTIFY, "RESELLER"));
        assertFalse(EntryIds.matches(id, T, C, 1, Effect.NOTIFY, "RESELLER"));
        assertFalse(EntryIds.matches(id, T, C, 120, Effect.NOTIFY, "RESELLER"));
        assertFalse(EntryIds.matches(id, T, C, 12, Effect.REACT, "RESELLER"));
        assertFalse(EntryIds.matches(id, T, C, 12, Effect.NOTIFY, "RESELLE"));
        assertFalse(EntryIds.matches(id + "R", T, C, 12, Effect.NOTIFY, "RESELLER"));
        assertFalse(EntryIds.matches(id, TenantId.of("shop/2"), C, 12, Effect.NOTIFY, "RESELLER"));
        assertFalse(EntryIds.matches("e-1", T, C, 12, Effect.NOTIFY, "RESELLER"));
        assertFalse(EntryIds.matches(id.replace("/12/", "/012/"), T, C, 12, Effect.NOTIFY, "RESELLER"));
    }

    @Test
    void aDerivedIdIsTakenApart() {
        String longest = "x".repeat(64);
        String id = OutboxPlanner.entryId(TenantId.of(longest), C, Long.MAX_VALUE, Effect.POLL_SUPPLIER, "a/b");
        assertEquals(new EntryIds.Parts(longest, C.value(), Long.MAX_VALUE, "POLL_SUPPLIER", "a/b"),
                EntryIds.parse(id));
        assertEquals(new EntryIds.Parts(T.value(), C.value(), 3, "NOTIFY", "CUSTOMER"),
                EntryIds.parse(OutboxPlanner.entryId(T, C, 3, Effect.NOTIFY, "CUSTOMER")));
    }

    @Test
    void otherStringsAreNoDerivedIds() {
        for (String id : List.of("", "e-1", ":", "1:", "1:a", "1:a/", "1:a/1:b", "1:a/1:b/", "1:a/1:b/x/NOTIFY/R",
                "1:a/1:b/0/NOTIFY/R", "1:a/1:b/3/NOTIFY", "9:a/1:b/3/NOTIFY/R", "x:a/1:b/3/NOTIFY/R",
                "1:a/1:b/99999999999999999999/NOTIFY/R")) {
            assertNull(EntryIds.parse(id), id);
        }
    }
}
