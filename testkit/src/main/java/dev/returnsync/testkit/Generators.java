package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.command.AgreeReturnBuilder;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.LineState;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.core.domain.Transition;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Generators of return data as plain functions of a {@link RandomGenerator}: the same generator state always
 * gives the same value, so any seeded generator ({@code new SplittableRandom(seed)}) replays exactly. They
 * lean towards edge values (0, 1, the maximum, just before, at and just after a boundary), where rules
 * usually break. The random check of {@link RuleChecker} is built on them; they plug just as well into any
 * other property-testing tool.
 *
 * <pre>{@code
 * RandomGenerator random = new SplittableRandom(42);
 * Submission submission = Generators.submission(random);
 * ReturnCase somewhere = Generators.returnCase(random, workflow, Parties.ofDefaults(), deliveredAt, 6);
 * }</pre>
 */
public final class Generators {
    private static final IdempotencyKey KEY = IdempotencyKey.of("generated");
    private static final Duration TICK = Duration.ofSeconds(1);
    private static final List<String> CARRIERS = List.of("SF", "YT", "ZTO");
    private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";

    private Generators() {
    }

    /**
     * One of the options, uniformly.
     *
     * @param random the source of randomness
     * @param options the options, at least one
     * @param <T> the options' type
     * @return the option drawn
     */
    public static <T> T oneOf(RandomGenerator random, List<T> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("nothing to choose from");
        }
        return options.get(random.nextInt(options.size()));
    }

    /**
     * True with the given probability.
     *
     * @param random the source of randomness
     * @param probability from 0 (never) to 1 (always)
     * @return true with that probability
     */
    public static boolean chance(RandomGenerator random, double probability) {
        return random.nextDouble() < probability;
    }

    /**
     * A quantity in {@code [0, max]}: one time in three an edge value (0, 1 or max), else uniform.
     *
     * @param random the source of randomness
     * @param max the largest quantity, 0 or more
     * @return the quantity
     * @throws IllegalArgumentException if max is negative
     */
    public static int quantity(RandomGenerator random, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must be zero or more, was " + max);
        }
        if (chance(random, 1.0 / 3)) {
            return Math.min(max, oneOf(random, List.of(0, 1, max)));
        }
        return random.nextInt(max + 1);
    }

    /**
     * A duration in {@code [0, max]} to the second: one time in three right before, at or right after one of
     * the boundaries (deadlines, return windows), else uniform.
     *
     * @param random the source of randomness
     * @param max the longest duration, not negative
     * @param boundaries the durations the rules under test use
     * @return the duration
     */
    public static Duration duration(RandomGenerator random, Duration max, Collection<Duration> boundaries) {
        Objects.requireNonNull(max, "max");
        if (max.isNegative()) {
            throw new IllegalArgumentException("max must be zero or more, was " + max);
        }
        if (!boundaries.isEmpty() && chance(random, 1.0 / 3)) {
            Duration boundary = oneOf(random, List.copyOf(boundaries));
            Duration near = boundary.plusSeconds(random.nextInt(3) - 1L);
            if (!near.isNegative() && near.compareTo(max) <= 0) {
                return near;
            }
        }
        return Duration.ofSeconds(random.nextLong(max.getSeconds() + 1));
    }

    /**
     * An instant in {@code [from, from + span]}, leaning towards the boundaries (offsets from {@code from}).
     *
     * @param random the source of randomness
     * @param from the earliest instant
     * @param span the length of the range, not negative
     * @param boundaries the durations the rules under test use
     * @return the instant
     */
    public static Instant instant(RandomGenerator random, Instant from, Duration span, Collection<Duration> boundaries) {
        return from.plus(duration(random, span, boundaries));
    }

    /**
     * An amount in {@code [0, maxMinor]} minor units; one time in three 0, 1 or the maximum.
     *
     * @param random the source of randomness
     * @param currency an ISO 4217 code that is money
     * @param maxMinor the largest amount in minor units, 0 or more
     * @return the amount
     */
    public static Money money(RandomGenerator random, String currency, long maxMinor) {
        if (chance(random, 1.0 / 3)) {
            return new Money(java.util.Currency.getInstance(currency), oneOf(random, List.of(0L, 1L, maxMinor)));
        }
        return new Money(java.util.Currency.getInstance(currency), random.nextLong(maxMinor + 1));
    }

    /**
     * The text of a number of a kind as a person might type it: valid after normalization, but one time in
     * four with full-width digits, one in four with spaces, and (for kinds that ignore case) one in four in lower
     * case.
     *
     * @param random the source of randomness
     * @param kind the kind of number
     * @return the text as typed
     */
    public static String numberText(RandomGenerator random, NumberKind kind) {
        int length = Math.max(kind.minLength(), Math.min(kind.maxLength(), 6 + random.nextInt(8)));
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        String value = text.toString();
        int style = random.nextInt(4);
        if (style == 1) {
            StringBuilder wide = new StringBuilder();
            for (char c : value.toCharArray()) {
                wide.append(c >= '0' && c <= '9' ? (char) (c - '0' + '\uFF10') : c);
            }
            value = wide.toString();
        } else if (style == 2) {
            value = " " + value.substring(0, length / 2) + " " + value.substring(length / 2) + " ";
        } else if (style == 3 && kind != NumberKind.CUSTOMER_REQUEST) {
            value = value.toLowerCase(java.util.Locale.ROOT);
        }
        return value;
    }

    /**
     * A number of a kind in a scope, from {@link #numberText}.
     *
     * @param random the source of randomness
     * @param kind the kind of number
     * @param scope the scope value, per {@link NumberKind#scope()}
     * @return the number
     */
    public static ReturnNumber returnNumber(RandomGenerator random, NumberKind kind, String scope) {
        return new ReturnNumber(kind, scope, numberText(random, kind));
    }

    /**
     * A tracking number of a kind (return or replacement) with a random carrier.
     *
     * @param random the source of randomness
     * @param kind {@link NumberKind#RETURN_TRACKING} or {@link NumberKind#REPLACEMENT_TRACKING}
     * @return the number
     */
    public static ReturnNumber tracking(RandomGenerator random, NumberKind kind) {
        return new ReturnNumber(kind, oneOf(random, CARRIERS), numberText(random, kind));
    }

    /**
     * An outcome type, uniformly.
     *
     * @param random the source of randomness
     * @return the outcome type
     */
    public static OutcomeType outcome(RandomGenerator random) {
        return oneOf(random, List.of(OutcomeType.values()));
    }

    /**
     * A reason: any code, a short text, and for quality complaints one or two evidence references one time in two.
     *
     * @param random the source of randomness
     * @return the reason
     */
    public static Reason reason(RandomGenerator random) {
        ReasonCode code = oneOf(random, List.of(ReasonCode.values()));
        List<Evidence> evidence = code.isQualityComplaint() && chance(random, 0.5) ? someEvidence(random) : List.of();
        return new Reason(code, chance(random, 0.5) ? "" : "because", evidence);
    }

    /**
     * Evidence references: none half of the time, else one or two of random kinds.
     *
     * @param random the source of randomness
     * @return the references
     */
    public static List<Evidence> evidence(RandomGenerator random) {
        return chance(random, 0.5) ? List.of() : someEvidence(random);
    }

    /** One or two references of random kinds. */
    private static List<Evidence> someEvidence(RandomGenerator random) {
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            evidence.add(Evidence.of(oneOf(random, List.of(EvidenceKind.values())), "evidence-" + (i + 1)));
        }
        return evidence;
    }

    /**
     * Lines of 1 to {@code maxSuppliers} suppliers ({@code S1}, {@code S2}, ...), 1 to {@code maxLinesPerSupplier}
     * lines each, distinct SKUs, delivered quantities up to {@code maxQuantity}, prices up to CNY 999.99.
     *
     * @param random the source of randomness
     * @param maxSuppliers the most suppliers, 1 or more
     * @param maxLinesPerSupplier the most lines per supplier, 1 or more
     * @param maxQuantity the largest delivered quantity, 1 or more
     * @return the lines
     */
    public static List<ReturnLine> lines(RandomGenerator random, int maxSuppliers, int maxLinesPerSupplier,
                                         int maxQuantity) {
        if (maxSuppliers < 1 || maxLinesPerSupplier < 1 || maxQuantity < 1) {
            throw new IllegalArgumentException("need at least one supplier, one line and one unit");
        }
        int suppliers = 1 + random.nextInt(maxSuppliers);
        List<ReturnLine> lines = new ArrayList<>();
        int sku = 1;
        for (int s = 1; s <= suppliers; s++) {
            int count = 1 + random.nextInt(maxLinesPerSupplier);
            for (int i = 0; i < count; i++) {
                int delivered = 1 + quantity(random, maxQuantity - 1);
                int requested = 1 + quantity(random, delivered - 1);
                lines.add(new ReturnLine(Sku.of("SKU-" + sku++), SupplierId.of("S" + s), requested, delivered,
                        money(random, "CNY", 99_999)));
            }
        }
        return lines;
    }

    /**
     * A submission of up to 3 suppliers with up to 2 lines each and up to 5 units per line.
     *
     * @param random the source of randomness
     * @return the submission
     */
    public static Submission submission(RandomGenerator random) {
        return new Submission("generated", lines(random, 3, 2, 5), reason(random), outcome(random));
    }

    /**
     * A command for a case. Four times in five a command type the leg's state has a row for (three times as
     * likely when it moves the leg on to another waiting state than when it ends the leg), sent by a
     * rightful actor six times in seven; otherwise any type, any actor of {@link Parties#everyone}. Payloads
     * lean towards edges (0, 1, max, one above max, numbers of other legs), one command in ten names a version.
     *
     * @param random the source of randomness
     * @param current the case
     * @param workflow the workflow (for its table)
     * @param parties the cast
     * @return the command
     */
    public static Command command(RandomGenerator random, ReturnCase current, ReturnWorkflow workflow, Parties parties) {
        Leg leg = oneOf(random, current.legs());
        List<CommandType> legal = new ArrayList<>();
        List<CommandType> any = new ArrayList<>();
        for (CommandType type : CommandType.values()) {
            if (type == CommandType.SUBMIT_RETURN) {
                continue;
            }
            any.add(type);
            if (!workflow.definition().rows(type, leg.state()).isEmpty()) {
                legal.add(type);
            }
        }
        CommandType type = !legal.isEmpty() && chance(random, 0.8) ? weighted(random, legal, workflow, leg) : oneOf(random, any);
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        for (Transition row : workflow.definition().rows(type, leg.state())) {
            roles.addAll(row.roles());
        }
        if (roles.isEmpty()) {
            roles.addAll(workflow.definition().roles(type));
        }
        Actor actor;
        if (chance(random, 6.0 / 7)) {
            actor = switch (oneOf(random, List.copyOf(roles))) {
                case CUSTOMER -> parties.ownCustomer();
                case RESELLER -> parties.reseller();
                case SUPPLIER -> parties.supplier(leg.supplier());
                case SYSTEM -> parties.system();
            };
        } else {
            actor = oneOf(random, parties.everyone(current));
        }
        Long version = chance(random, 0.1) ? current.version() - random.nextInt(2) : null;
        return payload(random, type, current, leg, actor, version, parties);
    }

    /** Types that move the leg on to a waiting state weigh 3, the others (terminal or staying) 1. */
    private static CommandType weighted(RandomGenerator random, List<CommandType> types, ReturnWorkflow workflow, Leg leg) {
        List<CommandType> pool = new ArrayList<>();
        for (CommandType type : types) {
            boolean progress = workflow.definition().rows(type, leg.state()).stream()
                    .anyMatch(row -> row.changesState() && !row.to().isTerminal());
            for (int i = 0; i < (progress ? 3 : 1); i++) {
                pool.add(type);
            }
        }
        return oneOf(random, pool);
    }

    /** The command of a type on the leg, built unchecked: the actor may be one the workflow must refuse. */
    private static Command payload(RandomGenerator random, CommandType type, ReturnCase c, Leg leg, Actor a, Long v,
                                   Parties parties) {
        SupplierId s = leg.supplier();
        CommandHeader h = Commands.as(a).key(KEY).onCase(c.id()).expectedVersion(v);
        return switch (type) {
            case OPEN_NEGOTIATION -> h.openNegotiation().leg(s).buildUnchecked();
            case AGREE_RETURN -> {
                AgreeReturnBuilder agree = h.agreeReturn().leg(s).outcome(outcome(random))
                        .authorized(chance(random, 0.25) ? List.of() : quantities(random, leg, LineState::requested))
                        .evidence(evidence(random));
                if (chance(random, 0.5)) {
                    FeeBearer bearer = oneOf(random, List.of(FeeBearer.values()));
                    agree.shippingFee(amount(random, leg)).feeBearer(bearer)
                            .insuranceClaim(bearer == FeeBearer.FREIGHT_INSURANCE ? "YX-" + random.nextInt(100) : null);
                }
                yield agree.buildUnchecked();
            }
            case DECLINE_RETURN -> h.declineReturn().leg(s).reason(reason(random)).buildUnchecked();
            case APPLY_FOR_RETURN -> h.applyForReturn().leg(s).buildUnchecked();
            case ISSUE_SUPPLIER_NUMBER -> h.issueSupplierNumber().leg(s).number(supplierNumber(random, c, leg, parties))
                    .buildUnchecked();
            case REPLACE_SUPPLIER_NUMBER -> h.replaceSupplierNumber().leg(s)
                    .number(supplierNumber(random, c, leg, parties)).buildUnchecked();
            case SHARE_NUMBER_WITH_CUSTOMER -> h.shareNumberWithCustomer().leg(s).buildUnchecked();
            case REPORT_SHIPMENT -> h.reportShipment().leg(s)
                    .tracking(trackingOrTaken(random, c, NumberKind.RETURN_TRACKING)).buildUnchecked();
            case CONFIRM_RECEIPT -> h.confirmReceipt().leg(s).received(quantities(random, leg, LineState::authorized))
                    .buildUnchecked();
            case REPORT_RESULT -> {
                if (!leg.shipsGoodsBack() && chance(random, 0.9)) {
                    yield h.reportResult().leg(s).note("inspected").evidence(evidence(random)).buildUnchecked();
                }
                List<LineQuantity> accepted = new ArrayList<>();
                List<LineQuantity> rejected = new ArrayList<>();
                for (LineState line : leg.lines()) {
                    int ok = quantity(random, line.received());
                    int bad = line.received() - ok + (chance(random, 0.1) ? 1 : 0);
                    accepted.add(new LineQuantity(line.sku(), ok));
                    rejected.add(new LineQuantity(line.sku(), bad));
                }
                yield h.reportResult().leg(s).accepted(accepted).rejected(rejected).note("inspected")
                        .restockingFee(chance(random, 0.3) ? amount(random, leg) : null)
                        .evidence(evidence(random)).buildUnchecked();
            }
            case SHIP_REPLACEMENT -> h.shipReplacement().leg(s)
                    .tracking(trackingOrTaken(random, c, NumberKind.REPLACEMENT_TRACKING)).buildUnchecked();
            case REPORT_RESULT_TO_CUSTOMER -> h.reportResultToCustomer().leg(s).note("result")
                    .compensation(chance(random, 0.3) ? amount(random, leg) : null).buildUnchecked();
            case CONFIRM_RESULT -> h.confirmResult().leg(s).buildUnchecked();
            case DISPUTE_RESULT -> h.disputeResult().leg(s).reason(reason(random)).buildUnchecked();
            case CANCEL_RETURN -> h.cancelReturn().leg(s).buildUnchecked();
            case CLOSE_LEG -> h.closeLeg().leg(s).reason(reason(random)).buildUnchecked();
            case FIRE_DEADLINE -> h.fireDeadline().leg(s).buildUnchecked();
            case OFFER_PARTIAL_REFUND -> h.offerPartialRefund().leg(s).amount(amount(random, leg)).note("offer")
                    .buildUnchecked();
            case ACCEPT_PARTIAL_REFUND -> h.acceptPartialRefund().leg(s).buildUnchecked();
            case REJECT_PARTIAL_REFUND -> h.rejectPartialRefund().leg(s).reason(reason(random)).buildUnchecked();
            case REAPPLY -> h.reapply().leg(s).reason(reason(random)).buildUnchecked();
            case SEND_MESSAGE -> h.sendMessage().leg(s).to(oneOf(random, List.of(Role.values())))
                    .text(chance(random, 0.5) ? "where is my refund?" : "请尽快处理\n谢谢").buildUnchecked();
            case SUBMIT_RETURN -> throw new IllegalArgumentException("not a leg command");
        };
    }

    /**
     * An amount for the leg: mostly within its worth, sometimes zero, above the worth, or in another currency, so
     * that the money refusals are met too.
     */
    private static Money amount(RandomGenerator random, Leg leg) {
        Money worth = leg.worth();
        if (chance(random, 0.05)) {
            String other = worth.currency().getCurrencyCode().equals("USD") ? "EUR" : "USD";
            return new Money(Money.currency(other), 1);
        }
        long minor = chance(random, 0.1) ? worth.minor() + 1 : random.nextLong(worth.minor() + 1);
        return new Money(worth.currency(), Math.min(minor, Money.MAX_MINOR));
    }

    private static List<LineQuantity> quantities(RandomGenerator random, Leg leg,
                                                 java.util.function.ToIntFunction<LineState> limit) {
        List<LineQuantity> list = new ArrayList<>();
        for (LineState line : leg.lines()) {
            int max = limit.applyAsInt(line);
            list.add(new LineQuantity(line.sku(), chance(random, 0.1) ? max + 1 : quantity(random, max)));
        }
        return list;
    }

    private static ReturnNumber supplierNumber(RandomGenerator random, ReturnCase c, Leg leg, Parties parties) {
        if (leg.supplierNumber() != null && chance(random, 0.1)) {
            return leg.supplierNumber();
        }
        SupplierId scope = chance(random, 0.9) ? leg.supplier() : parties.strangerSupplier();
        return returnNumber(random, NumberKind.SUPPLIER_RETURN, scope.value());
    }

    private static ReturnNumber trackingOrTaken(RandomGenerator random, ReturnCase c, NumberKind kind) {
        if (chance(random, 0.15)) {
            for (Leg other : c.legs()) {
                if (other.returnTracking() != null) {
                    return new ReturnNumber(kind, other.returnTracking().scope(), other.returnTracking().value());
                }
            }
        }
        return tracking(random, kind);
    }

    /**
     * A random action for the random check: with no case yet, a submission (after a wait one time in two);
     * otherwise a {@link #command} four times in five, else a clock move: to just before, at or after the next
     * due deadline, or by a duration leaning towards the boundaries.
     *
     * @param random the source of randomness
     * @param current the case so far, empty before the submission
     * @param workflow the rules, to pick commands that may be accepted
     * @param parties who may act
     * @param deliveredAt when the order was delivered
     * @param boundaries the durations the rules under test use
     * @return the action
     */
    public static Action action(RandomGenerator random, Optional<ReturnCase> current, ReturnWorkflow workflow,
                                Parties parties, Instant deliveredAt, Collection<Duration> boundaries) {
        if (current.isEmpty()) {
            if (chance(random, 0.5)) {
                return new Action.AdvanceBy(duration(random, Duration.ofDays(30), boundaries));
            }
            Actor actor = chance(random, 0.9) ? parties.ownCustomer() : oneOf(random, parties.everyone(null));
            return new Action.Execute(submission(random).command(parties, Commands.as(actor).key(KEY), deliveredAt)
                    .buildUnchecked());
        }
        if (chance(random, 0.8)) {
            return new Action.Execute(command(random, current.get(), workflow, parties));
        }
        if (chance(random, 0.5)) {
            return new Action.AdvanceToNextDue(TICK.multipliedBy(random.nextInt(3) - 1L));
        }
        return new Action.AdvanceBy(duration(random, Duration.ofDays(12), boundaries));
    }

    /**
     * A case reached by a random walk: a generated submission by the customer at the delivery instant, then up to
     * {@code steps} generated commands, keeping the accepted ones (policies are not run). Useful to feed a
     * guard under test with realistic cases.
     *
     * @param random the source of randomness
     * @param workflow the rules that decide the commands
     * @param parties who acts
     * @param deliveredAt when the order was delivered, also the submission time
     * @param steps the most commands after the submission, 0 or more
     * @return the case reached
     */
    public static ReturnCase returnCase(RandomGenerator random, ReturnWorkflow workflow, Parties parties,
                                        Instant deliveredAt, int steps) {
        Instant now = deliveredAt;
        ReturnCase current = null;
        for (int attempt = 0; current == null; attempt++) {
            if (attempt > 100) {
                throw new IllegalStateException("the workflow refused 100 generated submissions; is a guard refusing all?");
            }
            Command.SubmitReturn submit = submission(random).command(parties,
                    Commands.as(parties.ownCustomer()).key(KEY), deliveredAt).build();
            Decision decision = workflow.decide(Optional.empty(), submit, RuleContext.at(now));
            if (decision instanceof Decision.Accepted accepted) {
                current = ReturnWorkflow.evolve(Optional.empty(), accepted.events());
            }
        }
        for (int i = 0; i < steps; i++) {
            if (chance(random, 0.2)) {
                now = now.plus(duration(random, Duration.ofDays(3), List.of()));
            }
            Decision decision = workflow.decide(current, command(random, current, workflow, parties), RuleContext.at(now));
            if (decision instanceof Decision.Accepted accepted) {
                current = ReturnWorkflow.evolve(current, accepted.events());
            }
        }
        return current;
    }
}
