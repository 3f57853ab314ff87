package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;

import java.util.Optional;

/**
 * The handlers that talk to a supplier: each finds the adapter of the entry's supplier (parking the entry when the
 * registry has none) and then sends its request, deciding on the case as loaded right before the call.
 */
abstract class SupplierHandler implements EffectHandler {
    private final SupplierCalls calls;

    SupplierHandler(SupplierCalls calls) {
        this.calls = calls;
    }

    @Override
    public final Outcome handle(Work work) {
        Optional<SupplierAdapter> adapter = calls.adapter(work);
        if (adapter.isEmpty()) {
            return SupplierCalls.noAdapter(work);
        }
        return send(work, adapter.get(), SupplierCalls.supplier(work), calls.current(work));
    }

    /**
     * Sends the entry's request to the supplier and says how the work ended.
     *
     * @param current the case as it is now
     */
    abstract Outcome send(Work work, SupplierAdapter adapter, SupplierId supplier, ReturnCase current);
}
