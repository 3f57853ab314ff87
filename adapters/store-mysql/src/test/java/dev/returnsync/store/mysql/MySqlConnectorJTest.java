package dev.returnsync.store.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.store.jdbc.testing.JdbcStoreSmoke;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store works through MySQL's own driver (Connector/J, {@code jdbc:mysql:}) as through MariaDB's. */
@Timeout(60)
class MySqlConnectorJTest {
    @Test
    void the_store_works_through_connector_j() {
        TestDatabase database = MySqlTestStores.database("returnsync_connectorj");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url().replaceFirst("^jdbc:mariadb:", "jdbc:mysql:"));
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            assertTrue(config.getJdbcUrl().startsWith("jdbc:mysql:"), config.getJdbcUrl());
            MySqlTestStores.drop(pool);
            JdbcStoreSmoke.run(MySqlCaseStore.builder(pool).build(), TenantId.of("t"), CaseId.of("case-cj"));
        }
    }
}
