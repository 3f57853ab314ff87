package dev.returnsync.spi.json;

import dev.returnsync.spi.ReturnSyncException;

/**
 * A text is not the JSON that {@link Json} accepts. The message names the place ({@link #offset()}, in characters
 * from the start of the text) and the rule broken ({@link #problem()}); it never repeats the text, which may hold
 * personal data.
 */
public final class JsonException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** Where the problem is, in characters from the start. */
    private final int offset;
    /** Which rule the text breaks, in words. */
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param offset where in the text the problem is, in characters from its start
     * @param problem which rule the text breaks, in words
     */
    public JsonException(int offset, String problem) {
        super("malformed JSON at offset " + offset + ": " + problem);
        this.offset = offset;
        this.problem = problem;
    }

    /** {@return where in the text the problem is, in characters from its start} */
    public int offset() {
        return offset;
    }

    /** {@return which rule the text breaks, in words} */
    public String problem() {
        return problem;
    }
}
