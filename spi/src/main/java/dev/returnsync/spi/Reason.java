package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

import java.util.List;

/**
 * Why a return is asked, or why a step was refused.
 *
 * @param code the reason code
 * @param text free text, possibly empty, at most {@value #MAX_TEXT} characters; line breaks allowed, control,
 *     format and non-characters and unpaired surrogates not
 * @param evidence references to evidence (photo ids, URLs), at most {@value #MAX_EVIDENCE}, each a non-blank string of
 *     at most {@value #MAX_EVIDENCE_LENGTH} characters without control, format or non-characters
 */
public record Reason(ReasonCode code, String text, List<String> evidence) {
    /** The longest free text accepted. */
    public static final int MAX_TEXT = 500;
    /** The most evidence references. */
    public static final int MAX_EVIDENCE = 20;
    /** The longest evidence reference. */
    public static final int MAX_EVIDENCE_LENGTH = 1000;

    /**
     * Validates the reason and copies the evidence list.
     *
     * @param code the reason's code
     * @param text free text, possibly empty, at most {@value #MAX_TEXT} characters
     * @param evidence references to photos or documents, at most {@link #MAX_EVIDENCE}; copied
     * @throws NullPointerException if a component or an evidence reference is null
     * @throws IllegalArgumentException if the text or a reference breaks its bounds or holds characters that text
     *     may not hold (see {@code docs/bounds.md}); the message names the field and the rule, never the value
     */
    public Reason {
        Checks.notNull("reason code", code);
        Checks.text("reason text", text, MAX_TEXT);
        evidence = Checks.list("reason evidence", evidence, MAX_EVIDENCE);
        for (int i = 0; i < evidence.size(); i++) {
            String reference = evidence.get(i);
            if (reference.isBlank()) {
                throw new IllegalArgumentException("reason evidence[" + i + "] must not be blank");
            }
            if (reference.length() > MAX_EVIDENCE_LENGTH) {
                throw new IllegalArgumentException("reason evidence[" + i + "] must be at most "
                        + MAX_EVIDENCE_LENGTH + " characters, was " + reference.length());
            }
            String problem = Checks.textProblem(reference, false);
            if (problem != null) {
                throw new IllegalArgumentException("reason evidence[" + i + "] " + problem);
            }
        }
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
