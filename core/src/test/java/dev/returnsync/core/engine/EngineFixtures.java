package dev.returnsync.core.engine;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Test data for the engine tests. */
final class EngineFixtures {
    static final TenantId TENANT = TenantId.of("shop-1");
    static final TenantId OTHER_TENANT = TenantId.of("shop-2");
    static final CustomerId CUSTOMER = CustomerId.of("c-1");
    static final SupplierId S1 = SupplierId.of("sup-1");
    static final SupplierId S2 = SupplierId.of("sup-2");
    static final SupplierId S3 = SupplierId.of("sup-3");
    static final Instant DELIVERED = Instant.parse("2026-11-01T08:00:00Z");
    static final Instant T0 = Instant.parse("2026-11-03T08:00:00Z");

    private static final AtomicLong KEYS = new AtomicLong();

    private EngineFixtures() {
    }

    static IdempotencyKey key() {
        return IdempotencyKey.of("k-" + KEYS.incrementAndGet());
    }

    static Actor customer() {
        return Actor.customer(TENANT, CUSTOMER);
    }

    static Actor reseller() {
        return Actor.reseller(TENANT, "staff-1");
    }

    static Actor supplier(SupplierId supplier) {
        return Actor.supplier(TENANT, supplier);
    }

    static ReturnLine line(String sku, SupplierId supplier, int requested, int delivered, String price) {
        return new ReturnLine(Sku.of(sku), supplier, requested, delivered, Money.of("CNY", price));
    }

    /** A submission by the customer, without a reseller number (the engine generates it). */
    static Command.SubmitReturn submit(CaseId caseId, String customerNumber, List<ReturnLine> lines) {
        return Commands.as(customer()).key(key()).onCase(caseId).submitReturn().order(OrderId.of("order-" + caseId))
                .customerNumber(ReturnNumber.customerRequest(TENANT, customerNumber)).lines(lines)
                .reason(ReasonCode.SIZE_OR_FIT, "too small").wanted(OutcomeType.RETURN_AND_REFUND)
                .deliveredAt(DELIVERED).build();
    }

    static Command.OpenNegotiation open(CaseId c, SupplierId leg) {
        return Commands.as(reseller()).key(key()).onCase(c).openNegotiation().leg(leg).build();
    }

    static Command.AgreeReturn agree(CaseId c, SupplierId leg) {
        return Commands.as(supplier(leg)).key(key()).onCase(c).agreeReturn().leg(leg)
                .outcome(OutcomeType.RETURN_AND_REFUND).build();
    }

    static Command.ApplyForReturn apply(CaseId c, SupplierId leg) {
        return Commands.as(reseller()).key(key()).onCase(c).applyForReturn().leg(leg).build();
    }

    static Command.IssueSupplierNumber issue(CaseId c, SupplierId leg, String number) {
        return Commands.as(supplier(leg)).key(key()).onCase(c).issueSupplierNumber().leg(leg)
                .number(ReturnNumber.supplierReturn(leg, number)).build();
    }

    static Command.ShareNumberWithCustomer share(CaseId c, SupplierId leg) {
        return Commands.as(reseller()).key(key()).onCase(c).shareNumberWithCustomer().leg(leg).build();
    }

    static Command.ReportShipment ship(CaseId c, SupplierId leg, String carrier, String tracking) {
        return Commands.as(customer()).key(key()).onCase(c).reportShipment().leg(leg).tracking(carrier, tracking)
                .build();
    }

    static Command.ConfirmReceipt receive(CaseId c, SupplierId leg, String sku, int quantity) {
        return Commands.as(supplier(leg)).key(key()).onCase(c).confirmReceipt().leg(leg)
                .received(LineQuantity.of(sku, quantity)).build();
    }

    static Command.ReportResult result(CaseId c, SupplierId leg, String sku, int accepted, int rejected) {
        return Commands.as(supplier(leg)).key(key()).onCase(c).reportResult().leg(leg)
                .accepted(accepted > 0 ? List.of(LineQuantity.of(sku, accepted)) : List.of())
                .rejected(rejected > 0 ? List.of(LineQuantity.of(sku, rejected)) : List.of()).note("inspected").build();
    }

    static Command.ReportResultToCustomer tell(CaseId c, SupplierId leg) {
        return Commands.as(reseller()).key(key()).onCase(c).reportResultToCustomer().leg(leg).note("refund on the way")
                .build();
    }

    static Command.SendMessage message(CaseId c, SupplierId leg, Actor from, Role to, String text) {
        return Commands.as(from).key(key()).onCase(c).sendMessage().leg(leg).to(to).text(text).build();
    }

    static Command.ConfirmResult confirm(CaseId c, SupplierId leg) {
        return Commands.as(customer()).key(key()).onCase(c).confirmResult().leg(leg).build();
    }
}
