package dev.returnsync.supplier.http;

/**
 * Makes text that came with a request safe to write into a log line: every character that is not printable
 * (controls, format characters such as bidi overrides and zero-width marks, line and paragraph separators,
 * surrogates, unassigned and private-use code points) and the backslash become {@code \}{@code uXXXX} escapes, and the
 * text is cut to a few dozen characters. A log reader then sees exactly what was sent, on one line, in order.
 */
final class LogSafe {
    /** The most characters of a text kept. */
    static final int MAX = 64;

    private LogSafe() {
    }

    /** The text escaped and cut to {@link #MAX} characters ({@code "null"} for null). */
    static String text(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX) + 8);
        int i = 0;
        for (; i < s.length() && i < MAX; i++) {
            char c = s.charAt(i);
            if (printable(c)) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        if (i < s.length()) {
            b.append("...(").append(s.length()).append(" chars)");
        }
        return b.toString();
    }

    private static boolean printable(char c) {
        if (c == '\\') {
            return false;
        }
        switch (Character.getType(c)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
                return false;
            default:
                return true;
        }
    }
}
