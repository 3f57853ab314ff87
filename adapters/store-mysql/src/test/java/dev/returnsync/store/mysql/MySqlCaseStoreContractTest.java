package dev.returnsync.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import dev.returnsync.testkit.contract.CaseStoreContract;
import org.junit.jupiter.api.AfterAll;

/** The MySQL store passes the storage contract on a real MariaDB server, an append in one round trip. */
class MySqlCaseStoreContractTest extends CaseStoreContract {
    private static HikariDataSource dataSource;
    private static MySqlCaseStore store;

    /** {@return the database the store runs on} */
    TestDatabase database() {
        return MySqlTestStores.database("returnsync_contract");
    }

    @Override
    protected CaseStore createStore() {
        if (store == null) {
            dataSource = database().pool(8);
            store = MySqlCaseStore.builder(dataSource).build();
        }
        MySqlTestStores.empty(dataSource);
        return store;
    }

    @AfterAll
    static void closePool() {
        if (dataSource != null) {
            dataSource.close();
        }
        dataSource = null;   // a subclass's tests build their own store, on their own database
        store = null;
    }
}
