package dev.returnsync.core.hostile;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.TimeWindow;
import dev.returnsync.spi.codec.EventCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.returnsync.core.hostile.Flows.CASE;
import static dev.returnsync.core.hostile.Flows.SUPPLIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of generated malformed and hostile inputs, from a seeded random source, against every edge where
 * outside data enters: ids, return numbers, money, lines, reasons, times, stored events (the codec), event
 * histories (evolve) and commands by the wrong party (decide). Each must be answered by a typed, documented error
 * or a refusal, leaving the case as it was; the suite prints its tally and fails on any escaped exception,
 * accepted garbage or message that repeats the input.
 */
@Timeout(60)
class HostileInputTest {
    private static final long SEED = 20_261_203L;

    private final Random random = new Random(SEED);
    private final Tally tally = new Tally();

    @Test
    void everyHostileInputIsAnsweredByATypedErrorOrARefusal() {
        ids(400);
        returnNumbers(300);
        money(420);
        lines(150);
        reasons(200);
        times(150);
        codec(500);
        histories(300);
        wrongParties(400);

        System.out.println(tally.summary());
        assertTrue(tally.inputs() >= 2_000, "at least 2,000 inputs: " + tally.inputs());
        assertEquals(List.of(), tally.problems(), tally.summary());
    }

    // -------------------------------------------------------------------------------------------------- values

    private void ids(int count) {
        List<Function<String, Object>> factories = List.of(CaseId::of, CustomerId::of, TenantId::of, SupplierId::of,
                Sku::of, OrderId::of, IdempotencyKey::of, id -> Actor.reseller(Flows.TENANT, id),
                id -> new ReturnNumber(NumberKind.SUPPLIER_RETURN, id, "RMA-1"));
        for (int i = 0; i < count; i++) {
            String id = HostileText.badId(random);
            Function<String, Object> factory = factories.get(random.nextInt(factories.size()));
            tally.expectRefused("id", id, id.strip(), () -> factory.apply(id));
        }
    }

    private void returnNumbers(int count) {
        for (int i = 0; i < count; i++) {
            NumberKind kind = NumberKind.values()[random.nextInt(NumberKind.values().length)];
            String valid = "AB" + (100_000 + random.nextInt(900_000));
            String raw = switch (random.nextInt(6)) {
                case 0, 1 -> HostileText.insert(random, valid, HostileText.pick(random, HostileText.FORBIDDEN));
                case 2 -> HostileText.unpaired(random, valid);
                case 3 -> HostileText.insert(random, valid, "#@!?*%退€".codePointAt(random.nextInt(8)));
                case 4 -> "9".repeat(kind.maxLength() + 1 + random.nextInt(500));
                default -> random.nextBoolean() ? "" : "\u3000 \t";
            };
            if (raw.indexOf('\t') >= 0 && raw.strip().equals(valid)) {
                continue;
            }
            if (random.nextInt(6) == 0) {
                tally.expectRefused("carrier", raw, null, () -> ReturnNumber.returnTracking(raw, "SF1234567890"));
            } else {
                tally.expectRefused("number", raw, valid, () -> new ReturnNumber(kind, "scope-1", raw));
            }
        }
    }

    private void money(int count) {
        String[] shapes = {"1E+2000000", "1e3", "-1", "+1", "1.2.3", "59.901", "1,00", "０１", "NaN", "Infinity", "0x10",
                " 1", "1 ", ".5", "5.", "", "1_000", "١٢", "1.0E1", "9".repeat(25), "10000000000000.01", "-0", "0.-1", "1.-", "e5", "5.e"};
        String[] currencies = {"XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA",
                "cny", "CN", "CNYY", "", "ZZZ", "C\u200BN", "€"};
        Currency cny = Currency.getInstance("CNY");
        for (int i = 0; i < count; i++) {
            switch (i % 4) {
                case 0, 1 -> {
                    String amount = shapes[random.nextInt(shapes.length)];
                    tally.expectRefused("money text", amount, amount.length() > 4 ? amount : null,
                            () -> Money.of(random.nextBoolean() ? "CNY" : "JPY", amount));
                }
                case 2 -> {
                    String code = currencies[random.nextInt(currencies.length)];
                    tally.expectRefused("currency", code, null, () -> Money.of(code, "1"));
                }
                default -> {
                    long minor = random.nextBoolean() ? -1 - random.nextInt(Integer.MAX_VALUE)
                            : Money.MAX_MINOR + 1 + (random.nextLong() >>> 2);
                    long big = Money.MAX_MINOR / 2 + random.nextInt(1000);
                    switch (random.nextInt(3)) {
                        case 0 -> tally.expectRefused("amount", "minor " + minor, null, () -> new Money(cny, minor));
                        case 1 -> tally.expectRefused("amount", "sum", null,
                                () -> new Money(cny, big).plus(new Money(cny, big + 1)));
                        default -> tally.expectRefused("amount", "product", null,
                                () -> new Money(cny, 1L << (40 + random.nextInt(9))).times(1 << (15 + random.nextInt(15))));
                    }
                }
            }
        }
    }

