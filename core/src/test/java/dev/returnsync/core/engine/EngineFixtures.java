package dev.returnsync.core.engine;

import dev.returnsync.core.domain.Command;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
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
        return new Command.SubmitReturn(key(), customer(), null, caseId, CUSTOMER, OrderId.of("order-" + caseId),
                ReturnNumber.customerRequest(TENANT, customerNumber), null, lines,
                Reason.of(ReasonCode.SIZE_OR_FIT, "too small"), OutcomeType.RETURN_AND_REFUND, DELIVERED);
    }

    static Command.OpenNegotiation open(CaseId c, SupplierId leg) {
        return new Command.OpenNegotiation(key(), reseller(), null, c, leg);
    }

    static Command.AgreeReturn agree(CaseId c, SupplierId leg) {
        return new Command.AgreeReturn(key(), supplier(leg), null, c, leg, OutcomeType.RETURN_AND_REFUND, List.of());
    }

    static Command.ApplyForReturn apply(CaseId c, SupplierId leg) {
        return new Command.ApplyForReturn(key(), reseller(), null, c, leg);
    }

    static Command.IssueSupplierNumber issue(CaseId c, SupplierId leg, String number) {
        return new Command.IssueSupplierNumber(key(), supplier(leg), null, c, leg, ReturnNumber.supplierReturn(leg, number));
    }

    static Command.ShareNumberWithCustomer share(CaseId c, SupplierId leg) {
        return new Command.ShareNumberWithCustomer(key(), reseller(), null, c, leg);
    }

    static Command.ReportShipment ship(CaseId c, SupplierId leg, String carrier, String tracking) {
        return new Command.ReportShipment(key(), customer(), null, c, leg, ReturnNumber.returnTracking(carrier, tracking));
    }

    static Command.ConfirmReceipt receive(CaseId c, SupplierId leg, String sku, int quantity) {
        return new Command.ConfirmReceipt(key(), supplier(leg), null, c, leg, List.of(LineQuantity.of(sku, quantity)));
    }

    static Command.ReportResult result(CaseId c, SupplierId leg, String sku, int accepted, int rejected) {
        return new Command.ReportResult(key(), supplier(leg), null, c, leg,
                accepted > 0 ? List.of(LineQuantity.of(sku, accepted)) : List.of(),
                rejected > 0 ? List.of(LineQuantity.of(sku, rejected)) : List.of(), "inspected");
    }

    static Command.ReportResultToCustomer tell(CaseId c, SupplierId leg) {
        return new Command.ReportResultToCustomer(key(), reseller(), null, c, leg, "refund on the way");
    }

    static Command.ConfirmResult confirm(CaseId c, SupplierId leg) {
        return new Command.ConfirmResult(key(), customer(), null, c, leg);
    }
}
