package dev.returnsync.spi;

/** A return number (or a carrier code) that is malformed after normalization. Nothing was changed. */
public final class InvalidReturnNumberException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    private final NumberKind kind;
    private final String problem;

    public InvalidReturnNumberException(NumberKind kind, String problem) {
        super("invalid " + kind.label() + ": " + problem);
        this.kind = kind;
        this.problem = problem;
    }

    /** The kind of number that was refused. */
    public NumberKind kind() {
        return kind;
    }

    /** What was wrong, in words. */
    public String problem() {
        return problem;
    }
}
