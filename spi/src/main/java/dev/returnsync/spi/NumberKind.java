package dev.returnsync.spi;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The kinds of number that identify a return (退货单号), each with its issuer, its scope of uniqueness
 * and its normalization rules.
 *
 * <p>Normalization, in this order: Unicode NFKC (so full-width {@code ０-９} and {@code Ａ-Ｚ} typed on a
 * Chinese keyboard become ASCII, and the ideographic space a plain one), removal of every whitespace
 * character (surrounding and inner: {@code "SF 1234 5678"} is {@code "SF12345678"}), the kind's case
 * rule, then validation of length and characters. Before that, the raw text is refused when it is longer than
 * {@link #MAX_RAW_LENGTH} or holds control characters (tab and line breaks excepted: they are white space and
 * removed), format (bidi, zero-width, BOM), separator (U+2028, U+2029) or
 * non-characters or an unpaired surrogate. Messages name the kind, the rule and an index, never the number.
 */
public enum NumberKind {
    /** The customer-side number, e.g. the marketplace after-sale id. Unique per tenant; case-sensitive. */
    CUSTOMER_REQUEST("customer request number", Scope.TENANT, false, 1, 64, "-_"),
    /** The reseller's own return number, issued by this library. Unique per tenant. */
    RESELLER_RETURN("reseller return number", Scope.TENANT, true, 1, 32, "-"),
    /** The supplier's return number for one leg. Unique per supplier. */
    SUPPLIER_RETURN("supplier return number", Scope.SUPPLIER, true, 1, 64, "-_/."),
    /** The carrier's tracking number of the parcel the customer sends back. Unique per carrier. */
    RETURN_TRACKING("return tracking number", Scope.CARRIER, true, 6, 40, ""),
    /** The carrier's tracking number of a replacement parcel in an exchange. Unique per carrier. */
    REPLACEMENT_TRACKING("replacement tracking number", Scope.CARRIER, true, 6, 40, "");

    /** What a number's uniqueness is scoped by. */
    public enum Scope {
        /** Unique within one tenant; the scope value is the tenant id. */
        TENANT,
        /** Unique for one supplier, across tenants; the scope value is the supplier id. */
        SUPPLIER,
        /** Unique for one carrier, across tenants; the scope value is the normalized carrier code. */
        CARRIER
    }

    /**
     * The longest number accepted as typed, before normalization removes spaces: longer input is refused before
     * any work is done on it.
     */
    public static final int MAX_RAW_LENGTH = 128;

    private final String label;
    private final Scope scope;
    private final boolean upperCase;
    private final int minLength;
    private final int maxLength;
    private final String punctuation;

    NumberKind(String label, Scope scope, boolean upperCase, int minLength, int maxLength, String punctuation) {
        this.label = label;
        this.scope = scope;
        this.upperCase = upperCase;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.punctuation = punctuation;
    }

    /** {@return a human-readable name, used in messages} */
    public String label() {
        return label;
    }

    /** {@return what the uniqueness of this kind is scoped by} */
    public Scope scope() {
        return scope;
    }

    /** {@return the shortest valid number after normalization} */
    public int minLength() {
        return minLength;
    }

    /** {@return the longest valid number after normalization} */
    public int maxLength() {
        return maxLength;
    }

    /**
     * The namespace in which a number must be unique (together with its scope value). Both tracking
     * kinds share one: a parcel is a parcel, whichever way it travels.
     *
     * @return the namespace's name, e.g. the same for both tracking kinds
     */
    public String namespace() {
        return this == REPLACEMENT_TRACKING ? RETURN_TRACKING.name() : name();
    }

    /**
     * Normalizes and validates a raw number of this kind.
     *
     * @param raw the number as typed or received
     * @return the normalized number
     * @throws InvalidReturnNumberException if the number is empty, too short, too long, or has a character
     *     this kind does not allow; the message says which and where
     * @throws NullPointerException if raw is null
     */
    public String normalize(String raw) {
        if (raw == null) {
            throw new NullPointerException(label + " must not be null");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            throw new InvalidReturnNumberException(this, "must be at most " + MAX_RAW_LENGTH + " characters as typed, was "
                    + raw.length());
        }
        String problem = dev.returnsync.spi.internal.Checks.textProblem(raw, true);
        if (problem != null) {
            throw new InvalidReturnNumberException(this, problem);
        }
        String text = stripWhitespace(Normalizer.normalize(raw, Normalizer.Form.NFKC));
        if (upperCase) {
            text = text.toUpperCase(Locale.ROOT);
        }
        if (text.isEmpty()) {
            throw new InvalidReturnNumberException(this, "must not be blank");
        }
        if (text.length() > maxLength) {
            throw new InvalidReturnNumberException(this,
                    "must be at most " + maxLength + " characters, was " + text.length());
        }
        if (text.length() < minLength) {
            throw new InvalidReturnNumberException(this,
                    "must be at least " + minLength + " characters, was " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!allows(c)) {
                throw new InvalidReturnNumberException(this, "the character at index " + i
                        + " is not allowed; allowed are " + allowedCharacters());
            }
        }
        return text;
    }

    private boolean allows(char c) {
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        if (c >= 'a' && c <= 'z') {
            return !upperCase;
        }
        return punctuation.indexOf(c) >= 0;
    }

    /** {@return the characters a normalized number of this kind may contain, in words} */
    public String allowedCharacters() {
        StringBuilder text = new StringBuilder(upperCase ? "A-Z, 0-9" : "A-Z, a-z, 0-9");
        for (char c : punctuation.toCharArray()) {
            text.append(", '").append(c).append('\'');
        }
        return text.toString();
    }

    static String stripWhitespace(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }
}
