package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.LineState;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.Role;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.ReturnSyncException;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.DueCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * 8 threads fire 1,000 random commands each at 50 cases (mostly the natural next step, sometimes anything, by the
 * wrong party, with a stale version or a repeated key). Afterwards the store must hold exactly the accepted events,
 * every version exactly once, and every case must fold with its invariants intact.
 */
@Timeout(60)
class ConcurrentCommandsTest {
    static final int THREADS = 8;
    static final int COMMANDS = 1_000;
    static final int CASES = 50;

    @Test
    void acceptedCommandsEqualStoredEventsWithoutGapsOrDeadlock() throws Exception {
        InMemoryCaseStore store = new InMemoryCaseStore();
        Clock clock = Clock.fixed(T0.plus(Duration.ofDays(1)), ZoneOffset.UTC);
        ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
                .clock(clock).engineConfig(EngineConfig.custom().foldCacheSize(20).build()).build();
        List<CaseId> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            CaseId c = CaseId.of("case-" + i);
            cases.add(c);
            engine.execute(submit(c, "AS-" + i, List.of(line("SKU-A", S1, 2, 2, "10.00"), line("SKU-B", S2, 2, 3, "4.50"))));
        }

        AtomicLong acceptedEvents = new AtomicLong();
        AtomicInteger replays = new AtomicInteger();
        AtomicInteger refusals = new AtomicInteger();
        Map<CaseId, Set<Long>> versions = new ConcurrentHashMap<>();
        Map<CaseId, AtomicInteger> duplicates = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                Random random = new Random(1_000 + thread);
                List<Command> sent = new ArrayList<>();
                for (int i = 0; i < COMMANDS; i++) {
                    Command command;
                    if (!sent.isEmpty() && random.nextInt(20) == 0) {
                        command = sent.get(random.nextInt(sent.size()));
                    } else {
                        CaseId c = cases.get(random.nextInt(CASES));
                        command = randomCommand(engine, random, c, thread + "-" + i);
                        sent.add(command);
                    }
                    try {
                        CommandResult result = engine.execute(command);
                        if (result.replayed()) {
                            replays.incrementAndGet();
                        } else {
                            acceptedEvents.addAndGet(result.events().size());
                            Set<Long> seen = versions.computeIfAbsent(command.caseId(), k -> ConcurrentHashMap.newKeySet());
                            for (long v = result.version() - result.events().size() + 1; v <= result.version(); v++) {
                                if (!seen.add(v)) {
                                    duplicates.computeIfAbsent(command.caseId(), k -> new AtomicInteger()).incrementAndGet();
                                }
                            }
                        }
                    } catch (ReturnSyncException e) {
                        refusals.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        pool.shutdown();
        assertTrue(pool.awaitTermination(45, TimeUnit.SECONDS), "no deadlock: all threads finished in time");
        for (Future<?> f : futures) {
            f.get();
        }

        assertTrue(duplicates.isEmpty(), "no version was produced twice: " + duplicates);
        long stored = 0;
        Map<String, NumberLink> allLinks = new HashMap<>();
        List<DueCase> due = store.findDue(Instant.MAX, 10_000);
        for (CaseId c : cases) {
            CaseHistory history = store.load(TENANT, c).orElseThrow();
            stored += history.version();
            Set<Long> expected = new TreeSet<>();
            for (long v = 2; v <= history.version(); v++) {
                expected.add(v);
            }
            assertEquals(expected, new TreeSet<>(versions.getOrDefault(c, Set.of())), "versions of " + c + " have no gaps");
            ReturnCase folded = ReturnWorkflow.evolve(Optional.empty(), history.events()); // LineState checks its axes on every step
            assertEquals(history.version(), folded.version());
            assertInvariants(folded);
            for (NumberLink link : folded.links()) {
                assertNull(allLinks.put(link.number().uniquenessKey(), link), "a number is linked twice");
                assertEquals(Optional.of(link), store.findByNumber(TENANT, link.number()), "the store resolves " + link.number());
            }
            Optional<Instant> nextDue = folded.nextDueAt(engine.workflow().deadlines());
            assertEquals(nextDue, due.stream().filter(d -> d.caseId().equals(c)).map(DueCase::dueAt).findFirst(),
                    "due index of " + c);
        }
        assertEquals(CASES + acceptedEvents.get(), stored, "accepted commands equal stored events");
        assertTrue(acceptedEvents.get() > 500, "the run made progress: " + acceptedEvents.get());
        assertTrue(refusals.get() > 100 && replays.get() > 50, "the run met refusals and repeats: " + refusals + ", " + replays);
        engine.close();
    }

    private static void assertInvariants(ReturnCase c) {
        for (Leg leg : c.legs()) {
            LegState s = leg.state();
            if (leg.numberShared() || s == LegState.NUMBER_ISSUED || s == LegState.AWAITING_SHIPMENT
                    || s == LegState.AWAITING_RESULT || s == LegState.SHIPPED) {
                assertNotNull(leg.supplierNumber(), c.id() + " " + leg.supplier() + " in " + s + " has its number");
            }
            if (s == LegState.SHIPPED || s == LegState.RECEIVED) {
                assertNotNull(leg.returnTracking(), "a shipped leg has its tracking number");
            }
            if (s == LegState.REPLACEMENT_SHIPPED) {
                assertNotNull(leg.replacementTracking());
            }
            if (s == LegState.RESULT_NOTIFIED || s == LegState.COMPLETED && leg.refund() == null) {
                assertNotNull(leg.refund(), "the customer was told an amount");
            }
            for (LineState line : leg.lines()) {
                assertTrue(line.accepted() + line.rejected() <= line.received() && line.received() <= line.authorized()
                        && line.authorized() <= line.requested() && line.requested() <= line.delivered());
            }
        }
        assertEquals(c.legs().stream().allMatch(l -> l.state().isTerminal()), c.status().isFinished());
    }

    /** Mostly the natural next step of a random leg, sometimes any command; sometimes by the wrong party or stale. */
    private static Command randomCommand(ReturnSyncEngine engine, Random random, CaseId c, String unique) {
        ReturnCase now = engine.caseView(reseller(), c).state();
        SupplierId legId = random.nextBoolean() ? S1 : S2;
        Leg leg = now.leg(legId).orElseThrow();
        CommandType type = random.nextInt(10) < 7 ? next(leg)
                : CommandType.values()[1 + random.nextInt(CommandType.values().length - 1)];
        Long expected = random.nextInt(5) == 0 ? Long.valueOf(now.version() - random.nextInt(2)) : null;
        IdempotencyKey key = IdempotencyKey.of("r-" + unique);
        Actor customer = random.nextInt(15) == 0 ? Actor.customer(TENANT, CustomerId.of("c-other")) : customer();
        Actor supplier = random.nextInt(15) == 0 ? supplier(legId.equals(S1) ? S2 : S1) : supplier(legId);
        Actor reseller = random.nextInt(30) == 0 ? Actor.reseller(OTHER_TENANT, "intruder") : reseller();
        Reason reason = Reason.of(ReasonCode.OTHER, "random");
        String sku = legId.equals(S1) ? "SKU-A" : "SKU-B";
        int received = leg.line(dev.returnsync.spi.Sku.of(sku)).orElseThrow().received();
        int accepted = received == 0 ? 0 : random.nextInt(received + 1);
        return switch (type) {
            case SUBMIT_RETURN, OPEN_NEGOTIATION -> new Command.OpenNegotiation(key, reseller, expected, null, c, legId);
            case AGREE_RETURN -> new Command.AgreeReturn(key, supplier, expected, null, c, legId,
                    OutcomeType.values()[random.nextInt(3)], List.of(), null, null, null, List.of());
            case DECLINE_RETURN -> new Command.DeclineReturn(key, supplier, expected, null, c, legId, reason);
            case APPLY_FOR_RETURN -> new Command.ApplyForReturn(key, reseller, expected, null, c, legId);
            case ISSUE_SUPPLIER_NUMBER -> new Command.IssueSupplierNumber(key, supplier, expected, null, c, legId,
                    ReturnNumber.supplierReturn(legId, "N-" + unique));
            case REPLACE_SUPPLIER_NUMBER -> new Command.ReplaceSupplierNumber(key, supplier, expected, null, c, legId,
                    ReturnNumber.supplierReturn(legId, "M-" + unique));
            case SHARE_NUMBER_WITH_CUSTOMER -> new Command.ShareNumberWithCustomer(key, reseller, expected, null, c, legId);
            case REPORT_SHIPMENT -> new Command.ReportShipment(key, customer, expected, null, c, legId,
                    ReturnNumber.returnTracking("SF", "SF" + unique.replace("-", "0") + "00"));
            case CONFIRM_RECEIPT -> new Command.ConfirmReceipt(key, supplier, expected, null, c, legId,
                    List.of(LineQuantity.of(sku, 1 + random.nextInt(2))));
            case REPORT_RESULT -> leg.shipsGoodsBack()
                    ? new Command.ReportResult(key, supplier, expected, null, c, legId,
                    List.of(LineQuantity.of(sku, accepted)), List.of(LineQuantity.of(sku, received - accepted)), "ok", null,
                    List.of())
                    : new Command.ReportResult(key, supplier, expected, null, c, legId, List.of(), List.of(), "ok", null, List.of());
            case SHIP_REPLACEMENT -> new Command.ShipReplacement(key, supplier, expected, null, c, legId,
                    ReturnNumber.replacementTracking("ZTO", "ZT" + unique.replace("-", "0") + "00"));
            case REPORT_RESULT_TO_CUSTOMER -> new Command.ReportResultToCustomer(key, reseller, expected, null, c, legId, "done", null);
            case CONFIRM_RESULT -> new Command.ConfirmResult(key, customer, expected, null, c, legId);
            case DISPUTE_RESULT -> new Command.DisputeResult(key, customer, expected, null, c, legId, reason);
            case CANCEL_RETURN -> new Command.CancelReturn(key, customer, expected, null, c, legId);
            case CLOSE_LEG -> new Command.CloseLeg(key, reseller, expected, null, c, legId, reason);
            case FIRE_DEADLINE -> new Command.FireDeadline(key, Actor.system(TENANT, "timer"), expected, null, c, legId);
            case OFFER_PARTIAL_REFUND -> new Command.OfferPartialRefund(key, supplier, expected, null, c, legId,
                    new dev.returnsync.spi.Money(leg.worth().currency(), 1 + random.nextInt(100)), "offer");
            case ACCEPT_PARTIAL_REFUND -> new Command.AcceptPartialRefund(key, customer, expected, null, c, legId);
            case REJECT_PARTIAL_REFUND -> new Command.RejectPartialRefund(key, customer, expected, null, c, legId, reason);
            case REAPPLY -> new Command.Reapply(key, customer, expected, null, c, legId, reason);
            case SEND_MESSAGE -> new Command.SendMessage(key, supplier, expected, null, c, legId, Role.RESELLER, "hello");
        };
    }

    private static CommandType next(Leg leg) {
        return switch (leg.state()) {
            case REQUESTED -> CommandType.OPEN_NEGOTIATION;
            case NEGOTIATING -> CommandType.AGREE_RETURN;
            case AGREED -> CommandType.APPLY_FOR_RETURN;
            case NUMBER_REQUESTED -> CommandType.ISSUE_SUPPLIER_NUMBER;
            case NUMBER_ISSUED -> CommandType.SHARE_NUMBER_WITH_CUSTOMER;
            case AWAITING_SHIPMENT -> CommandType.REPORT_SHIPMENT;
            case AWAITING_RESULT, RECEIVED -> CommandType.REPORT_RESULT;
            case SHIPPED -> CommandType.CONFIRM_RECEIPT;
            case RESULT_REPORTED -> leg.replacementDue() ? CommandType.SHIP_REPLACEMENT
                    : CommandType.REPORT_RESULT_TO_CUSTOMER;
            case REPLACEMENT_SHIPPED, DISPUTED -> CommandType.REPORT_RESULT_TO_CUSTOMER;
            case RESULT_NOTIFIED -> CommandType.CONFIRM_RESULT;
            case PARTIAL_REFUND_OFFERED -> CommandType.ACCEPT_PARTIAL_REFUND;
            default -> CommandType.CLOSE_LEG;
        };
    }
}
