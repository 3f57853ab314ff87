package dev.returnsync.examples.rules;

import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierRequest;
import dev.returnsync.testkit.contract.SupplierAdapterContract;
import org.junit.jupiter.api.Timeout;

import java.util.List;

/**
 * The Kestrel adapter against the testkit's supplier adapter contract, on a fresh Kestrel system per test. Kestrel
 * answers with its number and cannot be polled, so the base suite is the deepest layer it qualifies for; its
 * cancellation is checked there because the adapter implements {@code cancel}.
 */
@Timeout(60)
class KestrelSupplierContractTest extends SupplierAdapterContract {
    private KestrelWarehouse warehouse;

    @Override
    protected SupplierAdapter createAdapter() {
        warehouse = new KestrelWarehouse();
        return new KestrelSupplier(warehouse);
    }

    @Override
    protected int returnsAtSupplier() {
        return warehouse.returns();
    }

    @Override
    protected List<ReturnNumber> trackingAtSupplier(SupplierRequest.RequestReturn applied) {
        return warehouse.parcels(applied.resellerNumber().value()).stream()
                .map(parcel -> ReturnNumber.returnTracking(parcel.carrier(), parcel.tracking()))
                .toList();
    }

    @Override
    protected boolean cancelledAtSupplier(SupplierRequest.RequestReturn applied) {
        return warehouse.cancelled(applied.resellerNumber().value());
    }
}
