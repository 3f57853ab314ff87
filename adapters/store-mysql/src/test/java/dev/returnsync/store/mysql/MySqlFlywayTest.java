package dev.returnsync.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.store.jdbc.SchemaSetup;
import dev.returnsync.store.jdbc.testing.JdbcStoreSmoke;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shipped migration files run from Flyway, and a store that only verifies the schema then works on it. */
@Timeout(120)
class MySqlFlywayTest {
    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = MySqlTestStores.database("returnsync_flyway").pool(4);
        MySqlTestStores.drop(dataSource);
        TestDatabase.execute(dataSource, "DROP TABLE IF EXISTS flyway_schema_history");
    }

    @AfterAll
    static void closePool() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void flyway_applies_the_shipped_files_and_the_verifying_store_works_on_them() {
        Flyway flyway = Flyway.configure().dataSource(dataSource)
                .locations("classpath:" + MySqlCaseStore.migrationLocation()).load();
        assertEquals(4, flyway.migrate().migrationsExecuted);

        MySqlCaseStore store = MySqlCaseStore.builder(dataSource).schemaSetup(SchemaSetup.VERIFY).build();

        assertEquals(store.requiredSchemaVersion(), store.schemaVersion());
        JdbcStoreSmoke.run(store, TenantId.of("t-flyway"), CaseId.of("case-flyway"));
        assertEquals(0, flyway.migrate().migrationsExecuted, "nothing left to apply");
    }
}
