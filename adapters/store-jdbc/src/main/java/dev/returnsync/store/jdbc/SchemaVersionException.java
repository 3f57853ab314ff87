package dev.returnsync.store.jdbc;

/**
 * The database schema is not at the version the store needs: older (with {@link SchemaSetup#VERIFY}, the host has not
 * applied the store's migrations yet) or newer than this code knows (a later release migrated it).
 */
public final class SchemaVersionException extends JdbcStoreException {
    private static final long serialVersionUID = 1L;

    /** The schema version found in the database. */
    private final int found;
    /** The schema version this library needs. */
    private final int required;

    /**
     * @param product the database product
     * @param schema where the store looked, e.g. {@code schema returnsync}
     * @param found the version in the database, 0 when none was applied
     * @param required the version the store needs
     * @param location the classpath folder of the migration files
     */
    public SchemaVersionException(String product, String schema, int found, int required, String location) {
        super(product, "the " + schema + " is at version " + found + " but this store needs version " + required
                + (found < required
                ? ": apply the migrations in classpath:" + location + " (Flyway, Liquibase) or build the store"
                + " with SchemaSetup.APPLY"
                : ", which is older than the schema: use the release that migrated it"));
        this.found = found;
        this.required = required;
    }

    /** {@return the version in the database, 0 when none was applied} */
    public int found() {
        return found;
    }

    /** {@return the version the store needs} */
    public int required() {
        return required;
    }
}
