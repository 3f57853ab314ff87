package dev.returnsync.store.postgres;

import dev.returnsync.spi.ReturnSyncException;

import java.sql.SQLException;

/**
 * The PostgreSQL store could not do its work for a reason that is not part of the {@code CaseStore} contract: the
 * database is unreachable, a statement failed, the schema is newer than this code, or a stored history is corrupt.
 * Conflicts that the contract names (versions, numbers, idempotency keys) are never reported this way.
 */
public final class PostgresStoreException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Wraps a driver error.
     *
     * @param operation what the store was doing, e.g. {@code "append to case c-1"}
     * @param cause the driver's exception
     */
    public PostgresStoreException(String operation, SQLException cause) {
        super("PostgreSQL case store failed to " + operation + ": " + cause.getMessage()
                + " (SQLState " + cause.getSQLState() + ")", cause);
        this.sqlState = cause.getSQLState();
    }

    /**
     * Reports a problem found by the store itself.
     *
     * @param problem what is wrong
     */
    public PostgresStoreException(String problem) {
        super("PostgreSQL case store: " + problem);
        this.sqlState = null;
    }

    /** The SQLState of the driver error (e.g. {@code 08001} for a refused connection), or {@code null}. */
    public String sqlState() {
        return sqlState;
    }
}
