package dev.returnsync.spring;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A return of one line, driven by its parties through the engine the starter built. */
final class ReturnFlow {
    static final TenantId TENANT = TenantId.of("shop-7");
    static final Actor CUSTOMER = Actor.customer(TENANT, CustomerId.of("c-1"));
    static final Actor RESELLER = Actor.reseller(TENANT, "staff-1");

    private ReturnFlow() {
    }

    /** The customer's submission of one line of {@code supplier}. */
    static Command.SubmitReturn submit(CaseId caseId, SupplierId supplier, String customerNumber) {
        return Commands.as(CUSTOMER).key(key()).onCase(caseId).submitReturn().order(OrderId.of("order-1"))
                .customerNumber(ReturnNumber.customerRequest(TENANT, customerNumber))
                .line(new ReturnLine(Sku.of("SKU-1"), supplier, 1, 1, Money.of("CNY", "1.00")))
                .reason(ReasonCode.SIZE_OR_FIT, "too small").wanted(OutcomeType.RETURN_AND_REFUND)
                .deliveredAt(Instant.now().minus(Duration.ofDays(1))).build();
    }

    /** Submits the return, negotiates it, has the supplier agree and applies for it: the request waits to go out. */
    static void toApplied(ReturnSyncEngine engine, CaseId caseId, SupplierId supplier, String customerNumber) {
        engine.execute(submit(caseId, supplier, customerNumber));
        engine.execute(Commands.as(RESELLER).key(key()).onCase(caseId).openNegotiation().leg(supplier).build());
        engine.execute(Commands.as(Actor.supplier(TENANT, supplier)).key(key()).onCase(caseId).agreeReturn()
                .outcome(OutcomeType.RETURN_AND_REFUND).build());
        engine.execute(Commands.as(RESELLER).key(key()).onCase(caseId).applyForReturn().leg(supplier).build());
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }
}
