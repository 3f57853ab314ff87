package dev.returnsync.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.jdbc.testing.RoundTripContract;
import org.junit.jupiter.api.AfterAll;

import javax.sql.DataSource;

/**
 * An accepted command costs MariaDB one round trip on connections without {@code allowMultiQueries} too: the append is
 * one call of the store's procedure.
 */
class MySqlPlainRoundTripTest extends RoundTripContract {
    private static HikariDataSource pool;

    @Override
    protected DataSource dataSource() {
        if (pool == null) {
            pool = MySqlTestStores.plain("returnsync_trips_plain").pool(4);
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
    }
}
