package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POLL_SUPPLIER}: asks a pull-only supplier for news while the leg still waits where the entry's event put it
 * ({@link PollPhase}). Nothing new, and news that does not fit the wait (a number while the parcel is awaited, a
 * receipt or a result while the number is), polls again later; news that fits becomes commands of the supplier; a
 * decline once the parcel was sent back contradicts the leg and parks the poll; when the leg moved on, polling ends
 * without a call.
 */
final class PollHandler extends SupplierHandler {
    private static final Logger log = LoggerFactory.getLogger(PollHandler.class);

    private final SupplierReplies replies;

    PollHandler(SupplierCalls calls, SupplierReplies replies) {
        super(calls);
        this.replies = replies;
    }

    @Override
    Outcome send(Work work, SupplierAdapter adapter, SupplierId supplier, ReturnCase c) {
        LegState waiting = PollPhase.waitingAfter(work.event()).orElse(null);
        Leg leg = c.leg(supplier).orElse(null);
        if (waiting == null || leg == null || leg.state() != waiting) {
            log.debug("outbox entry {}: leg no longer waits in {}, polling ends", work.entry().id(), waiting);
            return Outcome.DONE;
        }
        SupplierReply.ToPoll reply = adapter.poll(new SupplierRequest.Poll(work.entry().id(), c.tenant(), c.id(),
                supplier, c.resellerNumber(), leg.supplierNumber()));
        if (reply instanceof SupplierReply.NothingNew) {
            return Outcome.POLL_AGAIN;
        } else if (reply instanceof SupplierReply.NumberIssued issued) {
            return waiting == LegState.NUMBER_REQUESTED ? replies.issued(work, c, supplier, issued.number())
                    : Outcome.POLL_AGAIN;
        } else if (reply instanceof SupplierReply.Declined declined) {
            return waiting == LegState.SHIPPED || waiting == LegState.RECEIVED
                    ? Outcome.park("the supplier shows the return declined while the leg waits in " + waiting
                            + ", after the parcel was sent back")
                    : replies.declined(work, c, supplier, declined.reason());
        } else if (reply instanceof SupplierReply.Received received) {
            return waiting == LegState.SHIPPED ? replies.received(work, c, supplier, received.quantities())
                    : Outcome.POLL_AGAIN;
        } else if (reply instanceof SupplierReply.ResultReported result) {
            return waiting == LegState.NUMBER_REQUESTED ? Outcome.POLL_AGAIN
                    : replies.resultReported(work, c, supplier, result, waiting == LegState.SHIPPED);
        }
        return SupplierReplies.failure(reply);
    }
}
