package dev.returnsync.spi.internal;

import java.time.Instant;
import java.util.List;

/**
 * Argument checks shared by the value types. Not API: may change without notice.
 *
 * <p>Every message names the field and the rule it breaks, and at most an index into the value; it never
 * repeats the value, which may be personal data (a phone number typed as an id).
 */
public final class Checks {
    /** The longest identifier accepted anywhere in the published language. */
    public static final int MAX_ID_LENGTH = 64;

    private Checks() {}

    /**
     * Checks an identifier: not null, not blank, at most {@link #MAX_ID_LENGTH} characters, no surrounding space
     * of any kind (Unicode white space or space separators such as NBSP and U+3000), no leading combining mark,
     * and none of the characters that {@link #textProblem} refuses, nor line or tab characters.
     *
     * @param what the name of the identifier, used in the message
     * @param value the value
     * @return the value
     * @throws NullPointerException if the value is null
     * @throws IllegalArgumentException if the value breaks a rule; the message names the field and the rule
     */
    public static String id(String what, String value) {
        notNull(what, value);
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(
                    what + " must be at most " + MAX_ID_LENGTH + " characters, was " + value.length());
        }
        if (value.isEmpty() || isSpace(value, 0) && value.codePoints().allMatch(Checks::isSpace)) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (isSpace(value, 0) || isSpace(value, value.length() - 1)) {
            throw new IllegalArgumentException(what + " must not start or end with whitespace");
        }
        if (isCombiningMark(value.codePointAt(0))) {
            throw new IllegalArgumentException(what + " must not start with a combining mark");
        }
        String problem = textProblem(value, false);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + problem);
        }
        return value;
    }

    /**
     * Checks free text (a reason, a note): not null, at most {@code max} characters, and none of the characters
     * that {@link #textProblem} refuses; line breaks and tabs are allowed.
     *
     * @param what the name of the field, used in the message
     * @param value the text
     * @param max the longest text accepted
     * @return the text
     */
    public static String text(String what, String value, int max) {
        notNull(what, value);
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " must be at most " + max + " characters, was " + value.length());
        }
        String problem = textProblem(value, true);
        if (problem != null) {
            throw new IllegalArgumentException(what + " " + problem);
        }
        return value;
    }

    /**
     * Finds the first character that no text of the library may hold: a control character (line feed, carriage
     * return and tab excepted where {@code lines} is true), a format character (bidi controls U+202A-U+202E and
     * U+2066-U+2069, zero-width characters, U+2060, the BOM, soft hyphen...), the separators U+2028 and U+2029, an
     * unpaired surrogate, or a non-character (U+FDD0-U+FDEF, U+xFFFE, U+xFFFF).
     *
     * @param value the text
     * @param lines true to allow line feed, carriage return and tab
     * @return the rule broken and the index, or {@code null} when the text is fine
     */
    public static String textProblem(String value, boolean lines) {
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = value.codePointAt(i);
                if (isNonCharacter(cp) || Character.getType(cp) == Character.FORMAT) {
                    return "must not contain invisible or non-characters, found one at index " + i;
                }
                i += 2;
                continue;
            }
            if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate, found one at index " + i;
            }
            if (Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t'))) {
                return "must not contain control characters, found one at index " + i;
            }
            if (Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029' || isNonCharacter(c)) {
                return "must not contain invisible, separator or non-characters, found one at index " + i;
            }
            i++;
        }
        return null;
    }

    private static boolean isNonCharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static boolean isSpace(String value, int index) {
        return !value.isEmpty() && isSpace(value.charAt(index));
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isCombiningMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** Checks that a quantity is zero or more. */
    public static int nonNegative(String what, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be zero or more, was " + value);
        }
        return value;
    }

    /** Checks that a quantity is one or more. */
    public static int positive(String what, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be one or more, was " + value);
        }
        return value;
    }

    /** Checks that a quantity is at most a bound. */
    public static int atMost(String what, int value, int max) {
        if (value > max) {
            throw new IllegalArgumentException(what + " must be at most " + max + ", was " + value);
        }
        return value;
    }

    // The overloads with a subject name a field of one thing, e.g. "quantity of SKU-A": they join the name only
    // when the check fails, so that a valid value costs no string and no concatenation call site on a cold JVM.

    /** Checks that a quantity of a subject is zero or more; the message names it as {@code what of subject}. */
    public static int nonNegative(String what, Object subject, int value) {
        return value < 0 ? nonNegative(what + " of " + subject, value) : value;
    }

    /** Checks that a quantity of a subject is one or more; the message names it as {@code what of subject}. */
    public static int positive(String what, Object subject, int value) {
        return value <= 0 ? positive(what + " of " + subject, value) : value;
    }

    /** Checks that a quantity of a subject is at most a bound; the message names it as {@code what of subject}. */
    public static int atMost(String what, Object subject, int value, int max) {
        return value > max ? atMost(what + " of " + subject, value, max) : value;
    }

    /** Checks that a reference of a subject is not null; the message names it as {@code what of subject}. */
    public static <T> T notNull(String what, Object subject, T value) {
        return value == null ? notNull(what + " of " + subject, value) : value;
    }

    /** Checks that a reference is not null, naming it in the message. */
    public static <T> T notNull(String what, T value) {
        if (value == null) {
            throw new NullPointerException(what + " must not be null");
        }
        return value;
    }

    /**
     * Checks a list and copies it: not null, at most {@code max} elements, no null element (the message names
     * the field and the index, e.g. {@code lines[2] must not be null}).
     *
     * @return an unmodifiable copy
     */
    public static <T> List<T> list(String what, List<? extends T> values, int max) {
        notNull(what, values);
        if (values.size() > max) {
            throw new IllegalArgumentException(what + " must have at most " + max + " elements, had " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                notNull(what + "[" + i + "]", null); // the name is joined only for the element that fails
            }
        }
        return List.copyOf(values);
    }

    /** Checks the fields that every leg event has; the time must lie in the accepted window. */
    public static void leg(Instant at, Object actor, Object leg) {
        time("event time", at);
        notNull("event actor", actor);
        notNull("event leg", leg);
    }

    /** Checks that a time is not null and lies in {@link dev.returnsync.spi.TimeWindow}. */
    public static Instant time(String what, Instant time) {
        return dev.returnsync.spi.TimeWindow.check(what, time);
    }
}
