package dev.returnsync.examples.shop;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
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
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The customer's side: submit a return, see it, find it by any number, accept or reject a partial refund offered
 * instead of the return, apply again after a refusal, report the parcel sent back, confirm or dispute the result the
 * shop reported, cancel. In a real shop the customer comes from the login, not the path.
 */
@RestController
@RequestMapping("/api/{tenant}/customers/{customer}")
class CustomerApi {
    private final ReturnSyncEngine engine;
    private final PartyQueries queries;

    CustomerApi(ReturnSyncEngine engine, PartyQueries queries) {
        this.engine = engine;
        this.queries = queries;
    }

    /** A return request of the customer. */
    record ReturnRequest(String order, String customerNumber, List<Line> lines, String reason, String text,
                         String wanted, Instant deliveredAt) {
    }

    /** One line of an order to return. */
    record Line(String sku, String supplier, int requested, int delivered, String currency, String price) {
    }

    /** The parcel the customer sent back. */
    record Shipment(String carrier, String tracking) {
    }

    @PostMapping("/returns")
    @ResponseStatus(HttpStatus.CREATED)
    Views.ReturnView submit(@PathVariable String tenant, @PathVariable String customer,
                            @RequestHeader("Idempotency-Key") String key, @RequestBody ReturnRequest request) {
        List<ReturnLine> lines = request.lines().stream().map(l -> new ReturnLine(Sku.of(l.sku()),
                SupplierId.of(l.supplier()), l.requested(), l.delivered(), Money.of(l.currency(), l.price()))).toList();
        Command.SubmitReturn submit = Commands.as(actor(tenant, customer)).key(key).submitReturn()
                .order(OrderId.of(request.order()))
                .customerNumber(ReturnNumber.customerRequest(TenantId.of(tenant), request.customerNumber()))
                .lines(lines).reason(ReasonCode.valueOf(request.reason()), request.text())
                .wanted(OutcomeType.valueOf(request.wanted())).deliveredAt(request.deliveredAt()).build();
        return Views.ReturnView.of(engine.execute(submit).state());
    }

    @GetMapping("/returns/{caseId}")
    Views.ReturnView view(@PathVariable String tenant, @PathVariable String customer, @PathVariable String caseId) {
        return queries.view(actor(tenant, customer), caseId);
    }

    @GetMapping("/lookup")
    List<Views.LinkView> lookup(@PathVariable String tenant, @PathVariable String customer,
                                @RequestParam String number) {
        return queries.lookup(actor(tenant, customer), number);
    }

    @PostMapping("/returns/{caseId}/legs/{supplier}/shipment")
    Views.ReturnView shipped(@PathVariable String tenant, @PathVariable String customer, @PathVariable String caseId,
                             @PathVariable String supplier, @RequestHeader("Idempotency-Key") String key,
                             @RequestBody Shipment shipment) {
        return run(on(tenant, customer, caseId, key).reportShipment().leg(SupplierId.of(supplier))
                .tracking(shipment.carrier(), shipment.tracking()).build());
    }

    @PostMapping("/returns/{caseId}/legs/{supplier}/confirmation")
    Views.ReturnView confirm(@PathVariable String tenant, @PathVariable String customer, @PathVariable String caseId,
                             @PathVariable String supplier, @RequestHeader("Idempotency-Key") String key) {
        return run(on(tenant, customer, caseId, key).confirmResult().leg(SupplierId.of(supplier)).build());
    }

    @PostMapping("/returns/{caseId}/legs/{supplier}/partial-refund/acceptance")
    Views.ReturnView acceptPartialRefund(@PathVariable String tenant, @PathVariable String customer,
                                         @PathVariable String caseId, @PathVariable String supplier,
                                         @RequestHeader("Idempotency-Key") String key) {
        return run(on(tenant, customer, caseId, key).acceptPartialRefund().leg(SupplierId.of(supplier)).build());
    }

    @PostMapping("/returns/{caseId}/legs/{supplier}/partial-refund/rejection")
    Views.ReturnView rejectPartialRefund(@PathVariable String tenant, @PathVariable String customer,
                                         @PathVariable String caseId, @PathVariable String supplier,
                                         @RequestHeader("Idempotency-Key") String key, @RequestBody Views.Why why) {
        return run(on(tenant, customer, caseId, key).rejectPartialRefund().leg(SupplierId.of(supplier))
                .reason(why.toReason()).build());
    }

    @PostMapping("/returns/{caseId}/legs/{supplier}/reapplication")
    Views.ReturnView reapply(@PathVariable String tenant, @PathVariable String customer, @PathVariable String caseId,
                             @PathVariable String supplier, @RequestHeader("Idempotency-Key") String key,
                             @RequestBody Views.Why why) {
        return run(on(tenant, customer, caseId, key).reapply().leg(SupplierId.of(supplier)).reason(why.toReason())
                .build());
    }

    @PostMapping("/returns/{caseId}/legs/{supplier}/dispute")
    Views.ReturnView dispute(@PathVariable String tenant, @PathVariable String customer, @PathVariable String caseId,
                             @PathVariable String supplier, @RequestHeader("Idempotency-Key") String key,
                             @RequestBody Views.Why why) {
        return run(on(tenant, customer, caseId, key).disputeResult().leg(SupplierId.of(supplier))
                .reason(why.toReason()).build());
    }

    @PostMapping("/returns/{caseId}/legs/{supplier}/cancellation")
    Views.ReturnView cancel(@PathVariable String tenant, @PathVariable String customer, @PathVariable String caseId,
                            @PathVariable String supplier, @RequestHeader("Idempotency-Key") String key) {
        return run(on(tenant, customer, caseId, key).cancelReturn().leg(SupplierId.of(supplier)).build());
    }

    private Views.ReturnView run(Command command) {
        return Views.ReturnView.of(engine.execute(command).state());
    }

    private static CommandHeader on(String tenant, String customer, String caseId, String key) {
        return Commands.as(actor(tenant, customer)).key(key).onCase(caseId);
    }

    private static Actor actor(String tenant, String customer) {
        return Actor.customer(TenantId.of(tenant), CustomerId.of(customer));
    }
}
