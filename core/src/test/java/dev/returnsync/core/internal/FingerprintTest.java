package dev.returnsync.core.internal;

import dev.returnsync.core.domain.Command;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fingerprints are stored with idempotency records, so a command sent again after an upgrade must still match the
 * record its first delivery left: the values below were computed once and must never change.
 */
@Timeout(10)
class FingerprintTest {
    private static final TenantId T = TenantId.of("shop-1");
    private static final SupplierId S = SupplierId.of("sup-1");
    private static final CaseId CASE = CaseId.of("case-1");

    static Command.SubmitReturn submission() {
        return new Command.SubmitReturn(IdempotencyKey.of("k-1"), Actor.customer(T, CustomerId.of("c-1")), null, null, CASE,
                CustomerId.of("c-1"), OrderId.of("order-1"), ReturnNumber.customerRequest(T, "AS-1"),
                ReturnNumber.resellerReturn(T, "RS-1"),
                List.of(new ReturnLine(Sku.of("SKU-1"), S, 2, 3, Money.of("CNY", "12.50")),
                        new ReturnLine(Sku.of("SKU-\u00e9\u4e2d"), SupplierId.of("sup-2"), 1, 1, Money.of("EUR", "1"))),
                // evidence written before it had a kind reads as documents: their fingerprint is the one stored then
                new Reason(ReasonCode.SIZE_OR_FIT, "too small", List.of(Evidence.of(EvidenceKind.DOCUMENT, "photo-1"),
                        Evidence.of(EvidenceKind.DOCUMENT, "photo-2"))),
                OutcomeType.RETURN_AND_REFUND, Instant.parse("2026-11-01T08:00:00.123456789Z"));
    }

    @Test
    void fingerprintsKeepTheirStoredValues() {
        assertAll(() -> assertEquals("224db749dc1b48fdee807a492e776ec1e568f3e5e501513ec796874a040bc6a7", Fingerprint.of(submission())),
                () -> assertEquals("ea9dcf92eeb591bee6f115f84af2739ea170de8d5347014b00a571c738653eeb", Fingerprint.of(new Command.AgreeReturn(IdempotencyKey.of("k-2"),
                        Actor.supplier(T, S), 3L, null, CASE, S, OutcomeType.RETURN_AND_REFUND,
                        List.of(LineQuantity.of("SKU-1", 2)), null, null, null, List.of()))),
                () -> assertEquals("7c341b3ef676cbca5e9b5cb3b2e1db3861407ede7f6979cad869a10f7ac64a28", Fingerprint.of(new Command.ReportResult(IdempotencyKey.of("k-3"),
                        Actor.supplier(T, S), 9L, null, CASE, S, List.of(LineQuantity.of("SKU-1", 1)), List.of(), "", null, List.of()))),
                () -> assertEquals("5219ca8043a79011b5f615f086c87d9775148cc4d08e135437b8fc47197973e9", Fingerprint.of(new Command.OpenNegotiation(IdempotencyKey.of("k-4"),
                        Actor.reseller(T, "staff-1"), null, null, CASE, S))));
    }

    @Test
    void anExternalVersionIsPartOfTheFingerprintAndTellsSourcesAndVersionsApart() {
        Command.OpenNegotiation plain = new Command.OpenNegotiation(IdempotencyKey.of("k-4"),
                Actor.reseller(T, "staff-1"), null, null, CASE, S);
        List<String> prints = new java.util.ArrayList<>();
        prints.add(Fingerprint.of(plain));
        for (dev.returnsync.spi.ExternalVersion version : List.of(dev.returnsync.spi.ExternalVersion.of("taobao", 1),
                dev.returnsync.spi.ExternalVersion.of("taobao", 2), dev.returnsync.spi.ExternalVersion.of("1688", 1))) {
            prints.add(Fingerprint.of(new Command.OpenNegotiation(IdempotencyKey.of("k-4"),
                    Actor.reseller(T, "staff-1"), null, version, CASE, S)));
        }
        assertEquals(prints.size(), prints.stream().distinct().count(), prints.toString());
    }

