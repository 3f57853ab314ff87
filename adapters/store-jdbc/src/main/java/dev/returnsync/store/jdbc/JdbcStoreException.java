package dev.returnsync.store.jdbc;

import dev.returnsync.spi.ReturnSyncException;

import java.sql.SQLException;

/**
 * A SQL case store could not do its work for a reason that is not part of the {@code CaseStore} contract: the database
 * is unreachable, a statement failed, the schema is not the one the store needs, or a stored history is corrupt.
 * Conflicts that the contract names (versions, numbers, idempotency keys) are never reported this way.
 */
public class JdbcStoreException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** The SQLState of the driver error, or null. */
    private final String sqlState;
    /** The driver's vendor code. */
    private final int vendorCode;

    /**
     * Wraps a driver error.
     *
     * @param product the database product, e.g. {@code PostgreSQL}
     * @param operation what the store was doing, e.g. {@code "append to case c-1"}
     * @param cause the driver's exception
     */
    public JdbcStoreException(String product, String operation, SQLException cause) {
        super(product + " case store failed to " + operation + ": " + cause.getMessage()
                + " (SQLState " + cause.getSQLState() + ", vendor code " + cause.getErrorCode() + ")", cause);
        this.sqlState = cause.getSQLState();
        this.vendorCode = cause.getErrorCode();
    }

    /**
     * Reports a problem found by the store itself.
     *
     * @param product the database product, e.g. {@code PostgreSQL}
     * @param problem what is wrong
     */
    public JdbcStoreException(String product, String problem) {
        super(product + " case store: " + problem);
        this.sqlState = null;
        this.vendorCode = 0;
    }

    /** {@return the SQLState of the driver error (e.g. {@code 08001} for a refused connection), or {@code null}} */
    public String sqlState() {
        return sqlState;
    }

    /** {@return the product's own error code of the driver error, or 0} */
    public int vendorCode() {
        return vendorCode;
    }
}
