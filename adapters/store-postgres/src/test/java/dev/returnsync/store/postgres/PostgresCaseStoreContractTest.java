package dev.returnsync.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import dev.returnsync.testkit.contract.CaseStoreContract;
import org.junit.jupiter.api.AfterAll;

/** The PostgreSQL store passes the storage contract on a real server (see {@link TestDatabase#postgres()}). */
class PostgresCaseStoreContractTest extends CaseStoreContract {
    private static final String SCHEMA = "contract_test";
    private static HikariDataSource dataSource;
    private static PostgresCaseStore store;

    @Override
    protected CaseStore createStore() {
        if (store == null) {
            dataSource = TestDatabase.postgres().pool(8);
            store = PostgresCaseStore.builder(dataSource).schema(SCHEMA).build();
        }
        PostgresTestStores.empty(dataSource, SCHEMA);
        return store;
    }

    @AfterAll
    static void closePool() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
