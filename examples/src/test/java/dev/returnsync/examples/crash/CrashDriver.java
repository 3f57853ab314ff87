package dev.returnsync.examples.crash;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.LineState;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.engine.CaseNotFoundException;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.ContentionException;
import dev.returnsync.core.engine.IdempotencyConflictException;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The parties of one crash-test slot: opens cases {@code s<slot>-1, -2, ...} a few at a time and moves their legs on
 * as the customer, the reseller and the suppliers would. Every command's idempotency key, and every choice, follows
 * from the seed, the case and the leg: a process restarted after a kill re-sends the same commands with the same
 * keys, from the first case on, so an accepted command may be sent again but never changes meaning.
 *
 * <p>Per leg, chosen once from the seed: a third are cancelled by the customer as soon as the return request is on its
 * way to the supplier (or 6 s after the application), one in ten is never shipped (its deadline expires
 * it), half of the results are confirmed by the customer (the others by their deadline).
 */
final class CrashDriver {
    static final TenantId SHOP = TenantId.of("shop-crash");
    static final SupplierId A = SupplierId.of(CrashSupplierSimulator.SUPPLIER_IN_REPLY);
    static final SupplierId B = SupplierId.of(CrashSupplierSimulator.SUPPLIER_BY_CALLBACK);
    private static final int ACTIVE_CASES = 5;
    private static final int MAX_CASES = 400;

    private final int slot;
    private final long seed;
    private final Instant delivered;
    private final ReturnSyncEngine engine;
    private final HttpClient http;
    private final URI base;
    private final PrintStream report;
    private final Actor reseller = Actor.reseller(SHOP, "staff");
    private final List<CaseId> open = new ArrayList<>();
    private int next = 1;

    CrashDriver(int slot, long seed, Instant delivered, ReturnSyncEngine engine, HttpClient http, URI base,
                PrintStream report) {
        this.slot = slot;
        this.seed = seed;
        this.delivered = delivered;
        this.engine = engine;
        this.http = http;
        this.base = base;
        this.report = report;
    }

    /**
     * The reseller return number of a case, as stored (numbers are upper case): chosen by the driver, so the
     * simulator's records can be matched to the case.
     */
    static String resellerNumber(String caseId) {
        return "RS-" + caseId.toUpperCase(Locale.ROOT);
    }

    /** Drives until the parent says to drain. */
    void run() {
        while (!"drain".equals(CrashCallbacks.mode(http, base))) {
            try {
                step();
            } catch (RuntimeException e) {
                System.err.println("CrashDriver: " + e);
                CrashChild.sleep(50);
            }
        }
    }

    private void step() {
        while (open.size() < ACTIVE_CASES && next <= MAX_CASES) {
            CaseId id = CaseId.of("s" + slot + "-" + next++);
            if (submit(id)) {
                open.add(id);
            }
        }
        boolean acted = false;
        for (CaseId id : List.copyOf(open)) {
            ReturnCase c;
            try {
                c = engine.caseView(reseller, id).state();
            } catch (CaseNotFoundException e) {
                submit(id);
                continue;
            }
            if (c.status().isFinished()) {
                open.remove(id);
                continue;
            }
            for (Leg leg : c.legs()) {
                Command command = nextCommand(c, leg);
                if (command != null) {
                    boolean done = execute(command);
                    acted = true;
                    if (done && command instanceof Command.ApplyForReturn && cancels(c.id(), leg.supplier())) {
                        cancelWhileRequested(c, leg.supplier());
                    }
                }
            }
        }
        if (!acted) {
            CrashChild.sleep(30);
        }
    }

    private SplittableRandom choices(CaseId id, SupplierId leg) {
        return new SplittableRandom(seed * 31 + (id.value() + "/" + (leg == null ? "" : leg.value())).hashCode());
    }

    private IdempotencyKey key(CaseId id, SupplierId leg, String action) {
        return IdempotencyKey.of(id.value() + ":" + (leg == null ? "" : leg.value()) + ":" + action);
    }

    private boolean submit(CaseId id) {
        SplittableRandom random = choices(id, null);
        CustomerId customer = CustomerId.of("cust-" + random.nextInt(5));
        int which = random.nextInt(3);   // 0: sup-a, 1: sup-b, 2: both
        List<ReturnLine> lines = new ArrayList<>();
        if (which != 1) {
            lines.add(new ReturnLine(Sku.of("SKU-A"), A, 1, 2, Money.of("CNY", "25.00")));
        }
        if (which != 0) {
            lines.add(new ReturnLine(Sku.of("SKU-B"), B, 1, 1, Money.of("CNY", "40.00")));
        }
        return execute(Commands.as(Actor.customer(SHOP, customer)).key(key(id, null, "submit")).onCase(id)
                .submitReturn().order(OrderId.of("order-" + id.value()))
                .customerNumber(ReturnNumber.customerRequest(SHOP, "CR-" + id.value()))
                .resellerNumber(ReturnNumber.resellerReturn(SHOP, resellerNumber(id.value()))).lines(lines)
                .reason(ReasonCode.QUALITY_ISSUE, "broken").wanted(OutcomeType.RETURN_AND_REFUND).deliveredAt(delivered)
                .build());
    }

