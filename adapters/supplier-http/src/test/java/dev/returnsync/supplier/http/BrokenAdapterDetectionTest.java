package dev.returnsync.supplier.http;

import dev.returnsync.testsupport.SimulatedSupplier.Style;
import dev.returnsync.testsupport.http.SimulatedSupplierServer;
import dev.returnsync.testkit.contract.ContractRun;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierCapabilities;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import dev.returnsync.testkit.contract.SupplierAdapterFaultContract;
import dev.returnsync.testkit.contract.SupplierFault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that the supplier suites can fail: the HTTP adapter wrapped so that it breaks one promise (drops the
 * idempotency key, gives up on passing failures, leaks the customer's words into error texts, shares tracking under
 * a new key each time) is caught by the tests aimed at that promise; the intact wrapper passes everything. The
 * suites are static nested classes, which Surefire does not run by itself.
 */
@Timeout(120)
class BrokenAdapterDetectionTest {
    private static final SupplierId SUPPLIER = SupplierId.of("acme");

    /** The HTTP adapter against a fresh simulated server, with its calls passed through {@link #wrap}. */
    abstract static class Wrapped extends SupplierAdapterFaultContract {
        SimulatedSupplierServer server;

        abstract SupplierAdapter wrap(HttpSupplierAdapter real);

        @Override
        protected SupplierAdapter createAdapter() {
            server = SimulatedSupplierServer.builder(SUPPLIER, Style.NUMBER_IN_REPLY)
                    .slowDelay(Duration.ofSeconds(3)).start();
            return wrap(new HttpSupplierAdapter(HttpSupplierConfig.builder(SUPPLIER, server.baseUri())
                    .capabilities(SupplierCapabilities.replyOnly().withCancellation(false))
                    .connectTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofMillis(500)).build()));
        }

        @AfterEach
        void stop() {
            server.close();
        }

        @Override
        protected int returnsAtSupplier() {
            return server.returnsCreated();
        }

        @Override
        protected List<ReturnNumber> trackingAtSupplier(SupplierRequest.RequestReturn applied) {
            List<ReturnNumber> out = new ArrayList<>();
            for (SimulatedSupplierServer.Parcel p : server.parcels(applied.tenant().value(), applied.resellerNumber().value())) {
                out.add(ReturnNumber.returnTracking(p.carrier(), p.trackingNumber()));
            }
            return out;
        }

        @Override
        protected boolean cancelledAtSupplier(SupplierRequest.RequestReturn applied) {
            return false;
        }

        @Override
        protected void injectFault(SupplierFault fault, int calls) {
            SimulatedSupplierServer.Fault mapped = SimulatedSupplierServer.Fault.valueOf(fault
                    == SupplierFault.CONNECTION_DROPPED ? "DROP_CONNECTION"
                    : fault == SupplierFault.ANSWER_LOST ? "DROP_ANSWER" : fault.name());
            server.inject(mapped, calls);
        }

        @Override
        protected Duration callTimeout() {
            return Duration.ofMillis(1500);
        }
    }

    /** Forwards every call, changing requests and replies as told. */
    static SupplierAdapter forwarding(HttpSupplierAdapter real, UnaryOperator<SupplierRequest.RequestReturn> request,
                                      UnaryOperator<SupplierRequest.ShareTracking> share,
                                      UnaryOperator<SupplierReply> reply) {
        return new SupplierAdapter() {
            @Override
            public SupplierId supplier() {
                return real.supplier();
            }

            @Override
            public SupplierCapabilities capabilities() {
                return real.capabilities();
            }

            @Override
            public SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn r) {
                return (SupplierReply.ToRequest) reply.apply(real.requestReturn(request.apply(r)));
            }

            @Override
            public SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking r) {
                return (SupplierReply.ToNotice) reply.apply(real.shareTracking(share.apply(r)));
            }
        };
    }

    static class Intact extends Wrapped {
        @Override
        SupplierAdapter wrap(HttpSupplierAdapter real) {
            return forwarding(real, r -> r, s -> s, r -> r);
        }
    }

    static class KeyNotPassedOn extends Wrapped {
        @Override
        SupplierAdapter wrap(HttpSupplierAdapter real) {
            return forwarding(real, r -> new SupplierRequest.RequestReturn(UUID.randomUUID().toString(), r.tenant(),
                    r.caseId(), r.leg(), r.resellerNumber(), r.customerNumber(), r.lines(), r.outcome(), r.reason()),
                    s -> s, r -> r);
        }
    }

    static class GivesUpOnPassingFailures extends Wrapped {
        @Override
        SupplierAdapter wrap(HttpSupplierAdapter real) {
            return forwarding(real, r -> r, s -> s, r -> r instanceof SupplierReply.RetryableFailure f
                    ? SupplierReply.failed(f.error()) : r);
        }
    }

    static class LeaksPersonalData extends Wrapped {
        @Override
        SupplierAdapter wrap(HttpSupplierAdapter real) {
            return forwarding(real, r -> r, s -> s, r -> r instanceof SupplierReply.RetryableFailure f
                    ? SupplierReply.retryLater(f.error() + " for " + CUSTOMER_WORDS) : r);
        }
    }

    static class TrackingUnderNewKeys extends Wrapped {
        @Override
        SupplierAdapter wrap(HttpSupplierAdapter real) {
            return forwarding(real, r -> r, s -> new SupplierRequest.ShareTracking(UUID.randomUUID().toString(),
                    s.tenant(), s.caseId(), s.leg(), s.resellerNumber(), s.supplierNumber(), s.tracking()), r -> r);
        }
    }

    @Test
    void theIntactAdapterPassesEverything() {
        var results = ContractRun.run(Intact.class);
        assertEquals(Set.of(), ContractRun.failed(results));
        assertTrue(results.size() >= 19, "every test ran: " + results.keySet());
    }

    @Test
    void anAdapterThatDropsTheKeyIsCaught() {
        Set<String> failed = ContractRun.failed(ContractRun.run(KeyNotPassedOn.class));
        assertTrue(failed.containsAll(Set.of("theSameKeyTwiceMakesOneReturn", "concurrentRepeatsMakeOneReturn",
                "answersLostTwice", "serverError")), "failed: " + failed);
    }

    @Test
    void anAdapterThatGivesUpOnPassingFailuresIsCaught() {
        Set<String> failed = ContractRun.failed(ContractRun.run(GivesUpOnPassingFailures.class));
        assertTrue(failed.containsAll(Set.of("slowSupplier", "serverError", "rateLimited", "droppedConnection",
                "answersLostTwice", "shareTrackingUnderFaults")), "failed: " + failed);
    }

    @Test
    void anAdapterThatLeaksTheCustomersWordsIsCaught() {
        Set<String> failed = ContractRun.failed(ContractRun.run(LeaksPersonalData.class));
        assertTrue(failed.containsAll(Set.of("serverError", "droppedConnection", "answersLostTwice")), "failed: " + failed);
    }

    @Test
    void anAdapterThatSharesTrackingUnderNewKeysIsCaught() {
        Set<String> failed = ContractRun.failed(ContractRun.run(TrackingUnderNewKeys.class));
        assertTrue(failed.containsAll(Set.of("shareTrackingIsIdempotent", "shareTrackingUnderFaults")), "failed: " + failed);
    }
}
