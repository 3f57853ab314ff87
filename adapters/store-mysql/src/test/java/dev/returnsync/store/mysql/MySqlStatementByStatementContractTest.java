package dev.returnsync.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.testkit.contract.CaseStoreContract;
import org.junit.jupiter.api.AfterAll;

/**
 * The MySQL store passes the storage contract on connections without {@code allowMultiQueries}, where it sends an
 * append statement by statement in one transaction.
 */
class MySqlStatementByStatementContractTest extends CaseStoreContract {
    private static HikariDataSource dataSource;
    private static MySqlCaseStore store;

    @Override
    protected CaseStore createStore() {
        if (store == null) {
            dataSource = MySqlTestStores.statementByStatement("returnsync_contract_plain").pool(8);
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
    }
}
