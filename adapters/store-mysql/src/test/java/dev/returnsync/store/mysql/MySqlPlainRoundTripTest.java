package dev.returnsync.store.mysql;

import dev.returnsync.store.jdbc.testing.TestDatabase;

/**
 * An accepted command costs MariaDB one round trip on connections without {@code allowMultiQueries} too: the append is
 * one call of the store's procedure.
 */
class MySqlPlainRoundTripTest extends MySqlRoundTripTest {
    @Override
    TestDatabase database() {
        return MySqlTestStores.plain("returnsync_trips_plain");
    }
}
