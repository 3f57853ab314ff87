package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.InvalidCommandException.Violation;

import java.util.AbstractList;

/**
 * A list that takes no violation: the first one added ends the check by throwing {@link Found}, so that checking
 * a valid command needs no list of its own. Holds nothing, so one instance is shared by every thread; a caller that
 * catches {@link Found} checks again into a real list to name every violation.
 */
final class FirstViolation extends AbstractList<Violation> {
    static final FirstViolation INSTANCE = new FirstViolation();

    private FirstViolation() {
    }

    /** Thrown at the first violation; carries no state and no stack trace, so one instance serves all. */
    static final class Found extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Found INSTANCE = new Found();

        private Found() {
            super(null, null, false, false);
        }
    }

    @Override
    public boolean add(Violation violation) {
        throw Found.INSTANCE;
    }

    @Override
    public Violation get(int index) {
        throw new IndexOutOfBoundsException(index);
    }

    @Override
    public int size() {
        return 0;
    }
}
