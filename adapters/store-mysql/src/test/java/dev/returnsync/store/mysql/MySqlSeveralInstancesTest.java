package dev.returnsync.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.jdbc.testing.SeveralInstancesContract;
import dev.returnsync.store.jdbc.testing.TestDatabase;

import java.util.ArrayList;
import java.util.List;

/** Three engines over one MariaDB database lose nothing and duplicate nothing. */
class MySqlSeveralInstancesTest extends SeveralInstancesContract {
    private final TestDatabase database = MySqlTestStores.database("returnsync_instances");
    private final List<HikariDataSource> pools = new ArrayList<>();

    @Override
    protected void emptyDatabase() {
        try (HikariDataSource admin = database.pool(1)) {
            MySqlTestStores.drop(admin);
        }
    }

    @Override
    protected CaseStore openStore(int index) {
        HikariDataSource pool = database.pool(8);
        pools.add(pool);
        return MySqlCaseStore.builder(pool).build();
    }

    @Override
    protected void closeStores() {
        pools.forEach(HikariDataSource::close);
    }
}
