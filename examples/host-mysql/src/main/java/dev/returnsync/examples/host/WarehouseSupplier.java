package dev.returnsync.examples.host;

import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The host's adapter to one supplier's warehouse system, which answers a return request at once with its own
 * return number and can be told of a cancellation; its capabilities follow from what it implements (no polling,
 * cancellation). A real one would call the supplier's API here; this one keeps the calls it got, so that the host's
 * test can see them.
 */
public final class WarehouseSupplier implements SupplierAdapter {
    private final SupplierId supplier;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    /** The warehouse of this supplier. */
    public WarehouseSupplier(SupplierId supplier) {
        this.supplier = supplier;
    }

    @Override
    public SupplierId supplier() {
        return supplier;
    }

    @Override
    public SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn request) {
        calls.add("requestReturn " + request.resellerNumber().value());
        return SupplierReply.numberIssued("WH-" + request.resellerNumber().value());
    }

    @Override
    public SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking request) {
        calls.add("shareTracking " + request.tracking().value());
        return SupplierReply.done();
    }

    @Override
    public SupplierReply.ToNotice cancel(SupplierRequest.Cancel request) {
        calls.add("cancel " + request.resellerNumber().value());
        return SupplierReply.done();
    }

    /** The calls the engine made, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }
}
