package dev.returnsync.core.engine;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.Effect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A derived id is recognised in place and taken apart; any other string is not taken for one. */
@Timeout(10)
class OutboxIdsTest {
    private static final TenantId T = TenantId.of("shop/1");
    private static final CaseId C = CaseId.of("2:case/9");

    @Test
    void aDerivedIdMatchesItsFieldsAndNoOthers() {
        String id = OutboxIds.of(T, C, 12, Effect.NOTIFY, "RESELLER");
        assertTrue(OutboxIds.matches(id, T, C, 12, Effect.NOTIFY, "RESELLER"));
        assertFalse(OutboxIds.matches(id, T, C, 1, Effect.NOTIFY, "RESELLER"));
        assertFalse(OutboxIds.matches(id, T, C, 120, Effect.NOTIFY, "RESELLER"));
        assertFalse(OutboxIds.matches(id, T, C, 12, Effect.REACT, "RESELLER"));
        assertFalse(OutboxIds.matches(id, T, C, 12, Effect.NOTIFY, "RESELLE"));
        assertFalse(OutboxIds.matches(id + "R", T, C, 12, Effect.NOTIFY, "RESELLER"));
        assertFalse(OutboxIds.matches(id, TenantId.of("shop/2"), C, 12, Effect.NOTIFY, "RESELLER"));
        assertFalse(OutboxIds.matches("e-1", T, C, 12, Effect.NOTIFY, "RESELLER"));
        assertFalse(OutboxIds.matches(id.replace("/12/", "/012/"), T, C, 12, Effect.NOTIFY, "RESELLER"));
    }

    @Test
    void aDerivedIdIsTakenApart() {
        String longest = "x".repeat(64);
        String id = OutboxIds.of(TenantId.of(longest), C, Long.MAX_VALUE, Effect.POLL_SUPPLIER, "a/b");
        assertEquals(new OutboxIds.Parts(longest, C.value(), Long.MAX_VALUE, "POLL_SUPPLIER", "a/b"),
                OutboxIds.parse(id));
        assertEquals(new OutboxIds.Parts(T.value(), C.value(), 3, "NOTIFY", "CUSTOMER"),
                OutboxIds.parse(OutboxIds.of(T, C, 3, Effect.NOTIFY, "CUSTOMER")));
    }

    @Test
    void otherStringsAreNoDerivedIds() {
        for (String id : List.of("", "e-1", ":", "1:", "1:a", "1:a/", "1:a/1:b", "1:a/1:b/", "1:a/1:b/x/NOTIFY/R",
                "1:a/1:b/0/NOTIFY/R", "1:a/1:b/3/NOTIFY", "9:a/1:b/3/NOTIFY/R", "x:a/1:b/3/NOTIFY/R",
                "1:a/1:b/99999999999999999999/NOTIFY/R")) {
            assertNull(OutboxIds.parse(id), id);
        }
    }
}
