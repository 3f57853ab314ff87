package dev.returnsync.spi.codec;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The minimal JSON that the codec needs: writing strings with correct escaping, and a strict parser into a tree
 * of {@code Map<String, Object>} (insertion-ordered), {@code List<Object>}, {@code String}, {@code BigInteger},
 * {@code Boolean} and {@code null}. Only integers are accepted as numbers; duplicate keys, trailing text, unescaped
 * control characters and nesting deeper than {@link #MAX_DEPTH} are refused.
 */
final class Json {
    static final int MAX_DEPTH = 32;

    private Json() {
    }

    /** Appends {@code value} as a JSON string literal. Non-ASCII text stays as is, except what must be escaped. */
    static void writeString(StringBuilder out, String value) {
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
                        // control characters, the JavaScript line separators and lone surrogates are escaped, so the
                        // text is valid UTF-8 and safe to embed anywhere
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Parses a whole document. */
    static Object parse(String text) {
        Parser parser = new Parser(text);
        parser.skipWhitespace();
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the end of the document");
        }
        return value;
    }

    /** The JSON type name of a parsed value, for messages. */
    static String typeName(Object value) {
        if (value == null) {
            return "null";
        } else if (value instanceof String) {
            return "a string";
        } else if (value instanceof BigInteger) {
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

        EventCodecException error(String problem) {
            return new EventCodecException("$", "malformed JSON at offset " + pos + ": " + problem);
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

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH + " levels");
            }
            if (pos >= text.length()) {
                throw error("unexpected end of the document");
            }
            char c = text.charAt(pos);
            if (c == '{') {
                return object(depth);
            } else if (c == '[') {
                return array(depth);
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
                Object value = value(depth + 1);
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
                list.add(value(depth + 1));
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
                    break;
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
            return out.toString();
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

        private BigInteger number() {
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
                throw error("a number must not have leading zeros");
            }
            if (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '.' || c == 'e' || c == 'E') {
                    throw error("only whole numbers are used in this format");
                }
            }
            if (pos - start > 25) {
                throw error("number too long");
            }
            return new BigInteger(text.substring(start, pos));
        }

        private static String describe(char c) {
            return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
        }
    }
}
