package dev.returnsync.core.hostile;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
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
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Whole single-leg histories, decided command by command through the public workflow. */
final class Flows {
    static final TenantId TENANT = TenantId.of("shop-1");
    static final TenantId OTHER_TENANT = TenantId.of("shop-2");
    static final CustomerId CUSTOMER = CustomerId.of("c-1");
    static final CustomerId OTHER_CUSTOMER = CustomerId.of("c-2");
    static final SupplierId SUPPLIER = SupplierId.of("sup-1");
    static final SupplierId OTHER_SUPPLIER = SupplierId.of("sup-2");
    static final CaseId CASE = CaseId.of("case-1");
    static final Instant DELIVERED = Instant.parse("2026-11-01T08:00:00Z");
    static final Instant T0 = Instant.parse("2026-11-03T08:00:00Z");

    private final ReturnWorkflow workflow = ReturnWorkflow.ofDefaults();
    private final List<ReturnEvent> events = new ArrayList<>();
    private final List<ReturnCase> cases = new ArrayList<>();
    private ReturnCase current;
    private Instant now = T0;
    private int keys;

    static Actor customer() {
        return Actor.customer(TENANT, CUSTOMER);
    }

    static Actor reseller() {
        return Actor.reseller(TENANT, "staff-1");
    }

    static Actor supplier() {
        return Actor.supplier(TENANT, SUPPLIER);
    }

    static Command.SubmitReturn submit(IdempotencyKey key, List<ReturnLine> lines, Instant deliveredAt) {
        return Commands.as(customer()).key(key).onCase(CASE).submitReturn().order(OrderId.of("order-9"))
                .customerNumber(ReturnNumber.customerRequest(TENANT, "AS-1"))
                .resellerNumber(ReturnNumber.resellerReturn(TENANT, "RS-1")).lines(lines)
                .reason(ReasonCode.SIZE_OR_FIT, "too small").wanted(OutcomeType.RETURN_AND_REFUND)
                .deliveredAt(deliveredAt).build();
    }

    static ReturnLine line(String sku, int requested, int delivered, String price) {
        return new ReturnLine(Sku.of(sku), SUPPLIER, requested, delivered, Money.of("CNY", price));
    }

    /** A history to the end for an outcome, without cancellations, closes or deadlines: each state occurs once. */
    static Flows complete(OutcomeType outcome) {
        Flows flow = new Flows();
        flow.accept(submit(flow.key(), List.of(line("A", 2, 2, "59.90"), line("B", 1, 3, "10.00")), DELIVERED));
        flow.accept(Commands.as(reseller()).key(flow.key()).onCase(CASE).openNegotiation().leg(SUPPLIER).build());
        flow.accept(Commands.as(supplier()).key(flow.key()).onCase(CASE).agreeReturn().leg(SUPPLIER).outcome(outcome)
                .build());
        flow.accept(Commands.as(reseller()).key(flow.key()).onCase(CASE).applyForReturn().leg(SUPPLIER).build());
        flow.accept(Commands.as(supplier()).key(flow.key()).onCase(CASE).issueSupplierNumber().leg(SUPPLIER)
                .number(ReturnNumber.supplierReturn(SUPPLIER, "RMA-1")).build());
        flow.accept(Commands.as(reseller()).key(flow.key()).onCase(CASE).shareNumberWithCustomer().leg(SUPPLIER)
                .build());
        if (outcome.shipsGoodsBack()) {
            flow.accept(Commands.as(customer()).key(flow.key()).onCase(CASE).reportShipment().leg(SUPPLIER)
                    .tracking("SF", "SF1234567890").build());
            flow.accept(Commands.as(supplier()).key(flow.key()).onCase(CASE).confirmReceipt().leg(SUPPLIER)
                    .received(LineQuantity.of("A", 2), LineQuantity.of("B", 1)).build());
            flow.accept(Commands.as(supplier()).key(flow.key()).onCase(CASE).reportResult().leg(SUPPLIER)
                    .accepted(LineQuantity.of("A", 2), LineQuantity.of("B", 1)).note("ok").build());
        } else {
            flow.accept(Commands.as(supplier()).key(flow.key()).onCase(CASE).reportResult().leg(SUPPLIER).note("ok")
                    .build());
        }
        if (outcome == OutcomeType.EXCHANGE) {
            flow.accept(Commands.as(supplier()).key(flow.key()).onCase(CASE).shipReplacement().leg(SUPPLIER)
                    .tracking("YTO", "YT99887766").build());
        }
        flow.accept(Commands.as(reseller()).key(flow.key()).onCase(CASE).reportResultToCustomer().leg(SUPPLIER)
                .note("done").build());
        flow.accept(Commands.as(customer()).key(flow.key()).onCase(CASE).confirmResult().leg(SUPPLIER).build());
        return flow;
    }

    IdempotencyKey key() {
        return IdempotencyKey.of("k-" + (++keys));
    }

    private void accept(Command command) {
        Decision decision = workflow.decide(Optional.ofNullable(current), command, RuleContext.at(now));
        if (!(decision instanceof Decision.Accepted accepted)) {
            throw new AssertionError("the flow itself was refused: " + decision);
        }
        current = ReturnWorkflow.evolve(Optional.ofNullable(current), accepted.events());
        events.addAll(accepted.events());
        cases.add(current);
        now = now.plus(Duration.ofHours(1));
    }

    /** The events, in order. */
    List<ReturnEvent> events() {
        return events;
    }

    /** The case after each event: {@code cases().get(i)} folds events 0..i. */
    List<ReturnCase> cases() {
        return cases;
    }
}