    private void lines(int count) {
        Money price = Money.of("CNY", "9.90");
        for (int i = 0; i < count; i++) {
            int requested;
            int delivered;
            switch (random.nextInt(4)) {
                case 0 -> {
                    requested = -random.nextInt(1000);
                    delivered = 5;
                }
                case 1 -> {
                    requested = 6 + random.nextInt(100);
                    delivered = 5;
                }
                case 2 -> {
                    requested = 1;
                    delivered = ReturnLine.MAX_QUANTITY + 1 + random.nextInt(Integer.MAX_VALUE - ReturnLine.MAX_QUANTITY - 1);
                }
                default -> {
                    requested = 1;
                    delivered = -random.nextInt(1000);
                }
            }
            if (random.nextInt(5) == 0) {
                int quantity = random.nextBoolean() ? -1 - random.nextInt(1000) : ReturnLine.MAX_QUANTITY + 1;
                tally.expectRefused("line", "quantity " + quantity, null, () -> LineQuantity.of("A", quantity));
            } else if (random.nextInt(8) == 0) {
                tally.expectRefused("line", "null price", null,
                        () -> new ReturnLine(Sku.of("A"), SUPPLIER, 1, 1, null));
            } else {
                tally.expectRefused("line", requested + "/" + delivered, null,
                        () -> new ReturnLine(Sku.of("A"), SUPPLIER, requested, delivered, price));
            }
        }
    }

    private void reasons(int count) {
        for (int i = 0; i < count; i++) {
            ReasonCode code = ReasonCode.values()[random.nextInt(ReasonCode.values().length)];
            switch (random.nextInt(7)) {
                case 0 -> {
                    String text = HostileText.badText(random);
                    tally.expectRefused("reason", text, text, () -> Reason.of(code, text));
                }
                case 1 -> {
                    String note = HostileText.badText(random);
                    tally.expectRefused("note", note, note, () -> random.nextBoolean()
                            ? new Command.ReportResult(IdempotencyKey.of("k"), Flows.supplier(), null, null, CASE, SUPPLIER,
                                    List.of(), List.of(), note, null, List.of())
                            : new Command.ReportResultToCustomer(IdempotencyKey.of("k"), Flows.reseller(), null, null, CASE,
                                    SUPPLIER, note, null));
                }
                case 2 -> tally.expectRefused("reason", "long text", null,
                        () -> Reason.of(code, "长".repeat(Reason.MAX_TEXT + 1 + random.nextInt(1000))));
                case 3 -> {
                    List<Evidence> evidence = Collections.nCopies(Evidence.MAX_COUNT + 1 + random.nextInt(50),
                            Evidence.of(EvidenceKind.PHOTO, "img.jpg"));
                    tally.expectRefused("reason", "many references", null, () -> new Reason(code, "", evidence));
                }
                case 4 -> {
                    String reference = random.nextBoolean() ? HostileText.badId(random)
                            : "https://x.example/" + "a".repeat(Evidence.MAX_REFERENCE);
                    if (reference.isEmpty() || reference.strip().equals(reference)
                            && reference.length() <= Evidence.MAX_REFERENCE
                            && reference.codePoints().noneMatch(c -> Arrays.stream(HostileText.FORBIDDEN).anyMatch(f -> f == c))
                            && reference.chars().noneMatch(c -> Character.isSurrogate((char) c))) {
                        // padding or a leading mark is allowed in an evidence reference; use a broken one instead
                        tally.expectRefused("reason", "blank reference", null,
                                () -> new Reason(code, "", List.of(Evidence.of(EvidenceKind.PHOTO, " "))));
                    } else {
                        tally.expectRefused("reason", reference, reference.strip(),
                                () -> new Reason(code, "", List.of(Evidence.of(EvidenceKind.PHOTO, reference))));
                    }
                }
                case 5 -> tally.expectRefused("reason", "null reference", null,
                        () -> new Reason(code, "", Arrays.asList(Evidence.of(EvidenceKind.PHOTO, "a.jpg"), null)));
                default -> {
                    String text = HostileText.badText(random);
                    tally.expectRefused("reason", text, text, () -> Reason.of(code, text));
                }
            }
        }
    }

