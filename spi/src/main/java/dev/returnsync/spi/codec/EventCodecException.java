package dev.returnsync.spi.codec;

import dev.returnsync.spi.ReturnSyncException;

/**
 * A text could not be decoded into a {@link dev.returnsync.spi.ReturnEvent} (or an event could not be encoded):
 * malformed JSON, an unknown event type, an unsupported format version, a missing, unknown or ill-typed field,
 * or a value that the event's own validation refuses. Nothing is returned half-decoded.
 *
 * <p>The message names the place ({@link #path()}, a JSON path such as {@code $.actor.role}) and the problem;
 * it never repeats the offending text itself, which may hold personal data.
 */
public final class EventCodecException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** Where the problem is, as a JSON path. */
    private final String path;
    /** What is wrong, in words. */
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param path where in the document the problem is, e.g. {@code $.lines[2].sku}
     * @param problem what is wrong, in words
     */
    public EventCodecException(String path, String problem) {
        super("cannot decode return event at " + path + ": " + problem);
        this.path = path;
        this.problem = problem;
    }

    /**
     * Creates the exception with the cause that the event's own validation threw.
     *
     * @param path where in the document the problem is
     * @param problem what is wrong, in words
     * @param cause the refusal of a value type's constructor
     */
    public EventCodecException(String path, String problem, Throwable cause) {
        super("cannot decode return event at " + path + ": " + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /** {@return where the problem is: a JSON path starting at {@code $}, the document root} */
    public String path() {
        return path;
    }

    /** {@return what is wrong, in words} */
    public String problem() {
        return problem;
    }
}
