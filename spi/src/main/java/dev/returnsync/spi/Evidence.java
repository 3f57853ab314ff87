package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

import java.util.List;

/**
 * A reference to a piece of evidence kept elsewhere (a photo id, a URL of a video, the id of an inspection report):
 * the library records and shows the reference, it never stores or fetches the evidence itself.
 *
 * <pre>{@code
 * Evidence photo = Evidence.of(EvidenceKind.PHOTO, "https://img.example/torn-seam.jpg");
 * }</pre>
 *
 * @param kind what the reference points at
 * @param reference the reference: not blank, at most {@value #MAX_REFERENCE} characters, no control, format or
 *     non-characters, no line break
 */
public record Evidence(EvidenceKind kind, String reference) {
    /** The most evidence references one step (a command, an event, a reason) carries. */
    public static final int MAX_COUNT = 20;
    /** The longest evidence reference. */
    public static final int MAX_REFERENCE = 1000;

    /**
     * Validates the reference.
     *
     * @param kind what the reference points at; not null
     * @param reference the reference; not null, see {@link #reference()}
     * @throws NullPointerException if a component is null
     * @throws IllegalArgumentException if the reference breaks a rule; the message names the rule, never the value
     */
    public Evidence {
        Checks.notNull("evidence kind", kind);
        Checks.notNull("evidence reference", reference);
        if (reference.isBlank()) {
            throw new IllegalArgumentException("evidence reference must not be blank");
        }
        if (reference.length() > MAX_REFERENCE) {
            throw new IllegalArgumentException("evidence reference must be at most " + MAX_REFERENCE
                    + " characters, was " + reference.length());
        }
        String problem = Checks.textProblem(reference, false);
        if (problem != null) {
            throw new IllegalArgumentException("evidence reference " + problem);
        }
    }

    /**
     * A reference of a kind.
     *
     * @param kind what the reference points at
     * @param reference the reference
     * @return the evidence
     * @throws IllegalArgumentException if the reference breaks a rule of {@link #reference()}
     */
    public static Evidence of(EvidenceKind kind, String reference) {
        return new Evidence(kind, reference);
    }

    /**
     * Checks a list of evidence and copies it: not null, at most {@link #MAX_COUNT} elements, no null element.
     *
     * @param field the name of the field, used in the message, e.g. {@code "reason evidence"}
     * @param evidence the list
     * @return an unmodifiable copy
     * @throws NullPointerException if the list or an element is null (the message names the field and the index)
     * @throws IllegalArgumentException if the list holds more than {@link #MAX_COUNT} elements
     */
    public static List<Evidence> list(String field, List<Evidence> evidence) {
        return Checks.list(field, evidence, MAX_COUNT);
    }
}
