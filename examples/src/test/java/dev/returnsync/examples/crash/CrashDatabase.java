package dev.returnsync.examples.crash;

import dev.returnsync.examples.postgres.PostgresCaseStore;
import org.junit.jupiter.api.Assumptions;

import javax.sql.DataSource;
import java.util.Map;

/**
 * Where the crash test finds PostgreSQL: system properties {@code returnsync.pg.url}, {@code returnsync.pg.user},
 * {@code returnsync.pg.password}, else {@code RETURNSYNC_PG_URL}, {@code RETURNSYNC_PG_USER},
 * {@code RETURNSYNC_PG_PASSWORD} (printed by {@code .ci/pg-start.sh}). Without one the test fails when
 * {@code CI=true} and is skipped with a message otherwise, like the other PostgreSQL tests.
 */
final class CrashDatabase {
    private final String url;
    private final String user;
    private final String password;

    private CrashDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    static CrashDatabase configured() {
        String url = setting("returnsync.pg.url", "RETURNSYNC_PG_URL");
        if (url == null) {
            String message = "no PostgreSQL configured (RETURNSYNC_PG_URL / -Dreturnsync.pg.url); run the crash test "
                    + "with: bash .ci/pg-test.sh (or eval \"$(bash .ci/pg-start.sh)\" first, and bash .ci/pg-stop.sh after)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the PostgreSQL tests to run, but " + message);
            }
            Assumptions.abort(message);
        }
        return new CrashDatabase(url, setting("returnsync.pg.user", "RETURNSYNC_PG_USER"),
                setting("returnsync.pg.password", "RETURNSYNC_PG_PASSWORD"));
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    DataSource dataSource() {
        return PostgresCaseStore.dataSource(url, user, password);
    }

    /** Hands the settings to a child process through its environment (not its command line). */
    void export(Map<String, String> environment) {
        environment.put("RETURNSYNC_PG_URL", url);
        if (user != null) {
            environment.put("RETURNSYNC_PG_USER", user);
        }
        if (password != null) {
            environment.put("RETURNSYNC_PG_PASSWORD", password);
        }
    }
}