    @Test
    void theMoneyOfACommandIsPartOfItsFingerprint() {
        Actor supplier = Actor.supplier(T, S);
        Money fee = Money.of("CNY", "12.00");
        List<Command> commands = List.of(
                new Command.AgreeReturn(IdempotencyKey.of("k"), supplier, null, null, CASE, S, OutcomeType.RETURN_AND_REFUND,
                        List.of(), null, null, null, List.of()),
                new Command.AgreeReturn(IdempotencyKey.of("k"), supplier, null, null, CASE, S, OutcomeType.RETURN_AND_REFUND,
                        List.of(), fee, null, null, List.of()),
                new Command.AgreeReturn(IdempotencyKey.of("k"), supplier, null, null, CASE, S, OutcomeType.RETURN_AND_REFUND,
                        List.of(), fee, FeeBearer.RESELLER, null, List.of()),
                new Command.AgreeReturn(IdempotencyKey.of("k"), supplier, null, null, CASE, S, OutcomeType.RETURN_AND_REFUND,
                        List.of(), fee, FeeBearer.FREIGHT_INSURANCE, "YX-1", List.of()),
                new Command.ReportResult(IdempotencyKey.of("k"), supplier, null, null, CASE, S, List.of(), List.of(), "", null, List.of()),
                new Command.ReportResult(IdempotencyKey.of("k"), supplier, null, null, CASE, S, List.of(), List.of(), "", fee, List.of()),
                new Command.ReportResultToCustomer(IdempotencyKey.of("k"), supplier, null, null, CASE, S, "", null),
                new Command.ReportResultToCustomer(IdempotencyKey.of("k"), supplier, null, null, CASE, S, "", fee),
                new Command.OfferPartialRefund(IdempotencyKey.of("k"), supplier, null, null, CASE, S, fee, ""),
                new Command.OfferPartialRefund(IdempotencyKey.of("k"), supplier, null, null, CASE, S, Money.of("CNY", "12.01"),
                        ""),
                new Command.RejectPartialRefund(IdempotencyKey.of("k"), supplier, null, null, CASE, S,
                        Reason.of(ReasonCode.OTHER, "a")),
                new Command.RejectPartialRefund(IdempotencyKey.of("k"), supplier, null, null, CASE, S,
                        Reason.of(ReasonCode.OTHER, "b")));
        assertEquals(commands.size(), commands.stream().map(Fingerprint::of).distinct().count(),
                "a different amount, bearer, claim or reason is another command");
    }

    @Test
    void theKindOfEvidenceOtherThanADocumentCountsAndNoEvidenceAddsNothing() {
        Command.AgreeReturn plain = new Command.AgreeReturn(IdempotencyKey.of("k-2"), Actor.supplier(T, S), 3L, null, CASE, S,
                OutcomeType.RETURN_AND_REFUND, List.of(LineQuantity.of("SKU-1", 2)), null, null, null, List.of());
        Command.AgreeReturn photo = new Command.AgreeReturn(IdempotencyKey.of("k-2"), Actor.supplier(T, S), 3L, null, CASE, S,
                OutcomeType.RETURN_AND_REFUND, List.of(LineQuantity.of("SKU-1", 2)), null, null, null,
                List.of(Evidence.of(EvidenceKind.PHOTO, "p-1")));
        Command.AgreeReturn video = new Command.AgreeReturn(IdempotencyKey.of("k-2"), Actor.supplier(T, S), 3L, null, CASE, S,
                OutcomeType.RETURN_AND_REFUND, List.of(LineQuantity.of("SKU-1", 2)), null, null, null,
                List.of(Evidence.of(EvidenceKind.VIDEO, "p-1")));
        assertEquals("ea9dcf92eeb591bee6f115f84af2739ea170de8d5347014b00a571c738653eeb", Fingerprint.of(plain));
        org.junit.jupiter.api.Assertions.assertNotEquals(Fingerprint.of(plain), Fingerprint.of(photo));
        org.junit.jupiter.api.Assertions.assertNotEquals(Fingerprint.of(photo), Fingerprint.of(video));
    }
}
