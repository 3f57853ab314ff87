package dev.returnsync.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.jdbc.testing.SeveralInstancesContract;
import dev.returnsync.store.jdbc.testing.TestDatabase;

import java.util.ArrayList;
import java.util.List;

/** Three engines over one PostgreSQL schema lose nothing and duplicate nothing. */
class PostgresSeveralInstancesTest extends SeveralInstancesContract {
    private static final String SCHEMA = "several_instances";
    private final TestDatabase database = TestDatabase.postgres();
    private final List<HikariDataSource> pools = new ArrayList<>();

    @Override
    protected void emptyDatabase() {
        try (HikariDataSource admin = database.pool(1)) {
            PostgresTestStores.dropSchema(admin, SCHEMA);
        }
    }

    @Override
    protected CaseStore openStore(int index) {
        HikariDataSource pool = database.pool(8);
        pools.add(pool);
        return PostgresCaseStore.builder(pool).schema(SCHEMA).build();
    }

    @Override
    protected void closeStores() {
        pools.forEach(HikariDataSource::close);
    }
}
