package dev.returnsync.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.jdbc.testing.RoundTripContract;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;

import javax.sql.DataSource;

/** An accepted command costs PostgreSQL one round trip. */
class PostgresRoundTripTest extends RoundTripContract {
    private static final String SCHEMA = "returnsync_trips";
    private static HikariDataSource pool;

    @Override
    protected DataSource dataSource() {
        if (pool == null) {
            pool = TestDatabase.postgres().pool(4);
        }
        return pool;
    }

    @Override
    protected CaseStore emptyStore(DataSource dataSource) {
        TestDatabase.execute(pool, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        return PostgresCaseStore.builder(dataSource).schema(SCHEMA).build();
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
        }
    }
}
