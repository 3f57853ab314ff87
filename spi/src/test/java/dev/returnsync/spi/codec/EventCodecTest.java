package dev.returnsync.spi.codec;

import dev.returnsync.spi.EventTypes;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.FeeBearer;
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
import dev.returnsync.spi.ReturnShipping;
import dev.returnsync.spi.Settlement;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class EventCodecTest {
    private static final TenantId TENANT = TenantId.of("t-淘宝店");
    /** Text that any value may hold, and that JSON must escape. */
    private static final String TRICKY = "质量问题 \"quoted\" back\\slash\nnew line\ttab 😀 / slash";
    /** Text that no value may hold any more, but that the JSON writer must still escape. */
    private static final String RAW = TRICKY + " \u0000nul \u001f unit-sep \u2028 ls lone \ud800 surrogate";

    @Test
    void the_hierarchy_walk_finds_every_event_type_the_codec_knows_and_no_more() {
        Set<String> found = EventTypes.all().stream().map(Class::getSimpleName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(25, found.size(), "event types: " + found);
        assertEquals(found, new TreeSet<>(EventCodec.knownTypes()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.returnsync.spi.EventTypes#all")
    void every_event_type_round_trips_with_rich_values(Class<?> type) {
        ReturnEvent event = (ReturnEvent) instantiate(type, -1);
        String json = EventCodec.encode(event);
        assertTrue(json.startsWith("{\"format\":1,\"type\":\"" + type.getSimpleName() + "\","), json);
        assertEquals(event, EventCodec.decode(json));
        assertNoRawControlCharacters(json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.returnsync.spi.EventTypes#all")
    void every_component_that_the_event_allows_to_be_null_round_trips_as_null(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        int nullable = 0;
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isPrimitive()) {
                continue;
            }
            ReturnEvent event;
            try {
                event = (ReturnEvent) instantiate(type, i);
            } catch (RefusedByConstructor refused) {
                continue;
            }
            nullable++;
            assertEquals(event, EventCodec.decode(EventCodec.encode(event)), type.getSimpleName() + " with null "
                    + components[i].getName());
        }
        // only the note of the two note-carrying events is optional, and the fees events stored before fees lack;
        // every other field is required
        int optional = type == ReturnEvent.ResultReported.class ? 2
                : type == ReturnEvent.ResultReportedToCustomer.class || type == ReturnEvent.SupplierAgreed.class ? 1 : 0;
        assertEquals(optional, nullable, "nullable components of " + type.getSimpleName());
    }

    @Test
    void empty_lists_and_empty_text_round_trip() {
        Actor supplier = Actor.supplier(TENANT, SupplierId.of("s-1"));
        ReturnEvent event = new ReturnEvent.ResultReported(Instant.parse("2026-03-01T10:15:30.123456789Z"), supplier,
                SupplierId.of("s-1"), List.of(), List.of(), "", Money.of("CNY", "0"), List.of());
        assertEquals(event, EventCodec.decode(EventCodec.encode(event)));
        ReturnEvent declined = new ReturnEvent.SupplierDeclined(Instant.parse("2026-01-01T00:00:00Z"), supplier, SupplierId.of("s-1"),
                Reason.of(ReasonCode.OTHER, ""));
        assertEquals(declined, EventCodec.decode(EventCodec.encode(declined)));
    }

    @Test
    void evidence_written_before_it_had_a_kind_reads_as_documents_and_a_missing_evidence_list_as_none() {
        String legacyReason = "{\"format\":1,\"type\":\"ResultDisputed\",\"at\":\"2026-03-01T10:15:30Z\","
                + "\"actor\":{\"role\":\"CUSTOMER\",\"id\":\"c-1\",\"tenant\":\"t-1\"},\"leg\":\"s-1\","
                + "\"reason\":{\"code\":\"DAMAGED_IN_TRANSIT\",\"text\":\"\",\"evidence\":[\"img-1.jpg\"]}}";
        ReturnEvent.ResultDisputed disputed = (ReturnEvent.ResultDisputed) EventCodec.decode(legacyReason);
        assertEquals(List.of(Evidence.of(EvidenceKind.DOCUMENT, "img-1.jpg")), disputed.reason().evidence());
        String legacyAgreed = "{\"format\":1,\"type\":\"SupplierAgreed\",\"at\":\"2026-03-01T10:15:30Z\","
                + "\"actor\":{\"role\":\"SUPPLIER\",\"id\":\"s-1\",\"tenant\":\"t-1\"},\"leg\":\"s-1\","
                + "\"outcome\":\"EXCHANGE\",\"authorized\":[]}";
        assertEquals(List.of(), ((ReturnEvent.SupplierAgreed) EventCodec.decode(legacyAgreed)).evidence());
        EventCodecException wrong = assertThrows(EventCodecException.class, () -> EventCodec.decode(
                legacyAgreed.replace("[]}", "[],\"evidence\":[{\"kind\":\"HOLOGRAM\",\"reference\":\"x\"}]}")));
        assertTrue(wrong.getMessage().contains("$.evidence[0].kind"), wrong.getMessage());
    }

    @Test
    void events_stored_before_fees_read_without_them_and_a_plain_refund_reads_as_its_settlement() {
        String head = "{\"format\":1,\"at\":\"2026-03-01T10:15:30Z\",\"leg\":\"s-1\",";
        String supplier = "\"actor\":{\"role\":\"SUPPLIER\",\"id\":\"s-1\",\"tenant\":\"t-1\"},";
        ReturnEvent.SupplierAgreed agreed = (ReturnEvent.SupplierAgreed) EventCodec.decode(head + supplier
                + "\"type\":\"SupplierAgreed\",\"outcome\":\"EXCHANGE\",\"authorized\":[]}");
        assertEquals(null, agreed.shipping());
        ReturnEvent.ResultReported inspected = (ReturnEvent.ResultReported) EventCodec.decode(head + supplier
                + "\"type\":\"ResultReported\",\"accepted\":[],\"rejected\":[],\"note\":null}");
        assertEquals(null, inspected.restockingFee());
        assertEquals(inspected, EventCodec.decode(EventCodec.encode(inspected)), "a missing fee round-trips");
        ReturnEvent.ResultReportedToCustomer told = (ReturnEvent.ResultReportedToCustomer) EventCodec.decode(head
                + "\"actor\":{\"role\":\"RESELLER\",\"id\":\"u-1\",\"tenant\":\"t-1\"},"
                + "\"type\":\"ResultReportedToCustomer\",\"refund\":{\"currency\":\"CNY\",\"minor\":5990},"
                + "\"note\":\"ok\"}");
        Money refund = Money.of("CNY", "59.90");
        Money zero = Money.of("CNY", "0");
        assertEquals(Settlement.of(refund, zero, zero, zero, refund), told.settlement());
        assertEquals(refund, told.settlement().refund());
    }

    @Test
    void strings_are_escaped_as_json_requires_and_chinese_text_stays_readable() {
        ReturnEvent event = new ReturnEvent.LegClosed(Instant.parse("2026-03-01T10:15:30Z"),
                Actor.reseller(TENANT, "u-1"), SupplierId.of("s-1"), new Reason(ReasonCode.QUALITY_ISSUE, TRICKY,
                List.of(Evidence.of(EvidenceKind.PHOTO, "图片/1.jpg"),
                Evidence.of(EvidenceKind.VIDEO, "https://example.com/a?b=\"c\""))));
        String json = EventCodec.encode(event);
        assertTrue(json.contains("质量问题 \\\"quoted\\\" back\\\\slash\\nnew line\\ttab 😀"), json);
        StringBuilder raw = new StringBuilder();
        Json.writeString(raw, RAW);
        assertTrue(raw.toString().contains("\\u0000nul \\u001f unit-sep \\u2028 ls lone \\ud800 surrogate"), raw.toString());
        assertNoRawControlCharacters(raw.toString());
        assertTrue(json.contains("\"t-淘宝店\""), json);
        assertNoRawControlCharacters(json);
        assertEquals(event, EventCodec.decode(json));
    }

    @Test
    void decoding_accepts_any_field_order_whitespace_and_standard_escapes() {
        String json = " {\n  \"leg\" : \"s-1\",\t\"type\":\"ResultConfirmed\", \"automatic\": true,\r\n"
                + "  \"actor\": {\"tenant\":\"t\\u002d1\",\"id\":\"c\\/1\",\"role\":\"CUSTOMER\"},"
                + " \"at\":\"2026-03-01T10:15:30Z\", \"format\": 1 } ";
        ReturnEvent expected = new ReturnEvent.ResultConfirmed(Instant.parse("2026-03-01T10:15:30Z"),
                new Actor(Role.CUSTOMER, "c/1", TenantId.of("t-1")), SupplierId.of("s-1"), true);
        assertEquals(expected, EventCodec.decode(json));
    }

    @Test
    void encoding_a_null_event_is_a_programming_error() {
        assertThrows(NullPointerException.class, () -> EventCodec.encode(null));
        assertThrows(NullPointerException.class, () -> EventCodec.decode(null));
    }

    static Stream<Arguments> malformed() {
        String ok = EventCodec.encode(new ReturnEvent.ReturnCancelled(Instant.parse("2026-03-01T10:15:30Z"),
                Actor.customer(TenantId.of("t-1"), CustomerId.of("c-1")), SupplierId.of("s-1")));
        String body = ok.substring(0, ok.length() - 1);
        String agreed = EventCodec.encode(new ReturnEvent.SupplierAgreed(Instant.parse("2026-03-01T10:15:30Z"),
                Actor.supplier(TenantId.of("t-1"), SupplierId.of("s-1")), SupplierId.of("s-1"),
                OutcomeType.EXCHANGE, List.of(LineQuantity.of("sku-1", 2)),
                new ReturnShipping(Money.of("CNY", "12.00"), FeeBearer.SUPPLIER, null), List.of()));
        String refund = EventCodec.encode(new ReturnEvent.ResultReportedToCustomer(Instant.parse("2026-03-01T10:15:30Z"),
                Actor.reseller(TenantId.of("t-1"), "u-1"), SupplierId.of("s-1"), settlement("59.90"), "ok"));
        String shipped = EventCodec.encode(new ReturnEvent.ReturnShipped(Instant.parse("2026-03-01T10:15:30Z"),
                Actor.customer(TenantId.of("t-1"), CustomerId.of("c-1")), SupplierId.of("s-1"),
                ReturnNumber.returnTracking("SF", "SF1234567890")));
        return Stream.of(
                Arguments.of("empty text", "", "$", "unexpected end"),
                Arguments.of("not an object", "[]", "$", "expected an object, found an array"),
                Arguments.of("null document", "null", "$", "expected an object, found null"),
                Arguments.of("truncated", ok.substring(0, ok.length() - 3), "$", "malformed JSON"),
                Arguments.of("trailing text", ok + "x", "$", "after the end"),
                Arguments.of("two documents", ok + ok, "$", "after the end"),
                Arguments.of("no format", ok.replace("\"format\":1,", ""), "$.format", "missing field"),
                Arguments.of("future format", ok.replace("\"format\":1", "\"format\":2"), "$.format",
                        "unsupported format version"),
                Arguments.of("format as string", ok.replace("\"format\":1", "\"format\":\"1\""), "$.format",
                        "expected a whole number, found a string"),
                Arguments.of("unknown type", ok.replace("ReturnCancelled", "ReturnTeleported"), "$.type",
                        "unknown event type"),
                Arguments.of("type null", ok.replace("\"ReturnCancelled\"", "null"), "$.type", "must not be null"),
                Arguments.of("missing field", ok.replace(",\"leg\":\"s-1\"", ""), "$.leg", "missing field"),
                Arguments.of("unknown field", body + ",\"extra\":1}", "$.extra", "unknown field"),
                Arguments.of("unknown nested field", ok.replace("\"role\":\"CUSTOMER\"", "\"role\":\"CUSTOMER\",\"x\":0"),
                        "$.actor.x", "unknown field"),
                Arguments.of("duplicate field", body + ",\"leg\":\"s-2\"}", "$", "a field name appears twice"),
                Arguments.of("instant as number", ok.replace("\"2026-03-01T10:15:30Z\"", "1772360130"), "$.at",
                        "expected a string, found a number"),
                Arguments.of("bad instant", ok.replace("2026-03-01T10:15:30Z", "2026-03-01 10:15"), "$.at",
                        "not an ISO-8601 instant"),
                Arguments.of("unknown role", ok.replace("CUSTOMER", "ROBOT"), "$.actor.role", "unknown Role"),
                Arguments.of("actor missing", ok.replaceFirst("\"actor\":\\{[^}]*\\}", "\"actor\":null"), "$.actor",
                        "must not be null"),
                Arguments.of("actor not an object", ok.replaceFirst("\"actor\":\\{[^}]*\\}", "\"actor\":[]"),
                        "$.actor", "expected an object, found an array"),
                Arguments.of("blank id", ok.replace("\"s-1\"", "\" \""), "$.leg", "must not be blank"),
                Arguments.of("fraction", agreed.replace("\"quantity\":2", "\"quantity\":2.5"), "$",
                        "only whole numbers"),
                Arguments.of("exponent", agreed.replace("\"quantity\":2", "\"quantity\":2e1"), "$",
                        "only whole numbers"),
                Arguments.of("leading zero", agreed.replace("\"quantity\":2", "\"quantity\":02"), "$",
                        "leading zeros"),
                Arguments.of("int overflow", agreed.replace("\"quantity\":2", "\"quantity\":2147483648"),
                        "$.authorized[0].quantity", "out of range"),
                Arguments.of("negative quantity", agreed.replace("\"quantity\":2", "\"quantity\":-2"),
                        "$.authorized[0]", "must be zero or more"),
                Arguments.of("list item not an object", agreed.replaceFirst("\\[\\{[^]]*\\}\\]", "[1]"),
                        "$.authorized[0]", "expected an object, found a number"),
                Arguments.of("list as object", agreed.replaceFirst("\\[\\{[^]]*\\}\\]", "{}"),
                        "$.authorized", "expected an array, found an object"),
                Arguments.of("bad currency", refund.replace("CNY", "XYZW"), "$.settlement.goodsRefund.currency",
                        "ISO 4217"),
                Arguments.of("negative money", refund.replace("\"minor\":5990", "\"minor\":-1"),
                        "$.settlement.goodsRefund", "amount must be 0 to"),
                Arguments.of("refund that is not the sum of its parts", refund.replaceFirst(
                        "\"refund\":\\{\"currency\":\"CNY\",\"minor\":5990}",
                        "\"refund\":{\"currency\":\"CNY\",\"minor\":5991}"), "$.settlement", "refund must equal"),
                Arguments.of("settlement in two currencies", refund.replaceFirst(
                        "\"compensation\":\\{\"currency\":\"CNY\"", "\"compensation\":{\"currency\":\"USD\""),
                        "$.settlement", "compensation must be in the currency of the goods refund"),
                Arguments.of("freight insurance without a claim", agreed.replace("SUPPLIER\",\"insuranceClaim\":null",
                        "FREIGHT_INSURANCE\",\"insuranceClaim\":null"), "$.shipping.insuranceClaim",
                        "must not be null"),
                Arguments.of("a claim for another bearer", agreed.replace("\"insuranceClaim\":null",
                        "\"insuranceClaim\":\"c-1\""), "$.shipping", "only for a fee borne by freight insurance"),
                Arguments.of("invalid return number", shipped.replace("SF1234567890", "SF1"), "$.tracking",
                        "must be at least 6 characters"),
                Arguments.of("unknown number kind", shipped.replace("RETURN_TRACKING", "PIGEON"), "$.tracking.kind",
                        "unknown NumberKind"),
                Arguments.of("unescaped control character", ok.replace("c-1", "c\u0001"), "$",
                        "unescaped control character U+0001"),
                Arguments.of("invalid escape", ok.replace("c-1", "c\\x41"), "$", "invalid escape"),
                Arguments.of("bad unicode escape", ok.replace("c-1", "c\\u00g1"), "$", "invalid hex digit"),
                Arguments.of("unterminated string", "{\"format\":1,\"type\":\"Ret", "$", "unterminated string"),
                Arguments.of("bare word", ok.replace("1,", "one,"), "$", "unexpected character 'o'"),
                Arguments.of("boolean as string", EventCodec.encode(new ReturnEvent.ResultConfirmed(Instant.parse("2026-01-01T00:00:00Z"),
                                Actor.system(TenantId.of("t-1"), "timer"), SupplierId.of("s-1"), true))
                        .replace("true", "\"true\""), "$.automatic", "expected true or false, found a string"),
                Arguments.of("deep nesting", "[".repeat(100), "$", "nested deeper than"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformed_input_is_refused_with_a_typed_error_naming_place_and_problem(String name, String json, String path,
                                                                               String problem) {
        EventCodecException e = assertThrows(EventCodecException.class, () -> EventCodec.decode(json));
        assertEquals(path, e.path(), e.getMessage());
        assertTrue(e.problem().contains(problem), "expected '" + problem + "' in: " + e.getMessage());
        assertTrue(e.getMessage().contains(path));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.returnsync.spi.EventTypes#all")
    @SuppressWarnings("unchecked")
    void null_is_refused_for_every_required_field_with_its_path(Class<?> type) {
        Map<String, Object> tree = (Map<String, Object>) Json.parse(EventCodec.encode((ReturnEvent) instantiate(type, -1)));
        int refused = 0;
        for (String path : fieldPaths(tree, "$")) {
            if (path.equals("$.format") || path.equals("$.type") || path.equals("$.note")
                    || path.equals("$.shipping") || path.equals("$.restockingFee")) {
                continue; // optional: absent in events stored before fees
            }
            String json = Json.write(withNull(tree, path.substring(2).split("\\.")));
            EventCodecException e = assertThrows(EventCodecException.class, () -> EventCodec.decode(json), path);
            assertEquals(path, e.path(), e.getMessage());
            assertEquals("must not be null", e.problem(), path);
            refused++;
        }
        assertTrue(refused >= 3, "every event has at least time, actor and more: " + refused);
    }

    /** The paths of every field of an object and of the objects directly inside it. */
    @SuppressWarnings("unchecked")
    private static List<String> fieldPaths(Map<String, Object> tree, String prefix) {
        List<String> paths = new ArrayList<>();
        for (Map.Entry<String, Object> field : tree.entrySet()) {
            paths.add(prefix + "." + field.getKey());
            if (field.getValue() instanceof Map<?, ?> inner) {
                paths.addAll(fieldPaths((Map<String, Object>) inner, prefix + "." + field.getKey()));
            }
        }
        return paths;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withNull(Map<String, Object> tree, String[] names) {
        Map<String, Object> copy = new LinkedHashMap<>(tree);
        if (names.length == 1) {
            copy.put(names[0], null);
        } else {
            copy.put(names[0], withNull((Map<String, Object>) tree.get(names[0]),
                    java.util.Arrays.copyOfRange(names, 1, names.length)));
        }
        return copy;
    }

    @Test
    void a_value_refused_by_its_own_validation_is_not_passed_on_in_the_message_nor_a_cause() {
        String ok = EventCodec.encode(new ReturnEvent.ReturnCancelled(Instant.parse("2026-01-01T00:00:00Z"),
                Actor.customer(TenantId.of("t-1"), CustomerId.of("c-1")), SupplierId.of("s-1")));
        for (String secret : List.of(" 13800138000", "13800138000\u202e", "1380013800\ud800", "13800138000".repeat(7))) {
            EventCodecException e = assertThrows(EventCodecException.class,
                    () -> EventCodec.decode(ok.replace("\"c-1\"", "\"" + secret + "\"")));
            assertEquals("$.actor.id", e.path(), e.getMessage());
            assertFalse(e.getMessage().contains("13800138"), e.getMessage());
            assertEquals(null, e.getCause(), "no cause that could carry the value");
        }
    }

    @Test
    void an_error_does_not_echo_long_input() {
        String ok = EventCodec.encode(new ReturnEvent.ReturnCancelled(Instant.parse("2026-01-01T00:00:00Z"),
                Actor.customer(TenantId.of("t-1"), CustomerId.of("c-1")), SupplierId.of("s-1")));
        String secret = "SECRET-" + "x".repeat(200);
        EventCodecException e = assertThrows(EventCodecException.class,
                () -> EventCodec.decode(ok.replace("ReturnCancelled", secret)));
        assertFalse(e.getMessage().contains(secret));
    }

    // ---------------------------------------------------------------------------------------- sample values

    /** Thrown when an event's constructor refuses the values (used to find the nullable components). */
    private static final class RefusedByConstructor extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RefusedByConstructor(Throwable cause) {
            super(cause);
        }
    }

    /** Builds an event of {@code type} with a sample value for each component, and null at {@code nullAt}. */
    private static Object instantiate(Class<?> type, int nullAt) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = i == nullAt ? null : sample(components[i].getType(), components[i].getGenericType(),
                    components[i].getName());
        }
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw new RefusedByConstructor(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static Object sample(Class<?> type, Type generic, String name) {
        if (type == Instant.class) {
            return name.equals("deliveredAt") ? Instant.parse("2026-02-20T00:00:00Z")
                    : Instant.parse("2026-03-01T10:15:30.123456789Z");
        } else if (type == Actor.class) {
            return Actor.reseller(TENANT, "店小二-01");
        } else if (type == CaseId.class) {
            return CaseId.of("case-退货-1");
        } else if (type == CustomerId.class) {
            return CustomerId.of("买家\"张三\"");
        } else if (type == OrderId.class) {
            return OrderId.of("order-2026-0001");
        } else if (type == SupplierId.class) {
            return SupplierId.of("供应商-A");
        } else if (type == ReturnNumber.class) {
            return switch (name) {
                case "customerNumber" -> ReturnNumber.customerRequest(TENANT, "TB-售后-ignored".replace("售后-", ""));
                case "resellerNumber" -> ReturnNumber.resellerReturn(TENANT, "r-2026-0001");
                case "tracking" -> ReturnNumber.returnTracking("sf", "ＳＦ１２３４５６７８９０");
                case "previous" -> ReturnNumber.supplierReturn(SupplierId.of("供应商-A"), "old/1.a");
                default -> ReturnNumber.supplierReturn(SupplierId.of("供应商-A"), "rma-00042");
            };
        } else if (type == Reason.class) {
            return new Reason(ReasonCode.QUALITY_ISSUE, TRICKY, List.of(Evidence.of(EvidenceKind.PHOTO, "img-1.jpg"),
                    Evidence.of(EvidenceKind.INSPECTION_REPORT, "证据 2")));
        } else if (type == OutcomeType.class) {
            return OutcomeType.EXCHANGE;
        } else if (type == LegState.class) {
            return LegState.AWAITING_SHIPMENT;
        } else if (type == Money.class) {
            return new Money(java.util.Currency.getInstance("CNY"), Money.MAX_MINOR);
        } else if (type == ReturnShipping.class) {
            return new ReturnShipping(Money.of("CNY", "12.00"), FeeBearer.FREIGHT_INSURANCE, "运费险-claim-1");
        } else if (type == Settlement.class) {
            return Settlement.of(Money.of("CNY", "100.00"), Money.of("CNY", "10.00"), Money.of("CNY", "12.00"),
                    Money.of("CNY", "5.00"), Money.of("CNY", "102.00"));
        } else if (type == int.class) {
            return 2;
        } else if (type == String.class) {
            return TRICKY;
        } else if (type == ExternalVersion.class) {
            return ExternalVersion.of("1688.dropship_x-1", Long.MAX_VALUE);
        } else if (type == boolean.class) {
            return true;
        } else if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            if (element == LineQuantity.class) {
                return List.of(LineQuantity.of("sku-红色-XL", 2), LineQuantity.of("sku-2", 0));
            } else if (element == Evidence.class) {
                return List.of(Evidence.of(EvidenceKind.VIDEO, "https://v.example/开箱.mp4"),
                        Evidence.of(EvidenceKind.DOCUMENT, TRICKY.replace("\n", " ").replace("\t", " ")));
            } else if (element == ReturnLine.class) {
                return List.of(new ReturnLine(Sku.of("sku-1"), SupplierId.of("供应商-A"), 1, 2, Money.of("CNY", "59.90")),
                        new ReturnLine(Sku.of("sku-2"), SupplierId.of("s-b"), 3, 3, Money.of("JPY", "1200")));
            }
        } else if (type.isEnum()) {
            return type.getEnumConstants()[type.getEnumConstants().length - 1];
        }
        fail("no sample value for component " + name + " of type " + generic
                + ": extend the test (and the codec) for the new value type");
        return null;
    }

    private static Settlement settlement(String refund) {
        Money zero = Money.of("CNY", "0");
        return Settlement.of(Money.of("CNY", refund), zero, zero, zero, Money.of("CNY", refund));
    }

    private static void assertNoRawControlCharacters(String json) {
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            assertFalse(c < 0x20 || c == '\u2028' || (Character.isSurrogate(c) && !isPaired(json, i)),
                    "raw character U+" + Integer.toHexString(c) + " at " + i + " in " + json);
        }
    }

    private static boolean isPaired(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    @Test
    void number_kinds_of_every_kind_round_trip() {
        Actor actor = Actor.reseller(TENANT, "u-1");
        for (NumberKind kind : NumberKind.values()) {
            String scope = kind.scope() == NumberKind.Scope.CARRIER ? "YTO" : "scope-1";
            ReturnNumber number = new ReturnNumber(kind, scope, "ABC123456");
            ReturnEvent event = new ReturnEvent.NumberSharedWithCustomer(Instant.parse("2026-01-01T00:00:00Z"), actor, SupplierId.of("s"), number);
            assertEquals(event, EventCodec.decode(EventCodec.encode(event)), kind.name());
        }
    }
}
