package dev.returnsync.store.mysql;

import dev.returnsync.store.jdbc.testing.TestDatabase;

/**
 * The MySQL store passes the storage contract on connections without {@code allowMultiQueries}, where it sends an
 * append statement by statement in one transaction.
 */
class MySqlStatementByStatementContractTest extends MySqlCaseStoreContractTest {
    @Override
    TestDatabase database() {
        return MySqlTestStores.statementByStatement("returnsync_contract_plain");
    }
}
