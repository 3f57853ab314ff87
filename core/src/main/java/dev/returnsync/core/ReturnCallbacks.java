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
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.util.List;

/**
 * What a supplier reports by callback about one return, from {@link SupplierCallbacks#forReturn}. Each method
 * takes the supplier's own idempotency key (e.g. its event id), so a callback delivered twice is applied once. A
 * number callback that repeats what the engine already learned from the supplier's reply (or a poll) is answered
 * with the case as it is, marked {@link CommandResult#replayed() replayed}, not with a refusal. Results show the
 * case as the supplier sees it: its own leg only. Immutable and thread-safe.
 */
public final class ReturnCallbacks {
    private final ReturnSyncEngine engine;
    private final TenantId tenant;
    private final SupplierId supplier;
    private final ReturnNumber resellerNumber;

    ReturnCallbacks(ReturnSyncEngine engine, TenantId tenant, SupplierId supplier, ReturnNumber resellerNumber) {
        this.engine = engine;
        this.tenant = tenant;
        this.supplier = supplier;
        this.resellerNumber = resellerNumber;
    }

    /** {@return the reseller return number that names the return} */
    public ReturnNumber resellerNumber() {
        return resellerNumber;
    }

    /**
     * 供应商提供退货单号: the supplier issued its return number.
     *
     * @param supplierNumber the supplier's number as it wrote it; normalized as a return number of this supplier
     * @param key the supplier's idempotency key for this callback
     * @return the events and the case after them, as the supplier sees it
     * @throws CaseNotFoundException if the reseller number is unknown in the tenant or the supplier has no leg there
     * @throws CommandRefusedException if the workflow refuses (e.g. the leg moved on to another number)
     * @throws InvalidReturnNumberException if the number is malformed
     */
    public CommandResult numberIssued(String supplierNumber, IdempotencyKey key) {
        CaseId caseId = resolve(CommandType.ISSUE_SUPPLIER_NUMBER);
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
     * @param reason why
     * @param key the supplier's idempotency key for this callback
     * @return the events and the case after them, as the supplier sees it
     * @throws CaseNotFoundException if the reseller number is unknown in the tenant or the supplier has no leg there
     * @throws CommandRefusedException if the workflow refuses
     */
    public CommandResult declined(Reason reason, IdempotencyKey key) {
        CaseId caseId = resolve(CommandType.DECLINE_RETURN);
        return engine.execute(SupplierInbox.declined(tenant, supplier, caseId, key, reason));
    }

    /**
     * 供应商确认退货: the supplier received the parcel, with these quantities.
     *
     * @param quantities the received quantity per SKU
     * @param key the supplier's idempotency key for this callback
     * @return the events and the case after them, as the supplier sees it
     * @throws CaseNotFoundException if the reseller number is unknown in the tenant or the supplier has no leg there
     * @throws CommandRefusedException if the workflow refuses
     */
    public CommandResult received(List<LineQuantity> quantities, IdempotencyKey key) {
        CaseId caseId = resolve(CommandType.CONFIRM_RECEIPT);
        return engine.execute(SupplierInbox.received(tenant, supplier, caseId, key, quantities));
    }

    /**
     * 供应商向代发商确认退货处理结果: the supplier inspected the returned goods and reports, per SKU, what it accepts and
     * what it rejects.
     *
     * @param accepted the accepted quantity per SKU
     * @param rejected the rejected quantity per SKU
     * @param note what the supplier says about the inspection, up to 500 characters (may be empty)
     * @param restockingFee the fee the supplier keeps from the refund, or {@code null} for none
     * @param evidence references to the inspection's evidence (photos, documents), possibly none
     * @param key the supplier's idempotency key for this callback
     * @return the events and the case after them, as the supplier sees it
     * @throws CaseNotFoundException if the reseller number is unknown in the tenant or the supplier has no leg there
     * @throws CommandRefusedException if the workflow refuses (e.g. the parcel is not received yet)
     * @throws dev.returnsync.core.domain.InvalidCommandException if the report is malformed (e.g. a note too long)
     */
    public CommandResult resultReported(List<LineQuantity> accepted, List<LineQuantity> rejected, String note,
                                        Money restockingFee, List<Evidence> evidence, IdempotencyKey key) {
        CaseId caseId = resolve(CommandType.REPORT_RESULT);
        return engine.execute(SupplierInbox.resultReported(tenant, supplier, caseId, key, accepted, rejected, note,
                restockingFee, evidence));
    }

    private CaseId resolve(CommandType asked) {
        return engine.findByNumber(Actor.supplier(tenant, supplier), resellerNumber).map(NumberLink::caseId)
                .orElseThrow(() -> CaseNotFoundException.forNumber(asked));
    }
}
