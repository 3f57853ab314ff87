package dev.returnsync.testkit.internal;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.LineState;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.Transition;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.testkit.Action;
import dev.returnsync.testkit.Parties;
import dev.returnsync.testkit.Submission;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The finite domain of the exhaustive exploration: from a state, every action worth trying. Commands whose
 * leg state has a row in the transition table are tried with every boundary payload by their rightful
 * actors, and with one payload by every other actor and with a stale version; commands without a row are
 * tried once. The clock moves to just before, at and just after each pending deadline, each closing
 * re-application window, each return window, and each horizon the rules declare (counted from the delivery and from when each leg entered its
 * state), and by the configured durations. Not API.
 */
public final class Moves {
    private static final IdempotencyKey KEY = IdempotencyKey.of("rule-checker");
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final Sku UNKNOWN_SKU = Sku.of("SKU-NOT-IN-CASE");
    private static final Reason REASON = Reason.of(ReasonCode.OTHER, "checker");
    private static final Reason EVIDENCED = new Reason(ReasonCode.QUALITY_ISSUE, "checker",
            List.of(Evidence.of(EvidenceKind.PHOTO, "checker-photo")));

    private final ReturnWorkflow workflow;
    private final Parties parties;
    private final List<Submission> submissions;
    private final List<Duration> windows;
    private final List<Duration> horizons;
    private final List<Duration> advances;
    private final Instant deliveredAt;

    /**
     * Creates the domain.
     *
     * @param workflow the workflow (its table and deadlines)
     * @param parties the cast
     * @param submissions the initial submissions
     * @param windows return windows, counted from the delivery
     * @param horizons durations the rules measure, counted from the delivery and from each leg's state change
     * @param advances extra clock moves
     * @param deliveredAt when the order was delivered
     */
    public Moves(ReturnWorkflow workflow, Parties parties, List<Submission> submissions, List<Duration> windows,
                 List<Duration> horizons, List<Duration> advances, Instant deliveredAt) {
        this.workflow = workflow;
        this.parties = parties;
        this.submissions = List.copyOf(submissions);
        this.windows = List.copyOf(windows);
        this.horizons = List.copyOf(horizons);
        this.advances = List.copyOf(advances);
        this.deliveredAt = deliveredAt;
    }

    /** Builds a command for an actor and an expected version. */
    @FunctionalInterface
    interface Variant {
        Command make(Actor actor, Long expectedVersion);
    }

    /** Every action to try from a state. */
    public List<Action> from(Simulator.State state) {
        List<Action> actions = new ArrayList<>();
        if (state.current().isEmpty()) {
            for (Submission submission : submissions) {
                SupplierId firstSupplier = submission.lines().get(0).supplier();
                for (Actor actor : List.of(parties.ownCustomer(), parties.reseller(), parties.foreignCustomer(),
                        parties.supplier(firstSupplier), parties.system())) {
                    actions.add(new Action.Execute(submission.command(parties, Commands.as(actor).key(KEY),
                            deliveredAt).buildUnchecked()));
                }
                actions.add(new Action.Execute(submission.command(parties,
                        Commands.as(parties.ownCustomer()).key(KEY).expectedVersion(1L), deliveredAt).build()));
            }
            actions.addAll(clockMoves(state, List.of()));
            return actions;
        }
        ReturnCase current = state.current().get();
        List<Leg> legs = current.legs();
        for (int i = 0; i < legs.size(); i++) {
            addLegCommands(actions, current, legs.get(i), i);
        }
        actions.add(new Action.Execute(submissions.get(0).command(parties, Commands.as(parties.ownCustomer()).key(KEY),
                deliveredAt).build()));
        actions.add(new Action.Execute(on(current, parties.reseller(), null).openNegotiation()
                .leg(parties.strangerSupplier()).build()));
        if (!current.status().isFinished() || hasDeclined(current)) {
            actions.addAll(clockMoves(state, current.legs()));
        }
        return actions;
    }

