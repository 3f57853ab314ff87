package dev.returnsync.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.jdbc.testing.RoundTripContract;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;

import javax.sql.DataSource;

/** An accepted command costs MariaDB one round trip, with the connections' {@code allowMultiQueries=true}. */
class MySqlRoundTripTest extends RoundTripContract {
    private static HikariDataSource pool;

    /** {@return the database the store runs on} */
    TestDatabase database() {
        return MySqlTestStores.database("returnsync_trips");
    }

    @Override
    protected DataSource dataSource() {
        if (pool == null) {
            pool = database().pool(4);
        }
        return pool;
    }

    @Override
    protected CaseStore emptyStore(DataSource dataSource) {
        MySqlTestStores.drop(pool);
        return MySqlCaseStore.builder(dataSource).build();
    }

    @AfterAll
    static void closePool() {
        if (pool != null) {
            pool.close();
        }
        pool = null;   // a subclass's tests run on their own database
    }
}
