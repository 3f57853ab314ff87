package dev.returnsync.spi.store;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A batch refuses a number linked twice (by its uniqueness key), whatever the number of its links. */
@Timeout(10)
class AppendBatchTest {
    private static final TenantId SHOP = TenantId.of("shop-1");
    private static final CaseId CASE = CaseId.of("case-1");
    private static final SupplierId S1 = SupplierId.of("sup-1");
    private static final List<ReturnEvent> EVENTS = List.of(
            new ReturnEvent.NegotiationOpened(Instant.parse("2026-11-01T08:00:00Z"), Actor.reseller(SHOP, "u"), S1));

    private static NumberLink link(ReturnNumber number) {
        return new NumberLink(number, SHOP, CASE, null, false);
    }

    private static List<NumberLink> distinct(int count) {
        List<NumberLink> links = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            links.add(link(ReturnNumber.supplierReturn(S1, "RMA-" + i)));
        }
        return links;
    }

    private static AppendBatch batch(List<NumberLink> links) {
        return new AppendBatch(SHOP, CASE, 1, EVENTS, links, null, List.of(), null);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 15, 16, 17, 40})
    void distinctNumbersAreTaken(int count) {
        assertEquals(count, batch(distinct(count)).links().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 15, 16, 17, 40})
    void aNumberLinkedTwiceIsRefusedWhereverItsTwinIs(int count) {
        for (int at = 0; at < count; at++) {
            List<NumberLink> links = distinct(count);
            links.add(at, link(ReturnNumber.supplierReturn(S1, "RMA-" + (count - 1))));
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> batch(links));
            assertTrue(e.getMessage().contains("is linked twice in one batch"), e.getMessage());
        }
    }

    @Test
    void twoKindsOfOneNamespaceAreOneNumber() {
        List<NumberLink> links = List.of(link(ReturnNumber.returnTracking("SF", "SF100200")),
                link(ReturnNumber.replacementTracking("SF", "SF100200")));
        assertThrows(IllegalArgumentException.class, () -> batch(links));
        assertEquals(2, batch(List.of(link(ReturnNumber.returnTracking("SF", "SF100200")),
                link(ReturnNumber.returnTracking("YTO", "SF100200")))).links().size());
    }
}