    private List<Action> clockMoves(Simulator.State state, List<Leg> legs) {
        Map<Instant, String> targets = new LinkedHashMap<>();
        for (Leg leg : legs) {
            leg.dueAt(workflow.deadlines()).ifPresent(due ->
                    around(targets, due, "deadline of " + leg.supplier() + " in " + leg.state()));
        }
        for (Leg leg : legs) {
            if (leg.state() == LegState.DECLINED) {
                around(targets, workflow.reapplication().closesAt(leg.since()), "re-application window of "
                        + leg.supplier() + " closes");
            }
        }
        for (Duration window : windows) {
            around(targets, deliveredAt.plus(window), Describe.duration(window) + " after delivery");
        }
        for (Duration horizon : horizons) {
            around(targets, deliveredAt.plus(horizon), Describe.duration(horizon) + " after delivery");
            for (Leg leg : legs) {
                around(targets, leg.since().plus(horizon), Describe.duration(horizon) + " after "
                        + leg.supplier() + " entered " + leg.state());
            }
        }
        for (Duration advance : advances) {
            targets.putIfAbsent(state.now().plus(advance), "+" + Describe.duration(advance));
        }
        List<Action> moves = new ArrayList<>();
        targets.forEach((instant, label) -> {
            if (instant.isAfter(state.now())) {
                moves.add(new Action.AdvanceTo(instant, label));
            }
        });
        return moves;
    }

    /** True when a leg is declined, so the clock still matters: the customer may re-apply until the window closes. */
    private static boolean hasDeclined(ReturnCase c) {
        for (Leg leg : c.legs()) {
            if (leg.state() == LegState.DECLINED) {
                return true;
            }
        }
        return false;
    }

    /** One step before, the instant of, and one step after a boundary. */
    private static void around(Map<Instant, String> targets, Instant boundary, String what) {
        targets.putIfAbsent(boundary.minus(TICK), what + " - 1s");
        targets.putIfAbsent(boundary, what);
        targets.putIfAbsent(boundary.plus(TICK), what + " + 1s");
    }

    private void addLegCommands(List<Action> actions, ReturnCase current, Leg leg, int index) {
        for (CommandType type : CommandType.values()) {
            if (type == CommandType.SUBMIT_RETURN) {
                continue;
            }
            List<Transition> rows = workflow.definition().rows(type, leg.state());
            List<Variant> variants = variants(type, current, leg, index);
            if (rows.isEmpty()) {
                Set<Role> roles = workflow.definition().roles(type);
                Role role = roles.contains(Role.RESELLER) ? Role.RESELLER : roles.iterator().next();
                actions.add(new Action.Execute(variants.get(0).make(actor(role, leg), null)));
                continue;
            }
            EnumSet<Role> rowRoles = EnumSet.noneOf(Role.class);
            rows.forEach(row -> rowRoles.addAll(row.roles()));
            List<Actor> own = new ArrayList<>();
            for (Role role : rowRoles) {
                own.add(actor(role, leg));
            }
            for (Variant variant : variants) {
                for (Actor actor : own) {
                    actions.add(new Action.Execute(variant.make(actor, null)));
                }
            }
            Variant canonical = variants.get(0);
            for (Actor actor : parties.everyone(current)) {
                if (!own.contains(actor)) {
                    actions.add(new Action.Execute(canonical.make(actor, null)));
                }
            }
            actions.add(new Action.Execute(canonical.make(own.get(0), current.version() - 1)));
        }
    }

    private Actor actor(Role role, Leg leg) {
        return switch (role) {
            case CUSTOMER -> parties.ownCustomer();
            case RESELLER -> parties.reseller();
            case SUPPLIER -> parties.supplier(leg.supplier());
            case SYSTEM -> parties.system();
        };
    }

