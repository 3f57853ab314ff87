package dev.returnsync.store.jdbc;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The versioned migration files a store ships: applies the missing ones under the dialect's lock, or checks the
 * version. Each file records its own version in the {@code schema_version} table, so the version is the same whoever
 * ran the file (the store, Flyway, Liquibase, an operator).
 */
final class Migrations {
    private final DataSource dataSource;
    private final Dialect dialect;
    private final String schema;
    private final String readVersion;

    Migrations(DataSource dataSource, Dialect dialect, String schema) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.schema = schema;
        this.readVersion = new Statements(dialect).schemaVersion;
    }

    /** The version the store needs. */
    int required() {
        return dialect.migrations().size();
    }

    /** The version in the database, 0 when none was applied. */
    int current() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return current(connection);
        } catch (SQLException e) {
            throw new JdbcStoreException(dialect.product(), "read the schema version", e);
        }
    }

    /** Fails unless the database is at exactly the version the store needs. */
    void verify() {
        int current = current();
        if (current != required()) {
            throw new SchemaVersionException(dialect.product(), schema, current, required(), dialect.migrationLocation());
        }
    }

    /** Applies the files the database does not have yet; several processes may do this at once. */
    void apply() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                dialect.lockMigrations(connection);
                try {
                    applyLocked(connection);
                } finally {
                    dialect.unlockMigrations(connection);
                }
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new JdbcStoreException(dialect.product(), "apply the migrations to the " + schema, e);
        }
    }

    private void applyLocked(Connection connection) throws SQLException {
        dialect.enterSchema(connection);
        int current = current(connection);
        if (current > required()) {
            throw new SchemaVersionException(dialect.product(), schema, current, required(), dialect.migrationLocation());
        }
        for (int version = current + 1; version <= required(); version++) {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(read(dialect.migrations().get(version - 1)))) {
                    statement.execute(sql);
                }
            }
            if (!dialect.transactionalDdl()) {
                connection.commit();
            }
        }
        connection.commit();
    }

    private int current(Connection connection) throws SQLException {
        if (!dialect.hasVersionTable(connection)) {
            return 0;
        }
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(readVersion)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String read(String file) {
        String path = dialect.migrationLocation() + "/" + file;
        // the files live beside the dialect, in the store module
        try (InputStream in = dialect.getClass().getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new JdbcStoreException(dialect.product(), "migration file " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading migration file " + path, e);
        }
    }

    /**
     * The statements of a migration file: comment lines dropped, statements ended by a semicolon at the end of a line
     * (the files are written so; no semicolon ends a line inside a statement).
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(trimmed, 0, trimmed.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(trimmed).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }
}
