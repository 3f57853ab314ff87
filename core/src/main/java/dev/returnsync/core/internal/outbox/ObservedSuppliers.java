package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.engine.EngineObserver;
import dev.returnsync.core.engine.EngineObserver.SupplierFailure;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierCapabilities;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The host's supplier registry, with every failed adapter call told to the {@link EngineObserver}: a failure reply
 * by its kind, and an adapter that threw (what it threw goes on as before). Not API.
 */
public final class ObservedSuppliers implements SupplierRegistry {
    private final SupplierRegistry suppliers;
    private final EngineObserver observer;

    /** Observes the adapters of {@code suppliers}. */
    public ObservedSuppliers(SupplierRegistry suppliers, EngineObserver observer) {
        this.suppliers = suppliers;
        this.observer = observer;
    }

    @Override
    public Optional<SupplierAdapter> find(SupplierId supplier) {
        return suppliers.find(supplier).map(Observed::new);
    }

    private final class Observed implements SupplierAdapter {
        private final SupplierAdapter adapter;

        Observed(SupplierAdapter adapter) {
            this.adapter = adapter;
        }

        @Override
        public SupplierId supplier() {
            return adapter.supplier();
        }

        @Override
        public SupplierCapabilities capabilities() {
            return adapter.capabilities();
        }

        @Override
        public SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn request) {
            return call(Effect.REQUEST_RETURN, () -> adapter.requestReturn(request));
        }

        @Override
        public SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking request) {
            return call(Effect.SHARE_TRACKING, () -> adapter.shareTracking(request));
        }

        @Override
        public SupplierReply.ToPoll poll(SupplierRequest.Poll request) {
            return call(Effect.POLL_SUPPLIER, () -> adapter.poll(request));
        }

        @Override
        public SupplierReply.ToNotice cancel(SupplierRequest.Cancel request) {
            return call(Effect.CANCEL_AT_SUPPLIER, () -> adapter.cancel(request));
        }

        private <R extends SupplierReply> R call(Effect effect, Supplier<R> call) {
            R reply;
            try {
                reply = call.get();
            } catch (RuntimeException e) {
                observer.supplierFailed(adapter.supplier(), effect, SupplierFailure.THREW);
                throw e;
            }
            if (reply instanceof SupplierReply.RetryableFailure) {
                observer.supplierFailed(adapter.supplier(), effect, SupplierFailure.RETRYABLE);
            } else if (reply instanceof SupplierReply.PermanentFailure) {
                observer.supplierFailed(adapter.supplier(), effect, SupplierFailure.PERMANENT);
            }
            return reply;
        }
    }
}
