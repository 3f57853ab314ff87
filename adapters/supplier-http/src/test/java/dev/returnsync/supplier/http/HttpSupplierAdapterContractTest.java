package dev.returnsync.supplier.http;

import dev.returnsync.testsupport.SimulatedSupplier.Style;
import dev.returnsync.testsupport.http.SimulatedSupplierServer;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierCapabilities;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import dev.returnsync.testkit.contract.PollingSupplierAdapterContract;
import dev.returnsync.testkit.contract.SupplierAdapterFaultContract;
import dev.returnsync.testkit.contract.SupplierFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link HttpSupplierAdapter} against {@link SimulatedSupplierServer} on the loopback interface, through every layer
 * of the supplier contract: a supplier that answers with its number under faults (slow, 500, 429, dropped
 * connections, lost answers, 422), a pull-only supplier with polling, and a pull-only supplier under faults.
 */
@Timeout(120)
class HttpSupplierAdapterContractTest {
    private static final SupplierId SUPPLIER = SupplierId.of("acme");
    private static final Duration CONNECT = Duration.ofSeconds(1);
    private static final Duration REQUEST = Duration.ofMillis(500);

    /** One simulated server per test, and the hooks every layer needs. */
    private static final class Backend {
        private SimulatedSupplierServer server;

        SupplierAdapter start(Style style, SupplierCapabilities capabilities) {
            server = SimulatedSupplierServer.builder(SUPPLIER, style).slowDelay(Duration.ofSeconds(3))
                    .retryAfterSeconds(SupplierFault.RETRY_AFTER_SECONDS).bearerToken("token-1").start();
            return new HttpSupplierAdapter(HttpSupplierConfig.builder(SUPPLIER, server.baseUri())
                    .capabilities(capabilities).connectTimeout(CONNECT).requestTimeout(REQUEST)
                    .bearerToken("token-1").build());
        }

        int returns() {
            return server.returnsCreated();
        }

        List<ReturnNumber> tracking(SupplierRequest.RequestReturn applied) {
            List<ReturnNumber> out = new ArrayList<>();
            for (SimulatedSupplierServer.Parcel p : server.parcels(applied.tenant().value(), applied.resellerNumber().value())) {
                out.add(ReturnNumber.returnTracking(p.carrier(), p.trackingNumber()));
            }
            return out;
        }

        boolean cancelled(SupplierRequest.RequestReturn applied) {
            return server.status(applied.tenant().value(), applied.resellerNumber().value())
                    .map("CANCELLED"::equals).orElse(false);
        }

        void inject(SupplierFault fault, int calls) {
            SimulatedSupplierServer.Fault mapped;
            switch (fault) {
                case SLOW:
                    mapped = SimulatedSupplierServer.Fault.SLOW;
                    break;
                case SERVER_ERROR:
                    mapped = SimulatedSupplierServer.Fault.SERVER_ERROR;
                    break;
                case RATE_LIMITED:
                    mapped = SimulatedSupplierServer.Fault.RATE_LIMITED;
                    break;
                case CONNECTION_DROPPED:
                    mapped = SimulatedSupplierServer.Fault.DROP_CONNECTION;
                    break;
                case ANSWER_LOST:
                    mapped = SimulatedSupplierServer.Fault.DROP_ANSWER;
                    break;
                case INVALID_REQUEST:
                    mapped = SimulatedSupplierServer.Fault.INVALID_REQUEST;
                    break;
                default:
                    throw new IllegalArgumentException("unknown fault " + fault);
            }
            server.inject(mapped, calls);
        }

        void close() {
            if (server != null) {
                server.close();
            }
        }
    }

    /** A supplier that issues its number in the reply (and takes cancellations), under every fault. */
    @Nested
    class NumberInReplyUnderFaults extends SupplierAdapterFaultContract {
        private final Backend backend = new Backend();

        @Override
        protected SupplierAdapter createAdapter() {
            return backend.start(Style.NUMBER_IN_REPLY, SupplierCapabilities.replyOnly());
        }

        @AfterEach
        void stop() {
            backend.close();
        }

        @Override
        protected int returnsAtSupplier() {
            return backend.returns();
        }

        @Override
        protected List<ReturnNumber> trackingAtSupplier(SupplierRequest.RequestReturn applied) {
            return backend.tracking(applied);
        }

        @Override
        protected boolean cancelledAtSupplier(SupplierRequest.RequestReturn applied) {
            return backend.cancelled(applied);
        }

        @Override
        protected void injectFault(SupplierFault fault, int calls) {
            backend.inject(fault, calls);
        }

        @Override
        protected Duration callTimeout() {
            return CONNECT.plus(REQUEST);
        }

        @Override
        protected boolean reportsRetryAfter() {
            return true;
        }
    }

    /** A pull-only supplier: numbers and receipts are found by polling. */
    @Nested
    class PullOnly extends PollingSupplierAdapterContract {
        private final Backend backend = new Backend();

        @Override
        protected SupplierAdapter createAdapter() {
            return backend.start(Style.NUMBER_BY_POLLING, SupplierCapabilities.pullOnly());
        }

        @AfterEach
        void stop() {
            backend.close();
        }

        @Override
        protected int returnsAtSupplier() {
            return backend.returns();
        }

        @Override
        protected List<ReturnNumber> trackingAtSupplier(SupplierRequest.RequestReturn applied) {
            return backend.tracking(applied);
        }

        @Override
        protected boolean cancelledAtSupplier(SupplierRequest.RequestReturn applied) {
            return backend.cancelled(applied);
        }

        @Override
        protected void supplierIssuesNumbers() {
            backend.server.issuePendingNumbers();
        }

        @Override
        protected void supplierReceives(SupplierRequest.RequestReturn applied, List<LineQuantity> quantities) {
            backend.server.receive(applied.tenant().value(), applied.resellerNumber().value(), quantities);
        }

        @Override
        protected void supplierInspects(SupplierRequest.RequestReturn applied, SupplierReply.ResultReported result) {
            backend.server.reportResult(applied.tenant().value(), applied.resellerNumber().value(), result);
        }
    }

    /** A pull-only supplier under faults: polls fail the same way as requests. */
    @Nested
    class PullOnlyUnderFaults extends SupplierAdapterFaultContract {
        private final Backend backend = new Backend();

        @Override
        protected SupplierAdapter createAdapter() {
            return backend.start(Style.NUMBER_BY_POLLING, SupplierCapabilities.pullOnly());
        }

        @AfterEach
        void stop() {
            backend.close();
        }

        @Override
        protected int returnsAtSupplier() {
            return backend.returns();
        }

        @Override
        protected List<ReturnNumber> trackingAtSupplier(SupplierRequest.RequestReturn applied) {
            return backend.tracking(applied);
        }

        @Override
        protected boolean cancelledAtSupplier(SupplierRequest.RequestReturn applied) {
            return backend.cancelled(applied);
        }

        @Override
        protected void injectFault(SupplierFault fault, int calls) {
            backend.inject(fault, calls);
        }

        @Override
        protected Duration callTimeout() {
            return CONNECT.plus(REQUEST);
        }

        @Override
        protected boolean reportsRetryAfter() {
            return true;
        }
    }
}
