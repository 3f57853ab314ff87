package dev.returnsync.spi;

import org.junit.jupiter.api.Test;

import java.util.Currency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exact money for fees and settlements: one currency, never negative, never wrapped around. */
class SettlementTest {
    private static Money cny(String amount) {
        return Money.of("CNY", amount);
    }

    @Test
    void minusIsExactAndNeverNegative() {
        assertEquals(cny("0.01"), cny("10.00").minus(cny("9.99")));
        assertEquals(cny("0"), cny("10.00").minus(cny("10.00")));
        AmountOutOfRangeException negative = assertThrows(AmountOutOfRangeException.class,
                () -> cny("9.99").minus(cny("10.00")));
        assertFalse(negative.getMessage().contains("9.99"), negative.getMessage());
        assertThrows(CurrencyMismatchException.class, () -> cny("1").minus(Money.of("USD", "1")));
        assertThrows(CurrencyMismatchException.class, () -> cny("1").plus(Money.of("USD", "1")));
        assertThrows(CurrencyMismatchException.class, () -> cny("1").isAbove(Money.of("USD", "1")));
        assertTrue(cny("1.01").isAbove(cny("1")));
        assertFalse(cny("1").isAbove(cny("1")));
    }

    @Test
    void aSettlementAddsItsPartsUpExactly() {
        Settlement s = Settlement.of(cny("69.90"), cny("5.00"), cny("12.00"), cny("3.00"), cny("76.90"));
        assertEquals(cny("79.90"), s.refund());
        Settlement twice = s.plus(s);
        assertEquals(cny("159.80"), twice.refund());
        assertEquals(cny("153.80"), twice.supplierOwes());
        assertEquals(Settlement.zero(Currency.getInstance("CNY")), Settlement.zero(Currency.getInstance("CNY"))
                .plus(Settlement.zero(Currency.getInstance("CNY"))));
    }

    @Test
    void aSettlementRefusesASecondCurrencyNamingThePartAndAWrongSum() {
        CurrencyMismatchException e = assertThrows(CurrencyMismatchException.class,
                () -> Settlement.of(cny("1"), cny("0"), cny("0"), Money.of("USD", "1"), cny("1")));
        assertTrue(e.getMessage().startsWith("compensation"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new Settlement(cny("1"), cny("0"), cny("0"), cny("0"), cny("2"), cny("1")));
        assertThrows(AmountOutOfRangeException.class,
                () -> Settlement.of(cny("1"), cny("2"), cny("0"), cny("0"), cny("0")), "restocking above the goods");
        Money max = new Money(Currency.getInstance("CNY"), Money.MAX_MINOR);
        assertThrows(AmountOutOfRangeException.class, () -> Settlement.of(max, cny("0"), cny("0.01"), cny("0"), max));
        assertThrows(CurrencyMismatchException.class, () -> Settlement.zero(Currency.getInstance("CNY"))
                .plus(Settlement.zero(Currency.getInstance("USD"))));
    }

    @Test
    void returnShippingPairsFreightInsuranceWithItsClaim() {
        ReturnShipping insured = new ReturnShipping(cny("12.00"), FeeBearer.FREIGHT_INSURANCE, "运费险-1");
        assertEquals(cny("0"), insured.refundedToCustomer());
        assertEquals(cny("0"), insured.owedBySupplier());
        ReturnShipping supplier = new ReturnShipping(cny("12.00"), FeeBearer.SUPPLIER, null);
        assertEquals(cny("12.00"), supplier.refundedToCustomer());
        assertEquals(cny("12.00"), supplier.owedBySupplier());
        ReturnShipping reseller = new ReturnShipping(cny("12.00"), FeeBearer.RESELLER, null);
        assertEquals(cny("12.00"), reseller.refundedToCustomer());
        assertEquals(cny("0"), reseller.owedBySupplier());
        assertThrows(NullPointerException.class, () -> new ReturnShipping(cny("1"), FeeBearer.FREIGHT_INSURANCE, null));
        assertThrows(IllegalArgumentException.class, () -> new ReturnShipping(cny("1"), FeeBearer.CUSTOMER, "c-1"));
        assertThrows(IllegalArgumentException.class,
                () -> new ReturnShipping(cny("1"), FeeBearer.FREIGHT_INSURANCE, " padded "));
        assertNull(ReturnShipping.none(Currency.getInstance("CNY"), ReasonCode.NO_REASON).insuranceClaim());
    }

    @Test
    void theReasonGivesTheDefaultBearer() {
        for (ReasonCode code : ReasonCode.values()) {
            assertEquals(code.isQualityComplaint() ? FeeBearer.SUPPLIER : FeeBearer.CUSTOMER, FeeBearer.forReason(code),
                    code.name());
        }
        assertEquals(FeeBearer.CUSTOMER, FeeBearer.forReason(ReasonCode.NO_REASON), "七天无理由");
        assertEquals(FeeBearer.SUPPLIER, FeeBearer.forReason(ReasonCode.WRONG_ITEM));
    }
}
