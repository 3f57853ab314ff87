package dev.returnsync.marketplace;

import dev.returnsync.spi.SupplierId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input is refused with an error that names the field and the rule, never the value. */
@Timeout(10)
class InputChecksTest {
    private static final SupplierId SUPPLIER = SupplierId.of("sup-1");

    @ParameterizedTest
    @ValueSource(strings = {"", "TB 1", "TB\t1", "TB\u00a01", "TB\u30001", "12345678901234567890123456789012345678901"})
    void aRefundIdWithSpacesControlsOrTooLongIsRefused(String refundId) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StatusChange.of(SUPPLIER, refundId, TaobaoRefundStatus.SUCCESS, 1));
        assertTrue(e.getMessage().startsWith("refundId"), e.getMessage());
        assertFalse(!refundId.isEmpty() && e.getMessage().contains(refundId), e.getMessage());
    }

    @Test
    void aNegativeVersionAndMissingPartsAreRefused() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> StatusChange.of(SUPPLIER, "TB-1", TaobaoRefundStatus.SUCCESS, -1));
        assertTrue(negative.getMessage().startsWith("version"), negative.getMessage());
        assertThrows(NullPointerException.class, () -> StatusChange.of(null, "TB-1", TaobaoRefundStatus.SUCCESS, 1));
        assertThrows(NullPointerException.class, () -> StatusChange.<TaobaoRefundStatus>of(SUPPLIER, "TB-1", null, 1));
    }

    @Test
    void anInvalidResellerUserIsRefusedWhenSetNotWhenTheFirstCommandIsMade() {
        assertThrows(IllegalArgumentException.class, () -> MarketplaceMapping.taobao().resellerUser(" "));
        assertThrows(NullPointerException.class, () -> MarketplaceMapping.alibaba1688().resellerUser(null));
    }

    @Test
    void eachRefundIdGivesOneValidSourceAlwaysTheSame() {
        MarketplaceMapping<TaobaoRefundStatus> taobao = MarketplaceMapping.taobao();
        assertEquals("taobao.2026110312345", taobao.source("2026110312345"));
        for (String id : new String[] {"TQ20261103001", "tq20261103001", "1234567890123456789012345678901234567890"}) {
            String source = taobao.source(id);
            assertEquals(source, dev.returnsync.spi.ExternalVersion.of(source, 0).source());
            assertEquals(source, taobao.source(id));
        }
        assertNotEquals(taobao.source("TQ20261103001"), taobao.source("tq20261103001"));
        assertNotEquals(taobao.source("1"), MarketplaceMapping.alibaba1688().source("1"));
    }

    @Test
    void aLongRefundIdStillGivesValidKeysAlwaysTheSame() {
        String longId = "1234567890123456789012345678901234567890";
        var current = java.util.Optional.<dev.returnsync.core.domain.ReturnCase>empty();
        MarketplaceMapping<TaobaoRefundStatus> taobao = MarketplaceMapping.taobao();
        assertEquals(new Inbound.Open(dev.returnsync.spi.ExternalVersion.of(taobao.source(longId), Long.MAX_VALUE)),
                taobao.inbound(current, StatusChange.of(SUPPLIER, longId, TaobaoRefundStatus.WAIT_SELLER_AGREE,
                        Long.MAX_VALUE)));
    }

    @Test
    void anUnknownApiNameIsRefusedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaobaoRefundStatus.ofApiName("WAIT_BUYER_CONFIRM"));
        assertTrue(e.getMessage().contains("WAIT_SELLER_AGREE"), e.getMessage());
        assertFalse(e.getMessage().contains("WAIT_BUYER_CONFIRM"), e.getMessage());
    }
}
