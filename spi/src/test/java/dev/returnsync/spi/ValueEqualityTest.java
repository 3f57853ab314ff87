package dev.returnsync.spi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The equality of the ids and value records whose {@code equals} and {@code hashCode} are written out rather than
 * generated: equal parts give equal values with equal hashes, every differing part (case included) gives a
 * different value, and a value equals nothing of another type.
 */
@Timeout(10)
class ValueEqualityTest {
    private static final TenantId SHOP = TenantId.of("shop-1");
    private static final SupplierId SUPPLIER = SupplierId.of("supplier-1");

    @Test
    void idsAreEqualByTheirTextCaseIncluded() {
        checks(() -> Sku.of("SKU-a"), Sku.of("SKU-A"), Sku.of("SKU-b"));
        checks(() -> SupplierId.of("supplier-1"), SupplierId.of("Supplier-1"));
        checks(() -> TenantId.of("shop-1"), TenantId.of("SHOP-1"));
        checks(() -> CaseId.of("case-1"), CaseId.of("Case-1"));
        checks(() -> CustomerId.of("buyer-1"), CustomerId.of("Buyer-1"));
        checks(() -> OrderId.of("order-1"), OrderId.of("ORDER-1"));
        checks(() -> IdempotencyKey.of("key-1"), IdempotencyKey.of("KEY-1"));
        assertNotEquals(Sku.of("x"), SupplierId.of("x"));
        assertNotEquals(CaseId.of("x"), OrderId.of("x"));
    }

    @Test
    void returnNumbersAreEqualByKindScopeAndNormalizedValue() {
        checks(() -> ReturnNumber.supplierReturn(SUPPLIER, "SRN-1"),
                ReturnNumber.supplierReturn(SupplierId.of("supplier-2"), "SRN-1"),
                ReturnNumber.supplierReturn(SUPPLIER, "SRN-2"),
                ReturnNumber.resellerReturn(TenantId.of("supplier-1"), "SRN-1"));
        checks(() -> ReturnNumber.returnTracking("sf", " SF123456 "),
                ReturnNumber.replacementTracking("SF", "SF123456"), ReturnNumber.returnTracking("YTO", "SF123456"));
        assertEquals(ReturnNumber.returnTracking("sf", "SF123456"), ReturnNumber.returnTracking("SF", "SF123456"));
        assertEquals(ReturnNumber.customerRequest(SHOP, "AS1"), ReturnNumber.customerRequest(SHOP, "AS1"));
    }

    @Test
    void uniquenessKeyJoinsNamespaceScopeAndValue() {
        ReturnNumber number = ReturnNumber.supplierReturn(SUPPLIER, "SRN-1");
        assertEquals(number.kind().namespace() + "|supplier-1|SRN-1", number.uniquenessKey());
        assertEquals(ReturnNumber.returnTracking("sf", "SF123456").uniquenessKey(),
                ReturnNumber.replacementTracking("SF", "SF123456").uniquenessKey());
    }

    @Test
    void moneyIsEqualByCurrencyAndMinorUnits() {
        checks(() -> Money.of("CNY", "59.90"), Money.of("CNY", "59.91"), Money.of("EUR", "59.90"));
        assertEquals(Money.of("CNY", "59.9"), Money.of("CNY", "59.90"));
    }

    @Test
    void shippingTermsAreEqualByFeeBearerAndClaim() {
        Money fee = Money.of("CNY", "12.00");
        checks(() -> new ReturnShipping(Money.of("CNY", "12.00"), FeeBearer.FREIGHT_INSURANCE, "claim-1"),
                new ReturnShipping(fee, FeeBearer.FREIGHT_INSURANCE, "claim-2"),
                new ReturnShipping(Money.of("CNY", "12.01"), FeeBearer.FREIGHT_INSURANCE, "claim-1"),
                new ReturnShipping(fee, FeeBearer.SUPPLIER, null));
        checks(() -> new ReturnShipping(Money.of("CNY", "12.00"), FeeBearer.CUSTOMER, null),
                new ReturnShipping(fee, FeeBearer.RESELLER, null));
    }

    @Test
    void lineQuantitiesAreEqualBySkuAndQuantity() {
        checks(() -> LineQuantity.of("SKU-A", 2), LineQuantity.of("SKU-a", 2), LineQuantity.of("SKU-A", 3));
        assertEquals(List.of(LineQuantity.of("A", 1), LineQuantity.of("B", 0)),
                List.of(new LineQuantity(Sku.of("A"), 1), new LineQuantity(Sku.of("B"), 0)));
    }

    @Test
    void quantityMessagesNameTheSkuOnlyWhenACheckFails() {
        assertEquals("quantity of SKU-1 must be zero or more, was -1",
                assertThrows(IllegalArgumentException.class, () -> LineQuantity.of("SKU-1", -1)).getMessage());
        assertEquals("quantity of SKU-1 must be at most " + ReturnLine.MAX_QUANTITY + ", was "
                        + (ReturnLine.MAX_QUANTITY + 1),
                assertThrows(IllegalArgumentException.class,
                        () -> LineQuantity.of("SKU-1", ReturnLine.MAX_QUANTITY + 1)).getMessage());
        Money price = Money.of("CNY", "1.00");
        assertEquals("delivered quantity of A must be one or more, was 0", assertThrows(IllegalArgumentException.class,
                () -> new ReturnLine(Sku.of("A"), SUPPLIER, 1, 0, price)).getMessage());
        assertEquals("unit price of A must not be null", assertThrows(NullPointerException.class,
                () -> new ReturnLine(Sku.of("A"), SUPPLIER, 1, 1, null)).getMessage());
    }

    @Test
    void aNullListElementIsNamedByItsIndex() {
        List<Evidence> evidence = java.util.Arrays.asList(Evidence.of(EvidenceKind.PHOTO, "photo-1"), null);
        assertEquals("evidence[1] must not be null", assertThrows(NullPointerException.class,
                () -> Evidence.list("evidence", evidence)).getMessage());
    }

    /** The value made twice is equal with equal hashes; each other value differs from it; nothing else equals it. */
    private static void checks(Supplier<Object> make, Object... others) {
        Object value = make.get();
        Object same = make.get();
        assertNotSame(value, same);
        assertEquals(value, same);
        assertEquals(same, value);
        assertEquals(value.hashCode(), same.hashCode());
        assertEquals(value, value);
        assertNotEquals(null, value);
        assertNotEquals(value, value.toString());
        for (Object other : others) {
            assertNotEquals(value, other);
            assertNotEquals(other, value);
        }
    }
}
