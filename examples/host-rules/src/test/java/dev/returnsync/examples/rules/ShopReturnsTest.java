package dev.returnsync.examples.rules;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.domain.command.SubmitReturnBuilder;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.TenantId;
import dev.returnsync.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.returnsync.examples.rules.KestrelSupplier.KESTREL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A return through the shop's engine, its rules and the Kestrel adapter, on the in-memory store and a test clock. */
@Timeout(30)
class ShopReturnsTest {
    private static final TenantId SHOP = TenantId.of("shop-1");
    private static final Instant DELIVERED = Instant.parse("2026-03-02T00:00:00Z");
    private static final Actor CUSTOMER = Actor.customer(SHOP, CustomerId.of("c-1"));
    private static final Actor KESTREL_STAFF = Actor.supplier(SHOP, KESTREL);
    private static final Actor DESK = Actor.reseller(SHOP, "service-desk");

    private final TestClock clock = TestClock.at(DELIVERED.plus(Duration.ofDays(1)));
    private final KestrelWarehouse warehouse = new KestrelWarehouse();
    private final ReturnSyncEngine engine = ShopReturns.engine(clock, "TEE-CLEARANCE", new KestrelSupplier(warehouse));

    @AfterEach
    void closeTheEngine() {
        engine.close();
    }

    @Test
    void aClearanceReturnRunsToTheWarehouseWithinItsWindow() {
        CaseId caseId = CaseId.of("case-1");
        engine.execute(submit("1", "TEE-CLEARANCE").build());
        engine.runOnce(clock.instant());
        assertEquals(LegState.NEGOTIATING, leg(caseId).state(), "the shop's policy opened the negotiation");

        engine.execute(as(KESTREL_STAFF, "agree-1", caseId).agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND).build());
        engine.runOnce(clock.instant());   // applies for the return, Kestrel answers with its RMA, shared with the customer
        Leg applied = leg(caseId);
        assertEquals(LegState.AWAITING_SHIPMENT, applied.state());
        assertEquals(ReturnNumber.supplierReturn(KESTREL, "KS-000001"), applied.supplierNumber());
        assertTrue(applied.numberShared());

        clock.advance(Duration.ofDays(2));
        engine.execute(as(CUSTOMER, "ship-1", caseId).reportShipment().leg(KESTREL).tracking("SF", "SF1234567").build());
        engine.runOnce(clock.instant());
        assertEquals(List.of(new KestrelWarehouse.Parcel("SF", "SF1234567")), warehouse.parcels("RS-1"));
        assertEquals(1, warehouse.returns());
    }

    @Test
    void aCancelledReturnIsCancelledAtKestrelToo() {
        CaseId caseId = CaseId.of("case-1");
        engine.execute(submit("1", "TEE-REGULAR").build());
        engine.runOnce(clock.instant());
        engine.execute(as(DESK, "agree-1", caseId).agreeReturn().leg(KESTREL).outcome(OutcomeType.RETURN_AND_REFUND)
                .build());
        engine.runOnce(clock.instant());
        engine.execute(as(CUSTOMER, "cancel-1", caseId).cancelReturn().leg(KESTREL).build());
        engine.runOnce(clock.instant());

        assertEquals(LegState.CANCELLED, leg(caseId).state());
        assertTrue(warehouse.cancelled("RS-1"), "Kestrel was told");
    }

    @Test
    void theEngineRefusesALateClearanceReturnWithTheShopsRule() {
        clock.set(DELIVERED.plus(Duration.ofDays(3)).plusSeconds(1));
        CommandRefusedException refused = assertThrows(CommandRefusedException.class,
                () -> engine.execute(submit("2", "TEE-CLEARANCE").build()));
        assertEquals(ShopRules.CLEARANCE_RULE, refused.refusal().rule());
        assertEquals("clearance items are returned within 3 days of delivery", refused.refusal().reason());
        engine.runOnce(clock.instant());
        assertEquals(0, warehouse.returns());
        assertFalse(warehouse.cancelled("RS-2"));
    }

    private Leg leg(CaseId caseId) {
        return engine.caseView(DESK, caseId).state().leg(KESTREL).orElseThrow();
    }

    private static CommandHeader as(Actor actor, String key, CaseId caseId) {
        return Commands.as(actor).key(key).onCase(caseId);
    }

    private static SubmitReturnBuilder submit(String n, String sku) {
        return Commands.as(CUSTOMER).key("submit-" + n).onCase("case-" + n)
                .submitReturn()
                .order(OrderId.of("order-" + n))
                .customerNumber(ReturnNumber.customerRequest(SHOP, "AS-" + n))
                .resellerNumber(ReturnNumber.resellerReturn(SHOP, "RS-" + n))
                .line(new ReturnLine(Sku.of(sku), KESTREL, 1, 1, Money.of("CNY", "39.00")))
                .reason(ReasonCode.SIZE_OR_FIT, "too small")
                .wanted(OutcomeType.RETURN_AND_REFUND)
                .deliveredAt(DELIVERED);
    }
}