    private Instant outsideTheWindow() {
        long start = TimeWindow.START.getEpochSecond();
        long end = TimeWindow.END.getEpochSecond();
        return random.nextBoolean()
                ? Instant.ofEpochSecond(Instant.MIN.getEpochSecond() + (long) (random.nextDouble() * (start - Instant.MIN.getEpochSecond())))
                : Instant.ofEpochSecond(end + (long) (random.nextDouble() * (Instant.MAX.getEpochSecond() - end)));
    }

    private void times(int count) {
        for (int i = 0; i < count; i++) {
            Instant time = i % 10 == 0 ? Instant.MAX : i % 10 == 1 ? Instant.MIN : outsideTheWindow();
            switch (random.nextInt(3)) {
                case 0 -> tally.expectRefused("time", time.toString(), null, () -> RuleContext.at(time));
                case 1 -> tally.expectRefused("time", time.toString(), null,
                        () -> new ReturnEvent.ReturnCancelled(time, Flows.customer(), SUPPLIER));
                default -> tally.expectRefused("time", time.toString(), null, () -> ReturnWorkflow.ofDefaults().decide(
                        Optional.empty(), Flows.submit(IdempotencyKey.of("k"), List.of(Flows.line("A", 1, 1, "1")), time),
                        RuleContext.at(Flows.T0)));
            }
        }
    }

    // ------------------------------------------------------------------------------------------ stored events

    /** A field and its value in encoded JSON: strings, numbers, literals, and objects or arrays without nesting. */
    private static final Pattern FIELD = Pattern.compile(
            "\"([A-Za-z]+)\":(\"(?:[^\"\\\\]|\\\\.)*\"|-?\\d+|true|false|null|\\{[^{}\\[\\]]*\\}|\\[[^\\[\\]]*\\])");

    private void codec(int count) {
        List<String> encoded = new ArrayList<>();
        for (OutcomeType outcome : OutcomeType.values()) {
            for (ReturnEvent event : Flows.complete(outcome).events()) {
                encoded.add(EventCodec.encode(event));
            }
        }
        for (int i = 0; i < count; i++) {
            String json = encoded.get(random.nextInt(encoded.size()));
            String mutated = mutate(json);
            if (mutated == null) {
                i--;
                continue;
            }
            tally.expectRefused("codec", mutated, null, () -> EventCodec.decode(mutated));
        }
    }

