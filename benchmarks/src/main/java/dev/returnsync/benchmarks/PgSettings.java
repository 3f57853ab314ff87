package dev.returnsync.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Where the PostgreSQL benchmarks find their server: system properties {@code returnsync.pg.url},
 * {@code returnsync.pg.user}, {@code returnsync.pg.password}, else the environment variables
 * {@code RETURNSYNC_PG_URL}, {@code RETURNSYNC_PG_USER}, {@code RETURNSYNC_PG_PASSWORD} that
 * {@code .ci/pg-start.sh} prints (the same as the PostgreSQL tests of {@code examples}).
 *
 * @param url the JDBC URL
 * @param user the user, or null
 * @param password the password, or null
 */
record PgSettings(String url, String user, String password) {
    /** What to do when no server is configured. */
    static final String HOW_TO_RUN = "no PostgreSQL configured (RETURNSYNC_PG_URL / -Dreturnsync.pg.url), so the"
            + " PostgreSQL benchmarks are skipped; run them with: eval \"$(bash .ci/pg-start.sh)\" first, and"
            + " bash .ci/pg-stop.sh \"$RETURNSYNC_PG_HOME\" after";

    /** The configured server, if any. */
    static Optional<PgSettings> configured() {
        String url = setting("returnsync.pg.url", "RETURNSYNC_PG_URL");
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(new PgSettings(url, setting("returnsync.pg.user", "RETURNSYNC_PG_USER"),
                setting("returnsync.pg.password", "RETURNSYNC_PG_PASSWORD")));
    }

    /**
     * The configured server.
     *
     * @throws IllegalStateException with {@link #HOW_TO_RUN} when none is configured
     */
    static PgSettings require() {
        return configured().orElseThrow(() -> new IllegalStateException(HOW_TO_RUN));
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * A HikariCP pool of {@code size} connections to this server, all opened at once and kept open, so that neither
     * the store nor the raw-JDBC baseline pays for a new connection per operation and both get the driver's
     * per-connection statement cache.
     */
    HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName("returnsync-benchmark");
        return new HikariDataSource(config);
    }

    /** Runs one statement on a connection of the pool, auto-committed. */
    static void execute(DataSource pool, String sql) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public String toString() {
        return "PgSettings[" + url + ", user " + user + "]";
    }
}
