package dev.returnsync.store.jdbc.testing;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.DeadlinePolicy;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.LineState;
import dev.returnsync.core.domain.Policies;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.TimeoutAction;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.engine.CaseView;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.ContentionException;
import dev.returnsync.core.engine.DispatcherConfig;
import dev.returnsync.core.engine.ResellerNumberGenerator;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.ForwardingCaseStore;
import dev.returnsync.spi.store.IdempotencyKeyTakenException;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.store.VersionConflictException;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.testkit.TestClock;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.testsupport.SimulatedSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Three engines over one database, each with its own store (from {@link #openStore}) and dispatcher owner, run
 * random customer, reseller and supplier commands, supplier callbacks, deadline runs and dispatching at the same
 * time, for a bounded time and number of operations, on a simulated clock that runs about 1,000 times faster than
 * the wall clock. Each instance borrows its connections from its own small pool. The three simulated suppliers
 * (number in the reply; number by callback; pull-only, failing its first
 * two requests) and the notifier (which also fails now and then) are shared, as real ones would be.
 *
 * <p>Afterwards, with the outbox drained: every appended batch and every accepted command's events are in the store
 * at their versions, without gaps; no leg got two supplier returns; every notification the outbox planned was
 * delivered, at least once, and the notifier deduplicated it by id; every case folds, keeps its quantities in order,
 * and each of its numbers resolves to it through every instance; the outbox is empty, nothing parked.
 *
 * <p>A store module's test extends this class and says how to open a store on an emptied database. The seed is
 * printed; {@code -Dreturnsync.seed=...} sets it, though thread timing makes runs differ anyway.
 */
@Timeout(240)
public abstract class SeveralInstancesContract {
    private static final Duration RUN_FOR = Duration.ofSeconds(16);
    private static final int MAX_OPERATIONS = 6_000;
    private static final int MAX_CASES = 400;
    private static final int ACTIVE_CASES = 12;
    private static final int INSTANCES = 3;
    private static final int PARTY_THREADS_PER_INSTANCE = 2;
    private static final TenantId SHOP = TenantId.of("shop-many");
    private static final SupplierId A = SupplierId.of("sup-a");
    private static final SupplierId B = SupplierId.of("sup-b");
    private static final SupplierId C = SupplierId.of("sup-c");
    private static final List<SupplierId> SUPPLIERS = List.of(A, B, C);
    private static final Instant START = Instant.parse("2026-11-03T00:00:00Z");
    private static final Set<LegState> DEADLINES_WAITED_FOR = EnumSet.of(LegState.NEGOTIATING,
            LegState.AWAITING_SHIPMENT, LegState.SHIPPED, LegState.RESULT_NOTIFIED);

    private final long seed = Long.getLong("returnsync.seed", System.nanoTime());
    private final TestClock clock = TestClock.at(START);
    private final SimulatedSupplier supA = SimulatedSupplier.of(A, SimulatedSupplier.Style.NUMBER_IN_REPLY);
    private final SimulatedSupplier supB = SimulatedSupplier.of(B, SimulatedSupplier.Style.NUMBER_BY_CALLBACK);
    private final SimulatedSupplier supC = SimulatedSupplier.of(C, SimulatedSupplier.Style.NUMBER_BY_POLLING)
            .failingFirst(2);
    private final InMemoryNotifier notifier = new InMemoryNotifier();
    private final ReturnWorkflow workflow = ReturnWorkflow.builder()
            .policy(Policies.autoShareSupplierNumber())
            .deadlines(DeadlinePolicy.builder()
                    .on(LegState.NEGOTIATING, Duration.ofMinutes(30), TimeoutAction.ESCALATE)
                    .on(LegState.NUMBER_REQUESTED, Duration.ofMinutes(30), TimeoutAction.ESCALATE)
                    .on(LegState.AWAITING_SHIPMENT, Duration.ofMinutes(45), TimeoutAction.EXPIRE)
                    .on(LegState.SHIPPED, Duration.ofMinutes(45), TimeoutAction.ESCALATE)
                    .on(LegState.RESULT_NOTIFIED, Duration.ofMinutes(20), TimeoutAction.AUTO_CONFIRM)
                    .build())
            .build();

    private final List<Instance> instances = new ArrayList<>();
    private final List<CaseId> cases = new CopyOnWriteArrayList<>();
    private final Set<CaseId> finished = ConcurrentHashMap.newKeySet();
    private final AtomicInteger nextCase = new AtomicInteger();
    private final AtomicInteger operations = new AtomicInteger();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger contentions = new AtomicInteger();
    private final AtomicInteger replays = new AtomicInteger();
    private final AtomicInteger callbacksDelivered = new AtomicInteger();
    private final ConcurrentLinkedQueue<AppendBatch> appended = new ConcurrentLinkedQueue<>();
    private final List<Accepted> accepted = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<PendingCallback> callbacks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private volatile boolean stop;

    /** Empties the database the instances will share; called once, before any {@link #openStore}. */
    protected abstract void emptyDatabase();

    /**
     * Opens instance {@code index}'s own store, on its own small connection pool (of about 8 connections), as a
     * separate process would; the pool is closed by {@link #closeStores()}.
     *
     * @param index the instance, from 0
     * @return the instance's store
     */
    protected abstract CaseStore openStore(int index);

    /** Closes what {@link #openStore} opened; called after the engines stopped. */
    protected abstract void closeStores();

    /** A command accepted by an instance, with what it answered. */
    private record Accepted(Command command, CommandResult result) {
    }

    /** A supplier callback waiting to be delivered through some instance's webhook. */
    private record PendingCallback(SimulatedSupplier.Callback callback, int attempts) {
    }

    /** One engine with its own store and dispatcher owner, as in its own process. */
    private final class Instance {
        final int index;
        final RecordingStore store;
        final ReturnSyncEngine engine;
        final Actor reseller;
        final AtomicInteger keys = new AtomicInteger();

        Instance(int index) {
            this.index = index;
            this.store = new RecordingStore(openStore(index));
            this.reseller = Actor.reseller(SHOP, "staff-" + index);
            this.engine = ReturnSyncEngine.builder()
                    .store(store)
                    .notifier(notifier)
                    .suppliers(SupplierRegistry.of(supA, supB, supC))
                    .workflow(workflow)
                    .clock(clock)
                    .random(new SplittableRandom(seed + index))
                    .resellerNumbers(ResellerNumberGenerator.dated("RS", ZoneOffset.UTC,
                            new SplittableRandom(seed * 31 + index)))
                    .dispatcherConfig(DispatcherConfig.custom().owner("instance-" + index).batchSize(10)
                            .lease(Duration.ofMinutes(30)).initialBackoff(Duration.ofSeconds(30))
                            .maxBackoff(Duration.ofMinutes(10)).pollInterval(Duration.ofMinutes(2)).build())
                    .build();
        }

        IdempotencyKey key() {
            return IdempotencyKey.of("k" + index + "-" + keys.incrementAndGet());
        }
    }

    /** Records every batch the real store accepted, and counts the outbox entries this instance completed. */
    private final class RecordingStore extends ForwardingCaseStore {
        final CaseStore delegate;
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();

        RecordingStore(CaseStore delegate) {
            super(delegate);
            this.delegate = delegate;
        }

        @Override
        public void append(AppendBatch batch) {
            try {
                delegate.append(batch);
            } catch (VersionConflictException | IdempotencyKeyTakenException e) {
                conflicts.incrementAndGet();   // another instance changed the case first: the engine re-decides
                throw e;
            }
            appended.add(batch);
            batches.incrementAndGet();
        }

        @Override
        public boolean completeOutbox(String entryId, String owner) {
            boolean held = delegate.completeOutbox(entryId, owner);
            if (held) {
                completed.incrementAndGet();
            }
            return held;
        }
    }

    @AfterEach
    void closeEngines() {
        stop = true;
        instances.forEach(i -> i.engine.close());
        closeStores();
    }

    /**
     * Runs the three instances at once, drains the outbox, and checks everything the class comment lists.
     *
     * @throws Exception if an instance fails
     */
    @Test
    public void three_engines_over_one_database_lose_nothing_and_duplicate_nothing() throws Exception {
        emptyDatabase();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(new Instance(i));
        }
        System.out.println("SeveralInstancesTest: seed " + seed + " (-Dreturnsync.seed=" + seed + ")");

        runConcurrently();
        drain();
        check();
    }

    // ------------------------------------------------------------------------------------------- the run

    private void runConcurrently() throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        long end = System.nanoTime() + RUN_FOR.toNanos();
        threads.add(thread("clock", () -> {
            clock.advance(Duration.ofSeconds(10));
            sleep(10);
        }, end));
        threads.add(thread("notifier-outages", () -> {
            notifier.failNext(2);
            sleep(400);
        }, end));
        for (Instance instance : instances) {
            threads.add(thread("dispatcher-" + instance.index, () -> {
                instance.engine.runOnce(clock.instant());
                sleep(3);
            }, end));
            for (int t = 0; t < PARTY_THREADS_PER_INSTANCE; t++) {
                SplittableRandom random = new SplittableRandom(seed ^ (instance.index * 1000L + t));
                threads.add(thread("parties-" + instance.index + "-" + t, () -> partyStep(instance, random), end));
            }
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
        stop = true;
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                thread.interrupt();
                fail("thread " + thread.getName() + " did not stop within a minute of the end of the run");
            }
        }
        System.out.printf("SeveralInstancesTest: %d operations, %d cases, %d accepted by parties, %d refused, "
                        + "%d contended, %d replays, %d callbacks delivered, batches per instance %s%n",
                operations.get(), cases.size(), accepted.size(), refusals.get(), contentions.get(), replays.get(),
                callbacksDelivered.get(), instances.stream().map(i -> i.store.batches.get()).toList());
        System.out.println("SeveralInstancesTest: lost races per instance "
                + instances.stream().map(i -> i.store.conflicts.get()).toList());
        assertTrue(errors.isEmpty(), "unexpected failures while running:\n" + String.join("\n", errors));
    }

    /** A thread that repeats a step until the run's end, the operation budget, or a stop; failures are recorded. */
    private Thread thread(String name, Runnable step, long end) {
        Thread thread = new Thread(() -> {
            while (!stop && System.nanoTime() < end && operations.get() < MAX_OPERATIONS) {
                try {
                    step.run();
                } catch (RuntimeException | AssertionError e) {
                    errors.add(name + ": " + e + Arrays.stream(e.getStackTrace()).limit(6)
                            .map(frame -> "\n    at " + frame).collect(Collectors.joining()));
                    if (errors.size() > 20) {
                        stop = true;
                    }
                }
            }
        }, "several-instances-" + name);
        thread.setDaemon(true);
        return thread;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void partyStep(Instance instance, SplittableRandom random) {
        collectCallbacks();
        PendingCallback callback = random.nextInt(3) == 0 ? null : callbacks.poll();
        if (callback != null) {
            operations.incrementAndGet();
            deliver(instance, callback);
            return;
        }
        List<CaseId> active = cases.stream().filter(id -> !finished.contains(id)).toList();
        if (cases.size() < MAX_CASES && (active.size() < ACTIVE_CASES || random.nextInt(50) == 0)) {
            operations.incrementAndGet();
            submit(instance, random);
            return;
        }
        if (random.nextInt(20) == 0 && !accepted.isEmpty()) {
            operations.incrementAndGet();
            replay(instance, accepted.get(random.nextInt(accepted.size())));
            return;
        }
        if (active.isEmpty()) {
            sleep(1);
            return;
        }
        CaseId id = active.get(random.nextInt(active.size()));
        ReturnCase c = instance.engine.caseView(instance.reseller, id).state();
        if (c.status().isFinished()) {
            finished.add(id);
            return;
        }
        List<Leg> open = c.legs().stream().filter(l -> !l.state().isTerminal()).toList();
        Leg leg = open.isEmpty() || random.nextInt(10) == 0 ? c.legs().get(random.nextInt(c.legs().size()))
                : open.get(random.nextInt(open.size()));
        if (waitsForItsDeadline(c, leg)) {
            sleep(1);
            return;
        }
        Long expected = random.nextInt(8) == 0 ? c.version() : null;
        Command command = random.nextInt(10) == 0 ? anyCommand(instance, c, leg, expected, random)
                : nextCommand(instance, c, leg, expected, random);
        if (command == null) {
            sleep(1);   // nobody's turn on this leg: time has to pass (the supplier, a poll, a deadline)
            return;
        }
        operations.incrementAndGet();
        execute(instance, command);
    }

    /**
     * Every fourth case has parties that do not answer in the states with a deadline: nobody touches such a leg
     * until its deadline has fired (escalated, expired or confirmed automatically).
     */
    private static boolean waitsForItsDeadline(ReturnCase c, Leg leg) {
        boolean slow = Integer.parseInt(c.id().value().substring("case-".length())) % 4 == 0;
        return slow && DEADLINES_WAITED_FOR.contains(leg.state()) && leg.escalatedIn() != leg.state();
    }

    /**
     * Every tenth case has a customer who cancels while the supplier is asked for a number: chosen by case, not by
     * visit, so that how many cases cancel does not follow how fast the parties' commands run against the supplier.
     */
    private static boolean cancelsWhileWaiting(ReturnCase c) {
        return Integer.parseInt(c.id().value().substring("case-".length())) % 10 == 1;
    }

    /**
     * Every fifth case has a customer who never answers the result, so that the deadline confirms it: chosen by case,
     * so that a run slowed down by a loaded machine still reaches that path (by the drain at the latest).
     */
    private static boolean leavesTheResultToItsDeadline(ReturnCase c) {
        return Integer.parseInt(c.id().value().substring("case-".length())) % 5 == 2;
    }

    private void collectCallbacks() {
        for (SimulatedSupplier.Callback callback : supB.takeCallbacks()) {
            callbacks.add(new PendingCallback(callback, 0));
            callbacks.add(new PendingCallback(callback, 0));   // webhooks are delivered at least once: twice here
        }
    }

    private void deliver(Instance instance, PendingCallback pending) {
        SimulatedSupplier.Callback cb = pending.callback();
        try {
            instance.engine.supplierCallbacks(cb.tenant(), B).forReturn(cb.resellerNumber())
                    .numberIssued(cb.supplierNumber(), IdempotencyKey.of(cb.eventId()));
            callbacksDelivered.incrementAndGet();
        } catch (CommandRefusedException e) {
            refusals.incrementAndGet();   // the leg moved on (cancelled, closed) before the number came
        } catch (ContentionException e) {
            contentions.incrementAndGet();
            if (pending.attempts() < 50) {
                callbacks.add(new PendingCallback(cb, pending.attempts() + 1));
            } else {
                errors.add("callback " + cb.eventId() + " could not be delivered in 50 attempts");
            }
        }
    }

    private void submit(Instance instance, SplittableRandom random) {
        int n = nextCase.incrementAndGet();
        CaseId id = CaseId.of("case-" + n);
        CustomerId customer = CustomerId.of("cust-" + (n % 7));
        List<ReturnLine> lines = new ArrayList<>();
        int legs = 1 + random.nextInt(3);
        int first = random.nextInt(3);
        for (int l = 0; l < legs; l++) {
            SupplierId supplier = SUPPLIERS.get((first + l) % 3);
            int delivered = 1 + random.nextInt(3);
            lines.add(new ReturnLine(Sku.of("SKU-" + supplier.value() + "-" + l), supplier,
                    1 + random.nextInt(delivered), delivered, Money.of("CNY", (10 + random.nextInt(90)) + ".00")));
        }
        OutcomeType wanted = OutcomeType.values()[random.nextInt(3)];
        Command.SubmitReturn submit = Commands.as(Actor.customer(SHOP, customer)).key(instance.key()).onCase(id)
                .submitReturn().order(OrderId.of("order-" + n))
                .customerNumber(ReturnNumber.customerRequest(SHOP, "CR-" + n)).lines(lines)
                .reason(ReasonCode.QUALITY_ISSUE, "broken").wanted(wanted).deliveredAt(START.minus(Duration.ofDays(1)))
                .build();
        if (execute(instance, submit)) {
            cases.add(id);
        }
    }

    private void replay(Instance instance, Accepted first) {
        CommandResult again = instance.engine.execute(first.command());
        replays.incrementAndGet();
        if (!again.replayed() || again.version() != first.result().version()
                || !again.events().equals(first.result().events())) {
            errors.add("repeating " + first.command().key() + " on instance " + instance.index + " gave "
                    + again.version() + "/" + again.replayed() + " instead of the first outcome at version "
                    + first.result().version());
        }
    }

    /** Runs a command; true when it was accepted. Refusals and lost races are part of the game; nothing else is. */
    private boolean execute(Instance instance, Command command) {
        try {
            CommandResult result = instance.engine.execute(command);
            if (!result.replayed()) {
                accepted.add(new Accepted(command, result));
            }
            return true;
        } catch (CommandRefusedException e) {
            refusals.incrementAndGet();
        } catch (ContentionException e) {
            contentions.incrementAndGet();
        }
        return false;
    }

    /** A command that moves the leg on, as the party whose turn it is would send it; null when nobody needs to act. */
    private Command nextCommand(Instance in, ReturnCase c, Leg leg, Long expected, SplittableRandom random) {
        SupplierId s = leg.supplier();
        Actor supplier = Actor.supplier(SHOP, s);
        Actor customer = Actor.customer(SHOP, c.customer());
        switch (leg.state()) {
            case REQUESTED:
                return header(in, in.reseller, c, expected).openNegotiation().leg(s).build();
            case NEGOTIATING:
                if (random.nextInt(15) == 0) {
                    return header(in, supplier, c, expected).declineReturn().leg(s)
                            .reason(ReasonCode.OTHER, "out of season").build();
                }
                OutcomeType outcome = random.nextInt(5) == 0 ? OutcomeType.values()[random.nextInt(3)] : c.wanted();
                return header(in, random.nextBoolean() ? supplier : in.reseller, c, expected).agreeReturn().leg(s)
                        .outcome(outcome).build();
            case AGREED:
                return header(in, in.reseller, c, expected).applyForReturn().leg(s).build();
            case NUMBER_REQUESTED:
                return cancelsWhileWaiting(c) ? header(in, customer, c, expected).cancelReturn().leg(s).build()
                        : null;   // the supplier's turn: its reply, callback or the next poll
            case NUMBER_ISSUED:
                return header(in, in.reseller, c, expected).shareNumberWithCustomer().leg(s).build();
            case AWAITING_SHIPMENT:
                if (random.nextInt(6) == 0) {
                    CommandHeader header = header(in, supplier, c, expected);
                    return header.replaceSupplierNumber().leg(s).number(ReturnNumber.supplierReturn(s,
                            "X-" + c.id().value() + "-" + in.keys.incrementAndGet())).build();
                }
                return header(in, customer, c, expected).reportShipment().leg(s)
                        .tracking("SF", "SF" + c.id().value().substring(5) + "0" + SUPPLIERS.indexOf(s) + "00000")
                        .build();
            case SHIPPED:
                List<LineQuantity> received = leg.lines().stream()
                        .map(l -> new LineQuantity(l.sku(), l.authorized())).toList();
                if (s.equals(C)) {
                    supC.receive(c.id(), received);   // the pull-only supplier tells when it is polled
                    return random.nextInt(4) == 0 ? header(in, supplier, c, expected).confirmReceipt().leg(s)
                            .received(received).build() : null;
                }
                if (s.equals(B)) {
                    try {
                        in.engine.supplierCallbacks(SHOP, B).forReturn(c.resellerNumber()).received(received,
                                IdempotencyKey.of("received-" + c.id().value()));
                        callbacksDelivered.incrementAndGet();
                    } catch (CommandRefusedException e) {
                        refusals.incrementAndGet();
                    } catch (ContentionException e) {
                        contentions.incrementAndGet();
                    }
                    return null;
                }
                return header(in, supplier, c, expected).confirmReceipt().leg(s).received(received).build();
            case RECEIVED:
            case AWAITING_RESULT:
                List<LineQuantity> good = new ArrayList<>();
                List<LineQuantity> bad = new ArrayList<>();
                for (LineState l : leg.lines()) {
                    int ok = l.received() == 0 ? 0 : random.nextInt(l.received() + 1);
                    if (ok > 0) {
                        good.add(new LineQuantity(l.sku(), ok));
                    }
                    if (l.received() - ok > 0) {
                        bad.add(new LineQuantity(l.sku(), l.received() - ok));
                    }
                }
                return header(in, supplier, c, expected).reportResult().leg(s).accepted(good).rejected(bad)
                        .note("checked").build();
            case RESULT_REPORTED:
                if (leg.replacementDue()) {
                    return header(in, supplier, c, expected).shipReplacement().leg(s)
                            .tracking("YTO", "YT" + c.id().value().substring(5) + "0" + SUPPLIERS.indexOf(s) + "11111")
                            .build();
                }
                return header(in, in.reseller, c, expected).reportResultToCustomer().leg(s).note("done").build();
            case REPLACEMENT_SHIPPED:
            case DISPUTED:
                return header(in, in.reseller, c, expected).reportResultToCustomer().leg(s).note("done").build();
            case RESULT_NOTIFIED:
                if (leavesTheResultToItsDeadline(c)) {
                    return null;
                }
                int pick = random.nextInt(10);
                if (pick < 5) {
                    return header(in, customer, c, expected).confirmResult().leg(s).build();
                }
                return pick < 7 ? header(in, customer, c, expected).disputeResult().leg(s)
                        .reason(ReasonCode.OTHER, "not happy").build() : null;   // else a later visit, or the deadline
            default:
                return null;   // terminal
        }
    }

    /** Any command, mostly one the leg's state or the actor does not allow: it must be refused and change nothing. */
    private Command anyCommand(Instance in, ReturnCase c, Leg leg, Long expected, SplittableRandom random) {
        SupplierId s = leg.supplier();
        SupplierId other = SUPPLIERS.get((SUPPLIERS.indexOf(s) + 1) % 3);
        Actor wrongSupplier = Actor.supplier(SHOP, other);
        Actor customer = Actor.customer(SHOP, c.customer());
        switch (random.nextInt(6)) {
            case 0:
                return header(in, wrongSupplier, c, expected).confirmReceipt().leg(s)
                        .received(new LineQuantity(leg.lines().get(0).sku(), 1)).buildUnchecked();
            case 1:
                return header(in, customer, c, expected).cancelReturn().leg(s).buildUnchecked();
            case 2:
                return header(in, wrongSupplier, c, expected).issueSupplierNumber().leg(s)
                        .number(ReturnNumber.supplierReturn(other, "W-" + c.id().value())).buildUnchecked();
            case 3:
                return header(in, Actor.customer(SHOP, CustomerId.of("intruder")), c, expected).confirmResult().leg(s)
                        .buildUnchecked();
            case 4:
                if (random.nextInt(3) == 0) {
                    return header(in, in.reseller, c, expected).closeLeg().leg(s)
                            .reason(ReasonCode.OTHER, "settled by phone").buildUnchecked();
                }
                return header(in, wrongSupplier, c, expected).reportResult().leg(s).note("not mine").buildUnchecked();
            default:
                return header(in, Actor.system(SHOP, "impatient"), c, expected).fireDeadline().leg(s).buildUnchecked();
        }
    }

    /** The header of an instance's next command: a fresh key, the actor, the case and the version it last saw. */
    private static CommandHeader header(Instance in, Actor actor, ReturnCase c, Long expected) {
        return Commands.as(actor).key(in.key()).onCase(c.id()).expectedVersion(expected);
    }

    // ------------------------------------------------------------------------------------------ drain

    /**
     * With the parties gone, moves the clock on in steps and lets the instances take turns until the outbox is
     * empty and no deadline is pending: the parcels of the pull-only supplier arrive and it inspects them (its polls
     * report the receipt, then the result), callbacks are delivered,
     * retries and polls come due, and the deadlines of the legs whose parties never answered fire, on all three
     * instances at once.
     */
    private void drain() {
        for (int round = 0; round < 300; round++) {
            clock.advance(Duration.ofMinutes(3));
            for (CaseId id : cases) {
                ReturnCase c = instances.get(0).engine.caseView(instances.get(0).reseller, id).state();
                c.leg(C).filter(l -> l.state() == LegState.SHIPPED).ifPresent(l -> supC.receive(id,
                        l.lines().stream().map(x -> new LineQuantity(x.sku(), x.authorized())).toList()));
                c.leg(C).filter(l -> l.state() == LegState.RECEIVED || l.state() == LegState.AWAITING_RESULT)
                        .ifPresent(l -> supC.inspect(id, SupplierReply.resultReported(l.lines().stream()
                                .filter(x -> x.received() > 0).map(x -> new LineQuantity(x.sku(), x.received()))
                                .toList(), List.of()).withNote("inspected")));
            }
            collectCallbacks();
            for (PendingCallback callback = callbacks.poll(); callback != null; callback = callbacks.poll()) {
                deliver(instances.get(round % INSTANCES), callback);
            }
            for (Instance instance : instances) {
                instance.engine.runOnce(clock.instant());
            }
            if (outboxCount(false) == 0 && callbacks.isEmpty() && !deadlinePending()) {
                System.out.println("SeveralInstancesTest: outbox drained and deadlines fired after " + (round + 1)
                        + " rounds");
                return;
            }
        }
        fail("the outbox did not drain in 300 rounds: " + outboxCount(false) + " entries left, "
                + outboxCount(true) + " parked, a deadline pending: " + deadlinePending());
    }

    /** Whether some case still has a deadline to come. */
    private boolean deadlinePending() {
        return !instances.get(0).store.findDue(clock.instant().plus(Duration.ofDays(365)), null, 1).isEmpty();
    }

    /** The outbox entries of the run's cases that are (or are not) parked, as any instance's store lists them. */
    private int outboxCount(boolean parked) {
        CaseStore store = instances.get(0).store;
        return (int) cases.stream().flatMap(id -> store.outboxOf(SHOP, id).stream())
                .filter(entry -> entry.parked() == parked).count();
    }

    // ------------------------------------------------------------------------------------------ checks

    private void check() {
        assertTrue(errors.isEmpty(), "unexpected failures:\n" + String.join("\n", errors));
        assertTrue(cases.size() >= 10, "the run opened enough cases: " + cases.size());
        assertTrue(accepted.size() >= 100, "the parties got enough commands through: " + accepted.size());
        assertTrue(refusals.get() > 0, "some commands were refused");
        for (Instance instance : instances) {
            assertTrue(instance.store.batches.get() > 0, "instance " + instance.index + " appended");
            assertTrue(instance.store.completed.get() > 0, "instance " + instance.index + " dispatched outbox work");
        }

        Map<CaseId, CaseHistory> histories = new HashMap<>();
        for (CaseId id : cases) {
            histories.put(id, instances.get(0).store.load(SHOP, id).orElseThrow(() -> new AssertionError(id + " is lost")));
        }
        checkNoEventLost(histories);
        Map<CaseId, ReturnCase> folded = checkInvariants(histories);
        checkOneSupplierReturnPerLeg(folded, histories);
        checkNotifications();
        checkOutboxEmpty();
        checkWorkloadReachedEveryPath(histories);
    }

    /** Every batch any instance appended, and every command a party saw accepted, is in the store at its versions. */
    private void checkNoEventLost(Map<CaseId, CaseHistory> histories) {
        Map<CaseId, List<AppendBatch>> byCase = appended.stream().collect(Collectors.groupingBy(AppendBatch::caseId));
        assertEquals(new HashSet<>(cases), byCase.keySet(), "the cases the parties opened are the cases appended to");
        for (Map.Entry<CaseId, List<AppendBatch>> entry : byCase.entrySet()) {
            List<ReturnEvent> stored = histories.get(entry.getKey()).events();
            List<AppendBatch> batches = new ArrayList<>(entry.getValue());
            batches.sort(Comparator.comparingLong(AppendBatch::expectedVersion));
            long version = 0;
            for (AppendBatch batch : batches) {
                assertEquals(version, batch.expectedVersion(), entry.getKey() + ": batches follow each other without"
                        + " gaps or overlaps");
                int from = (int) batch.expectedVersion();
                assertEquals(batch.events(), stored.subList(from, from + batch.events().size()),
                        entry.getKey() + ": the batch at version " + (from + 1) + " is stored as appended");
                version += batch.events().size();
            }
            assertEquals(version, stored.size(), entry.getKey() + ": no event in the store that nobody appended");
        }
        for (Accepted a : accepted) {
            List<ReturnEvent> stored = histories.get(a.command().caseId()).events();
            int to = (int) a.result().version();
            int from = to - a.result().events().size();
            assertEquals(a.result().events(), stored.subList(from, to), a.command().type() + " " + a.command().key()
                    + ": its events are stored at the versions it was told");
        }
    }

    /** Each case folds with versions 1, 2, 3...; quantities stay in order; every number leads to its case and leg. */
    private Map<CaseId, ReturnCase> checkInvariants(Map<CaseId, CaseHistory> histories) {
        Map<CaseId, ReturnCase> folded = new TreeMap<>(Comparator.comparing(CaseId::value));
        int link = 0;
        for (CaseHistory history : histories.values()) {
            ReturnCase c = null;
            long version = 0;
            for (ReturnEvent event : history.events()) {
                c = ReturnWorkflow.evolve(Optional.ofNullable(c), event);
                assertEquals(++version, c.version(), history.caseId() + " version after " + event.type());
                for (Leg leg : c.legs()) {
                    for (LineState l : leg.lines()) {
                        assertTrue(l.accepted() + l.rejected() <= l.received() && l.received() <= l.authorized()
                                && l.authorized() <= l.requested() && l.requested() <= l.delivered(),
                                history.caseId() + " " + leg.supplier() + " quantities out of order: " + l);
                    }
                }
            }
            assertNotNull(c, history.caseId() + " has events");
            Set<String> keys = new HashSet<>();
            for (NumberLink number : c.links()) {
                assertTrue(keys.add(number.number().uniquenessKey()), number + " is linked twice in " + c.id());
                assertEquals(Optional.of(number), c.resolve(number.number()), "the case resolves " + number);
                Instance asked = instances.get(link++ % INSTANCES);
                assertEquals(Optional.of(number), asked.store.findByNumber(SHOP, number.number()),
                        "instance " + asked.index + " finds " + number.number() + " where the case says");
                assertEquals(Optional.of(number), asked.engine.findByNumber(asked.reseller, number.number()));
            }
            for (Instance instance : instances) {
                assertEquals(c, instance.engine.caseView(instance.reseller, c.id()).state(),
                        "instance " + instance.index + " sees " + c.id() + " as folded from the store");
            }
            folded.put(c.id(), c);
        }
        return folded;
    }

    /** The shared suppliers saw one idempotency key, hence created one return, per leg they were asked about. */
    private void checkOneSupplierReturnPerLeg(Map<CaseId, ReturnCase> folded, Map<CaseId, CaseHistory> histories) {
        Map<SupplierId, SimulatedSupplier> byId = Map.of(A, supA, B, supB, C, supC);
        for (SimulatedSupplier supplier : List.of(supA, supB, supC)) {
            int keys = 0;
            for (ReturnCase c : folded.values()) {
                Set<String> requestKeys = supplier.requestKeys(c.id());
                assertTrue(requestKeys.size() <= 1, supplier + " was asked for " + requestKeys.size()
                        + " returns for the one leg of " + c.id() + ": " + requestKeys);
                keys += requestKeys.size();
                boolean applied = histories.get(c.id()).events().stream().anyMatch(e ->
                        e instanceof ReturnEvent.ReturnApplied a && a.leg().equals(supplier.supplier()));
                if (!requestKeys.isEmpty()) {
                    assertTrue(applied, supplier + " got a request for " + c.id() + " that nobody applied for");
                }
            }
            // sup-c fails its first two requests; a leg that ended before the retry is never asked again
            int unanswered = supplier == supC ? 2 : 0;
            assertTrue(supplier.returnsCreated() <= keys && supplier.returnsCreated() >= keys - unanswered,
                    supplier + " created one return per key: " + supplier.returnsCreated() + " for " + keys + " keys");
        }
        for (ReturnCase c : folded.values()) {
            for (ReturnEvent event : histories.get(c.id()).events()) {
                if (event instanceof ReturnEvent.SupplierNumberIssued issued) {
                    assertEquals(1, byId.get(issued.leg()).requestKeys(c.id()).size(),
                            c.id() + ": the number " + issued.number() + " came from the one return the supplier made");
                }
            }
        }
    }

    /** Every NOTIFY entry any instance planned was delivered; nothing else was; repeats kept once by id. */
    private void checkNotifications() {
        Set<String> planned = new HashSet<>();
        for (AppendBatch batch : appended) {
            for (OutboxEntry entry : batch.outbox()) {
                if (entry.effect() == Effect.NOTIFY) {
                    planned.add(entry.id());
                }
            }
        }
        List<Notification> delivered = notifier.delivered();
        Set<String> ids = delivered.stream().map(Notification::id).collect(Collectors.toSet());
        assertEquals(delivered.size(), ids.size(), "the notifier keeps each id once");
        Set<String> missing = new HashSet<>(planned);
        missing.removeAll(ids);
        assertTrue(missing.isEmpty(), missing.size() + " notifications never delivered, e.g. "
                + missing.stream().limit(5).toList());
        Set<String> unplanned = new HashSet<>(ids);
        unplanned.removeAll(planned);
        assertTrue(unplanned.isEmpty(), "notifications nobody planned: " + unplanned);
        int calls = ids.stream().mapToInt(notifier::calls).sum();
        assertTrue(calls >= ids.size());
        System.out.printf("SeveralInstancesTest: %d notifications delivered, %d notifier calls (%d beyond the first "
                + "per id: failed attempts, and repeats after a lease was lost)%n", ids.size(), calls, notifier.repeats());
    }

    private void checkOutboxEmpty() {
        List<String> left = new ArrayList<>();
        for (CaseId id : cases) {
            CaseView view = instances.get(1).engine.caseView(instances.get(1).reseller, id);
            view.pending().forEach(e -> left.add("pending " + e.id()));
            view.parked().forEach(e -> left.add("parked " + e.id() + ": " + e.lastError() + " after " + e.attempts()));
        }
        assertEquals(List.of(), left, "the outbox drained, nothing parked");
        assertEquals(0, outboxCount(false));
        assertEquals(0, outboxCount(true));
    }

    /** The run went through what it is meant to test; otherwise its passing would prove little. */
    private void checkWorkloadReachedEveryPath(Map<CaseId, CaseHistory> histories) {
        List<ReturnEvent> all = histories.values().stream().flatMap(h -> h.events().stream()).toList();
        System.out.println("SeveralInstancesTest: events by type " + all.stream()
                .collect(Collectors.groupingBy(ReturnEvent::type, TreeMap::new, Collectors.counting())));
        assertTrue(all.stream().anyMatch(e -> e instanceof ReturnEvent.SupplierNumberIssued n && n.leg().equals(A)),
                "sup-a issued a number in its reply");
        assertTrue(all.stream().anyMatch(e -> e instanceof ReturnEvent.SupplierNumberIssued n && n.leg().equals(B)),
                "sup-b issued a number by callback");
        assertTrue(all.stream().anyMatch(e -> e instanceof ReturnEvent.SupplierNumberIssued n && n.leg().equals(C)),
                "sup-c issued a number when polled");
        assertTrue(all.stream().anyMatch(e -> e instanceof ReturnEvent.NumberSharedWithCustomer s
                && s.actor().role() == Role.SYSTEM), "the policy shared a number");
        assertTrue(all.stream().anyMatch(e -> e instanceof ReturnEvent.ResultConfirmed r && !r.automatic()),
                "a customer confirmed a result");
        assertTrue(all.stream().anyMatch(e -> e instanceof ReturnEvent.LegEscalated), "a deadline escalated a leg");
        assertTrue(all.stream().anyMatch(e -> e instanceof ReturnEvent.LegExpired), "a deadline expired a leg");
        assertTrue(all.stream().anyMatch(e -> e instanceof ReturnEvent.ResultConfirmed r && r.automatic()),
                "a deadline confirmed a result");
        assertTrue(callbacksDelivered.get() > 0, "callbacks were delivered");
        assertTrue(instances.stream().mapToInt(i -> i.store.conflicts.get()).sum() > 0,
                "instances raced for the same case and the losers re-decided");
        assertTrue(supC.calls().size() > 2, "sup-c was asked and polled");
    }
}
