package dev.returnsync.spi.store;

import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.ReturnSyncException;

/**
 * A number is already linked to another case in its scope. The exception names the number only: never the
 * other case, its tenant or anything about it.
 */
public final class NumberAlreadyLinkedException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** The number linked to another case. */
    private final ReturnNumber number;

    /**
     * Creates the exception.
     *
     * @param number the number linked to another case of the tenant
     */
    public NumberAlreadyLinkedException(ReturnNumber number) {
        super("the " + number.kind().label() + " " + number + " is already linked to another return");
        this.number = number;
    }

    /** {@return the number that is taken} */
    public ReturnNumber number() {
        return number;
    }
}
