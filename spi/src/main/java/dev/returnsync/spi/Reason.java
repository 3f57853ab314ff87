package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

import java.util.List;

/**
 * Why a return is asked, or why a step was refused.
 *
 * @param code the reason code
 * @param text free text, possibly empty, at most {@value #MAX_TEXT} characters; line breaks allowed, control,
 *     format and non-characters and unpaired surrogates not
 * @param evidence references to evidence (photos, videos, inspection reports), at most {@value Evidence#MAX_COUNT}
 */
public record Reason(ReasonCode code, String text, List<Evidence> evidence) {
    /** The longest free text accepted. */
    public static final int MAX_TEXT = 500;

    /**
     * Validates the reason and copies the evidence list.
     *
     * @param code the reason's code
     * @param text free text, possibly empty, at most {@value #MAX_TEXT} characters
     * @param evidence references to evidence, at most {@link Evidence#MAX_COUNT}; copied
     * @throws NullPointerException if a component or an evidence reference is null
     * @throws IllegalArgumentException if the text breaks its bounds or holds characters that text may not hold,
     *     or there are too many evidence references (see {@code docs/bounds.md}); the message names the field and
     *     the rule, never the value
     */
    public Reason {
        Checks.notNull("reason code", code);
        Checks.text("reason text", text, MAX_TEXT);
        evidence = Evidence.list("reason evidence", evidence);
    }

    /**
     * Checks free text by the rules of {@link #text()}: at most {@link #MAX_TEXT} characters, line breaks and tabs
     * allowed; no other control, format, separator or non-character and no unpaired surrogate. Notes of commands
     * and events follow the same rules.
     *
     * @param field the name of the field, used in the message
     * @param text the text
     * @return the text
     * @throws NullPointerException if the text is null
     * @throws IllegalArgumentException if the text breaks a rule; the message names the field and the rule
     */
    public static String checkText(String field, String text) {
        return Checks.text(field, text, MAX_TEXT);
    }

    /**
     * A reason with a code and text and no evidence.
     *
     * @param code the reason's code
     * @param text free text, possibly empty, at most {@value #MAX_TEXT} characters
     * @return the reason
     */
    public static Reason of(ReasonCode code, String text) {
        return new Reason(code, text, List.of());
    }
}
