package dev.returnsync.store.jdbc;

/**
 * The database server or the schema does not behave as the store needs: a server version without
 * {@code SKIP LOCKED}, a transaction isolation the server does not honour, a column without the binary collation, a
 * lenient SQL mode. The message names the setting and the rule.
 */
public final class ServerSetupException extends JdbcStoreException {
    private static final long serialVersionUID = 1L;

    /**
     * @param product the database product
     * @param problem the setting and the rule it breaks
     */
    public ServerSetupException(String product, String problem) {
        super(product, problem);
    }
}
