package dev.returnsync.examples.shop;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.engine.CaseView;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
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
 * The reseller's staff: open the negotiation with a supplier, offer the customer a partial refund instead of the
 * return, apply for the return once the supplier agreed, share the supplier's number with the customer, pass the
 * supplier's result on to the customer (with a shipping compensation, if granted), find a return by any number,
 * see a return with its waiting and parked work, put parked work back.
 */
@RestController
@RequestMapping("/api/{tenant}/staff/{staff}")
class StaffApi {
    private final ReturnSyncEngine engine;
    private final PartyQueries queries;

    StaffApi(ReturnSyncEngine engine, PartyQueries queries) {
        this.engine = engine;
        this.queries = queries;
    }

    /** A return with how much of its work waits or is parked. */
    record StaffView(Views.ReturnView state, int pendingWork, int parkedWork) {
    }

    /** What the staff tells the customer with the supplier's result, and the shipping compensation granted, if any. */
    record ResultNotice(String note, Views.Amount compensation) {
    }

    @GetMapping("/returns/{caseId}")
    StaffView view(@PathVariable String tenant, @PathVariable String staff, @PathVariable String caseId) {
        CaseView view = engine.caseView(actor(tenant, staff), CaseId.of(caseId));
        return new StaffView(Views.ReturnView.of(view.state()), view.pending().size(), view.parked().size());
    }

    @PostMapping("/returns/{caseId}/legs/{supplier}/negotiation")
    Views.ReturnView negotiate(@PathVariable String tenant, @PathVariable String staff, @PathVariable String caseId,
                               @PathVariable String supplier, @RequestHeader("Idempotency-Key") String key) {
        return run(on(tenant, staff, caseId, key).openNegotiation().leg(SupplierId.of(supplier)).build());
    }

    @PostMapping("/returns/{caseId}/legs/{supplier}/application")
    Views.ReturnView apply(@PathVariable String tenant, @PathVariable String staff, @PathVariable String caseId,
                           @PathVariable String supplier, @RequestHeader("Idempotency-Key") String key) {
        return run(on(tenant, staff, caseId, key).applyForReturn().leg(SupplierId.of(supplier)).build());
    }

    @PostMapping("/returns/{caseId}/legs/{supplier}/number-shared")
    Views.ReturnView share(@PathVariable String tenant, @PathVariable String staff, @PathVariable String caseId,
                           @PathVariable String supplier, @RequestHeader("Idempotency-Key") String key) {
        return run(on(tenant, staff, caseId, key).shareNumberWithCustomer().leg(SupplierId.of(supplier)).build());
    }

    @PostMapping("/returns/{caseId}/legs/{supplier}/result-notice")
    Views.ReturnView reportResult(@PathVariable String tenant, @PathVariable String staff, @PathVariable String caseId,
                                  @PathVariable String supplier, @RequestHeader("Idempotency-Key") String key,
                                  @RequestBody ResultNotice notice) {
        return run(on(tenant, staff, caseId, key).reportResultToCustomer().leg(SupplierId.of(supplier))
                .note(notice.note()).compensation(Views.Amount.toMoney(notice.compensation())).build());
    }

    @PostMapping("/returns/{caseId}/legs/{supplier}/partial-refund-offer")
    Views.ReturnView offerPartialRefund(@PathVariable String tenant, @PathVariable String staff,
                                        @PathVariable String caseId, @PathVariable String supplier,
                                        @RequestHeader("Idempotency-Key") String key,
                                        @RequestBody Views.Offer offer) {
        return run(on(tenant, staff, caseId, key).offerPartialRefund().leg(SupplierId.of(supplier))
                .amount(Views.Amount.toMoney(offer.amount())).note(offer.note() == null ? "" : offer.note()).build());
    }

    @GetMapping("/lookup")
    List<Views.LinkView> lookup(@PathVariable String tenant, @PathVariable String staff, @RequestParam String number) {
        return queries.lookup(actor(tenant, staff), number);
    }

    @PostMapping("/returns/{caseId}/parked-work/retry")
    int retryParked(@PathVariable String tenant, @PathVariable String staff, @PathVariable String caseId) {
        return engine.retryParked(actor(tenant, staff), CaseId.of(caseId));
    }

    private static CommandHeader on(String tenant, String staff, String caseId, String key) {
        return Commands.as(actor(tenant, staff)).key(key).onCase(caseId);
    }

    private Views.ReturnView run(Command command) {
        return Views.ReturnView.of(engine.execute(command).state());
    }

    private static Actor actor(String tenant, String staff) {
        return Actor.reseller(TenantId.of(tenant), staff);
    }
}
