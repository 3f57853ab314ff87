package dev.returnsync.spi.store;

import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.ReturnSyncException;

/**
 * A number is already linked to another case in its scope. The exception names the number only: never the
 * other case, its tenant or anything about it.
 */
public final class NumberAlreadyLinkedException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    private final ReturnNumber number;

    public NumberAlreadyLinkedException(ReturnNumber number) {
        super("the " + number.kind().label() + " " + number + " is already linked to another return");
        this.number = number;
    }

    /** The number that is taken. */
    public ReturnNumber number() {
        return number;
    }
}
