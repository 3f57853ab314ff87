package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;

/**
 * {@code SHARE_TRACKING}: tells the supplier the tracking number of the return parcel, unless the leg has ended
 * meanwhile without being completed (superseded).
 */
final class ShareTrackingHandler extends SupplierHandler {
    ShareTrackingHandler(SupplierCalls calls) {
        super(calls);
    }

    @Override
    Outcome send(Work work, SupplierAdapter adapter, SupplierId supplier, ReturnCase c) {
        if (!(work.event() instanceof ReturnEvent.ReturnShipped shipped)) {
            return Outcome.park("event at version " + work.entry().version() + " is no shipment");
        }
        Leg leg = c.leg(supplier).orElse(null);
        if (leg == null) {
            return Outcome.park("case has no leg of supplier " + supplier);
        }
        if (SupplierCalls.superseded(work, leg, false)) {
            return Outcome.DONE;
        }
        SupplierReply.ToNotice reply = adapter.shareTracking(new SupplierRequest.ShareTracking(
                work.entry().id(), c.tenant(), c.id(), supplier, c.resellerNumber(), leg.supplierNumber(),
                shipped.tracking()));
        return reply instanceof SupplierReply.Done ? Outcome.DONE : SupplierReplies.failure(reply);
    }
}
