package dev.returnsync.examples.rules;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.testkit.WorkflowFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;

import static dev.returnsync.examples.rules.KestrelSupplier.KESTREL;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shop's rules, one situation at a time. */
@Timeout(30)
class ShopRulesTest {
    private static final TenantId SHOP = TenantId.of("shop-1");
    private static final Instant DELIVERED = Instant.parse("2026-03-02T00:00:00Z");
    private static final Actor CUSTOMER = Actor.customer(SHOP, CustomerId.of("c-1"));

    private final WorkflowFixture fixture = WorkflowFixture.of(ShopRules.workflow("TEE-CLEARANCE, CAP-CLEARANCE"));

    @Test
    void aClearanceItemComesBackOnTheThirdDayAndTheNegotiationOpensAtOnce() {
        fixture.at(DELIVERED.plus(Duration.ofDays(3)))
                .when(submit("TEE-CLEARANCE"))
                .thenEvents(ReturnEvent.ReturnRequested.class)
                .thenPoliciesPropose(Command.OpenNegotiation.class);
    }

    @Test
    void aClearanceItemIsRefusedOneSecondAfterTheThirdDay() {
        Decision decision = fixture.at(DELIVERED.plus(Duration.ofDays(3)).plusSeconds(1))
                .when(submit("CAP-CLEARANCE"))
                .thenRefused(Refusal.Code.RULE)
                .thenRefusedByRule(ShopRules.CLEARANCE_RULE)
                .decision();
        assertEquals("clearance items are returned within 3 days of delivery",
                ((Decision.Refused) decision).refusal().reason());
    }

    @Test
    void otherItemsKeepTheLibrarysWindow() {
        fixture.at(DELIVERED.plus(Duration.ofDays(6)))
                .when(submit("TEE-REGULAR"))
                .thenEvents(ReturnEvent.ReturnRequested.class);
    }

    @Test
    void theNegotiationOpensWithEverySupplierOfTheReturn() {
        Command.SubmitReturn twoSuppliers = Commands.as(CUSTOMER).key("submit-2").onCase("case-2")
                .submitReturn()
                .order(OrderId.of("order-2"))
                .customerNumber(ReturnNumber.customerRequest(SHOP, "AS-2"))
                .resellerNumber(ReturnNumber.resellerReturn(SHOP, "RS-2"))
                .line(new ReturnLine(Sku.of("TEE-REGULAR"), KESTREL, 1, 1, Money.of("CNY", "59.00")))
                .line(new ReturnLine(Sku.of("MUG"), SupplierId.of("other"), 1, 1,
                        Money.of("CNY", "19.00")))
                .reason(ReasonCode.SIZE_OR_FIT, "too small")
                .wanted(OutcomeType.RETURN_AND_REFUND)
                .deliveredAt(DELIVERED)
                .build();
        fixture.when(twoSuppliers)
                .thenPoliciesPropose(Command.OpenNegotiation.class, Command.OpenNegotiation.class);
    }

    private static Command.SubmitReturn submit(String sku) {
        return Commands.as(CUSTOMER).key("submit-1").onCase("case-1")
                .submitReturn()
                .order(OrderId.of("order-1"))
                .customerNumber(ReturnNumber.customerRequest(SHOP, "AS-1"))
                .resellerNumber(ReturnNumber.resellerReturn(SHOP, "RS-1"))
                .line(new ReturnLine(Sku.of(sku), KESTREL, 1, 1, Money.of("CNY", "39.00")))
                .reason(ReasonCode.SIZE_OR_FIT, "too small")
                .wanted(OutcomeType.RETURN_AND_REFUND)
                .deliveredAt(DELIVERED)
                .build();
    }
}