    private List<Variant> variants(CommandType type, ReturnCase c, Leg leg, int index) {
        SupplierId s = leg.supplier();
        return switch (type) {
            case OPEN_NEGOTIATION -> List.of((a, v) -> on(c, a, v).openNegotiation().leg(s).buildUnchecked());
            case AGREE_RETURN -> {
                List<Variant> list = new ArrayList<>();
                List<List<LineQuantity>> accepted = new ArrayList<>();
                accepted.add(List.of());
                addIfNew(accepted, each(leg, l -> Math.min(1, l.requested())), each(leg, LineState::requested));
                if (leg.lines().size() > 1) {
                    addIfNew(accepted, first(leg, LineState::requested, 0), each(leg, LineState::requested));
                }
                for (OutcomeType outcome : OutcomeType.values()) {
                    for (List<LineQuantity> authorized : accepted) {
                        list.add((a, v) -> on(c, a, v).agreeReturn().leg(s).outcome(outcome).authorized(authorized)
                                .buildUnchecked());
                    }
                }
                for (List<LineQuantity> wrong : List.of(each(leg, l -> 0), first(leg, l -> l.requested() + 1, -1),
                        List.of(new LineQuantity(UNKNOWN_SKU, 1)))) {
                    list.add((a, v) -> on(c, a, v).agreeReturn().leg(s).outcome(c.wanted()).authorized(wrong)
                            .buildUnchecked());
                }
                // the shipping fee's bearers: the customer (refused for a complaint about the goods), freight
                // insurance with and without its claim, and a fee in another currency
                Money fee = minor(leg, 1);
                list.add((a, v) -> on(c, a, v).agreeReturn().leg(s).outcome(OutcomeType.RETURN_AND_REFUND)
                        .shippingFee(fee).feeBearer(FeeBearer.CUSTOMER).buildUnchecked());
                list.add((a, v) -> on(c, a, v).agreeReturn().leg(s).outcome(OutcomeType.RETURN_AND_REFUND)
                        .shippingFee(fee).feeBearer(FeeBearer.FREIGHT_INSURANCE).insuranceClaim("YX-1").buildUnchecked());
                list.add((a, v) -> on(c, a, v).agreeReturn().leg(s).outcome(OutcomeType.RETURN_AND_REFUND)
                        .shippingFee(fee).feeBearer(FeeBearer.FREIGHT_INSURANCE).buildUnchecked());
                list.add((a, v) -> on(c, a, v).agreeReturn().leg(s).outcome(OutcomeType.RETURN_AND_REFUND)
                        .shippingFee(foreign(leg)).buildUnchecked());
                yield list;
            }
            case DECLINE_RETURN ->
                    List.of((a, v) -> on(c, a, v).declineReturn().leg(s).reason(REASON).buildUnchecked());
            case APPLY_FOR_RETURN -> List.of((a, v) -> on(c, a, v).applyForReturn().leg(s).buildUnchecked());
            case ISSUE_SUPPLIER_NUMBER -> {
                List<Variant> list = new ArrayList<>();
                for (ReturnNumber number : List.of(supplierNumber(s, index, 1), wrongScope(index), c.resellerNumber())) {
                    list.add((a, v) -> on(c, a, v).issueSupplierNumber().leg(s).number(number).buildUnchecked());
                }
                yield list;
            }
            case REPLACE_SUPPLIER_NUMBER -> {
                List<Variant> list = new ArrayList<>();
                for (ReturnNumber number : List.of(supplierNumber(s, index, 2), supplierNumber(s, index, 1),
                        wrongScope(index))) {
                    list.add((a, v) -> on(c, a, v).replaceSupplierNumber().leg(s).number(number).buildUnchecked());
                }
                yield list;
            }
            case SHARE_NUMBER_WITH_CUSTOMER ->
                    List.of((a, v) -> on(c, a, v).shareNumberWithCustomer().leg(s).buildUnchecked());
            case REPORT_SHIPMENT -> {
                List<Variant> list = new ArrayList<>();
                List<ReturnNumber> numbers = new ArrayList<>();
                numbers.add(ReturnNumber.returnTracking("SF", "SF100000" + (index + 1)));
                for (Leg other : c.legs()) {
                    if (other != leg && other.returnTracking() != null) {
                        numbers.add(other.returnTracking());
                    }
                }
                numbers.add(ReturnNumber.replacementTracking("SF", "SF900000" + (index + 1)));
                for (ReturnNumber number : numbers) {
                    list.add((a, v) -> on(c, a, v).reportShipment().leg(s).tracking(number).buildUnchecked());
                }
                yield list;
            }
            case CONFIRM_RECEIPT -> {
                List<Variant> list = new ArrayList<>();
                List<List<LineQuantity>> received = new ArrayList<>();
                received.add(each(leg, LineState::authorized));
                addIfNew(received, each(leg, l -> Math.min(1, l.authorized())), received.get(0));
                received.add(each(leg, l -> 0));
                received.add(first(leg, l -> l.authorized() + 1, -1));
                received.add(List.of(new LineQuantity(UNKNOWN_SKU, 1)));
                for (List<LineQuantity> quantities : received) {
                    list.add((a, v) -> on(c, a, v).confirmReceipt().leg(s).received(quantities).buildUnchecked());
                }
                yield list;
            }
            case REPORT_RESULT -> {
                List<Variant> list = new ArrayList<>();
                List<List<List<LineQuantity>>> splits = new ArrayList<>();
                if (leg.shipsGoodsBack()) {
                    splits.add(List.of(each(leg, LineState::received), each(leg, l -> 0)));
                    splits.add(List.of(each(leg, l -> 0), each(leg, LineState::received)));
                    List<LineQuantity> one = each(leg, l -> Math.min(1, l.received()));
                    List<LineQuantity> rest = each(leg, l -> l.received() - Math.min(1, l.received()));
                    if (!one.equals(each(leg, LineState::received)) && !one.equals(each(leg, l -> 0))) {
                        splits.add(List.of(one, rest));
                    }
                    splits.add(List.of(each(leg, l -> l.received() > 0 ? 0 : 1), each(leg, l -> 0)));
                } else {
                    splits.add(List.of(List.of(), List.of()));
                    splits.add(List.of(first(leg, l -> 1, 0), List.of()));
                }
                for (List<List<LineQuantity>> split : splits) {
                    list.add((a, v) -> on(c, a, v).reportResult().leg(s).accepted(split.get(0)).rejected(split.get(1))
                            .note("inspected").buildUnchecked());
                }
                // a restocking fee at the refund for every received unit (the bound), and one unit above it
                List<LineQuantity> all = each(leg, LineState::received);
                for (long extra : new long[] {0, 1}) {
                    Money fee = minor(leg, receivedWorth(leg) + extra);
                    list.add((a, v) -> on(c, a, v).reportResult().leg(s).accepted(all).rejected(each(leg, l -> 0))
                            .note("restocked").restockingFee(fee).buildUnchecked());
                }
                yield list;
            }
            case SHIP_REPLACEMENT -> {
                List<Variant> list = new ArrayList<>();
                List<ReturnNumber> numbers = new ArrayList<>();
                numbers.add(ReturnNumber.replacementTracking("YT", "YT200000" + (index + 1)));
                if (leg.returnTracking() != null) {
                    numbers.add(ReturnNumber.replacementTracking(leg.returnTracking().scope(),
                            leg.returnTracking().value()));
                }
                numbers.add(ReturnNumber.returnTracking("YT", "YT300000" + (index + 1)));
                for (ReturnNumber number : numbers) {
                    list.add((a, v) -> on(c, a, v).shipReplacement().leg(s).tracking(number).buildUnchecked());
                }
                yield list;
            }
            case REPORT_RESULT_TO_CUSTOMER -> {
                List<Variant> list = new ArrayList<>();
                list.add((a, v) -> on(c, a, v).reportResultToCustomer().leg(s).note("result").buildUnchecked());
                for (Money compensation : List.of(leg.worth(), minor(leg, leg.worth().minor() + 1), foreign(leg))) {
                    list.add((a, v) -> on(c, a, v).reportResultToCustomer().leg(s).note("compensated")
                            .compensation(compensation).buildUnchecked());
                }
                yield list;
            }
            case CONFIRM_RESULT -> List.of((a, v) -> on(c, a, v).confirmResult().leg(s).buildUnchecked());
            case DISPUTE_RESULT ->
                    List.of((a, v) -> on(c, a, v).disputeResult().leg(s).reason(REASON).buildUnchecked());
            case CANCEL_RETURN -> List.of((a, v) -> on(c, a, v).cancelReturn().leg(s).buildUnchecked());
            case CLOSE_LEG -> List.of((a, v) -> on(c, a, v).closeLeg().leg(s).reason(REASON).buildUnchecked());
            case FIRE_DEADLINE -> List.of((a, v) -> on(c, a, v).fireDeadline().leg(s).buildUnchecked());
            case OFFER_PARTIAL_REFUND -> {
                List<Variant> list = new ArrayList<>();
                for (Money amount : List.of(leg.worth(), minor(leg, 1), minor(leg, 0),
                        minor(leg, leg.worth().minor() + 1), foreign(leg))) {
                    list.add((a, v) -> on(c, a, v).offerPartialRefund().leg(s).amount(amount).note("keep the goods")
                            .buildUnchecked());
                }
                yield list;
            }
            case ACCEPT_PARTIAL_REFUND -> List.of((a, v) -> on(c, a, v).acceptPartialRefund().leg(s).buildUnchecked());
            case REJECT_PARTIAL_REFUND ->
                    List.of((a, v) -> on(c, a, v).rejectPartialRefund().leg(s).reason(REASON).buildUnchecked());
            case REAPPLY -> List.of((a, v) -> on(c, a, v).reapply().leg(s).reason(EVIDENCED).buildUnchecked());
            case SEND_MESSAGE -> messages(c, s);
            case SUBMIT_RETURN -> throw new IllegalArgumentException("not a leg command");
        };
    }

