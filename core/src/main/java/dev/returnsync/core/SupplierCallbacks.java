package dev.returnsync.core;

import dev.returnsync.core.engine.CaseNotFoundException;
import dev.returnsync.core.engine.CaseView;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.util.List;
import java.util.Objects;

/**
 * Turns what a supplier reports by callback (the host's webhook) into commands, as that supplier. The supplier
 * names the return by the reseller return number it was sent; the case is found through the number index of the
 * webhook's tenant, and the workflow checks that the supplier acts on its own leg only.
 *
 * <p>Each method takes the supplier's own idempotency key (e.g. its event id), so a callback delivered twice is
 * applied once. A number callback that repeats what the engine already learned from the supplier's reply (or a
 * poll) is answered with the case as it is, marked {@link CommandResult#replayed() replayed}, not with a refusal.
 */
public final class SupplierCallbacks {
    private final ReturnSyncEngine engine;

    SupplierCallbacks(ReturnSyncEngine engine) {
        this.engine = engine;
    }

    /**
     * 供应商提供退货单号: the supplier issued its return number.
     *
     * @param tenant the tenant of the webhook
     * @param supplier the supplier that calls back
     * @param resellerNumber the reseller return number, as the supplier sends it back
     * @param supplierNumber the supplier's number, raw
     * @param key the supplier's idempotency key for this callback
     * @throws CaseNotFoundException if the reseller number is unknown in the tenant
     * @throws CommandRefusedException if the workflow refuses (e.g. a leg of another supplier)
     */
    public CommandResult numberIssued(TenantId tenant, SupplierId supplier, String resellerNumber,
                                      String supplierNumber, IdempotencyKey key) {
        NumberLink link = resolve(tenant, resellerNumber);
        ReturnNumber number = ReturnNumber.supplierReturn(supplier, supplierNumber);
        Command.IssueSupplierNumber command = new Command.IssueSupplierNumber(key, Actor.supplier(tenant, supplier),
                null, link.caseId(), supplier, number);
        try {
            return engine.execute(command);
        } catch (CommandRefusedException e) {
            if (e.code() == Refusal.Code.ILLEGAL_TRANSITION || e.code() == Refusal.Code.NUMBER_TAKEN) {
                CaseView view = engine.caseView(Actor.supplier(tenant, supplier), link.caseId());
                Leg leg = view.state().leg(supplier).orElse(null);
                if (leg != null && number.equals(leg.supplierNumber())) {
                    return new CommandResult(view.state(), List.of(), true);
                }
            }
            throw e;
        }
    }

    /**
     * The supplier declines the return (in negotiation, or when asked for its number).
     *
     * @throws CaseNotFoundException if the reseller number is unknown in the tenant
     * @throws CommandRefusedException if the workflow refuses
     */
    public CommandResult declined(TenantId tenant, SupplierId supplier, String resellerNumber, Reason reason,
                                  IdempotencyKey key) {
        NumberLink link = resolve(tenant, resellerNumber);
        return engine.execute(new Command.DeclineReturn(key, Actor.supplier(tenant, supplier), null, link.caseId(),
                supplier, reason));
    }

    /**
     * 供应商确认退货: the supplier received the parcel, with these quantities.
     *
     * @throws CaseNotFoundException if the reseller number is unknown in the tenant
     * @throws CommandRefusedException if the workflow refuses
     */
    public CommandResult received(TenantId tenant, SupplierId supplier, String resellerNumber,
                                  List<LineQuantity> quantities, IdempotencyKey key) {
        NumberLink link = resolve(tenant, resellerNumber);
        return engine.execute(new Command.ConfirmReceipt(key, Actor.supplier(tenant, supplier), null, link.caseId(),
                supplier, quantities));
    }

    private NumberLink resolve(TenantId tenant, String resellerNumber) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        ReturnNumber number = ReturnNumber.resellerReturn(tenant, resellerNumber);
        Actor reseller = Actor.system(tenant, "supplier-callback");
        return engine.findByNumber(reseller, number).orElseThrow(() -> new CaseNotFoundException(new Refusal(
                Refusal.Code.CASE_NOT_FOUND, null, null, dev.returnsync.core.domain.CommandType.ISSUE_SUPPLIER_NUMBER,
                "no return with reseller number " + number + " in this tenant", null)));
    }
}
