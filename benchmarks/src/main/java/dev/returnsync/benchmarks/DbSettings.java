package dev.returnsync.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Where the database benchmarks find their servers: system properties {@code returnsync.pg.url}, {@code .user},
 * {@code .password} (and {@code returnsync.mariadb.*}), else the environment variables {@code RETURNSYNC_PG_URL},
 * {@code _USER}, {@code _PASSWORD} (and {@code RETURNSYNC_MARIADB_*}) that {@code .ci/pg-start.sh} and
 * {@code .ci/mariadb-start.sh} print (the same as the stores' tests).
 *
 * @param product the product, for messages
 * @param url the JDBC URL
 * @param user the user, or null
 * @param password the password, or null
 */
record DbSettings(String product, String url, String user, String password) {
    /** What to do when no PostgreSQL server is configured. */
    static final String PG_HOW_TO_RUN = "no PostgreSQL configured (RETURNSYNC_PG_URL / -Dreturnsync.pg.url), so the"
            + " PostgreSQL benchmarks are skipped; run them with: eval \"$(bash .ci/pg-start.sh)\" first, and"
            + " bash .ci/pg-stop.sh \"$RETURNSYNC_PG_HOME\" after";
    /** What to do when no MariaDB server is configured. */
    static final String MARIADB_HOW_TO_RUN = "no MariaDB configured (RETURNSYNC_MARIADB_URL / -Dreturnsync.mariadb.url),"
            + " so the MariaDB benchmarks are skipped; run them with: eval \"$(bash .ci/mariadb-start.sh)\" first, and"
            + " bash .ci/mariadb-stop.sh \"$RETURNSYNC_MARIADB_HOME\" after";

    /** The configured PostgreSQL server, if any. */
    static Optional<DbSettings> postgres() {
        return configured("PostgreSQL", "pg");
    }

    /** The configured MariaDB (or MySQL) server, if any. */
    static Optional<DbSettings> mariadb() {
        return configured("MariaDB", "mariadb");
    }

    private static Optional<DbSettings> configured(String product, String name) {
        String prefix = "RETURNSYNC_" + name.toUpperCase() + "_";
        String url = setting("returnsync." + name + ".url", prefix + "URL");
        if (url == null) {
            return Optional.empty();
        }
        return Optional.of(new DbSettings(product, url, setting("returnsync." + name + ".user", prefix + "USER"),
                setting("returnsync." + name + ".password", prefix + "PASSWORD")));
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The same server with another database (MySQL, MariaDB: the stores use the connection's database), created
     * when missing, utf8mb4 with the binary collation.
     */
    DbSettings inDatabase(String name) throws SQLException {
        try (HikariDataSource server = pool(1)) {
            execute(server, "CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        return new DbSettings(product, url.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name), user, password);
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
        return "DbSettings[" + product + " " + url + ", user " + user + "]";
    }
}
