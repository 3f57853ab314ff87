package dev.returnsync.examples.shop;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The supplier's screen in the shop's portal: agree to the return the staff negotiates, refuse it, or offer a
 * partial refund instead, report the result of its inspection, see its part of a return, find a return by any number. Its return
 * number, the refusal and the receipt come from its own system through the signed webhook instead
 * ({@code returnsync.webhook.*}), and so may the result. In a real shop the
 * supplier comes from the login, not the path.
 */
@RestController
@RequestMapping("/api/{tenant}/suppliers/{supplier}")
class SupplierApi {
    private final ReturnSyncEngine engine;
    private final PartyQueries queries;

    SupplierApi(ReturnSyncEngine engine, PartyQueries queries) {
        this.engine = engine;
        this.queries = queries;
    }

    /**
     * The result of the supplier's inspection: units accepted and rejected per SKU, a note, and the restocking fee
     * it keeps, if any.
     */
    record Result(List<Units> accepted, List<Units> rejected, String note, Views.Amount restockingFee) {
    }

    /** Units of one SKU. */
    record Units(String sku, int quantity) {
        LineQuantity toLineQuantity() {
            return LineQuantity.of(sku, quantity);
        }
    }

    @GetMapping("/returns/{caseId}")
    Views.ReturnView view(@PathVariable String tenant, @PathVariable String supplier, @PathVariable String caseId) {
        return queries.view(actor(tenant, supplier), caseId);
    }

    @GetMapping("/lookup")
    List<Views.LinkView> lookup(@PathVariable String tenant, @PathVariable String supplier,
                                @RequestParam String number) {
        return queries.lookup(actor(tenant, supplier), number);
    }

    @PostMapping("/returns/{caseId}/agreement")
    Views.ReturnView agree(@PathVariable String tenant, @PathVariable String supplier, @PathVariable String caseId,
                           @RequestHeader("Idempotency-Key") String key) {
        return run(on(tenant, supplier, caseId, key).agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND).build());
    }

    @PostMapping("/returns/{caseId}/result")
    Views.ReturnView reportResult(@PathVariable String tenant, @PathVariable String supplier,
                                  @PathVariable String caseId, @RequestHeader("Idempotency-Key") String key,
                                  @RequestBody Result result) {
        return run(on(tenant, supplier, caseId, key).reportResult().accepted(quantities(result.accepted()))
                .rejected(quantities(result.rejected())).note(result.note())
                .restockingFee(Views.Amount.toMoney(result.restockingFee())).build());
    }

    @PostMapping("/returns/{caseId}/refusal")
    Views.ReturnView decline(@PathVariable String tenant, @PathVariable String supplier, @PathVariable String caseId,
                             @RequestHeader("Idempotency-Key") String key, @RequestBody Views.Why why) {
        return run(on(tenant, supplier, caseId, key).declineReturn().reason(why.toReason()).build());
    }

    @PostMapping("/returns/{caseId}/partial-refund-offer")
    Views.ReturnView offerPartialRefund(@PathVariable String tenant, @PathVariable String supplier,
                                        @PathVariable String caseId, @RequestHeader("Idempotency-Key") String key,
                                        @RequestBody Views.Offer offer) {
        return run(on(tenant, supplier, caseId, key).offerPartialRefund()
                .amount(Views.Amount.toMoney(offer.amount())).note(offer.note() == null ? "" : offer.note()).build());
    }

    private static List<LineQuantity> quantities(List<Units> units) {
        return units == null ? List.of() : units.stream().map(Units::toLineQuantity).toList();
    }

    private Views.ReturnView run(Command command) {
        return Views.ReturnView.of(engine.execute(command).state());
    }

    private static CommandHeader on(String tenant, String supplier, String caseId, String key) {
        return Commands.as(actor(tenant, supplier)).key(key).onCase(caseId);
    }

    private static Actor actor(String tenant, String supplier) {
        return Actor.supplier(TenantId.of(tenant), SupplierId.of(supplier));
    }
}
