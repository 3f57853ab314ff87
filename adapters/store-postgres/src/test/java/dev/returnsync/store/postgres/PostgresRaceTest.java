package dev.returnsync.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.jdbc.testing.AppendRaceContract;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/** The losing side of the version and number races on PostgreSQL. */
class PostgresRaceTest extends AppendRaceContract {
    private static final String SCHEMA = "race_test";
    private static HikariDataSource dataSource;
    private static PostgresCaseStore store;

    @Override
    protected DataSource dataSource() {
        if (dataSource == null) {
            dataSource = TestDatabase.postgres().pool(4);
        }
        return dataSource;
    }

    @Override
    protected CaseStore emptyStore() {
        if (store == null) {
            store = PostgresCaseStore.builder(dataSource()).schema(SCHEMA).build();
        }
        PostgresTestStores.empty(dataSource(), SCHEMA);
        return store;
    }

    @Override
    protected String table(String name) {
        return SCHEMA + "." + name;
    }

    @Override
    protected String jsonParameter() {
        return "?::json";
    }

    @Override
    protected Object time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Waits until some session of the test database waits for a lock. */
    @Override
    protected void awaitBlocked() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
                         + " WHERE wait_event_type = 'Lock' AND datname = current_database()")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no session started waiting for a lock within 30 s");
    }

    @AfterAll
    static void closePool() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
