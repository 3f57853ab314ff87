package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.Policies;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.testsupport.SimulatedSupplier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CaseStatus;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.NotificationType;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxIds;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Both seed tables through the engine, with in-memory ports and the three supplier styles on three legs of one
 * case: S1 answers with its number in the reply (after failing twice), S2 calls back, S3 must be polled, for its
 * number, the receipt and the result of its inspection.
 */
@Timeout(20)
class SeedFlowEngineTest {
    private final TestClock clock = new TestClock(T0);
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final InMemoryNotifier notifier = new InMemoryNotifier();
    private final SimulatedSupplier s1 = SimulatedSupplier.of(S1, SimulatedSupplier.Style.NUMBER_IN_REPLY).failingFirst(2);
    private final SimulatedSupplier s2 = SimulatedSupplier.of(S2, SimulatedSupplier.Style.NUMBER_BY_CALLBACK);
    private final SimulatedSupplier s3 = SimulatedSupplier.of(S3, SimulatedSupplier.Style.NUMBER_BY_POLLING)
            .numberAfterPolls(2);
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder()
            .store(store).notifier(notifier).clock(clock).random(new Random(7))
            .suppliers(SupplierRegistry.of(s1, s2, s3))
            .workflow(ReturnWorkflow.builder().policy(Policies.autoShareSupplierNumber()).build())
            .dispatcherConfig(DispatcherConfig.custom().owner("engine-a").initialBackoff(Duration.ofSeconds(10))
                    .maxBackoff(Duration.ofMinutes(5)).pollInterval(Duration.ofMinutes(2)).build())
            .build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void threeSupplierStylesWalkTheSeedToTheEnd() {
        CaseId c = CaseId.of("case-seed");
        // 客户提交退货申请
        CommandResult submitted = engine.execute(submit(c, "AS-2026-0001", List.of(
                line("SKU-1", S1, 1, 2, "59.90"), line("SKU-2", S2, 2, 2, "19.00"), line("SKU-3", S3, 1, 1, "5.00"))));
        ReturnCase opened = submitted.state();
        assertEquals(3, opened.legs().size());
        assertTrue(opened.resellerNumber().value().matches("RS-261103-[2-9A-Z]{5}"), opened.resellerNumber().value());

        // 代发商与供应商协商, the supplier agrees, 代发商向供应商申请退货(单号)
        for (SupplierId s : List.of(S1, S2, S3)) {
            engine.execute(open(c, s));
            engine.execute(agree(c, s));
            engine.execute(apply(c, s));
        }
        engine.dispatchPending();
        assertEquals(1, s1.calls().size(), "the first request to S1 failed once");
        assertEquals(LegState.NUMBER_REQUESTED, leg(c, S1).state());

        // 供应商提供退货单号 by callback (S2): the webhook turns it into a command, twice delivered, applied once
        List<SimulatedSupplier.Callback> callbacks = s2.takeCallbacks();
        assertEquals(1, callbacks.size());
        for (int i = 0; i < 2; i++) {
            SimulatedSupplier.Callback cb = callbacks.get(0);
            CommandResult r = engine.supplierCallbacks(cb.tenant(), S2).forReturn(cb.resellerNumber()).numberIssued(
                    cb.supplierNumber(), IdempotencyKey.of(cb.eventId()));
            assertEquals(i == 1, r.replayed());
        }

        // time passes: S1 is retried with backoff, S3 is polled; the auto-share policy tells the customer every number
        for (int minute = 0; minute < 30 && !allIn(c, LegState.AWAITING_SHIPMENT); minute++) {
            clock.advance(Duration.ofMinutes(1));
            engine.dispatchPending();
        }
        ReturnCase numbered = engine.caseView(reseller(), c).state();
        for (Leg leg : numbered.legs()) {
            assertEquals(LegState.AWAITING_SHIPMENT, leg.state(), leg.supplier() + " got its number and shared it");
            assertNotNull(leg.supplierNumber());
        }
        assertEquals(3, s1.calls().stream().filter(call -> call instanceof SupplierRequest.RequestReturn).count(),
                "S1 failed twice, then answered");
        for (SimulatedSupplier s : List.of(s1, s2, s3)) {
            assertEquals(1, s.requestKeys(c).size(), s + " saw one idempotency key for the leg");
            assertEquals(1, s.returnsCreated(), s + " created exactly one return");
        }
        assertTrue(s3.calls().stream().filter(call -> call instanceof SupplierRequest.Poll).count() >= 3,
                "S3 was polled until it had news");

        // the customer ships; the tracking numbers are synced to the suppliers
        engine.execute(ship(c, S1, "SF", "SF1000000001"));
        engine.execute(ship(c, S2, "ZTO", "ZT2000000002"));
        engine.execute(ship(c, S3, "YTO", "YT3000000003"));
        engine.dispatchPending();
        for (SimulatedSupplier s : List.of(s1, s2, s3)) {
            assertEquals(1, s.calls().stream().filter(call -> call instanceof SupplierRequest.ShareTracking).count(),
                    s + " was told the tracking number");
        }

        // 供应商确认退货并处理: S1 and S2 confirm by command, S3 is found by polling
        engine.execute(receive(c, S1, "SKU-1", 1));
        engine.execute(receive(c, S2, "SKU-2", 2));
        s3.receive(c, List.of(LineQuantity.of("SKU-3", 1)));
        for (int minute = 0; minute < 10 && leg(c, S3).state() != LegState.RECEIVED; minute++) {
            clock.advance(Duration.ofMinutes(1));
            engine.dispatchPending();
        }
        assertEquals(LegState.RECEIVED, leg(c, S3).state());

        // 供应商向代发商确认结果: S1 and S2 by command, S3's inspection is found by polling
        engine.execute(result(c, S1, "SKU-1", 1, 0));
        engine.execute(result(c, S2, "SKU-2", 1, 1));
        s3.inspect(c, SupplierReply.resultReported(List.of(LineQuantity.of("SKU-3", 1)), List.of())
                .withNote("inspected"));
        for (int minute = 0; minute < 10 && leg(c, S3).state() != LegState.RESULT_REPORTED; minute++) {
            clock.advance(Duration.ofMinutes(1));
            engine.dispatchPending();
        }
        assertEquals(LegState.RESULT_REPORTED, leg(c, S3).state());
        assertEquals(1, engine.history(reseller(), c).stream().filter(e -> e instanceof ReturnEvent.ResultReported r
                && r.leg().equals(S3) && r.actor().equals(supplier(S3))).count(), "S3's result, as S3, once");

        // 代发商向客户确认结果, 客户确认结果
        for (SupplierId s : List.of(S1, S2, S3)) {
            engine.execute(tell(c, s));
            engine.execute(confirm(c, s));
        }
        engine.dispatchPending();

        CaseView view = engine.caseView(reseller(), c);
        assertEquals(CaseStatus.COMPLETED, view.state().status());
        assertTrue(view.pending().isEmpty() && view.parked().isEmpty(), "all outbox work is done: " + view.pending());
        assertEquals(5990 + 1900 + 500, view.state().legs().stream().mapToLong(l -> l.refund().minor()).sum());

        // every notification reached the sink once, with a stable id naming its event and recipient
        List<ReturnEvent> history = engine.history(reseller(), c);
        Set<String> ids = new HashSet<>();
        for (Notification n : notifier.delivered()) {
            assertTrue(ids.add(n.id()));
            assertEquals(OutboxIds.of(TENANT, c, n.version(), Effect.NOTIFY, n.recipient().role().name()), n.id());
            assertEquals(NotificationType.of(history.get((int) n.version() - 1)), n.type());
            assertEquals(n.recipient().role() == Role.CUSTOMER ? CUSTOMER.value()
                    : n.recipient().role() == Role.RESELLER ? TENANT.value() : n.leg().value(), n.recipient().id());
        }
        for (SupplierId s : List.of(S1, S2, S3)) {
            Leg leg = view.state().leg(s).orElseThrow();
            assertTrue(has(n -> n.type() == NotificationType.NUMBER_SHARED_WITH_CUSTOMER && s.equals(n.leg())
                    && n.recipient().role() == Role.CUSTOMER && n.numbers().contains(leg.supplierNumber())),
                    "the customer learned the number of " + s);
            assertTrue(has(n -> n.type() == NotificationType.NEGOTIATION_OPENED && s.equals(n.leg())
                    && n.recipient().equals(new dev.returnsync.spi.notify.Recipient(Role.SUPPLIER, s.value()))));
            // every number resolves to its case and leg
            for (var number : List.of(leg.supplierNumber(), leg.returnTracking())) {
                NumberLink link = engine.findByNumber(reseller(), number).orElseThrow();
                assertEquals(c, link.caseId());
                assertEquals(s, link.leg());
            }
        }
        assertEquals(0, notifier.repeats(), "no notification was delivered twice in a crash-free run");
        List<ReturnEvent> seenBySupplier = engine.history(supplier(S2), c);
        assertTrue(seenBySupplier.size() < history.size() && seenBySupplier.stream().allMatch(e ->
                !(e instanceof ReturnEvent.LegEvent leg) || leg.leg().equals(S2)), "a supplier sees its own leg only");
        int notifyEvents = (int) history.stream().filter(e -> !(e instanceof ReturnEvent.ReturnApplied)).count();
        assertTrue(notifier.delivered().size() >= notifyEvents, "at least one notification per event");
    }

    private boolean has(Predicate<Notification> test) {
        return notifier.delivered().stream().anyMatch(test);
    }

    private Leg leg(CaseId c, SupplierId s) {
        return engine.caseView(reseller(), c).state().leg(s).orElseThrow();
    }

    private boolean allIn(CaseId c, LegState state) {
        return engine.caseView(reseller(), c).state().legs().stream().allMatch(l -> l.state() == state);
    }
}
