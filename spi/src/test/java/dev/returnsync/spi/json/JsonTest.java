package dev.returnsync.spi.json;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The limits and strictness of the one JSON of the library, for every format built on it. */
@Timeout(10)
class JsonTest {

    private static String nestedArrays(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String nestedObjects(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    @Test
    void sixteen_nested_arrays_and_objects_are_read_seventeen_are_refused() {
        assertEquals(16, Json.MAX_DEPTH);
        Json.parse(nestedArrays(16));
        Json.parse(nestedObjects(16));
        Json.parse("[".repeat(14) + "{\"k\":[1,\"x\",null]}" + "]".repeat(14));
        Map<String, Integer> seventeenthOpening = Map.of(nestedArrays(17), 16, nestedObjects(17), 16 * 5,
                "[".repeat(100_000), 16);
        seventeenthOpening.forEach((deep, offset) -> {
            JsonException e = assertThrows(JsonException.class, () -> Json.parse(deep));
            assertEquals("nested deeper than 16 levels", e.problem());
            assertEquals(offset, e.offset());
        });
    }

    @Test
    void writing_is_bounded_by_the_same_depth_so_what_is_written_can_be_read() {
        Object deepest = List.of();
        for (int i = 1; i < Json.MAX_DEPTH; i++) {
            deepest = List.of(deepest);
        }
        assertEquals(nestedArrays(16), Json.write(deepest));
        Object tooDeep = List.of(deepest);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Json.write(tooDeep));
        assertTrue(e.getMessage().contains("more than 16"), e.getMessage());
    }

    @Test
    void numbers_are_longs_over_the_whole_64_bit_range_and_nothing_beyond() {
        assertEquals(Long.MAX_VALUE, Json.parse("9223372036854775807"));
        assertEquals(Long.MIN_VALUE, Json.parse("-9223372036854775808"));
        assertEquals(0L, Json.parse("0"));
        assertEquals(0L, Json.parse("-0"));
        assertEquals(42L, Json.parse("42"));
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
        for (String outside : List.of(max.add(BigInteger.ONE).toString(), min.subtract(BigInteger.ONE).toString(),
                "99999999999999999999", "-99999999999999999999", "1".repeat(10_000))) {
            JsonException e = assertThrows(JsonException.class, () -> Json.parse("[" + outside + "]"));
            assertEquals("a number must lie in the 64-bit range -9223372036854775808 to 9223372036854775807",
                    e.problem(), "the rule, never the number");
            assertEquals(1, e.offset());
        }
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("fraction", "1.5", "only whole numbers are accepted"),
                Arguments.of("exponent", "1e3", "only whole numbers are accepted"),
                Arguments.of("leading zero", "007", "a number must not have leading zeros"),
                Arguments.of("sign alone", "-", "a number needs digits"),
                Arguments.of("plus sign", "+1", "unexpected character '+'"),
                Arguments.of("duplicate field", "{\"a\":1,\"a\":2}", "a field name appears twice in one object"),
                Arguments.of("trailing text", "{} {}", "unexpected text after the end of the document"),
                Arguments.of("trailing comma", "[1,]", "unexpected character ']'"),
                Arguments.of("unquoted name", "{a:1}", "expected a field name in double quotes"),
                Arguments.of("raw control character", "\"a\u0001\"", "unescaped control character U+0001 in a string"),
                Arguments.of("unknown escape", "\"\\x41\"", "invalid escape \\'x'"),
                Arguments.of("bad unicode escape", "\"\\u00g1\"", "invalid hex digit in a \\u escape"),
                Arguments.of("unterminated string", "\"abc", "unterminated string"),
                Arguments.of("empty text", "", "unexpected end of the document"),
                Arguments.of("single quotes", "'a'", "unexpected character '''"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void what_rfc_8259_does_not_allow_is_refused_with_the_rule_broken(String name, String text, String problem) {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(text));
        assertEquals(problem, e.problem());
        assertTrue(e.getMessage().startsWith("malformed JSON at offset " + e.offset() + ": "), e.getMessage());
    }

    @Test
    void parse_object_refuses_other_documents_naming_what_it_found() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parseObject("[]"));
        assertEquals("expected an object, found an array", e.problem());
        assertEquals(Map.of("a", 1L), Json.parseObject("{\"a\":1}"));
    }

    @Test
    void a_written_tree_reads_back_the_same_in_field_order() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("z", "质量问题 \"quoted\" \\ \n\t😀 \u2028 \u0000");
        tree.put("a", List.of(1L, Long.MIN_VALUE, true, false));
        tree.put("m", null);
        tree.put("n", new LinkedHashMap<>(Map.of("k", List.of())));
        String text = Json.write(tree);
        assertEquals(tree, Json.parse(text));
        assertEquals(new ArrayList<>(tree.keySet()), new ArrayList<>(Json.parseObject(text).keySet()));
        assertFalse(text.chars().anyMatch(c -> c < 0x20 || c == 0x2028), text);
    }

    @Test
    void writing_refuses_other_types_and_non_string_keys() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(1.5));
        assertThrows(IllegalArgumentException.class, () -> Json.write(BigInteger.ONE));
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of(1, "a")));
        assertEquals("[7]", Json.write(List.of(7)));
    }
}
