package dev.returnsync.store.jdbc.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Where a database test finds its server: the system properties {@code returnsync.<name>.url}, {@code .user},
 * {@code .password}, else the environment variables {@code RETURNSYNC_<NAME>_URL}, {@code _USER}, {@code _PASSWORD},
 * which {@code .ci/pg-start.sh} and {@code .ci/mariadb-start.sh} print.
 *
 * <p>Without a configured server the tests do not pass silently: when {@code CI=true} they fail with a message,
 * otherwise they are skipped (aborted) with a message naming the command that starts the server.
 */
public final class TestDatabase {
    private final String product;
    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(String product, String url, String user, String password) {
        this.product = product;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** {@return the PostgreSQL server of {@code RETURNSYNC_PG_URL}} */
    public static TestDatabase postgres() {
        return configured("PostgreSQL", "pg", "bash .ci/pg-test.sh (or eval \"$(bash .ci/pg-start.sh)\" first)");
    }

    /** {@return the MariaDB (or MySQL) server of {@code RETURNSYNC_MARIADB_URL}} */
    public static TestDatabase mariadb() {
        return configured("MariaDB", "mariadb", "eval \"$(bash .ci/mariadb-start.sh)\" first, and bash"
                + " .ci/mariadb-stop.sh after");
    }

    private static TestDatabase configured(String product, String name, String howToRun) {
        String url = setting("returnsync." + name + ".url", "RETURNSYNC_" + name.toUpperCase() + "_URL");
        if (url == null) {
            String message = "no " + product + " configured (RETURNSYNC_" + name.toUpperCase() + "_URL / -Dreturnsync."
                    + name + ".url); run the " + product + " tests with: " + howToRun;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the " + product + " tests to run, but " + message);
            }
            Assumptions.abort(message);
        }
        return new TestDatabase(product, url,
                setting("returnsync." + name + ".user", "RETURNSYNC_" + name.toUpperCase() + "_USER"),
                setting("returnsync." + name + ".password", "RETURNSYNC_" + name.toUpperCase() + "_PASSWORD"));
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** {@return the JDBC URL} */
    public String url() {
        return url;
    }

    /** {@return the user} */
    public String user() {
        return user;
    }

    /** {@return the password} */
    public String password() {
        return password;
    }

    /**
     * The same server with another database (MySQL, MariaDB: a database is a namespace; the test user may create the
     * ones named {@code returnsync...}), created empty when missing, utf8mb4 with the binary collation. The URL keeps
     * its options.
     *
     * @param name the database's name, starting with {@code returnsync}
     * @return the database on the same server, with the same user
     */
    public TestDatabase database(String name) {
        try (HikariDataSource server = pool(1)) {
            execute(server, "CREATE DATABASE IF NOT EXISTS " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        return new TestDatabase(product, url.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1"), user, password);
    }

    /**
     * The same database with one more driver option in the URL.
     *
     * @param option the option, e.g. {@code allowMultiQueries=true}
     * @return the database, connected with the option
     */
    public TestDatabase withOption(String option) {
        return new TestDatabase(product, url + (url.contains("?") ? "&" : "?") + option, user, password);
    }

    /**
     * A HikariCP pool of at most {@code size} connections; the caller closes it.
     *
     * @param size the most connections, 1 or more
     * @return the pool
     */
    public HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(0);
        config.setPoolName("returnsync-test-" + product);
        return new HikariDataSource(config);
    }

    /**
     * Deletes every row of these tables.
     *
     * @param dataSource where the tables are
     * @param tables the tables' names, as statements write them
     */
    public static void empty(DataSource dataSource, List<String> tables) {
        for (String table : tables) {
            execute(dataSource, "DELETE FROM " + table);
        }
    }

    /**
     * Runs one statement, auto-committed.
     *
     * @param dataSource where to run it
     * @param sql the statement
     */
    public static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run: " + sql, e);
        }
    }
}
