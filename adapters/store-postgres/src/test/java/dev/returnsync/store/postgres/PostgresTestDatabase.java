package dev.returnsync.store.postgres;

import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where the PostgreSQL tests find their server: system properties {@code returnsync.pg.url},
 * {@code returnsync.pg.user}, {@code returnsync.pg.password}, else the environment variables
 * {@code RETURNSYNC_PG_URL}, {@code RETURNSYNC_PG_USER}, {@code RETURNSYNC_PG_PASSWORD}, which
 * {@code .ci/pg-start.sh} prints.
 *
 * <p>Without a configured server the tests do not pass silently: when {@code CI=true} they fail with a message,
 * otherwise they are skipped (aborted) with a message naming the command that runs them.
 */
final class PostgresTestDatabase {
    static final String HOW_TO_RUN = "run the PostgreSQL tests with: bash .ci/pg-test.sh "
            + "(or eval \"$(bash .ci/pg-start.sh)\" first, and bash .ci/pg-stop.sh after)";

    private PostgresTestDatabase() {
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** The configured data source; fails the test in CI and skips it elsewhere when none is configured. */
    static DataSource dataSource() {
        String url = setting("returnsync.pg.url", "RETURNSYNC_PG_URL");
        if (url == null) {
            String message = "no PostgreSQL configured (RETURNSYNC_PG_URL / -Dreturnsync.pg.url); " + HOW_TO_RUN;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the PostgreSQL tests to run, but " + message);
            }
            Assumptions.abort(message);
        }
        return PostgresCaseStore.dataSource(url, setting("returnsync.pg.user", "RETURNSYNC_PG_USER"),
                setting("returnsync.pg.password", "RETURNSYNC_PG_PASSWORD"));
    }

    /** Empties every table of the store's schema (not the schema_version table). */
    static void truncate(DataSource dataSource, String schema) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE " + schema + ".events, " + schema + ".number_links, " + schema + ".idempotency, "
                    + schema + ".due_cases, " + schema + ".outbox");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty schema " + schema, e);
        }
    }

    /** Drops a schema and everything in it, if it exists. */
    static void dropSchema(DataSource dataSource, String schema) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schema " + schema, e);
        }
    }
}
