package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

import java.util.List;

/**
 * Why a return is asked, or why a step was refused.
 *
 * @param code the reason code
 * @param text free text, possibly empty, at most 500 characters
 * @param evidence references to evidence (photo ids, URLs), at most 20, each a non-blank string
 */
public record Reason(ReasonCode code, String text, List<String> evidence) {
    /** The longest free text accepted. */
    public static final int MAX_TEXT = 500;

    /** Validates the reason and copies the evidence list. */
    public Reason {
        Checks.notNull("reason code", code);
        Checks.notNull("reason text", text);
        if (text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("reason text must be at most " + MAX_TEXT + " characters, was " + text.length());
        }
        evidence = List.copyOf(Checks.notNull("reason evidence", evidence));
        if (evidence.size() > 20) {
            throw new IllegalArgumentException("at most 20 evidence references, were " + evidence.size());
        }
        for (int i = 0; i < evidence.size(); i++) {
            if (evidence.get(i).isBlank()) {
                throw new IllegalArgumentException("evidence reference " + i + " must not be blank");
            }
        }
    }

    /** A reason with a code and text and no evidence. */
    public static Reason of(ReasonCode code, String text) {
        return new Reason(code, text, List.of());
    }
}
