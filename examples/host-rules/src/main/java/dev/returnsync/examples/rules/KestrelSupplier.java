package dev.returnsync.examples.rules;

import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;

import java.util.Objects;

/**
 * The shop's adapter to Kestrel Supply. Kestrel answers a request with its RMA number at once and can be told of a
 * cancellation, but neither calls back nor can be polled: so the adapter implements {@code cancel} and not
 * {@code poll}, and its capabilities follow from that. The engine's outbox entry id is Kestrel's request id, so a
 * retried call never opens a second return.
 */
public final class KestrelSupplier implements SupplierAdapter {
    /** Kestrel's supplier id in the shop. */
    public static final SupplierId KESTREL = SupplierId.of("kestrel");

    private final KestrelWarehouse warehouse;

    /** The adapter to this Kestrel system. */
    public KestrelSupplier(KestrelWarehouse warehouse) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    }

    @Override
    public SupplierId supplier() {
        return KESTREL;
    }

    @Override
    public SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn request) {
        String rma = warehouse.open(request.idempotencyKey(), request.resellerNumber().value());
        return SupplierReply.numberIssued(rma);
    }

    @Override
    public SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking request) {
        boolean known = warehouse.addTracking(request.idempotencyKey(), rmaOf(request.supplierNumber()),
                request.resellerNumber().value(),
                new KestrelWarehouse.Parcel(request.tracking().scope(), request.tracking().value()));
        return known ? SupplierReply.done() : SupplierReply.failed("kestrel knows no such return");
    }

    @Override
    public SupplierReply.ToNotice cancel(SupplierRequest.Cancel request) {
        warehouse.cancel(rmaOf(request.supplierNumber()), request.resellerNumber().value());
        return SupplierReply.done();
    }

    private static String rmaOf(ReturnNumber supplierNumber) {
        return supplierNumber == null ? null : supplierNumber.value();
    }
}
