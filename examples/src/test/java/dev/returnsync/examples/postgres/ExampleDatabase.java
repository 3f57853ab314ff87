package dev.returnsync.examples.postgres;

import org.postgresql.ds.PGSimpleDataSource;
import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Where the examples' PostgreSQL tests (the demo on PostgreSQL, the crash test) find their server: system properties {@code returnsync.pg.url}, {@code returnsync.pg.user},
 * {@code returnsync.pg.password}, else {@code RETURNSYNC_PG_URL}, {@code RETURNSYNC_PG_USER},
 * {@code RETURNSYNC_PG_PASSWORD} (printed by {@code .ci/pg-start.sh}). Without one the test fails when
 * {@code CI=true} and is skipped with a message otherwise, like the other PostgreSQL tests.
 */
public final class ExampleDatabase {
    private final String url;
    private final String user;
    private final String password;

    private ExampleDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The configured server; fails the test in CI and skips it elsewhere when none is configured. */
    public static ExampleDatabase configured() {
        String url = setting("returnsync.pg.url", "RETURNSYNC_PG_URL");
        if (url == null) {
            String message = "no PostgreSQL configured (RETURNSYNC_PG_URL / -Dreturnsync.pg.url); run it "
                    + "with: bash .ci/pg-test.sh (or eval \"$(bash .ci/pg-start.sh)\" first, and bash .ci/pg-stop.sh after)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the PostgreSQL tests to run, but " + message);
            }
            Assumptions.abort(message);
        }
        return new ExampleDatabase(url, setting("returnsync.pg.user", "RETURNSYNC_PG_USER"),
                setting("returnsync.pg.password", "RETURNSYNC_PG_PASSWORD"));
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** A data source over the configured server. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** Hands the settings to a child process through its environment (not its command line). */
    public void export(Map<String, String> environment) {
        environment.put("RETURNSYNC_PG_URL", url);
        if (user != null) {
            environment.put("RETURNSYNC_PG_USER", user);
        }
        if (password != null) {
            environment.put("RETURNSYNC_PG_PASSWORD", password);
        }
    }

    /** Drops a schema and everything in it, if it exists. */
    public static void dropSchema(DataSource dataSource, String schema) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schema " + schema, e);
        }
    }
}