    /** The command that moves the leg on, as the party whose turn it is sends it; null when nobody needs to act. */
    private Command nextCommand(ReturnCase c, Leg leg) {
        SupplierId s = leg.supplier();
        SplittableRandom random = choices(c.id(), s);
        boolean cancels = random.nextInt(3) == 0;
        boolean ships = random.nextInt(10) != 0;
        boolean confirms = random.nextBoolean();
        Actor supplier = Actor.supplier(SHOP, s);
        Actor customer = Actor.customer(SHOP, c.customer());
        List<LineQuantity> all = leg.lines().stream().map(l -> new LineQuantity(l.sku(), l.authorized())).toList();
        switch (leg.state()) {
            case REQUESTED:
                return Commands.as(reseller).key(key(c.id(), s, "negotiate")).onCase(c.id()).openNegotiation().leg(s)
                        .build();
            case NEGOTIATING:
                return Commands.as(reseller).key(key(c.id(), s, "agree")).onCase(c.id()).agreeReturn().leg(s)
                        .outcome(OutcomeType.RETURN_AND_REFUND).build();
            case AGREED:
                return Commands.as(reseller).key(key(c.id(), s, "apply")).onCase(c.id()).applyForReturn().leg(s)
                        .build();
            case NUMBER_REQUESTED:
            case NUMBER_ISSUED:
                return cancels ? cancel(c, s) : null;
            case AWAITING_SHIPMENT:
                if (cancels) {
                    return cancel(c, s);
                }
                return ships ? Commands.as(customer).key(key(c.id(), s, "ship")).onCase(c.id()).reportShipment().leg(s)
                        .tracking("SF", tracking(c.id(), s)).build() : null;
            case SHIPPED:
                if (s.equals(B)) {
                    receivedByCallback(c, all);
                    return null;
                }
                return Commands.as(supplier).key(key(c.id(), s, "receive")).onCase(c.id()).confirmReceipt().leg(s)
                        .received(all).build();
            case RECEIVED:
            case AWAITING_RESULT:
                List<LineQuantity> received = new ArrayList<>();
                for (LineState l : leg.lines()) {
                    if (l.received() > 0) {
                        received.add(new LineQuantity(l.sku(), l.received()));
                    }
                }
                return Commands.as(supplier).key(key(c.id(), s, "result")).onCase(c.id()).reportResult().leg(s)
                        .accepted(received).note("checked").build();
            case RESULT_REPORTED:
                return Commands.as(reseller).key(key(c.id(), s, "tell")).onCase(c.id()).reportResultToCustomer().leg(s)
                        .note("done").build();
            case RESULT_NOTIFIED:
                return confirms ? Commands.as(customer).key(key(c.id(), s, "confirm")).onCase(c.id()).confirmResult()
                        .leg(s).build() : null;
            default:
                return null;   // terminal, or the deadline's turn
        }
    }

    private boolean cancels(CaseId id, SupplierId s) {
        return choices(id, s).nextInt(3) == 0;
    }

    /** Waits (at most 6 s) until the return request is on its way to the supplier, then cancels the leg. */
    private void cancelWhileRequested(ReturnCase c, SupplierId s) {
        URI inFlight = base.resolve("in-flight/" + URLEncoder.encode(s.value() + "|" + resellerNumber(c.id().value()),
                StandardCharsets.UTF_8));
        for (int i = 0; i < 300 && !"yes".equals(CrashCallbacks.get(http, inFlight)); i++) {
            CrashChild.sleep(20);
        }
        execute(cancel(c, s));
    }

    private Command cancel(ReturnCase c, SupplierId s) {
        return Commands.as(Actor.customer(SHOP, c.customer())).key(key(c.id(), s, "cancel")).onCase(c.id())
                .cancelReturn().leg(s).build();
    }

    private String tracking(CaseId id, SupplierId s) {
        int n = Integer.parseInt(id.value().substring(id.value().indexOf('-') + 1));
        return String.format(Locale.ROOT, "SF%d%05d%d00000", slot, n, s.equals(A) ? 1 : 2);
    }

    /** The callback supplier books the receipt through the callback API, under its own callback id. */
    private void receivedByCallback(ReturnCase c, List<LineQuantity> all) {
        IdempotencyKey key = key(c.id(), B, "received-callback");
        try {
            CommandResult result = engine.supplierCallbacks(SHOP, B).forReturn(resellerNumber(c.id().value())).received(all, key);
            accepted(key, c.id(), result);
        } catch (CommandRefusedException | ContentionException e) {
            // the leg moved on, or another process got there first: seen again in the next round
        }
    }

    /** Runs a command; true when it was accepted (or replayed). */
    private boolean execute(Command command) {
        try {
            accepted(command.key(), command.caseId(), engine.execute(command));
            return true;
        } catch (CommandRefusedException | ContentionException e) {
            return false;   // the state moved on under us, or a lost race: decided again in the next round
        } catch (IdempotencyConflictException e) {
            report.println("CONFLICT " + command.key().value() + " " + command.caseId().value());
            return false;   // the same key sent with another meaning: the parent fails the test
        }
    }

    private void accepted(IdempotencyKey key, CaseId id, CommandResult result) {
        report.println("ACCEPTED " + key.value() + " " + id.value() + " " + result.version());
    }
}
