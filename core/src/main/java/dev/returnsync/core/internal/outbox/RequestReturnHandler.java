package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * {@code REQUEST_RETURN}: asks the supplier for its return number, with the authorized quantities, the agreed
 * outcome, the reason and the numbers, unless the leg has ended meanwhile (superseded). The reply becomes a command
 * of the supplier ({@link SupplierReplies}); {@code Pending} completes the entry (the number follows by callback or
 * poll).
 */
final class RequestReturnHandler extends SupplierHandler {
    private static final Logger log = LoggerFactory.getLogger(RequestReturnHandler.class);

    private final SupplierReplies replies;

    RequestReturnHandler(SupplierCalls calls, SupplierReplies replies) {
        super(calls);
        this.replies = replies;
    }

    @Override
    Outcome send(Work work, SupplierAdapter adapter, SupplierId supplier, ReturnCase c) {
        Leg leg = c.leg(supplier).orElse(null);
        if (leg == null) {
            return Outcome.park("case has no leg of supplier " + supplier);
        }
        if (SupplierCalls.superseded(work, leg, true)) {
            return Outcome.DONE;
        }
        List<LineQuantity> lines = leg.lines().stream().map(l -> new LineQuantity(l.sku(), l.authorized())).toList();
        SupplierReply.ToRequest reply = adapter.requestReturn(new SupplierRequest.RequestReturn(
                work.entry().id(), c.tenant(), c.id(), supplier, c.resellerNumber(), c.customerNumber(), lines,
                leg.outcome() == null ? c.wanted() : leg.outcome(), c.reason()));
        if (reply instanceof SupplierReply.NumberIssued issued) {
            return replies.issued(work, c, supplier, issued.number());
        } else if (reply instanceof SupplierReply.Pending) {
            log.debug("outbox entry {}: supplier {} will send its number later", work.entry().id(), supplier);
            return Outcome.DONE;
        } else if (reply instanceof SupplierReply.Declined declined) {
            return replies.declined(work, c, supplier, declined.reason());
        }
        return SupplierReplies.failure(reply);
    }
}
