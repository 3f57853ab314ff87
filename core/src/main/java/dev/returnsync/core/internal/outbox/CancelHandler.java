package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;

/**
 * {@code CANCEL_AT_SUPPLIER}: tells the supplier the return is cancelled. Always sent: the store holds it back while
 * the leg's earlier request is unfinished, so it reaches the supplier after that request; when the request was
 * superseded and never sent, the supplier gets a cancellation of a return it does not know, which an adapter
 * answers as done.
 */
final class CancelHandler extends SupplierHandler {
    CancelHandler(SupplierCalls calls) {
        super(calls);
    }

    @Override
    Outcome send(Work work, SupplierAdapter adapter, SupplierId supplier, ReturnCase c) {
        ReturnNumber supplierNumber = c.leg(supplier).map(Leg::supplierNumber).orElse(null);
        SupplierReply.ToNotice reply = adapter.cancel(new SupplierRequest.Cancel(work.entry().id(), c.tenant(),
                c.id(), supplier, c.resellerNumber(), supplierNumber));
        return reply instanceof SupplierReply.Done ? Outcome.DONE : SupplierReplies.failure(reply);
    }
}