    /** One hostile change to a valid encoding, or null when the drawn change does not apply to it. */
    private String mutate(String json) {
        List<int[]> fields = new ArrayList<>();
        Matcher matcher = FIELD.matcher(json);
        while (matcher.find()) {
            if (!matcher.group(1).equals("note")) {
                fields.add(new int[] {matcher.start(2), matcher.end(2), matcher.start(1)});
            }
        }
        int[] field = fields.get(random.nextInt(fields.size()));
        String value = json.substring(field[0], field[1]);
        String replacement;
        switch (random.nextInt(12)) {
            case 0 -> {
                String name = json.substring(field[2], field[0] - 2);
                if (name.equals("shipping") || name.equals("restockingFee")) {
                    return null; // a fee null reads as none, as in events stored before fees
                }
                replacement = "null";
            }
            case 1 -> replacement = value.startsWith("\"") ? "12" : "\"12\"";
            case 2 -> replacement = value.startsWith("[") ? "{}" : "[]";
            case 3 -> replacement = value.startsWith("{") ? "true" : "{\"x\":1}";
            case 4 -> replacement = random.nextBoolean() ? "9".repeat(20 + random.nextInt(5000)) : "-" + "9".repeat(30);
            case 5 -> replacement = "[".repeat(40 + random.nextInt(100)) + "]".repeat(40);
            case 6 -> {
                if (!value.startsWith("\"") || value.length() < 3) {
                    return null;
                }
                String escape = random.nextBoolean() ? "\\ud800" : "\\u202e";
                replacement = value.substring(0, value.length() - 1) + escape + "\"";
            }
            case 7 -> {
                if (!value.matches("\"\\d{4}-.*Z\"")) {
                    return null;
                }
                replacement = random.nextBoolean() ? "\"0001-01-01T00:00:00Z\"" : "\"+1000000000-12-31T23:59:59Z\"";
            }
            case 8 -> {
                return json.substring(0, 1 + random.nextInt(json.length() - 2));
            }
            case 9 -> {
                return json.substring(0, json.length() - 1) + ",\"" + json.substring(field[2], field[0] - 2) + "\":" + value + "}";
            }
            case 10 -> {
                int at = random.nextInt(json.length());
                char control;
                do {
                    control = (char) random.nextInt(0x20);
                } while (control == '\t' || control == '\n' || control == '\r');
                return json.substring(0, at) + control + json.substring(at);
            }
            default -> {
                if (!value.matches("-?\\d+")) {
                    return null;
                }
                replacement = random.nextBoolean() ? "-" + (1 + random.nextInt(100)) : "1.5";
                if (value.equals("1") && json.startsWith("{\"format\":1") && field[0] == 10) {
                    return null;
                }
            }
        }
        if (replacement.equals(value)) {
            return null; // an optional field already null: no change at all
        }
        return json.substring(0, field[0]) + replacement + json.substring(field[1]);
    }

    // --------------------------------------------------------------------------------------------- histories

