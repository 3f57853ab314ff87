package dev.returnsync.spring;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.jdbc.SchemaVersionException;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import dev.returnsync.store.mysql.MySqlCaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.*;

/**
 * On a real MariaDB: with {@code returnsync.store.migrations=false} the store only checks the schema, so a database
 * without it stops the start; by default the starter detects the database, applies the schema and keeps cases there.
 *
 * <p>The server comes from {@code RETURNSYNC_MARIADB_URL}, {@code _USER}, {@code _PASSWORD}
 * ({@code .ci/mariadb-start.sh}); without one the test fails when {@code CI=true} and is skipped otherwise.
 */
@Timeout(120)
class MariaDbAutoConfigurationTest {
    private static final String DATABASE = "returnsync_spring_test";

    private final TestDatabase database = TestDatabase.mariadb().database(DATABASE);
    private final HikariDataSource dataSource = database.pool(4);

    @AfterEach
    void dropTheDatabase() {
        TestDatabase.execute(dataSource, "DROP DATABASE IF EXISTS " + DATABASE);
        dataSource.close();
    }

    @Test
    void mariaDbIsDetectedAndItsSchemaAppliedUnlessTheMigrationsAreLeftToTheHost() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReturnSyncAutoConfiguration.class))
                .withBean(DataSource.class, () -> SharedDataSource.of(dataSource))
                .withPropertyValues("returnsync.loop.enabled=false");

        runner.withPropertyValues("returnsync.store.migrations=false").run(context -> {
            Throwable failure = context.getStartupFailure();
            assertNotNull(failure, "no schema and migrations left to the host: the store refuses to start");
            Throwable cause = failure;
            while (cause != null && !(cause instanceof SchemaVersionException)) {
                cause = cause.getCause();
            }
            assertNotNull(cause, String.valueOf(failure));
        });

        runner.run(context -> {
            CaseStore store = context.getBean(CaseStore.class);
            assertInstanceOf(MySqlCaseStore.class, store, "MariaDB detected from the connection");
            CaseId caseId = CaseId.of("case-mariadb");
            context.getBean(ReturnSyncEngine.class).execute(ReturnFlow.submit(caseId, SupplierId.of("acme"),
                    "AS-MARIA-1"));
            assertTrue(store.load(ReturnFlow.TENANT, caseId).isPresent());
        });
    }
}
