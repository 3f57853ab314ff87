package dev.returnsync.store.jdbc;

/** Who brings the database schema to the version a store needs. */
public enum SchemaSetup {
    /**
     * The store applies the migration files it ships that the database does not have yet, when it is built, under a
     * database lock, so that several processes starting at once apply each file exactly once.
     */
    APPLY,
    /**
     * The host applies the migration files (Flyway, Liquibase, by hand); the store only checks, when it is built,
     * that the schema is at the version it needs, and fails with a {@link SchemaVersionException} if not.
     */
    VERIFY
}
