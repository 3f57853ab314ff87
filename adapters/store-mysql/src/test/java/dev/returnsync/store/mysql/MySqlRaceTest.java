package dev.returnsync.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.jdbc.testing.AppendRaceContract;
import org.junit.jupiter.api.AfterAll;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The losing side of the version and number races on InnoDB. */
class MySqlRaceTest extends AppendRaceContract {
    private static HikariDataSource dataSource;
    private static MySqlCaseStore store;

    @Override
    protected DataSource dataSource() {
        if (dataSource == null) {
            dataSource = MySqlTestStores.database("returnsync_race").pool(4);
        }
        return dataSource;
    }

    @Override
    protected CaseStore emptyStore() {
        if (store == null) {
            store = MySqlCaseStore.builder(dataSource()).build();
        }
        MySqlTestStores.empty(dataSource());
        return store;
    }

    @Override
    protected String table(String name) {
        return MySqlDialect.PREFIX + name;
    }

    @Override
    protected String jsonParameter() {
        return "?";
    }

    @Override
    protected Object time(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    @AfterAll
    static void closePool() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