    /** An amount in the leg's currency, in minor units. */
    private static Money minor(Leg leg, long minor) {
        return new Money(leg.worth().currency(), minor);
    }

    /** One minor unit in a currency other than the leg's. */
    private static Money foreign(Leg leg) {
        return Money.of(leg.worth().currency().getCurrencyCode().equals("USD") ? "EUR" : "USD", "1");
    }

    /** What every received unit of the leg is worth, in minor units. */
    private static long receivedWorth(Leg leg) {
        long total = 0;
        for (LineState line : leg.lines()) {
            total += line.unitPrice().minor() * line.received();
        }
        return total;
    }

    /**
     * A message changes no leg, only the version, so an accepted one is sent only from the case's first version
     * (else every state would spawn a chain of messages as deep as the exploration); everywhere else the checker
     * sends one to an addressee the workflow refuses (a party writing to its own role).
     */
    private static List<Variant> messages(ReturnCase c, SupplierId s) {
        Variant own = (a, v) -> on(c, a, v).sendMessage().leg(s).to(a.role()).text("checker").buildUnchecked();
        if (c.version() > 1) {
            return List.of(own);
        }
        Variant allowed = (a, v) -> on(c, a, v).sendMessage().leg(s)
                .to(a.role() == Role.RESELLER ? Role.CUSTOMER : Role.RESELLER).text("checker").buildUnchecked();
        return List.of(allowed, own);
    }

