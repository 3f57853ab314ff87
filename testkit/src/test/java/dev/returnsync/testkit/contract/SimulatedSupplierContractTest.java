package dev.returnsync.testkit.contract;

import dev.returnsync.testsupport.SimulatedSupplier;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import org.junit.jupiter.api.Nested;

import java.util.List;

/**
 * The simulated supplier keeps the promises of the supplier port in each of its three styles; the pull-only style
 * also those of polling. Its fault injection (failing the first requests) is too coarse for the fault layer, which
 * the HTTP adapter in {@code returnsync-examples} runs against a simulated server.
 */
class SimulatedSupplierContractTest {
    private static final SupplierId SUPPLIER = SupplierId.of("sim-1");

    @Nested
    class NumberInReply extends SupplierAdapterContract {
        private SimulatedSupplier supplier;

        @Override
        protected SupplierAdapter createAdapter() {
            supplier = SimulatedSupplier.of(SUPPLIER, SimulatedSupplier.Style.NUMBER_IN_REPLY);
            return supplier;
        }

        @Override
        protected int returnsAtSupplier() {
            return supplier.returnsCreated();
        }

        @Override
        protected List<ReturnNumber> trackingAtSupplier(SupplierRequest.RequestReturn applied) {
            return supplier.tracking(applied.caseId());
        }

        @Override
        protected boolean cancelledAtSupplier(SupplierRequest.RequestReturn applied) {
            return supplier.cancelled(applied.caseId());
        }
    }

    @Nested
    class NumberByCallback extends SupplierAdapterContract {
        private SimulatedSupplier supplier;

        @Override
        protected SupplierAdapter createAdapter() {
            supplier = SimulatedSupplier.of(SUPPLIER, SimulatedSupplier.Style.NUMBER_BY_CALLBACK);
            return supplier;
        }

        @Override
        protected int returnsAtSupplier() {
            return supplier.returnsCreated();
        }

        @Override
        protected List<ReturnNumber> trackingAtSupplier(SupplierRequest.RequestReturn applied) {
            return supplier.tracking(applied.caseId());
        }

        @Override
        protected boolean cancelledAtSupplier(SupplierRequest.RequestReturn applied) {
            return supplier.cancelled(applied.caseId());
        }
    }

    /** Pull-only: the simulated supplier issues a number by itself at the second poll, so its hook does nothing. */
    @Nested
    class PullOnly extends PollingSupplierAdapterContract {
        private SimulatedSupplier supplier;

        @Override
        protected SupplierAdapter createAdapter() {
            supplier = SimulatedSupplier.of(SUPPLIER, SimulatedSupplier.Style.NUMBER_BY_POLLING).numberAfterPolls(1);
            return supplier;
        }

        @Override
        protected int returnsAtSupplier() {
            return supplier.returnsCreated();
        }

        @Override
        protected List<ReturnNumber> trackingAtSupplier(SupplierRequest.RequestReturn applied) {
            return supplier.tracking(applied.caseId());
        }

        @Override
        protected boolean cancelledAtSupplier(SupplierRequest.RequestReturn applied) {
            return supplier.cancelled(applied.caseId());
        }

        @Override
        protected void supplierIssuesNumbers() {
            // issues by itself after one poll
        }

        @Override
        protected void supplierReceives(SupplierRequest.RequestReturn applied, List<LineQuantity> quantities) {
            supplier.receive(applied.caseId(), quantities);
        }

        @Override
        protected void supplierInspects(SupplierRequest.RequestReturn applied, SupplierReply.ResultReported result) {
            supplier.inspect(applied.caseId(), result);
        }
    }
}
