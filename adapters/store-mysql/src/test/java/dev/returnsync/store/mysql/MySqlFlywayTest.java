package dev.returnsync.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.codec.EventCodec;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.VersionConflictException;
import dev.returnsync.store.jdbc.SchemaSetup;
import dev.returnsync.store.jdbc.testing.JdbcStoreSmoke;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The shipped migration files run from Flyway, and a store that only verifies the schema then works on it; a database
 * Flyway brought to an earlier version is upgraded by the store.
 */
@Timeout(120)
class MySqlFlywayTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = MySqlTestStores.database("returnsync_flyway").pool(4);
    }

    @BeforeEach
    void noTables() {
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

    /** A database restored without routines gets its append procedure back when Flyway runs version 4 again. */
    @Test
    void flyway_recreates_the_append_procedure_once_version_4_is_deleted() {
        Flyway flyway = Flyway.configure().dataSource(dataSource)
                .locations("classpath:" + MySqlCaseStore.migrationLocation()).load();
        flyway.migrate();
        TestDatabase.execute(dataSource, "DROP PROCEDURE returnsync_append");

        TestDatabase.execute(dataSource, "DELETE FROM returnsync_schema_version WHERE version = 4");
        TestDatabase.execute(dataSource, "DELETE FROM flyway_schema_history WHERE version = '4'");
        assertEquals(1, flyway.migrate().migrationsExecuted);

        MySqlCaseStore store = MySqlCaseStore.builder(dataSource).schemaSetup(SchemaSetup.VERIFY).build();
        JdbcStoreSmoke.run(store, TenantId.of("t-restored"), CaseId.of("case-restored"));
    }

    /**
     * Version 4 adds the procedure an append calls, and changes no table: a case stored at version 3 is read and
     * appended to after the upgrade, with its version check.
     */
    @Test
    void a_case_of_version_3_is_appended_to_after_the_upgrade() {
        Flyway.configure().dataSource(dataSource).locations("classpath:" + MySqlCaseStore.migrationLocation())
                .target("3").load().migrate();
        TestDatabase.execute(dataSource, "DROP TABLE flyway_schema_history");
        TenantId tenant = TenantId.of("t");
        CaseId caseId = CaseId.of("case-1");
        ReturnEvent first = event(T0);
        TestDatabase.execute(dataSource, "INSERT INTO returnsync_events VALUES ('t', 'case-1', 1, '" + first.type()
                + "', '2026-03-01 08:00:00', '" + EventCodec.encode(first) + "')");

        MySqlCaseStore migrated = MySqlCaseStore.builder(dataSource).build();

        assertEquals(4, migrated.schemaVersion());
        assertEquals(List.of(first), migrated.load(tenant, caseId).orElseThrow().events());
        ReturnEvent second = event(T0.plusSeconds(1));
        assertThrows(VersionConflictException.class, () -> migrated.append(batch(tenant, caseId, 2, second)));
        migrated.append(batch(tenant, caseId, 1, second));
        assertEquals(List.of(first, second), migrated.load(tenant, caseId).orElseThrow().events());
        JdbcStoreSmoke.run(migrated, tenant, CaseId.of("case-2"));
    }

    private static ReturnEvent event(Instant at) {
        return new ReturnEvent.NegotiationOpened(at, Actor.customer(TenantId.of("t"), CustomerId.of("c")),
                SupplierId.of("s-1"));
    }

    private static AppendBatch batch(TenantId tenant, CaseId caseId, long expected, ReturnEvent event) {
        return new AppendBatch(tenant, caseId, expected, List.of(event), List.of(), null, List.of(), null);
    }
}
