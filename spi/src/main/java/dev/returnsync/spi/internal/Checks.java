package dev.returnsync.spi.internal;

/** Argument checks shared by the value types. Not API: may change without notice. */
public final class Checks {
    /** The longest identifier accepted anywhere in the published language. */
    public static final int MAX_ID_LENGTH = 64;

    private Checks() {}

    /**
     * Checks an identifier: not null, not blank, no surrounding whitespace, no control characters,
     * at most {@link #MAX_ID_LENGTH} characters.
     *
     * @param what the name of the identifier, used in the message
     * @param value the value
     * @return the value
     */
    public static String id(String what, String value) {
        notNull(what, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(
                    what + " must be at most " + MAX_ID_LENGTH + " characters, was " + value.length());
        }
        if (!value.strip().equals(value)) {
            throw new IllegalArgumentException(what + " must not start or end with whitespace: '" + value + "'");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(what + " must not contain control characters, found one at index " + i);
            }
        }
        return value;
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

    /** Checks that a reference is not null, naming it in the message. */
    public static <T> T notNull(String what, T value) {
        if (value == null) {
            throw new NullPointerException(what + " must not be null");
        }
        return value;
    }

    /** Checks the fields that every leg event has. */
    public static void leg(Object at, Object actor, Object leg) {
        notNull("event time", at);
        notNull("event actor", actor);
        notNull("event leg", leg);
    }
}
