package dev.returnsync.spi.codec;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.InvalidAmountException;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent.MessageSent;
import dev.returnsync.spi.ReturnEvent.ReturnReapplied;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnEvent.ExternalVersionRecorded;
import dev.returnsync.spi.ReturnEvent.LegClosed;
import dev.returnsync.spi.ReturnEvent.LegEscalated;
import dev.returnsync.spi.ReturnEvent.LegExpired;
import dev.returnsync.spi.ReturnEvent.NegotiationOpened;
import dev.returnsync.spi.ReturnEvent.NumberSharedWithCustomer;
import dev.returnsync.spi.ReturnEvent.PartialRefundAccepted;
import dev.returnsync.spi.ReturnEvent.PartialRefundOffered;
import dev.returnsync.spi.ReturnEvent.PartialRefundRejected;
import dev.returnsync.spi.ReturnEvent.ReplacementShipped;
import dev.returnsync.spi.ReturnEvent.ResultConfirmed;
import dev.returnsync.spi.ReturnEvent.ResultDisputed;
import dev.returnsync.spi.ReturnEvent.ResultReported;
import dev.returnsync.spi.ReturnEvent.ResultReportedToCustomer;
import dev.returnsync.spi.ReturnEvent.ReturnApplied;
import dev.returnsync.spi.ReturnEvent.ReturnCancelled;
import dev.returnsync.spi.ReturnEvent.ReturnReceived;
import dev.returnsync.spi.ReturnEvent.ReturnRequested;
import dev.returnsync.spi.ReturnEvent.ReturnShipped;
import dev.returnsync.spi.ReturnEvent.SupplierAgreed;
import dev.returnsync.spi.ReturnEvent.SupplierDeclined;
import dev.returnsync.spi.ReturnEvent.SupplierNumberIssued;
import dev.returnsync.spi.ReturnEvent.SupplierNumberReplaced;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.ReturnShipping;
import dev.returnsync.spi.Settlement;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.TimeWindow;
import dev.returnsync.spi.internal.Checks;
import dev.returnsync.spi.json.Json;
import dev.returnsync.spi.json.JsonException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A dependency-free JSON encoding of every {@link ReturnEvent}, for stores that keep events as text (the PostgreSQL
 * reference store does; so can a host's own store).
 *
 * <p>The format: one JSON object per event, with
 * <ul>
 *   <li>{@code "format"}: the format version, {@value #FORMAT_VERSION}; a decoder refuses versions it does not know;</li>
 *   <li>{@code "type"}: the event type, the record's simple name ({@link ReturnEvent#type()}), e.g.
 *       {@code "SupplierNumberIssued"};</li>
 *   <li>one field per record component, named like the component: instants as ISO-8601 strings in UTC
 *       ({@link Instant#toString()}), ids as strings, enums by name, numbers as
 *       {@code {"kind","scope","value"}}, money as {@code {"currency","minor"}} (ISO 4217 code, whole minor
 *       units), external versions as {@code {"source","version"}}, actors as {@code {"role","id","tenant"}},
 *       reasons as {@code {"code","text","evidence":[...]}}, evidence references as {@code {"kind","reference"}},
 *       line quantities as {@code {"sku","quantity"}}, return lines as
 *       {@code {"sku","supplier","requested","delivered","unitPrice"}}, return shipping as
 *       {@code {"fee","bearer","insuranceClaim"}}, settlements as
 *       {@code {"goodsRefund","restockingFee","shippingRefund","compensation","refund","supplierOwes"}}. Every field
 *       is required and {@code null} is refused, except the optional {@code note} of {@code ResultReported} and
 *       {@code ResultReportedToCustomer} and the {@code insuranceClaim}, null unless freight insurance pays. As events
 *       written before fees hold them, a missing or null {@code shipping} of {@code SupplierAgreed} and
 *       {@code restockingFee} of {@code ResultReported} read as null, and a {@code ResultReportedToCustomer} with a
 *       {@code refund} amount instead of a settlement reads as the settlement of that refund, without fees. An
 *       {@code "evidence"} list may be missing (read as empty) and its items may be plain strings (read as
 *       {@code DOCUMENT} references), as events written before evidence had a kind hold.</li>
 * </ul>
 * Strings are escaped as JSON requires; other text (Chinese included) is written as is, so the output is meant
 * to be stored as UTF-8. Control characters, U+2028/U+2029 and unpaired surrogates are written as {@code \}{@code u}
 * escapes.
 *
 * <p>Decoding is strict: malformed JSON, an unknown type or format version, a missing, null, unknown, duplicate or
 * ill-typed field, a time outside {@link TimeWindow}, or a value that the event's own validation refuses all throw
 * {@link EventCodecException}, naming the path and the problem but not the offending value. Thread-safe; all methods are static.
 *
 * <pre>{@code
 * String json = EventCodec.encode(event);
 * ReturnEvent same = EventCodec.decode(json);   // same.equals(event)
 * }</pre>
 */
public final class EventCodec {
    /** The version of the format this codec writes and the only one it reads. */
    public static final int FORMAT_VERSION = 1;

    private static final Set<String> TYPES = Set.of("ReturnRequested", "NegotiationOpened", "SupplierAgreed",
            "SupplierDeclined", "ReturnApplied", "SupplierNumberIssued", "SupplierNumberReplaced",
            "NumberSharedWithCustomer", "ReturnShipped", "ReturnReceived", "ResultReported", "ReplacementShipped",
            "ResultReportedToCustomer", "ResultConfirmed", "ResultDisputed", "ReturnCancelled", "LegEscalated",
            "LegExpired", "LegClosed", "PartialRefundOffered", "PartialRefundAccepted", "PartialRefundRejected",
            "ReturnReapplied", "MessageSent", "ExternalVersionRecorded");

    private EventCodec() {
    }

    /** {@return the event types this codec knows, by {@link ReturnEvent#type()}} */
    public static Set<String> knownTypes() {
        return TYPES;
    }

    // -------------------------------------------------------------------------------------------------- encode

    /**
     * Encodes an event as one line of JSON.
     *
     * @param event the event to encode
     * @return one line of JSON, with the format version
     * @throws NullPointerException if the event is null
     */
    public static String encode(ReturnEvent event) {
        Objects.requireNonNull(event, "event must not be null");
        Out out = new Out();
        out.number("format", FORMAT_VERSION);
        out.string("type", event.type());
        out.instant("at", event.at());
        out.object("actor", event.actor(), EventCodec::actor);
        event.accept(new Fields(out));
        return out.close();
    }

    /** Writes the fields of each event type, after the ones every event has. */
    private static final class Fields implements ReturnEvent.Visitor<Void> {
        private final Out out;

        Fields(Out out) {
            this.out = out;
        }

        private Out leg(ReturnEvent.LegEvent event) {
            out.string("leg", text(event.leg(), SupplierId::value));
            return out;
        }

        @Override
        public Void returnRequested(ReturnRequested e) {
            out.string("caseId", text(e.caseId(), CaseId::value));
            out.string("customer", text(e.customer(), CustomerId::value));
            out.string("order", text(e.order(), OrderId::value));
            out.object("customerNumber", e.customerNumber(), EventCodec::number);
            out.object("resellerNumber", e.resellerNumber(), EventCodec::number);
            out.list("lines", e.lines(), EventCodec::line);
            out.object("reason", e.reason(), EventCodec::reason);
            out.string("wanted", text(e.wanted(), Enum::name));
            out.instant("deliveredAt", e.deliveredAt());
            return null;
        }

        @Override
        public Void negotiationOpened(NegotiationOpened e) {
            leg(e);
            return null;
        }

        @Override
        public Void supplierAgreed(SupplierAgreed e) {
            leg(e).string("outcome", text(e.outcome(), Enum::name));
            out.list("authorized", e.authorized(), EventCodec::quantity);
            out.object("shipping", e.shipping(), EventCodec::shipping);
            out.list("evidence", e.evidence(), EventCodec::evidence);
            return null;
        }

        @Override
        public Void supplierDeclined(SupplierDeclined e) {
            leg(e).object("reason", e.reason(), EventCodec::reason);
            return null;
        }

        @Override
        public Void returnApplied(ReturnApplied e) {
            leg(e).object("resellerNumber", e.resellerNumber(), EventCodec::number);
            return null;
        }

        @Override
        public Void supplierNumberIssued(SupplierNumberIssued e) {
            leg(e).object("number", e.number(), EventCodec::number);
            return null;
        }

        @Override
        public Void supplierNumberReplaced(SupplierNumberReplaced e) {
            leg(e).object("previous", e.previous(), EventCodec::number);
            out.object("number", e.number(), EventCodec::number);
            return null;
        }

        @Override
        public Void numberSharedWithCustomer(NumberSharedWithCustomer e) {
            leg(e).object("number", e.number(), EventCodec::number);
            return null;
        }

        @Override
        public Void returnShipped(ReturnShipped e) {
            leg(e).object("tracking", e.tracking(), EventCodec::number);
            return null;
        }

        @Override
        public Void returnReceived(ReturnReceived e) {
            leg(e).list("received", e.received(), EventCodec::quantity);
            return null;
        }

        @Override
        public Void resultReported(ResultReported e) {
            leg(e).list("accepted", e.accepted(), EventCodec::quantity);
            out.list("rejected", e.rejected(), EventCodec::quantity);
            out.string("note", e.note());
            out.object("restockingFee", e.restockingFee(), EventCodec::money);
            out.list("evidence", e.evidence(), EventCodec::evidence);
            return null;
        }

        @Override
        public Void replacementShipped(ReplacementShipped e) {
            leg(e).object("tracking", e.tracking(), EventCodec::number);
            return null;
        }

        @Override
        public Void resultReportedToCustomer(ResultReportedToCustomer e) {
            leg(e).object("settlement", e.settlement(), EventCodec::settlement);
            out.string("note", e.note());
            return null;
        }

        @Override
        public Void resultConfirmed(ResultConfirmed e) {
            leg(e).bool("automatic", e.automatic());
            return null;
        }

        @Override
        public Void resultDisputed(ResultDisputed e) {
            leg(e).object("reason", e.reason(), EventCodec::reason);
            return null;
        }

        @Override
        public Void returnCancelled(ReturnCancelled e) {
            leg(e);
            return null;
        }

        @Override
        public Void legEscalated(LegEscalated e) {
            leg(e).string("waitingIn", text(e.waitingIn(), Enum::name));
            return null;
        }

        @Override
        public Void legExpired(LegExpired e) {
            leg(e).string("expiredIn", text(e.expiredIn(), Enum::name));
            return null;
        }

        @Override
        public Void legClosed(LegClosed e) {
            leg(e).object("reason", e.reason(), EventCodec::reason);
            return null;
        }

        @Override
        public Void partialRefundOffered(PartialRefundOffered e) {
            leg(e).object("amount", e.amount(), EventCodec::money);
            out.number("round", e.round());
            out.string("note", e.note());
            return null;
        }

        @Override
        public Void partialRefundAccepted(PartialRefundAccepted e) {
            leg(e).object("settlement", e.settlement(), EventCodec::settlement);
            return null;
        }

        @Override
        public Void partialRefundRejected(PartialRefundRejected e) {
            leg(e).object("reason", e.reason(), EventCodec::reason);
            return null;
        }

        @Override
        public Void returnReapplied(ReturnReapplied e) {
            leg(e).number("round", e.round());
            out.object("reason", e.reason(), EventCodec::reason);
            return null;
        }

        @Override
        public Void messageSent(MessageSent e) {
            leg(e).string("to", text(e.to(), Enum::name));
            out.string("text", e.text());
            return null;
        }

        @Override
        public Void externalVersionRecorded(ExternalVersionRecorded e) {
            out.object("version", e.version(), EventCodec::externalVersion);
            return null;
        }
    }

    private static <T> String text(T value, Function<T, String> text) {
        return value == null ? null : text.apply(value);
    }

    private static void actor(Out out, Actor actor) {
        out.string("role", actor.role().name());
        out.string("id", actor.id());
        out.string("tenant", actor.tenant().value());
    }

    private static void number(Out out, ReturnNumber number) {
        out.string("kind", number.kind().name());
        out.string("scope", number.scope());
        out.string("value", number.value());
    }

    private static void externalVersion(Out out, ExternalVersion version) {
        out.string("source", version.source());
        out.number("version", version.version());
    }

    private static void money(Out out, Money money) {
        out.string("currency", money.currency().getCurrencyCode());
        out.number("minor", money.minor());
    }

    private static void shipping(Out out, ReturnShipping shipping) {
        out.object("fee", shipping.fee(), EventCodec::money);
        out.string("bearer", shipping.bearer().name());
        out.string("insuranceClaim", shipping.insuranceClaim());
    }

    private static void settlement(Out out, Settlement settlement) {
        out.object("goodsRefund", settlement.goodsRefund(), EventCodec::money);
        out.object("restockingFee", settlement.restockingFee(), EventCodec::money);
        out.object("shippingRefund", settlement.shippingRefund(), EventCodec::money);
        out.object("compensation", settlement.compensation(), EventCodec::money);
        out.object("refund", settlement.refund(), EventCodec::money);
        out.object("supplierOwes", settlement.supplierOwes(), EventCodec::money);
    }

    private static void reason(Out out, Reason reason) {
        out.string("code", reason.code().name());
        out.string("text", reason.text());
        out.list("evidence", reason.evidence(), EventCodec::evidence);
    }

    private static void evidence(Out out, Evidence evidence) {
        out.string("kind", evidence.kind().name());
        out.string("reference", evidence.reference());
    }

    private static void quantity(Out out, LineQuantity quantity) {
        out.string("sku", quantity.sku().value());
        out.number("quantity", quantity.quantity());
    }

    private static void line(Out out, ReturnLine line) {
        out.string("sku", line.sku().value());
        out.string("supplier", line.supplier().value());
        out.number("requested", line.requested());
        out.number("delivered", line.delivered());
        out.object("unitPrice", line.unitPrice(), EventCodec::money);
    }

    /** Writes one JSON object, field by field. */
    private static final class Out {
        private final StringBuilder text = new StringBuilder(256).append('{');
        private boolean first = true;

        private void name(String name) {
            if (!first) {
                text.append(',');
            }
            first = false;
            Json.writeString(text, name);
            text.append(':');
        }

        void string(String name, String value) {
            name(name);
            if (value == null) {
                text.append("null");
            } else {
                Json.writeString(text, value);
            }
        }

        void number(String name, long value) {
            name(name);
            text.append(value);
        }

        void bool(String name, boolean value) {
            name(name);
            text.append(value);
        }

        void instant(String name, Instant value) {
            string(name, value == null ? null : value.toString());
        }

        <T> void object(String name, T value, BiConsumer<Out, T> fields) {
            name(name);
            if (value == null) {
                text.append("null");
            } else {
                text.append(nested(value, fields));
            }
        }

        /** A list of objects written by {@code fields}. */
        <T> void list(String name, List<T> values, BiConsumer<Out, T> fields) {
            name(name);
            if (values == null) {
                text.append("null");
                return;
            }
            text.append('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                text.append(nested(values.get(i), fields));
            }
            text.append(']');
        }

        private static <T> String nested(T value, BiConsumer<Out, T> fields) {
            Out inner = new Out();
            fields.accept(inner, value);
            return inner.close();
        }

        String close() {
            return text.append('}').toString();
        }
    }

    // -------------------------------------------------------------------------------------------------- decode

    /**
     * Decodes an event that {@link #encode} wrote.
     *
     * @param json one line that {@link #encode} wrote, in this or an earlier format version
     * @return the event
     * @throws NullPointerException if the text is null
     * @throws EventCodecException if the text is not a valid encoding of a known event type in a known format
     *     version; the exception names the place and the problem
     */
    public static ReturnEvent decode(String json) {
        Objects.requireNonNull(json, "json must not be null");
        In in = In.root(parse(json));
        if (in.longValue("format") != FORMAT_VERSION) {
            throw new EventCodecException("$.format",
                    "unsupported format version; this codec reads version " + FORMAT_VERSION);
        }
        String type = in.requiredString("type");
        if (!TYPES.contains(type)) {
            throw new EventCodecException("$.type", "unknown event type; known types are " + new java.util.TreeSet<>(TYPES));
        }
        try {
            ReturnEvent event = decodeFields(type, in);
            in.finish();
            return event;
        } catch (EventCodecException e) {
            throw e;
        } catch (NullPointerException | IllegalArgumentException | InvalidReturnNumberException e) {
            // the event's or a value's own validation refused what the fields hold; their messages name no value
            throw new EventCodecException("$", type + " refused its fields: " + e.getMessage());
        }
    }

    private static Object parse(String json) {
        try {
            return Json.parse(json);
        } catch (JsonException e) {
            throw new EventCodecException("$", e.getMessage());
        }
    }

    private static ReturnEvent decodeFields(String type, In in) {
        Instant at = in.instant("at");
        Actor actor = in.object("actor", EventCodec::readActor);
        if (type.equals("ReturnRequested")) {
            return new ReturnRequested(at, actor, in.id("caseId", CaseId::new), in.id("customer", CustomerId::new),
                    in.id("order", OrderId::new), in.object("customerNumber", EventCodec::readNumber),
                    in.object("resellerNumber", EventCodec::readNumber), in.list("lines", EventCodec::readLine),
                    in.object("reason", EventCodec::readReason), in.enumValue("wanted", OutcomeType.class),
                    in.instant("deliveredAt"));
        }
        if (type.equals("ExternalVersionRecorded")) {
            return new ExternalVersionRecorded(at, actor, in.object("version", EventCodec::readExternalVersion));
        }
        SupplierId leg = in.id("leg", SupplierId::new);
        switch (type) {
            case "NegotiationOpened":
                return new NegotiationOpened(at, actor, leg);
            case "SupplierAgreed":
                return new SupplierAgreed(at, actor, leg, in.enumValue("outcome", OutcomeType.class),
                        in.list("authorized", EventCodec::readQuantity), in.optionalObject("shipping", EventCodec::readShipping),
                        in.evidence("evidence"));
            case "SupplierDeclined":
                return new SupplierDeclined(at, actor, leg, in.object("reason", EventCodec::readReason));
            case "ReturnApplied":
                return new ReturnApplied(at, actor, leg, in.object("resellerNumber", EventCodec::readNumber));
            case "SupplierNumberIssued":
                return new SupplierNumberIssued(at, actor, leg, in.object("number", EventCodec::readNumber));
            case "SupplierNumberReplaced":
                return new SupplierNumberReplaced(at, actor, leg, in.object("previous", EventCodec::readNumber),
                        in.object("number", EventCodec::readNumber));
            case "NumberSharedWithCustomer":
                return new NumberSharedWithCustomer(at, actor, leg, in.object("number", EventCodec::readNumber));
            case "ReturnShipped":
                return new ReturnShipped(at, actor, leg, in.object("tracking", EventCodec::readNumber));
            case "ReturnReceived":
                return new ReturnReceived(at, actor, leg, in.list("received", EventCodec::readQuantity));
            case "ResultReported":
                return new ResultReported(at, actor, leg, in.list("accepted", EventCodec::readQuantity),
                        in.list("rejected", EventCodec::readQuantity), in.optionalString("note"),
                        in.optionalObject("restockingFee", EventCodec::readMoney), in.evidence("evidence"));
            case "ReplacementShipped":
                return new ReplacementShipped(at, actor, leg, in.object("tracking", EventCodec::readNumber));
            case "ResultReportedToCustomer":
                return new ResultReportedToCustomer(at, actor, leg, readReportedSettlement(in),
                        in.optionalString("note"));
            case "ResultConfirmed":
                return new ResultConfirmed(at, actor, leg, in.bool("automatic"));
            case "ResultDisputed":
                return new ResultDisputed(at, actor, leg, in.object("reason", EventCodec::readReason));
            case "ReturnCancelled":
                return new ReturnCancelled(at, actor, leg);
            case "LegEscalated":
                return new LegEscalated(at, actor, leg, in.enumValue("waitingIn", LegState.class));
            case "LegExpired":
                return new LegExpired(at, actor, leg, in.enumValue("expiredIn", LegState.class));
            case "LegClosed":
                return new LegClosed(at, actor, leg, in.object("reason", EventCodec::readReason));
            case "PartialRefundOffered":
                return new PartialRefundOffered(at, actor, leg, in.object("amount", EventCodec::readMoney),
                        in.intValue("round"), in.requiredString("note"));
            case "PartialRefundAccepted":
                return new PartialRefundAccepted(at, actor, leg, in.object("settlement", EventCodec::readSettlement));
            case "PartialRefundRejected":
                return new PartialRefundRejected(at, actor, leg, in.object("reason", EventCodec::readReason));
            case "ReturnReapplied":
                return new ReturnReapplied(at, actor, leg, in.intValue("round"),
                        in.object("reason", EventCodec::readReason));
            case "MessageSent":
                return new MessageSent(at, actor, leg, in.enumValue("to", Role.class), in.requiredString("text"));
            default:
                throw new EventCodecException("$.type", "event type " + type + " has no decoder");
        }
    }

    private static Actor readActor(In in) {
        return new Actor(in.enumValue("role", Role.class), in.id("id", id -> Checks.id("actor id", id)),
                in.id("tenant", TenantId::new));
    }

    private static ReturnNumber readNumber(In in) {
        return new ReturnNumber(in.enumValue("kind", NumberKind.class), in.requiredString("scope"),
                in.requiredString("value"));
    }

    private static ExternalVersion readExternalVersion(In in) {
        return new ExternalVersion(in.requiredString("source"), in.longValue("version"));
    }

    private static Money readMoney(In in) {
        String code = in.requiredString("currency");
        Currency currency;
        try {
            currency = Money.currency(code);
        } catch (InvalidAmountException e) {
            throw new EventCodecException(in.path("currency"), e.getMessage());
        }
        return new Money(currency, in.longValue("minor"));
    }

    private static ReturnShipping readShipping(In in) {
        Money fee = in.object("fee", EventCodec::readMoney);
        FeeBearer bearer = in.enumValue("bearer", FeeBearer.class);
        String claim = bearer == FeeBearer.FREIGHT_INSURANCE ? in.requiredString("insuranceClaim")
                : in.optionalString("insuranceClaim");
        return new ReturnShipping(fee, bearer, claim);
    }

    /**
     * The settlement of a {@code ResultReportedToCustomer}; one stored before settlements holds only the refund, which
     * was the goods' refund the supplier owed, with no fees.
     */
    private static Settlement readReportedSettlement(In in) {
        if (in.has("settlement") || !in.has("refund")) {
            return in.object("settlement", EventCodec::readSettlement);
        }
        Money refund = in.object("refund", EventCodec::readMoney);
        Money zero = new Money(refund.currency(), 0);
        return Settlement.of(refund, zero, zero, zero, refund);
    }

    private static Settlement readSettlement(In in) {
        return new Settlement(in.object("goodsRefund", EventCodec::readMoney),
                in.object("restockingFee", EventCodec::readMoney), in.object("shippingRefund", EventCodec::readMoney),
                in.object("compensation", EventCodec::readMoney), in.object("refund", EventCodec::readMoney),
                in.object("supplierOwes", EventCodec::readMoney));
    }

    private static Reason readReason(In in) {
        return new Reason(in.enumValue("code", ReasonCode.class), in.requiredString("text"), in.evidence("evidence"));
    }

    private static Evidence readEvidence(In in) {
        return new Evidence(in.enumValue("kind", EvidenceKind.class), in.requiredString("reference"));
    }

    private static LineQuantity readQuantity(In in) {
        return new LineQuantity(in.id("sku", Sku::new), in.intValue("quantity"));
    }

    private static ReturnLine readLine(In in) {
        return new ReturnLine(in.id("sku", Sku::new), in.id("supplier", SupplierId::new), in.intValue("requested"),
                in.intValue("delivered"), in.object("unitPrice", EventCodec::readMoney));
    }

    /** Reads the fields of one JSON object, tracking the path and the fields read. */
    private static final class In {
        private final Map<String, Object> fields;
        private final String path;
        private final Set<String> read = new HashSet<>();

        private In(Map<String, Object> fields, String path) {
            this.fields = fields;
            this.path = path;
        }

        static In root(Object tree) {
            if (!(tree instanceof Map)) {
                throw new EventCodecException("$", "expected an object, found " + Json.typeName(tree));
            }
            return new In(cast(tree), "$");
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> cast(Object map) {
            return (Map<String, Object>) map;
        }

        String path(String name) {
            return path + "." + name;
        }

        private Object raw(String name) {
            if (!fields.containsKey(name)) {
                throw new EventCodecException(path(name), "missing field");
            }
            read.add(name);
            return fields.get(name);
        }

        private EventCodecException wrongType(String name, String expected, Object found) {
            return new EventCodecException(path(name), "expected " + expected + ", found " + Json.typeName(found));
        }

        String optionalString(String name) {
            Object value = raw(name);
            if (value == null || value instanceof String) {
                return (String) value;
            }
            throw wrongType(name, "a string or null", value);
        }

        /** A string; null is refused. */
        String requiredString(String name) {
            Object value = required(name);
            if (value instanceof String s) {
                return s;
            }
            throw wrongType(name, "a string", value);
        }

        /** A value that must be present: null is refused, naming the field. */
        private Object required(String name) {
            Object value = raw(name);
            if (value == null) {
                throw new EventCodecException(path(name), "must not be null");
            }
            return value;
        }

        <T> T id(String name, Function<String, T> factory) {
            String value = requiredString(name);
            try {
                return factory.apply(value);
            } catch (IllegalArgumentException e) {
                throw new EventCodecException(path(name), e.getMessage());
            }
        }

        long longValue(String name) {
            Object value = required(name);
            if (value instanceof Long n) {
                return n;
            }
            throw wrongType(name, "a whole number", value);
        }

        int intValue(String name) {
            long n = longValue(name);
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) {
                throw new EventCodecException(path(name), "number out of range");
            }
            return (int) n;
        }

        boolean bool(String name) {
            Object value = required(name);
            if (value instanceof Boolean b) {
                return b;
            }
            throw wrongType(name, "true or false", value);
        }

        Instant instant(String name) {
            String value = requiredString(name);
            Instant instant;
            try {
                instant = Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new EventCodecException(path(name), "not an ISO-8601 instant such as 2026-01-31T08:00:00Z");
            }
            if (!TimeWindow.contains(instant)) {
                throw new EventCodecException(path(name), "must lie in [" + TimeWindow.START + ", " + TimeWindow.END + ")");
            }
            return instant;
        }

        <E extends Enum<E>> E enumValue(String name, Class<E> type) {
            String value = requiredString(name);
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            throw new EventCodecException(path(name), "unknown " + type.getSimpleName() + "; known are "
                    + Arrays.toString(type.getEnumConstants()));
        }

        /** Whether the field is present, even as null. */
        boolean has(String name) {
            return fields.containsKey(name);
        }

        /** An object, or null when the field is null or missing, as in events stored before the field existed. */
        <T> T optionalObject(String name, Function<In, T> reader) {
            if (!fields.containsKey(name) || fields.get(name) == null) {
                read.add(name);
                return null;
            }
            return object(name, reader);
        }

        <T> T object(String name, Function<In, T> reader) {
            Object value = required(name);
            if (!(value instanceof Map)) {
                throw wrongType(name, "an object", value);
            }
            In inner = new In(cast(value), path(name));
            T result = inner.construct(reader);
            inner.finish();
            return result;
        }

        <T> List<T> list(String name, Function<In, T> reader) {
            List<Object> items = items(name);
            List<T> result = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                String itemPath = path(name) + "[" + i + "]";
                if (!(item instanceof Map)) {
                    throw new EventCodecException(itemPath, "expected an object, found " + Json.typeName(item));
                }
                In inner = new In(cast(item), itemPath);
                result.add(inner.construct(reader));
                inner.finish();
            }
            return result;
        }

        /**
         * Evidence references: {@code {"kind","reference"}} objects. A plain string, as events written before evidence
         * had a kind hold, reads as a {@link EvidenceKind#DOCUMENT}; a missing field, as events written before their
         * step took evidence lack it, reads as none.
         */
        List<Evidence> evidence(String name) {
            if (!fields.containsKey(name)) {
                return List.of();
            }
            List<Object> items = items(name);
            List<Evidence> result = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                Object item = items.get(i);
                String itemPath = path(name) + "[" + i + "]";
                if (item instanceof String reference) {
                    result.add(new In(Map.of(), itemPath).construct(in -> new Evidence(EvidenceKind.DOCUMENT, reference)));
                } else if (item instanceof Map) {
                    In inner = new In(cast(item), itemPath);
                    result.add(inner.construct(EventCodec::readEvidence));
                    inner.finish();
                } else {
                    throw new EventCodecException(itemPath, "expected an object, found " + Json.typeName(item));
                }
            }
            return result;
        }

        @SuppressWarnings("unchecked")
        private List<Object> items(String name) {
            Object value = required(name);
            if (!(value instanceof List)) {
                throw wrongType(name, "an array", value);
            }
            return (List<Object>) value;
        }

        /** Runs a value's constructor, turning its refusal into a codec error at this path. */
        private <T> T construct(Function<In, T> reader) {
            try {
                return reader.apply(this);
            } catch (EventCodecException e) {
                throw e;
            } catch (NullPointerException | IllegalArgumentException | InvalidReturnNumberException e) {
                throw new EventCodecException(path, e.getMessage());
            }
        }

        void finish() {
            for (String name : fields.keySet()) {
                if (!read.contains(name)) {
                    throw new EventCodecException(path(name), "unknown field");
                }
            }
        }
    }
}
