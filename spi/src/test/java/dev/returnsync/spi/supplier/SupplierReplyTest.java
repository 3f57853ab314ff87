package dev.returnsync.spi.supplier;

import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aResultStartsWithoutNoteFeeOrEvidenceAndTakesThemOneByOne() {
        List<LineQuantity> accepted = List.of(LineQuantity.of("SKU-1", 1));
        List<LineQuantity> rejected = List.of(LineQuantity.of("SKU-1", 1), LineQuantity.of("SKU-2", 1));
        SupplierReply.ResultReported plain = SupplierReply.resultReported(accepted, rejected);
        assertEquals(new SupplierReply.ResultReported(accepted, rejected, "", null, List.of()), plain);
        Money fee = Money.of("CNY", "5.00");
        List<Evidence> photos = List.of(Evidence.of(EvidenceKind.PHOTO, "img/1.jpg"));
        SupplierReply.ResultReported full = plain.withNote("one scratched").withRestockingFee(fee).withEvidence(photos);
        assertEquals(new SupplierReply.ResultReported(accepted, rejected, "one scratched", fee, photos), full);
        assertEquals("", plain.note(), "the withers leave the original unchanged");
    }

    @Test
    void whatTheInspectionAccountsForIsAcceptedPlusRejectedPerSku() {
        SupplierReply.ResultReported result = SupplierReply.resultReported(
                List.of(LineQuantity.of("SKU-1", 1), LineQuantity.of("SKU-3", 0)),
                List.of(LineQuantity.of("SKU-2", 2), LineQuantity.of("SKU-1", 1)));
        assertEquals(List.of(LineQuantity.of("SKU-1", 2), LineQuantity.of("SKU-2", 2)), result.received());
        assertEquals(List.of(), SupplierReply.resultReported(List.of(), List.of()).received(), "refund only");
    }

    @Test
    void aResultIsCheckedWithErrorsThatNameTheFieldAndNeverTheValue() {
        List<LineQuantity> one = List.of(LineQuantity.of("SKU-1", 1));
        assertThrows(NullPointerException.class, () -> SupplierReply.resultReported(null, one));
        assertThrows(NullPointerException.class, () -> SupplierReply.resultReported(one, null));
        assertThrows(NullPointerException.class, () -> SupplierReply.resultReported(one, one).withNote(null));
        assertThrows(NullPointerException.class, () -> SupplierReply.resultReported(one, one).withEvidence(null));
        List<LineQuantity> withNull = new ArrayList<>(one);
        withNull.add(null);
        assertTrue(assertThrows(NullPointerException.class, () -> SupplierReply.resultReported(withNull, List.of()))
                .getMessage().contains("accepted[1]"));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class, () -> SupplierReply
                .resultReported(List.of(), List.of(LineQuantity.of("SKU-1", 1), LineQuantity.of("SKU-1", 2))));
        assertTrue(twice.getMessage().startsWith("rejected must list each SKU once"), twice.getMessage());
        String secret = "call 13800138000\u0007";
        IllegalArgumentException note = assertThrows(IllegalArgumentException.class,
                () -> SupplierReply.resultReported(one, List.of()).withNote(secret));
        assertTrue(note.getMessage().startsWith("note"), note.getMessage());
        assertFalse(note.getMessage().contains("13800138000"), "the note is never echoed");
        assertThrows(IllegalArgumentException.class,
                () -> SupplierReply.resultReported(one, List.of()).withNote("x".repeat(Reason.MAX_TEXT + 1)));
        assertThrows(IllegalArgumentException.class, () -> SupplierReply.resultReported(one, List.of())
                .withEvidence(Collections.nCopies(Evidence.MAX_COUNT + 1, Evidence.of(EvidenceKind.PHOTO, "p"))));
        int max = ReturnLine.MAX_QUANTITY;
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class, () -> SupplierReply
                .resultReported(List.of(LineQuantity.of("SKU-1", max)), List.of(LineQuantity.of("SKU-1", 1))));
        assertTrue(tooMany.getMessage().startsWith("accepted + rejected of SKU-1"), tooMany.getMessage());
    }
}
