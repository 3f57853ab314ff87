package dev.returnsync.core.internal.inbox;

import dev.returnsync.core.domain.Command;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.util.List;

/**
 * The one place where what a supplier says (a reply to a call, a callback to the host's webhook, a poll result)
 * becomes a command: always as that supplier, on its own leg of the case. Not API.
 */
public final class SupplierInbox {
    private SupplierInbox() {
    }

    /**
     * The supplier issued its return number.
     *
     * @param raw the number as the supplier sent it
     * @throws InvalidReturnNumberException if the number is malformed
     */
    public static Command.IssueSupplierNumber numberIssued(TenantId tenant, SupplierId supplier, CaseId caseId,
                                                           IdempotencyKey key, String raw) {
        return new Command.IssueSupplierNumber(key, as(tenant, supplier), null, null, caseId, supplier,
                ReturnNumber.supplierReturn(supplier, raw));
    }

    /** The supplier declined the return. */
    public static Command.DeclineReturn declined(TenantId tenant, SupplierId supplier, CaseId caseId,
                                                 IdempotencyKey key, Reason reason) {
        return new Command.DeclineReturn(key, as(tenant, supplier), null, null, caseId, supplier, reason);
    }

    /** The supplier received the parcel, with these quantities. */
    public static Command.ConfirmReceipt received(TenantId tenant, SupplierId supplier, CaseId caseId,
                                                  IdempotencyKey key, List<LineQuantity> quantities) {
        return new Command.ConfirmReceipt(key, as(tenant, supplier), null, null, caseId, supplier, quantities);
    }

    /** The supplier inspected the returned goods and reports what it accepts and rejects. */
    public static Command.ReportResult resultReported(TenantId tenant, SupplierId supplier, CaseId caseId,
                                                      IdempotencyKey key, List<LineQuantity> accepted,
                                                      List<LineQuantity> rejected, String note, Money restockingFee,
                                                      List<Evidence> evidence) {
        return new Command.ReportResult(key, as(tenant, supplier), null, null, caseId, supplier, accepted, rejected,
                note, restockingFee, evidence);
    }

    private static Actor as(TenantId tenant, SupplierId supplier) {
        return Actor.supplier(tenant, supplier);
    }
}
