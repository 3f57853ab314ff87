package dev.returnsync.supplier.http;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.Policies;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.engine.DispatcherConfig;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.notify.NotificationType;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierCapabilities;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.testkit.TestClock;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.testsupport.SimulatedSupplier.Style;
import dev.returnsync.testsupport.http.SimulatedSupplierServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static dev.returnsync.supplier.http.HttpFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The engine, the in-memory store, the HTTP adapter, the simulated supplier's server and the webhook together, over
 * real HTTP on the loopback interface: the reseller applies, the first two calls fail, the supplier issues its number
 * by a signed callback, the number is shared with the customer, tracking is shared over HTTP, the receipt comes by
 * callback, and so does the inspection's result; the supplier holds exactly one return throughout. A pull-only
 * supplier is polled for its number, the receipt and the inspection's result, to the end of the workflow.
 */
@Timeout(60)
class HttpSupplierEndToEndTest {
    private final TestClock clock = TestClock.at(T0);
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final InMemoryNotifier notifier = new InMemoryNotifier();
    private final AtomicReference<SupplierAdapter> adapter = new AtomicReference<>();
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder()
            .store(store).notifier(notifier).clock(clock).random(new Random(3))
            .suppliers(supplier -> Optional.ofNullable(adapter.get()).filter(a -> a.supplier().equals(supplier)))
            .workflow(ReturnWorkflow.builder().policy(Policies.autoShareSupplierNumber()).build())
            .dispatcherConfig(DispatcherConfig.custom().owner("e2e").initialBackoff(Duration.ofSeconds(5)).build())
            .build();
    private final SupplierWebhook webhook = SupplierWebhook.builder(engine).clock(clock)
            .supplier(S1, SECRET_1).build().start();
    private SimulatedSupplierServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        webhook.close();
        engine.close();
    }

    private void connect(Style style, SupplierCapabilities capabilities) {
        server = SimulatedSupplierServer.builder(S1, style).callbacks(webhook.callbackUri(S1), SECRET_1).clock(clock)
                .start();
        adapter.set(new HttpSupplierAdapter(HttpSupplierConfig.builder(S1, server.baseUri()).capabilities(capabilities)
                .connectTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(2)).build()));
    }

    private Leg leg(CaseId c) {
        return engine.caseView(reseller(), c).state().leg(S1).orElseThrow();
    }

    /** Dispatches due work, then moves the clock past any backoff, until nothing is pending or the rounds run out. */
    private void dispatchUntilIdle(CaseId c, int rounds) {
        for (int i = 0; i < rounds; i++) {
            engine.dispatchPending();
            if (engine.caseView(reseller(), c).pending().isEmpty()) {
                return;
            }
            clock.advance(Duration.ofMinutes(2));
        }
    }

    @Test
    void numberByCallbackAfterTwoLostAnswersTrackingOverHttpOneReturnAtTheSupplier() throws Exception {
        connect(Style.NUMBER_BY_CALLBACK, SupplierCapabilities.push());
        CaseId c = CaseId.of("case-e2e");
        String resellerNumber = toNumberRequested(engine, c, S1);

        // 代发商向供应商申请退货: the supplier processes the first two calls, but both answers are lost
        server.inject(SimulatedSupplierServer.Fault.DROP_ANSWER, 2);
        engine.dispatchPending();
        OutboxEntry first = engine.caseView(reseller(), c).pending().stream()
                .filter(e -> e.id().contains("REQUEST_RETURN")).findFirst().orElseThrow();
        assertEquals(1, first.attempts());
        assertTrue(first.lastError().contains("connection lost"), first.lastError());
        assertFalse(first.lastError().contains("AS-"), "no customer number in the stored error");
        dispatchUntilIdle(c, 10);
        assertEquals(3, server.calls(), "two lost answers, then the replayed one");
        assertEquals(1, server.returnsCreated(), "exactly one return at the supplier");
        assertEquals(Optional.of("PENDING"), server.status(TENANT.value(), resellerNumber));
        assertEquals(LegState.NUMBER_REQUESTED, leg(c).state());

        // 供应商提供退货单号 by a signed callback; the policy tells the customer the number
        List<SimulatedSupplierServer.SentCallback> sent = server.issuePendingNumbers();
        assertEquals(1, sent.size());
        assertEquals(200, sent.get(0).status());
        String number = server.supplierNumber(TENANT.value(), resellerNumber).orElseThrow();
        assertEquals(ReturnNumber.supplierReturn(S1, number), leg(c).supplierNumber());
        dispatchUntilIdle(c, 5);
        assertEquals(LegState.AWAITING_SHIPMENT, leg(c).state());
        assertTrue(notifier.delivered().stream().anyMatch(n -> n.type() == NotificationType.NUMBER_SHARED_WITH_CUSTOMER
                && n.recipient().role() == Role.CUSTOMER && n.numbers().contains(ReturnNumber.supplierReturn(S1, number))),
                "the customer was told the supplier number");

        // the customer ships; the tracking number reaches the supplier over HTTP, once
        engine.execute(Commands.as(customer()).key(key()).onCase(c).reportShipment().leg(S1)
                .tracking("SF", "SF1234567890").build());
        dispatchUntilIdle(c, 5);
        assertEquals(List.of(new SimulatedSupplierServer.Parcel("SF", "SF1234567890")),
                server.parcels(TENANT.value(), resellerNumber));

        // 供应商确认退货: the receipt by callback
        Optional<SimulatedSupplierServer.SentCallback> receipt = server.receive(TENANT.value(), resellerNumber,
                List.of(LineQuantity.of("SKU-1", 1)));
        assertEquals(200, receipt.orElseThrow().status());
        assertEquals(LegState.RECEIVED, leg(c).state());

        // 供应商向代发商确认退货处理结果: the inspection's result by callback, recorded as the supplier
        SimulatedSupplierServer.SentCallback result = server.reportResult(TENANT.value(), resellerNumber,
                SupplierReply.resultReported(List.of(LineQuantity.of("SKU-1", 1)), List.of()).withNote("tags intact"))
                .orElseThrow();
        assertEquals(200, result.status(), result.body());
        assertEquals(LegState.RESULT_REPORTED, leg(c).state());
        assertEquals(1, leg(c).totalAccepted());
        List<dev.returnsync.spi.ReturnEvent> history = engine.history(reseller(), c);
        assertEquals(supplier(S1), history.get(history.size() - 1).actor());

        // a replay of the number callback is refused and changes nothing
        long version = store.load(TENANT, c).orElseThrow().version();
        SimulatedSupplierServer.SentCallback again = sent.get(0);
        assertEquals(409, post(webhook.callbackUri(S1), again.timestamp(), again.signature(), again.body()).statusCode());
        assertEquals(version, store.load(TENANT, c).orElseThrow().version());
        assertEquals(1, server.returnsCreated());
        assertTrue(engine.caseView(reseller(), c).parked().isEmpty(), "nothing parked");
    }

    @Test
    void aDeclineByCallbackEndsTheLegAsDeclinedByTheSupplier() {
        connect(Style.NUMBER_BY_CALLBACK, SupplierCapabilities.push());
        CaseId c = CaseId.of("case-declined");
        String resellerNumber = toNumberRequested(engine, c, S1);
        dispatchUntilIdle(c, 3);
        Optional<SimulatedSupplierServer.SentCallback> sent = server.decline(TENANT.value(), resellerNumber,
                dev.returnsync.spi.Reason.of(dev.returnsync.spi.ReasonCode.OTHER, "past our return window"));
        assertEquals(200, sent.orElseThrow().status());
        assertEquals(LegState.DECLINED, leg(c).state());
        List<dev.returnsync.spi.ReturnEvent> history = engine.history(reseller(), c);
        dev.returnsync.spi.ReturnEvent last = history.get(history.size() - 1);
        assertTrue(last instanceof dev.returnsync.spi.ReturnEvent.SupplierDeclined, last.toString());
        assertEquals(supplier(S1), last.actor());
    }

    @Test
    void afterADeclineByCallbackTheCustomerReappliesAndTheNextRoundAppliesAgainUnderTheSameResellerNumber() {
        connect(Style.NUMBER_BY_CALLBACK, SupplierCapabilities.push());
        CaseId c = CaseId.of("case-reapplied");
        String resellerNumber = toNumberRequested(engine, c, S1);
        dispatchUntilIdle(c, 3);
        server.decline(TENANT.value(), resellerNumber,
                dev.returnsync.spi.Reason.of(dev.returnsync.spi.ReasonCode.OTHER, "no photos"));
        assertEquals(LegState.DECLINED, leg(c).state());

        engine.execute(Commands.as(customer()).key(key()).onCase(c).reapply().leg(S1)
                .reason(dev.returnsync.spi.ReasonCode.QUALITY_ISSUE, "photos attached",
                        dev.returnsync.spi.Evidence.of(dev.returnsync.spi.EvidenceKind.PHOTO, "p-1.jpg"))
                .build());
        engine.execute(Commands.as(supplier(S1)).key(key()).onCase(c).agreeReturn()
                .outcome(dev.returnsync.spi.OutcomeType.RETURN_AND_REFUND).build());
        engine.execute(Commands.as(reseller()).key(key()).onCase(c).applyForReturn().leg(S1).build());
        dispatchUntilIdle(c, 3);
        assertTrue(engine.caseView(reseller(), c).parked().isEmpty(), "the second application is not parked");
        assertEquals(2, leg(c).round());
        assertEquals(1, server.returnsCreated(), "the declined return was applied for again, not duplicated");
    }

    @Test
    void numberInReplyAfterA500AndADroppedConnection() {
        connect(Style.NUMBER_IN_REPLY, SupplierCapabilities.replyOnly());
        CaseId c = CaseId.of("case-reply");
        String resellerNumber = toNumberRequested(engine, c, S1);
        server.inject(SimulatedSupplierServer.Fault.SERVER_ERROR, 1);
        server.inject(SimulatedSupplierServer.Fault.DROP_CONNECTION, 1);
        dispatchUntilIdle(c, 10);
        assertEquals(3, server.calls());
        assertEquals(1, server.returnsCreated());
        assertEquals(LegState.AWAITING_SHIPMENT, leg(c).state(), "number issued in the reply, then shared");
        assertEquals(server.supplierNumber(TENANT.value(), resellerNumber).map(n -> ReturnNumber.supplierReturn(S1, n))
                .orElseThrow(), leg(c).supplierNumber());
    }

    @Test
    void pullOnlySupplierIsPolledForItsNumberItsReceiptAndItsResultToTheEndOfTheWorkflow() {
        connect(Style.NUMBER_BY_POLLING, SupplierCapabilities.pullOnly());
        CaseId c = CaseId.of("case-poll");
        String resellerNumber = toNumberRequested(engine, c, S1);
        engine.dispatchPending();
        assertEquals(1, server.returnsCreated());
        pollOnce();
        assertEquals(LegState.NUMBER_REQUESTED, leg(c).state(), "polled, nothing new yet");
        server.issuePendingNumbers();
        pollOnce();
        assertEquals(LegState.AWAITING_SHIPMENT, leg(c).state());
        assertEquals(server.supplierNumber(TENANT.value(), resellerNumber).orElseThrow(), leg(c).supplierNumber().value());

        // the customer ships; 供应商确认退货 is found by a poll
        shipped(c);
        server.receive(TENANT.value(), resellerNumber, List.of(LineQuantity.of("SKU-1", 1)));
        pollOnce();
        assertEquals(LegState.RECEIVED, leg(c).state());

        // 供应商向代发商确认退货处理结果: the inspection's result is found by the next polls
        pollOnce();
        assertEquals(LegState.RECEIVED, leg(c).state(), "polled after the receipt, nothing new yet");
        server.reportResult(TENANT.value(), resellerNumber, SupplierReply.resultReported(List.of(),
                List.of(LineQuantity.of("SKU-1", 1))).withNote("worn, tags removed")
                .withEvidence(List.of(Evidence.of(EvidenceKind.PHOTO, "img/tags.jpg"))));
        pollOnce();
        assertEquals(LegState.RESULT_REPORTED, leg(c).state());
        ReturnEvent.ResultReported result = (ReturnEvent.ResultReported) last(c);
        assertEquals(supplier(S1), result.actor());
        assertEquals(List.of(LineQuantity.of("SKU-1", 1)), result.rejected());
        assertEquals("worn, tags removed", result.note());
        assertEquals(List.of(Evidence.of(EvidenceKind.PHOTO, "img/tags.jpg")), result.evidence());

        // 代发商向客户确认退货处理结果, 客户确认: the workflow ends, nothing left to poll
        engine.execute(Commands.as(reseller()).key(key()).onCase(c).reportResultToCustomer().leg(S1)
                .note("not accepted: worn").build());
        engine.execute(Commands.as(customer()).key(key()).onCase(c).confirmResult().leg(S1).build());
        dispatchUntilIdle(c, 5);
        assertEquals(LegState.COMPLETED, leg(c).state());
        assertTrue(engine.caseView(reseller(), c).pending().isEmpty(), "polling ended");
        assertTrue(engine.caseView(reseller(), c).parked().isEmpty(), "nothing parked");
        assertEquals(1, server.returnsCreated());
    }

    @Test
    void aReturnInspectedBetweenTwoPollsIsRecordedAsReceivedThenReported() {
        connect(Style.NUMBER_BY_POLLING, SupplierCapabilities.pullOnly());
        CaseId c = CaseId.of("case-inspected");
        String resellerNumber = toNumberRequested(engine, c, S1);
        engine.dispatchPending();
        server.issuePendingNumbers();
        pollOnce();
        assertEquals(LegState.AWAITING_SHIPMENT, leg(c).state());
        shipped(c);
        server.reportResult(TENANT.value(), resellerNumber, SupplierReply.resultReported(
                List.of(LineQuantity.of("SKU-1", 1)), List.of()));
        pollOnce();
        assertEquals(LegState.RESULT_REPORTED, leg(c).state());
        List<ReturnEvent> history = engine.history(reseller(), c);
        ReturnEvent.ReturnReceived receipt = (ReturnEvent.ReturnReceived) history.get(history.size() - 2);
        assertEquals(supplier(S1), receipt.actor());
        assertEquals(List.of(LineQuantity.of("SKU-1", 1)), receipt.received());
        assertEquals(supplier(S1), history.get(history.size() - 1).actor());
        dispatchUntilIdle(c, 10);
        assertTrue(engine.caseView(reseller(), c).pending().isEmpty() && engine.caseView(reseller(), c).parked()
                .isEmpty(), "the poll planned by the receipt ended without news to look for");
    }

    private void shipped(CaseId c) {
        engine.execute(Commands.as(customer()).key(key()).onCase(c).reportShipment().leg(S1)
                .tracking("SF", "SF1234567890").build());
        engine.dispatchPending();
    }

    private void pollOnce() {
        clock.advance(Duration.ofMinutes(16));
        engine.dispatchPending();
    }

    private ReturnEvent last(CaseId c) {
        List<ReturnEvent> history = engine.history(reseller(), c);
        return history.get(history.size() - 1);
    }
}
