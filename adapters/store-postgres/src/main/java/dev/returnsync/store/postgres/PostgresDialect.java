package dev.returnsync.store.postgres;

import dev.returnsync.store.jdbc.BatchWriter;
import dev.returnsync.store.jdbc.Dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** PostgreSQL's ways: schema-qualified names, {@code timestamptz}, advisory locks, SQLStates. */
final class PostgresDialect implements Dialect {
    /** The migration files, in order. */
    static final List<String> MIGRATIONS = List.of("V1__case_store.sql", "V2__tenant_scoped_keys.sql",
            "V3__number_values.sql", "V4__unread_index.sql", "V5__outbox_case_index.sql",
            "V6__outbox_keyed_by_work.sql", "V7__idempotency_on_events.sql");
    static final String LOCATION = "db/returnsync/postgresql";

    private final String schema;

    PostgresDialect(String schema) {
        this.schema = schema;
    }

    @Override
    public String product() {
        return "PostgreSQL";
    }

    @Override
    public String describeSchema() {
        return "schema " + schema;
    }

    @Override
    public String migrationLocation() {
        return LOCATION;
    }

    @Override
    public List<String> migrations() {
        return MIGRATIONS;
    }

    @Override
    public String table(String name) {
        return schema + "." + name;
    }

    @Override
    public String quote(String column) {
        return '"' + column + '"';
    }

    /** The record is kept on the row of its command's first event, found through {@code events_idempotency}. */
    @Override
    public String findIdempotency() {
        return "SELECT idempotency_fingerprint AS fingerprint, case_id, idempotency_first_version AS first_version,"
                + " idempotency_last_version AS last_version FROM " + table("events")
                + " WHERE tenant = ? AND idempotency_key = ?";
    }

    @Override
    public BatchWriter batchWriter(Connection connection) {
        return new PostgresBatchWriter(this);
    }

    @Override
    public void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }

    @Override
    public Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    @Override
    public void lockMigrations(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            lock.setString(1, "returnsync.schema." + schema);
            lock.execute();
        }
    }

    @Override
    public void unlockMigrations(Connection connection) {
        // the advisory lock is the transaction's: commit or rollback releases it
    }

    @Override
    public void enterSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            statement.execute("SET LOCAL search_path TO " + schema);
        }
    }

    @Override
    public boolean hasVersionTable(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table("schema_version"));
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public boolean isConflict(SQLException error) {
        return "23505".equals(error.getSQLState()) || "23502".equals(error.getSQLState());
    }

    @Override
    public boolean isTransient(SQLException error) {
        return "40001".equals(error.getSQLState()) || "40P01".equals(error.getSQLState());
    }

    @Override
    public void checkServer(Connection connection) {
        // READ COMMITTED is set per transaction, and every PostgreSQL release the driver supports honours it
    }
}