    private void histories(int count) {
        List<Flows> flows = new ArrayList<>();
        for (OutcomeType outcome : OutcomeType.values()) {
            flows.add(Flows.complete(outcome));
        }
        for (int i = 0; i < count; i++) {
            Flows flow = flows.get(random.nextInt(flows.size()));
            List<ReturnEvent> events = flow.events();
            int done = random.nextInt(events.size());
            ReturnCase current = flow.cases().get(done);
            ReturnEvent event;
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    int other;
                    do {
                        other = random.nextInt(events.size());
                    } while (other == done + 1);
                    event = events.get(other);
                }
                case 2 -> event = new ReturnEvent.NegotiationOpened(Flows.T0, Flows.reseller(), Flows.OTHER_SUPPLIER);
                default -> event = randomLegEvent();
            }
            if (event instanceof ReturnEvent.LegEvent && random.nextInt(10) == 0) {
                current = null;
            }
            ReturnCase before = current;
            Optional<ReturnCase> start = Optional.ofNullable(current);
            tally.expectRefused("evolve", event.type() + " after " + done, null, () -> {
                ReturnCase after = ReturnWorkflow.evolve(start, event);
                return "folded into version " + after.version();
            });
            assertEquals(Optional.ofNullable(before), start, "the case is unchanged");
        }
    }

    /** An event whose payload does not fit: quantities above the request, numbers of the wrong kind or leg. */
    private ReturnEvent randomLegEvent() {
        Actor supplier = Flows.supplier();
        return switch (random.nextInt(6)) {
            case 0 -> new ReturnEvent.SupplierAgreed(Flows.T0, supplier, SUPPLIER, OutcomeType.EXCHANGE,
                    List.of(LineQuantity.of("A", 3 + random.nextInt(100))), dev.returnsync.spi.ReturnShipping.none(java.util.Currency.getInstance("CNY"), ReasonCode.OTHER), List.of());
            case 1 -> new ReturnEvent.ReturnReceived(Flows.T0, supplier, SUPPLIER, List.of(LineQuantity.of("Z", 1)));
            case 2 -> new ReturnEvent.LegEscalated(Flows.T0, Flows.reseller(), SUPPLIER, LegState.COMPLETED);
            case 3 -> new ReturnEvent.LegExpired(Flows.T0, Flows.reseller(), SUPPLIER, LegState.CANCELLED);
            case 4 -> new ReturnEvent.SupplierNumberReplaced(Flows.T0, supplier, SUPPLIER,
                    ReturnNumber.supplierReturn(SUPPLIER, "NOT-CURRENT"), ReturnNumber.supplierReturn(SUPPLIER, "RMA-9"));
            default -> new ReturnEvent.ReturnShipped(Flows.T0, Flows.customer(), SUPPLIER,
                    ReturnNumber.replacementTracking("SF", "SF1234567890"));
        };
    }

    // ------------------------------------------------------------------------------------------- wrong parties

    private void wrongParties(int count) {
        List<ReturnCase> cases = new ArrayList<>();
        for (OutcomeType outcome : OutcomeType.values()) {
            cases.addAll(Flows.complete(outcome).cases());
        }
        ReturnWorkflow workflow = ReturnWorkflow.ofDefaults();
        for (int i = 0; i < count; i++) {
            ReturnCase current = cases.get(random.nextInt(cases.size()));
            Command command = wrongCommand(current);
            ReturnCase snapshot = current;
            tally.expectRefused("decide", command.type() + " by " + command.actor(), null,
                    () -> workflow.decide(snapshot, command, RuleContext.at(Flows.T0.plusSeconds(86_400 * 30))));
            assertEquals(snapshot, current, "the case is unchanged");
        }
    }

    /** A leg command that some party check must refuse: wrong tenant, customer, supplier, leg, version or role. */
    private Command wrongCommand(ReturnCase current) {
        IdempotencyKey key = IdempotencyKey.of("hostile-" + random.nextInt(1_000_000));
        Long version = null;
        SupplierId leg = SUPPLIER;
        CaseId caseId = CASE;
        Actor actor;
        int kind = random.nextInt(7);
        switch (kind) {
            case 0 -> actor = random.nextBoolean() ? Actor.reseller(Flows.OTHER_TENANT, "staff-1")
                    : Actor.supplier(Flows.OTHER_TENANT, SUPPLIER);
            case 1 -> actor = Actor.customer(Flows.TENANT, Flows.OTHER_CUSTOMER);
            case 2 -> actor = Actor.supplier(Flows.TENANT, Flows.OTHER_SUPPLIER);
            case 3 -> {
                actor = Flows.reseller();
                leg = Flows.OTHER_SUPPLIER;
            }
            case 4 -> {
                actor = Flows.reseller();
                version = current.version() + 1 + random.nextInt(5);
            }
            case 5 -> {
                actor = Flows.reseller();
                caseId = CaseId.of("case-" + (2 + random.nextInt(1000)));
            }
            default -> actor = new Actor(random.nextBoolean() ? Role.SYSTEM : Role.CUSTOMER, "c-1", Flows.TENANT);
        }
        if (kind == 6) {
            // roles that may never do these: a customer or the system cannot agree, issue numbers or receive
            return switch (random.nextInt(3)) {
                case 0 -> new Command.AgreeReturn(key, Actor.customer(Flows.TENANT, Flows.CUSTOMER), version, null, caseId, leg,
                        OutcomeType.EXCHANGE, List.of(), null, null, null, List.of());
                case 1 -> new Command.IssueSupplierNumber(key, actor, version, null, caseId, leg,
                        ReturnNumber.supplierReturn(leg, "RMA-X"));
                default -> new Command.ConfirmReceipt(key, actor, version, null, caseId, leg, List.of(LineQuantity.of("A", 1)));
            };
        }
        return switch (random.nextInt(8)) {
            case 0 -> new Command.OpenNegotiation(key, actor, version, null, caseId, leg);
            case 1 -> new Command.CancelReturn(key, actor, version, null, caseId, leg);
            case 2 -> new Command.CloseLeg(key, actor, version, null, caseId, leg, Reason.of(ReasonCode.OTHER, "x"));
            case 3 -> new Command.ConfirmResult(key, actor, version, null, caseId, leg);
            case 4 -> new Command.ReportShipment(key, actor, version, null, caseId, leg,
                    ReturnNumber.returnTracking("SF", "SF" + (10_000_000 + random.nextInt(80_000_000))));
            case 5 -> new Command.ApplyForReturn(key, actor, version, null, caseId, leg);
            case 6 -> new Command.FireDeadline(key, actor, version, null, caseId, leg);
            default -> new Command.ReportResultToCustomer(key, actor, version, null, caseId, leg, "hi", null);
        };
    }
}
