package dev.returnsync.core.engine;

import dev.returnsync.spi.ReturnSyncException;
import dev.returnsync.spi.Role;

/**
 * The asker's role may not use an operation of the engine outside the workflow (e.g. retrying parked work). Not
 * retryable: a bug in the host's screens.
 */
public final class AccessDeniedException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** The asker's role. */
    private final Role role;
    /** What was asked. */
    private final String operation;

    /**
     * Creates the exception.
     *
     * @param role the asker's role
     * @param operation what was asked, in words (e.g. {@code retry parked work})
     */
    public AccessDeniedException(Role role, String operation) {
        super("a " + role + " may not " + operation);
        this.role = role;
        this.operation = operation;
    }

    /** {@return the asker's role} */
    public Role role() {
        return role;
    }

    /** {@return what was asked} */
    public String operation() {
        return operation;
    }
}
