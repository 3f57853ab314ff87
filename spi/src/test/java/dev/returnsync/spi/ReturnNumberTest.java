package dev.returnsync.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReturnNumberTest {
    private static final TenantId TENANT = TenantId.of("shop-1");
    private static final SupplierId SUPPLIER = SupplierId.of("sup-1");

    @Test
    void fullWidthDigitsAndLettersMatchAscii() {
        assertEquals(ReturnNumber.supplierReturn(SUPPLIER, "TH20261103"),
                ReturnNumber.supplierReturn(SUPPLIER, "ＴＨ２０２６１１０３"));
        assertEquals("12345", NumberKind.CUSTOMER_REQUEST.normalize("１２３４５"));
    }

    @Test
    void surroundingAndInnerWhitespaceIsRemoved() {
        assertEquals("SF1234567890", NumberKind.RETURN_TRACKING.normalize("  SF 1234\t5678 90\n"));
        assertEquals("SF1234567890", NumberKind.RETURN_TRACKING.normalize("SF\u30001234\u00a0567890"),
                "ideographic and no-break spaces count as whitespace");
    }

    @Test
    void letterCaseFollowsTheKind() {
        assertEquals("TH-778899", NumberKind.SUPPLIER_RETURN.normalize("th-778899"));
        assertEquals("RS-0001", NumberKind.RESELLER_RETURN.normalize("rs-0001"));
        assertEquals("aBc123", NumberKind.CUSTOMER_REQUEST.normalize("aBc123"), "marketplace ids keep their case");
        assertNotEquals(ReturnNumber.customerRequest(TENANT, "abc"), ReturnNumber.customerRequest(TENANT, "ABC"));
        assertEquals("SF", ReturnNumber.returnTracking(" ｓｆ ", "SF12345678").scope(), "carrier codes are normalized");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SUPPLIER_RETURN|TH#1|the character at index 2 is not allowed",
            "RETURN_TRACKING|SF-12345678|the character at index 2 is not allowed",
            "RESELLER_RETURN|RS_1|the character at index 2 is not allowed",
            "CUSTOMER_REQUEST|退货123|the character at index 0 is not allowed",
            "RETURN_TRACKING|SF12|must be at least 6 characters, was 4",
    })
    void invalidCharactersAndShortNumbersAreRefusedWithTheirPosition(NumberKind kind, String raw, String problem) {
        InvalidReturnNumberException e = assertThrows(InvalidReturnNumberException.class, () -> kind.normalize(raw));
        assertEquals(kind, e.kind());
        assertTrue(e.problem().startsWith(problem), e.problem());
        assertTrue(e.getMessage().startsWith("invalid " + kind.label() + ": "), e.getMessage());
    }

    @ParameterizedTest
    @EnumSource(NumberKind.class)
    void overLongNumbersAreRefused(NumberKind kind) {
        String longest = "1".repeat(kind.maxLength());
        assertEquals(longest, kind.normalize(longest));
        InvalidReturnNumberException e = assertThrows(InvalidReturnNumberException.class,
                () -> kind.normalize(longest + "1"));
        assertEquals("must be at most " + kind.maxLength() + " characters, was " + (kind.maxLength() + 1), e.problem());
        assertEquals(longest, kind.normalize(" " + longest + " "), "whitespace does not count towards the length");
    }

    @ParameterizedTest
    @EnumSource(NumberKind.class)
    void blankNumbersAreRefused(NumberKind kind) {
        assertEquals("must not be blank",
                assertThrows(InvalidReturnNumberException.class, () -> kind.normalize(" \u3000 ")).problem());
        assertThrows(NullPointerException.class, () -> kind.normalize(null));
    }

    @Test
    void bothTrackingKindsShareOneNamespace() {
        assertEquals(ReturnNumber.returnTracking("SF", "SF12345678").uniquenessKey(),
                ReturnNumber.replacementTracking("sf", "sf12345678").uniquenessKey());
        assertNotEquals(ReturnNumber.supplierReturn(SUPPLIER, "A1").uniquenessKey(),
                ReturnNumber.supplierReturn(SupplierId.of("sup-2"), "A1").uniquenessKey(), "scoped per supplier");
    }

    @Test
    void carrierCodesAreValidated() {
        assertThrows(InvalidReturnNumberException.class, () -> ReturnNumber.returnTracking("S F!", "SF12345678"));
        assertThrows(InvalidReturnNumberException.class, () -> ReturnNumber.returnTracking("", "SF12345678"));
    }

    @Test
    void idsAreValidatedWithMessagesThatNameThem() {
        assertEquals("tenant id must not be blank",
                assertThrows(IllegalArgumentException.class, () -> TenantId.of(" ")).getMessage());
        assertEquals("supplier id must not be null",
                assertThrows(NullPointerException.class, () -> SupplierId.of(null)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sku.of("x".repeat(65))).getMessage()
                .contains("at most 64"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CaseId.of(" a")).getMessage()
                .contains("whitespace"));
    }

    @Test
    void linesKeepTheirQuantitiesInOrder() {
        Money price = Money.of("CNY", "10.00");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReturnLine(Sku.of("A"), SUPPLIER, 3, 2, price));
        assertEquals("requested quantity of A (3) must not be above the delivered quantity (2)", e.getMessage());
        assertEquals("requested quantity of A must be one or more, was 0",
                assertThrows(IllegalArgumentException.class, () -> new ReturnLine(Sku.of("A"), SUPPLIER, 0, 2, price))
                        .getMessage());
        assertEquals(1000, Money.of("CNY", "10").minor());
        assertEquals("CNY 29.97", Money.of("CNY", "9.99").times(3).toString());
    }
}
