package dev.returnsync.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * What one database product does its own way, for {@link JdbcCaseStore}: table names, a few pieces of syntax, time
 * columns, how a whole append batch is written in one round trip ({@link BatchWriter}), the lock that serializes
 * schema migrations, and which errors mean a conflict or a transaction worth retrying. Everything else (the other
 * statements, transactions, retries, migrations) is shared.
 *
 * <p>Implemented by the store modules; a host picks a store, not a dialect.
 */
public interface Dialect {
    /** {@return the product name for messages, e.g. {@code PostgreSQL}} */
    String product();

    /** {@return where the store's tables live, for messages, e.g. {@code schema returnsync}} */
    String describeSchema();

    /** {@return the classpath folder of the versioned migration files, e.g. {@code db/returnsync/postgresql}} */
    String migrationLocation();

    /** {@return the migration file names in order; file {@code i} brings the schema to version {@code i + 1}} */
    List<String> migrations();

    /**
     * The name statements use for one of the store's tables, e.g. {@code returnsync.events}.
     *
     * @param name the table's unqualified name, e.g. {@code events}
     * @return the name to use in statements
     */
    String table(String name);

    /**
     * A column name quoted, for columns whose name is a keyword of some product (e.g. {@code key}).
     *
     * @param column the column's name
     * @return the name, quoted for this product
     */
    String quote(String column);

    /**
     * The look-up of an idempotency record by tenant and key (bound in that order), whose row has the columns
     * {@code fingerprint}, {@code case_id}, {@code first_version} and {@code last_version}. By default it reads the
     * table {@code idempotency}; a product whose schema keeps the records elsewhere says where.
     *
     * @return the query
     */
    default String findIdempotency() {
        return "SELECT fingerprint, case_id, first_version, last_version FROM " + table("idempotency")
                + " WHERE tenant = ? AND " + quote("key") + " = ?";
    }

    /**
     * The writer of append batches for connections like this one: called once, when the store is built, after
     * {@link #checkServer}.
     *
     * @param connection a connection to the migrated database, from the store's data source
     * @return the writer
     * @throws SQLException if the driver refuses
     */
    BatchWriter batchWriter(Connection connection) throws SQLException;

    /**
     * Binds a time at microsecond precision, as the time columns store it.
     *
     * @param statement the statement to bind in
     * @param index the parameter's index, from 1
     * @param instant the time, or null
     * @throws SQLException if the driver refuses
     */
    void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException;

    /**
     * Reads a time column; null stays null.
     *
     * @param row the result set, on the row to read
     * @param column the column's name
     * @return the time, or null
     * @throws SQLException if the driver refuses
     */
    Instant getInstant(ResultSet row, String column) throws SQLException;

    /**
     * Takes the lock that lets one process migrate the schema at a time; called with auto-commit off.
     *
     * @param connection the migrating connection
     * @throws SQLException if the lock cannot be taken
     */
    void lockMigrations(Connection connection) throws SQLException;

    /**
     * Releases that lock if it outlives the transaction; called after commit or rollback.
     *
     * @param connection the migrating connection
     * @throws SQLException if the driver refuses
     */
    void unlockMigrations(Connection connection) throws SQLException;

    /**
     * Makes the store's schema the one unqualified names in migration files refer to, in this transaction.
     *
     * @param connection the migrating connection
     * @throws SQLException if the driver refuses
     */
    void enterSchema(Connection connection) throws SQLException;

    /**
     * Whether the schema version table exists.
     *
     * @param connection a connection to the database
     * @return true when the table exists
     * @throws SQLException if the driver refuses
     */
    boolean hasVersionTable(Connection connection) throws SQLException;

    /** {@return whether DDL takes part in transactions, so that all migrations can be applied in one} */
    boolean transactionalDdl();

    /**
     * Whether the error is one of the refusals a {@link BatchWriter} relies on: a duplicate key of a primary key or
     * unique constraint, or a null value in a {@code NOT NULL} column (what its guards leave when a check fails).
     *
     * @param error what the driver threw
     * @return true for a duplicate key or a null in a {@code NOT NULL} column
     */
    boolean isConflict(SQLException error);

    /**
     * Whether the error ended the transaction for a reason a retry may not meet: deadlock, serialization failure.
     *
     * @param error what the driver threw
     * @return true when a retry of the transaction may succeed
     */
    boolean isTransient(SQLException error);

    /**
     * Checks, once the schema is in place, that the server and the schema behave as the store needs (version,
     * isolation, collations); reports what is wrong with a {@link ServerSetupException}.
     *
     * @param connection a connection to the migrated database
     * @throws SQLException if the driver refuses
     */
    void checkServer(Connection connection) throws SQLException;
}
