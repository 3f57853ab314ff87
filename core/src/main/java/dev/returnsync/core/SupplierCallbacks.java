package dev.returnsync.core;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.engine.CaseNotFoundException;
import dev.returnsync.core.engine.CaseView;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.internal.inbox.SupplierInbox;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.InvalidReturnNumberException;
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
 * names the return by the reseller return number it was sent; the number is looked up as the supplier, through the
 * same visibility policy as every query, so the supplier finds only returns in which it has a leg. A number that is
 * unknown in the tenant and a return in which the supplier has no leg get the same answer: a
 * {@link CaseNotFoundException} naming the callback's command type and no case.
 *
 * <p>Each method takes the supplier's own idempotency key (e.g. its event id), so a callback delivered twice is
 * applied once. A number callback that repeats what the engine already learned from the supplier's reply (or a
 * poll) is answered with the case as it is, marked {@link CommandResult#replayed() replayed}, not with a refusal.
 * Results show the case as the supplier sees it: its own leg only.
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
     * @throws CaseNotFoundException if the reseller number is unknown in the tenant or the supplier has no leg there
     * @throws CommandRefusedException if the workflow refuses (e.g. the leg moved on)
     * @throws InvalidReturnNumberException if a number is malformed
     */
    public CommandResult numberIssued(TenantId tenant, SupplierId supplier, String resellerNumber,
                                      String supplierNumber, IdempotencyKey key) {
        CaseId caseId = resolve(tenant, supplier, resellerNumber, CommandType.ISSUE_SUPPLIER_NUMBER);
        Command.IssueSupplierNumber command = SupplierInbox.numberIssued(tenant, supplier, caseId, key, supplierNumber);
        try {
            return engine.execute(command);
        } catch (CommandRefusedException e) {
            if (e.code() == Refusal.Code.ILLEGAL_TRANSITION || e.code() == Refusal.Code.NUMBER_TAKEN) {
                CaseView view = engine.caseView(command.actor(), caseId);
                Leg leg = view.state().leg(supplier).orElse(null);
                if (leg != null && command.number().equals(leg.supplierNumber())) {
                    return new CommandResult(view.state(), List.of(), true);
                }
            }
            throw e;
        }
    }

    /**
     * The supplier declines the return (in negotiation, or when asked for its number).
     *
     * @throws CaseNotFoundException if the reseller number is unknown in the tenant or the supplier has no leg there
     * @throws CommandRefusedException if the workflow refuses
     */
    public CommandResult declined(TenantId tenant, SupplierId supplier, String resellerNumber, Reason reason,
                                  IdempotencyKey key) {
        CaseId caseId = resolve(tenant, supplier, resellerNumber, CommandType.DECLINE_RETURN);
        return engine.execute(SupplierInbox.declined(tenant, supplier, caseId, key, reason));
    }

    /**
     * 供应商确认退货: the supplier received the parcel, with these quantities.
     *
     * @throws CaseNotFoundException if the reseller number is unknown in the tenant or the supplier has no leg there
     * @throws CommandRefusedException if the workflow refuses
     */
    public CommandResult received(TenantId tenant, SupplierId supplier, String resellerNumber,
                                  List<LineQuantity> quantities, IdempotencyKey key) {
        CaseId caseId = resolve(tenant, supplier, resellerNumber, CommandType.CONFIRM_RECEIPT);
        return engine.execute(SupplierInbox.received(tenant, supplier, caseId, key, quantities));
    }

    private CaseId resolve(TenantId tenant, SupplierId supplier, String resellerNumber, CommandType asked) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(supplier, "supplier must not be null");
        ReturnNumber number = ReturnNumber.resellerReturn(tenant, resellerNumber);
        return engine.findByNumber(Actor.supplier(tenant, supplier), number).map(NumberLink::caseId)
                .orElseThrow(() -> CaseNotFoundException.forNumber(asked));
    }
}
