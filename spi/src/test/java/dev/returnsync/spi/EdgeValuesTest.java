package dev.returnsync.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Values at and beyond their documented bounds: every breach is a typed error naming the field, never the value. */
@Timeout(20)
class EdgeValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"case\u202Eevil", "a\u200Bb", "a\u200Db", "\uFEFFcase", "a\u2060b", "a\u2066b",
            "a\u2028b", "a\u2029b", "a\uD800b", "a\uDC00", "a\uFDD0b", "a\uFFFEb", "a\uFFFF", "a\uD83F\uDFFFb",
            "\u00A0case", "case\u00A0", "\u3000case", "case\u2007", "\u0301case", "a\u0007b", "a\u0085b",
            "a\u00ADb"})
    void identifiersRefuseInvisibleAndBrokenCharacters(String hostile) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaseId.of(hostile));
        assertTrue(e.getMessage().startsWith("case id"), e.getMessage());
        assertFalse(e.getMessage().contains(hostile), "the message must not echo the value: " + e.getMessage());
    }

    @Test
    void identifiersKeepOrdinaryTextIncludingChinese() {
        assertEquals("订单-1 a.b_c", CaseId.of("订单-1 a.b_c").value());
        assertEquals("e\u0301", Sku.of("e\u0301").value(), "a combining mark after a base character is fine");
        assertEquals("\uD83D\uDE00", Sku.of("\uD83D\uDE00").value(), "a paired surrogate is fine");
    }

    @Test
    void idErrorsDoNotEchoPaddedValues() {
        String phone = " 13800138000";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CustomerId.of(phone));
        assertFalse(e.getMessage().contains("13800138000"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SF\u202E123456", "SF\u200B123456", "SF123456\uD800", "SF\uFDD0123456", "\u0301SF123456"})
    void returnNumbersRefuseInvisibleAndBrokenCharacters(String hostile) {
        InvalidReturnNumberException e = assertThrows(InvalidReturnNumberException.class,
                () -> ReturnNumber.returnTracking("SF", hostile));
        assertFalse(e.getMessage().contains("SF"), e.getMessage().replace("SF", "") + " echoes");
    }

    @Test
    void carrierCodesRefuseFormatCharacters() {
        assertThrows(InvalidReturnNumberException.class, () -> ReturnNumber.returnTracking("S\u200BF", "SF1234567"));
    }

    @Test
    void returnNumberErrorsDoNotEchoTheCharacter() {
        InvalidReturnNumberException e = assertThrows(InvalidReturnNumberException.class,
                () -> ReturnNumber.returnTracking("SF", "SF1234#567"));
        assertFalse(e.getMessage().contains("#"), e.getMessage());
        assertTrue(e.getMessage().contains("index"), e.getMessage());
    }

    // ------------------------------------------------------------------------------------------------- money

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "1E+2000000", "1e3", "-1", "+1", "1.2.3", "59.901", "1,00", "０１",
            "NaN", "Infinity", "0x10", "99999999999999999999999999999", ".", "1.", ".5 "})
    void malformedAmountsAreRefusedByNameAndQuickly(String amount) {
        InvalidAmountException e = assertThrows(InvalidAmountException.class, () -> Money.of("CNY", amount));
        assertTrue(e.getMessage().startsWith("amount"), e.getMessage());
        if (amount.length() > 1) {
            assertFalse(e.getMessage().contains(amount), e.getMessage());
        }
    }

    @Test
    void aHugeExponentIsRefusedCheaply() {
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            assertThrows(InvalidAmountException.class, () -> Money.of("CNY", "1E+2000000"));
        }
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "a thousand refusals in under two seconds");
    }

    @Test
    void aVeryLongAmountIsRefusedCheaply() {
        assertThrows(InvalidAmountException.class, () -> Money.of("CNY", "1".repeat(10_000)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA",
            "ZZZ", "cny", "", "CNYY", "C\u200BNY"})
    void currenciesThatAreNotMoneyAreRefused(String code) {
        InvalidAmountException e = assertThrows(InvalidAmountException.class, () -> Money.of(code, "1"));
        assertTrue(e.getMessage().startsWith("currency"), e.getMessage());
    }

    @Test
    void currenciesWithoutMinorUnitsAreRefusedAlsoByTheConstructor() {
        assertThrows(InvalidAmountException.class, () -> new Money(Currency.getInstance("XAU"), 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XAF", "XOF", "XCD", "XPF", "JPY", "CNY", "USD", "KWD"})
    void realCurrenciesStay(String code) {
        assertEquals(code, Money.of(code, "12").currency().getCurrencyCode());
    }

    @Test
    void amountsHaveABound() {
        Currency cny = Currency.getInstance("CNY");
        assertEquals(Money.MAX_MINOR, new Money(cny, Money.MAX_MINOR).minor());
        assertThrows(AmountOutOfRangeException.class, () -> new Money(cny, Money.MAX_MINOR + 1));
        assertThrows(AmountOutOfRangeException.class, () -> new Money(cny, -1));
        Money big = new Money(cny, Money.MAX_MINOR);
        assertThrows(AmountOutOfRangeException.class, () -> big.plus(new Money(cny, 1)));
        assertThrows(AmountOutOfRangeException.class, () -> big.times(2));
        assertThrows(AmountOutOfRangeException.class, () -> new Money(cny, 1L << 62).times(4));
        assertThrows(InvalidAmountException.class, () -> Money.of("CNY", "100000000000000000"));
    }

    // ------------------------------------------------------------------------------------------------- times

    @Test
    void timesOutsideTheWindowAreRefused() {
        Actor actor = Actor.reseller(TenantId.of("t"), "u");
        SupplierId leg = SupplierId.of("s");
        for (Instant bad : List.of(Instant.MAX, Instant.MIN, Instant.parse("0001-01-01T00:00:00Z"),
                Instant.EPOCH, TimeWindow.END, TimeWindow.START.minusNanos(1))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new ReturnEvent.ReturnCancelled(bad, actor, leg));
            assertTrue(e.getMessage().contains("event time"), e.getMessage());
        }
        new ReturnEvent.ReturnCancelled(TimeWindow.START, actor, leg);
        new ReturnEvent.ReturnCancelled(TimeWindow.END.minusNanos(1), actor, leg);
    }

    // ------------------------------------------------------------------------------------------------- lists

    @Test
    void evidenceIsBoundedInCountAndLength() {
        assertThrows(IllegalArgumentException.class, () -> Evidence.of(EvidenceKind.PHOTO,
                "x".repeat(Evidence.MAX_REFERENCE + 1)));
        assertEquals(Evidence.MAX_REFERENCE, Evidence.of(EvidenceKind.PHOTO, "x".repeat(Evidence.MAX_REFERENCE))
                .reference().length());
        List<Evidence> many = new ArrayList<>();
        for (int i = 0; i <= Evidence.MAX_COUNT; i++) {
            many.add(Evidence.of(EvidenceKind.PHOTO, "photo-" + i));
        }
        assertThrows(IllegalArgumentException.class, () -> new Reason(ReasonCode.OTHER, "", many));
        assertEquals(Evidence.MAX_COUNT, new Reason(ReasonCode.OTHER, "", many.subList(0, Evidence.MAX_COUNT))
                .evidence().size());
        assertThrows(IllegalArgumentException.class, () -> Evidence.of(EvidenceKind.VIDEO, "a\u202Eb"));
        assertThrows(IllegalArgumentException.class, () -> Evidence.of(EvidenceKind.VIDEO, "a\nb"));
        assertThrows(IllegalArgumentException.class, () -> Evidence.of(EvidenceKind.VIDEO, " "));
        assertThrows(NullPointerException.class, () -> Evidence.of(null, "photo-1"));
        assertThrows(IllegalArgumentException.class, () -> new Reason(ReasonCode.OTHER, "bad \uD800 text", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Reason(ReasonCode.OTHER, "bad \u202E text", List.of()));
        assertEquals("line one\nline two", Reason.of(ReasonCode.OTHER, "line one\nline two").text());
    }

    @Test
    void aNullListElementIsNamedWithItsIndex() {
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> new Reason(ReasonCode.OTHER, "", Arrays.asList(Evidence.of(EvidenceKind.PHOTO, "a"), null)));
        assertTrue(e.getMessage().contains("evidence[1]"), e.getMessage());
        Actor actor = Actor.supplier(TenantId.of("t"), SupplierId.of("s"));
        NullPointerException q = assertThrows(NullPointerException.class, () -> new ReturnEvent.ReturnReceived(
                Instant.parse("2026-01-01T00:00:00Z"), actor, SupplierId.of("s"), Arrays.asList((LineQuantity) null)));
        assertTrue(q.getMessage().contains("received[0]"), q.getMessage());
    }

    @Test
    void quantitiesAreBounded() {
        Money price = Money.of("CNY", "1");
        assertThrows(IllegalArgumentException.class, () -> new ReturnLine(Sku.of("a"), SupplierId.of("s"), 1,
                ReturnLine.MAX_QUANTITY + 1, price));
        assertThrows(IllegalArgumentException.class, () -> LineQuantity.of("a", ReturnLine.MAX_QUANTITY + 1));
        new ReturnLine(Sku.of("a"), SupplierId.of("s"), ReturnLine.MAX_QUANTITY, ReturnLine.MAX_QUANTITY, price);
    }
}
