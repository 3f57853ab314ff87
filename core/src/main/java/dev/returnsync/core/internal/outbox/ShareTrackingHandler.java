package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;

import java.util.Optional;

/**
 * {@code SHARE_TRACKING}: tells the supplier the tracking number of the return parcel, unless the leg has ended
 * meanwhile without being completed (superseded).
 */
final class ShareTrackingHandler implements EffectHandler {
    private final SupplierCalls calls;

    ShareTrackingHandler(SupplierCalls calls) {
        this.calls = calls;
    }

    @Override
    public Outcome handle(Work work) {
        Optional<SupplierAdapter> adapter = calls.adapter(work);
        if (adapter.isEmpty()) {
            return SupplierCalls.noAdapter(work);
        }
        if (!(work.event() instanceof ReturnEvent.ReturnShipped shipped)) {
            return Outcome.park("event at version " + work.entry().version() + " is no shipment");
        }
        SupplierId supplier = SupplierCalls.supplier(work);
        ReturnCase c = calls.current(work);
        Leg leg = c.leg(supplier).orElse(null);
        if (leg == null) {
            return Outcome.park("case has no leg of supplier " + supplier);
        }
        if (SupplierCalls.superseded(work, leg, false)) {
            return Outcome.DONE;
        }
        SupplierReply.ToNotice reply = adapter.get().shareTracking(new SupplierRequest.ShareTracking(
                work.entry().id(), c.tenant(), c.id(), supplier, c.resellerNumber(), leg.supplierNumber(),
                shipped.tracking()));
        return reply instanceof SupplierReply.Done ? Outcome.DONE : SupplierReplies.failure(reply);
    }
}
