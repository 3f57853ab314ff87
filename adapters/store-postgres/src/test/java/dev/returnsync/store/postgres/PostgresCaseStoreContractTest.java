package dev.returnsync.store.postgres;

import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.testkit.contract.CaseStoreContract;

import javax.sql.DataSource;

/** The PostgreSQL store passes the storage contract on a real server (see {@link PostgresTestDatabase}). */
class PostgresCaseStoreContractTest extends CaseStoreContract {
    private static final String SCHEMA = "contract_test";
    private static DataSource dataSource;
    private static PostgresCaseStore store;

    @Override
    protected CaseStore createStore() {
        if (store == null) {
            dataSource = PostgresTestDatabase.dataSource();
            store = PostgresCaseStore.builder(dataSource).schema(SCHEMA).build();
        }
        PostgresTestDatabase.truncate(dataSource, SCHEMA);
        return store;
    }
}
