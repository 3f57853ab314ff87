package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

/**
 * A version token issued by a system outside the library, such as a marketplace's refund version (Taobao's
 * {@code refund_version}): a command may carry one, and the case remembers the newest it accepted per source, so
 * that a status change delivered late or twice cannot move the case back.
 *
 * @param source where the token comes from, e.g. {@code "taobao"}: 1 to 32 characters of {@code a-z}, {@code 0-9},
 *     {@code .}, {@code _} or {@code -}, starting with a letter or digit
 * @param version the token, zero or more; larger is newer
 */
public record ExternalVersion(String source, long version) {
    /** The longest source name. */
    public static final int MAX_SOURCE_LENGTH = 32;

    /**
     * Validates the token.
     *
     * @param source where the token comes from, as described on the record
     * @param version the token, zero or more
     */
    public ExternalVersion {
        checkSource(source);
        if (version < 0) {
            throw new IllegalArgumentException("external version must be zero or more");
        }
    }

    /**
     * Returns the token of a source.
     *
     * @param source where the token comes from, as described on the record
     * @param version the token, zero or more
     * @return the token
     * @throws IllegalArgumentException if the source or the version breaks a rule; the message names the rule
     */
    public static ExternalVersion of(String source, long version) {
        return new ExternalVersion(source, version);
    }

    /**
     * Checks a source name, as described on the record.
     *
     * @param source the source name
     * @return the source name
     * @throws NullPointerException if the source is null
     * @throws IllegalArgumentException if the source breaks a rule; the message names the rule, not the value
     */
    public static String checkSource(String source) {
        Checks.notNull("external version source", source);
        if (source.isEmpty() || source.length() > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException("external version source must be 1 to " + MAX_SOURCE_LENGTH
                    + " characters, was " + source.length());
        }
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!letterOrDigit && (i == 0 || (c != '.' && c != '_' && c != '-'))) {
                throw new IllegalArgumentException("external version source must start with a-z or 0-9 and hold"
                        + " only a-z, 0-9, '.', '_' or '-' (character " + i + ")");
            }
        }
        return source;
    }

    @Override
    public String toString() {
        return source + "@" + version;
    }
}
