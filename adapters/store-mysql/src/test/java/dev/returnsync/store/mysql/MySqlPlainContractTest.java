package dev.returnsync.store.mysql;

import dev.returnsync.store.jdbc.testing.TestDatabase;

/**
 * The MySQL store passes the storage contract on connections without {@code allowMultiQueries}: an append is one call
 * of the store's procedure whatever the connection's options.
 */
class MySqlPlainContractTest extends MySqlCaseStoreContractTest {
    @Override
    TestDatabase database() {
        return MySqlTestStores.plain("returnsync_contract_plain");
    }
}
