package dev.returnsync.spi;

/** A return number (or a carrier code) that is malformed after normalization. Nothing was changed. */
public final class InvalidReturnNumberException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** The kind of number refused. */
    private final NumberKind kind;
    /** What was wrong, in words. */
    private final String problem;

    /**
     * Creates the exception.
     *
     * @param kind the kind of number refused
     * @param problem what was wrong, in words; never the refused value
     */
    public InvalidReturnNumberException(NumberKind kind, String problem) {
        super("invalid " + kind.label() + ": " + problem);
        this.kind = kind;
        this.problem = problem;
    }

    /** {@return the kind of number that was refused} */
    public NumberKind kind() {
        return kind;
    }

    /** {@return what was wrong, in words} */
    public String problem() {
        return problem;
    }
}
