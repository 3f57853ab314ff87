package dev.returnsync.spi.supplier;

import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The factories give the same replies as the records they stand for. */
@Timeout(10)
class SupplierReplyTest {
    @Test
    void factoriesBuildEachReply() {
        assertEquals(new SupplierReply.NumberIssued("A-1"), SupplierReply.numberIssued("A-1"));
        assertEquals(new SupplierReply.Pending(), SupplierReply.pending());
        Reason reason = Reason.of(ReasonCode.OTHER, "no");
        assertEquals(new SupplierReply.Declined(reason), SupplierReply.declined(reason));
        assertEquals(new SupplierReply.NothingNew(), SupplierReply.nothingNew());
        List<LineQuantity> lines = List.of(LineQuantity.of("SKU-1", 2));
        assertEquals(new SupplierReply.Received(lines), SupplierReply.received(lines));
        assertEquals(new SupplierReply.Done(), SupplierReply.done());
        assertNull(SupplierReply.retryLater("busy").retryAfter());
        assertEquals(Duration.ofSeconds(3), SupplierReply.retryLater("busy", Duration.ofSeconds(3)).retryAfter());
        assertEquals(new SupplierReply.PermanentFailure("gone"), SupplierReply.failed("gone"));
    }
}