    private static void addIfNew(List<List<LineQuantity>> list, List<LineQuantity> candidate, List<LineQuantity> same) {
        if (!candidate.equals(same) && !list.contains(candidate)) {
            list.add(candidate);
        }
    }

    private static List<LineQuantity> each(Leg leg, ToIntFunction<LineState> quantity) {
        return leg.lines().stream().map(l -> new LineQuantity(l.sku(), Math.max(0, quantity.applyAsInt(l)))).toList();
    }

    /** The first line gets {@code quantity}; the others {@code others}, or are left out when it is negative. */
    private static List<LineQuantity> first(Leg leg, ToIntFunction<LineState> quantity, int others) {
        List<LineQuantity> list = new ArrayList<>();
        for (int i = 0; i < leg.lines().size(); i++) {
            LineState line = leg.lines().get(i);
            if (i == 0) {
                list.add(new LineQuantity(line.sku(), quantity.applyAsInt(line)));
            } else if (others >= 0) {
                list.add(new LineQuantity(line.sku(), others));
            }
        }
        return list;
    }

    private static ReturnNumber supplierNumber(SupplierId supplier, int index, int serial) {
        return ReturnNumber.supplierReturn(supplier, "RMA-" + (index + 1) + "-" + serial);
    }

    private ReturnNumber wrongScope(int index) {
        return ReturnNumber.supplierReturn(parties.strangerSupplier(), "RMA-" + (index + 1) + "-1");
    }

    /**
     * The header of the checker's commands on a case, fired by any actor: the commands are built unchecked, since the
     * checker must also see the workflow refuse actors that a build refuses.
     */
    private static CommandHeader on(ReturnCase c, Actor actor, Long expectedVersion) {
        return Commands.as(actor).key(KEY).onCase(c.id()).expectedVersion(expectedVersion);
    }
}
