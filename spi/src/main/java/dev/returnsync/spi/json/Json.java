package dev.returnsync.spi.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the library's own formats: strict, bounded and without dependencies. It is not a general-purpose JSON
 * library: it knows exactly the shapes below, and refuses everything else.
 *
 * <p>A parsed document is a tree of {@code Map<String, Object>} (in the order of the text), {@code List<Object>},
 * {@code String}, {@code Long}, {@code Boolean} and {@code null}; {@link #write} takes the same shapes (and
 * {@code Integer}). {@link #parse} refuses, with a {@link JsonException} that names the offset and the rule:
 * <ul>
 *   <li>numbers that are not whole (fractions, exponents), have leading zeros, or lie outside the 64-bit range
 *       {@value Long#MIN_VALUE} to {@value Long#MAX_VALUE};</li>
 *   <li>more than {@value #MAX_DEPTH} arrays and objects nested in one another;</li>
 *   <li>a field name twice in one object, text after the document, unescaped control characters in strings,
 *       unknown escapes, and anything else RFC 8259 does not allow.</li>
 * </ul>
 * The length of a text is the caller's to bound (e.g. a request body limit); parsing takes time and memory in
 * proportion to it, and the nesting bound keeps the stack small whatever the text.
 *
 * <p>Strings are written with the escapes JSON requires, plus {@code \}{@code uXXXX} for every control character,
 * DEL, the line separators U+2028 and U+2029 and unpaired surrogates, so the output is valid UTF-8 and safe to embed
 * anywhere; other text, Chinese included, stays as it is.
 */
public final class Json {
    /** The most arrays and objects nested in one another that a document may have. */
    public static final int MAX_DEPTH = 16;

    /** The longest number text that can lie in the 64-bit range: a sign and 19 digits. */
    private static final int MAX_NUMBER_LENGTH = 20;

    private Json() {
    }

    /**
     * Writes a value of the shapes above as JSON text, without whitespace.
     *
     * @param value null, a boolean, number, string, list or string-keyed map of these
     * @return the JSON text
     * @throws IllegalArgumentException if the value holds another type, a map key that is not a string, or more
     *     than {@value #MAX_DEPTH} nested arrays and objects
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(out, s);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            checkWriteDepth(depth);
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> field : map.entrySet()) {
                if (!(field.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("a JSON field name must be a string");
                }
                out.append(separator);
                writeString(out, name);
                out.append(':');
                write(out, field.getValue(), depth + 1);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            checkWriteDepth(depth);
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i), depth + 1);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " as JSON");
        }
    }

    private static void checkWriteDepth(int enclosing) {
        if (enclosing >= MAX_DEPTH) {
            throw new IllegalArgumentException("more than " + MAX_DEPTH + " arrays and objects nested");
        }
    }

    /**
     * Appends {@code value} as a JSON string literal, escaped as described in the class comment.
     *
     * @param out where the literal is appended
     * @param value the string, not null
     */
    public static void writeString(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1));
                    if (pairedHigh) {
                        out.append(c).append(value.charAt(++i));
                    } else if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Parses a whole document.
     *
     * @param text the JSON document
     * @return the value, in the shapes above
     * @throws NullPointerException if the text is null
     * @throws JsonException if the text is not a document of the shapes and limits above
     */
    public static Object parse(String text) {
        Parser parser = new Parser(text);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the end of the document");
        }
        return value;
    }

    /**
     * Parses a whole document that must be an object.
     *
     * @param text the JSON document
     * @return the object, as a map keyed by member name
     * @throws NullPointerException if the text is null
     * @throws JsonException if the text is not a document of the shapes and limits above, or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new JsonException(0, "expected an object, found " + typeName(value));
        }
        return (Map<String, Object>) value;
    }

    /**
     * The JSON type of a parsed value, for messages: "a string", "a number", "an array", "null", ....
     *
     * @param value a parsed value, possibly null
     * @return its JSON type, with its article
     */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof Long) {
            return "a number";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof List) {
            return "an array";
        } else {
            return "an object";
        }
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        JsonException error(String problem) {
            return new JsonException(pos, problem);
        }

        void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    pos++;
                } else {
                    return;
                }
            }
        }

        /** A value inside {@code enclosing} arrays and objects. */
        Object value(int enclosing) {
            if (pos >= text.length()) {
                throw error("unexpected end of the document");
            }
            char c = text.charAt(pos);
            if ((c == '{' || c == '[') && enclosing >= MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH + " levels");
            }
            if (c == '{') {
                return object(enclosing + 1);
            } else if (c == '[') {
                return array(enclosing + 1);
            } else if (c == '"') {
                return string();
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                return number();
            } else if (text.startsWith("true", pos)) {
                pos += 4;
                return Boolean.TRUE;
            } else if (text.startsWith("false", pos)) {
                pos += 5;
                return Boolean.FALSE;
            } else if (text.startsWith("null", pos)) {
                pos += 4;
                return null;
            }
            throw error("unexpected character " + describe(c));
        }

        private Map<String, Object> object(int depth) {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipWhitespace();
            if (pos < text.length() && text.charAt(pos) == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (pos >= text.length() || text.charAt(pos) != '"') {
                    throw error("expected a field name in double quotes");
                }
                int keyAt = pos;
                String key = string();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                Object value = value(depth);
                if (map.containsKey(key)) {
                    pos = keyAt;
                    throw error("a field name appears twice in one object");
                }
                map.put(key, value);
                skipWhitespace();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == '}') {
                    pos++;
                    return map;
                } else {
                    throw error("expected ',' or '}' in an object");
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            pos++;
            skipWhitespace();
            if (pos < text.length() && text.charAt(pos) == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipWhitespace();
                list.add(value(depth));
                skipWhitespace();
                if (pos < text.length() && text.charAt(pos) == ',') {
                    pos++;
                } else if (pos < text.length() && text.charAt(pos) == ']') {
                    pos++;
                    return list;
                } else {
                    throw error("expected ',' or ']' in an array");
                }
            }
        }

        private void expect(char c) {
            if (pos >= text.length() || text.charAt(pos) != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private String string() {
            pos++;
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                } else if (c == '\\') {
                    if (pos >= text.length()) {
                        throw error("unterminated escape");
                    }
                    char e = text.charAt(pos++);
                    switch (e) {
                        case '"' -> out.append('"');
                        case '\\' -> out.append('\\');
                        case '/' -> out.append('/');
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'u' -> out.append(unicodeEscape());
                        default -> {
                            pos--;
                            throw error("invalid escape \\" + describe(e));
                        }
                    }
                } else if (c < 0x20) {
                    pos--;
                    throw error("unescaped control character " + describe(c) + " in a string");
                } else {
                    out.append(c);
                }
            }
        }

        private char unicodeEscape() {
            if (pos + 4 > text.length()) {
                throw error("truncated \\u escape");
            }
            int code = 0;
            for (int i = 0; i < 4; i++) {
                int digit = Character.digit(text.charAt(pos + i), 16);
                if (digit < 0) {
                    throw error("invalid hex digit in a \\u escape");
                }
                code = code * 16 + digit;
            }
            pos += 4;
            return (char) code;
        }

        private Long number() {
            int start = pos;
            if (text.charAt(pos) == '-') {
                pos++;
            }
            int digitsAt = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == digitsAt) {
                throw error("a number needs digits");
            }
            if (text.charAt(digitsAt) == '0' && pos - digitsAt > 1) {
                pos = start;
                throw error("a number must not have leading zeros");
            }
            if (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '.' || c == 'e' || c == 'E') {
                    throw error("only whole numbers are accepted");
                }
            }
            if (pos - start <= MAX_NUMBER_LENGTH) {
                try {
                    return Long.parseLong(text, start, pos, 10);
                } catch (NumberFormatException outOfRange) {
                    // reported below
                }
            }
            pos = start;
            throw error("a number must lie in the 64-bit range " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }

        private static String describe(char c) {
            return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
        }
    }
}
