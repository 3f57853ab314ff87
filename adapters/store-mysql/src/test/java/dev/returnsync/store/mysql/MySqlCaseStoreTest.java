package dev.returnsync.store.mysql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.TenantId;
import dev.returnsync.store.jdbc.JdbcStoreException;
import dev.returnsync.store.jdbc.SchemaSetup;
import dev.returnsync.store.jdbc.SchemaVersionException;
import dev.returnsync.store.jdbc.ServerSetupException;
import dev.returnsync.store.jdbc.testing.JdbcStoreSmoke;
import dev.returnsync.store.jdbc.testing.LegacyOutboxIds;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the MySQL store does beyond the contract: its migrations, and the server checks it makes at start. */
@Timeout(120)
class MySqlCaseStoreTest {
    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = MySqlTestStores.database("returnsync_store").pool(6);
    }

    @AfterAll
    static void closePool() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @BeforeEach
    void noTables() {
        MySqlTestStores.drop(dataSource);
    }

    @Test
    void processes_starting_at_once_apply_the_schema_exactly_once() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MySqlCaseStore>> builds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                builds.add(pool.submit(() -> MySqlCaseStore.builder(dataSource).build()));
            }
            for (Future<MySqlCaseStore> build : builds) {
                assertEquals(MySqlDialect.MIGRATIONS.size(), build.get(60, TimeUnit.SECONDS).schemaVersion());
            }
        } finally {
            pool.shutdownNow();
        }
        JdbcStoreSmoke.run(MySqlCaseStore.builder(dataSource).build(), TenantId.of("t"), CaseId.of("case-1"));
    }

    @Test
    void with_verify_an_empty_database_is_refused_and_left_alone() {
        SchemaVersionException e = assertThrows(SchemaVersionException.class,
                () -> MySqlCaseStore.builder(dataSource).schemaSetup(SchemaSetup.VERIFY).build());
        assertEquals(0, e.found());
        assertEquals(MySqlDialect.MIGRATIONS.size(), e.required());
        assertTrue(e.getMessage().contains("classpath:db/returnsync/mysql"), e.getMessage());
        assertThrows(SchemaVersionException.class,
                () -> MySqlCaseStore.builder(dataSource).schemaSetup(SchemaSetup.VERIFY).build(), "still empty");
    }

    @Test
    void a_schema_newer_than_the_code_is_refused() {
        MySqlCaseStore.builder(dataSource).build();
        TestDatabase.execute(dataSource, "INSERT INTO returnsync_schema_version (version, script) VALUES (99, 'V99')");
        SchemaVersionException e = assertThrows(SchemaVersionException.class,
                () -> MySqlCaseStore.builder(dataSource).build());
        assertEquals(99, e.found());
    }

    @Test
    void a_column_without_the_binary_collation_is_refused_at_start() {
        MySqlCaseStore.builder(dataSource).build();
        TestDatabase.execute(dataSource, "ALTER TABLE returnsync_number_links MODIFY value VARCHAR(64)"
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL");
        ServerSetupException e = assertThrows(ServerSetupException.class,
                () -> MySqlCaseStore.builder(dataSource).build());
        assertTrue(e.getMessage().contains("returnsync_number_links.value"), e.getMessage());
        assertTrue(e.getMessage().contains("utf8mb4_bin"), e.getMessage());
    }

    @Test
    void a_lenient_sql_mode_is_refused_at_start() {
        MySqlCaseStore.builder(dataSource).build();
        TestDatabase lenient = TestDatabase.mariadb().database("returnsync_store");
        try (HikariDataSource pool = lenientPool(lenient)) {
            ServerSetupException e = assertThrows(ServerSetupException.class, () -> MySqlCaseStore.builder(pool).build());
            assertTrue(e.getMessage().contains("STRICT_TRANS_TABLES"), e.getMessage());
        }
    }

    /** The procedure keeps the sql_mode it was created under: the migration creates it strict in any session. */
    @Test
    void the_append_procedure_is_strict_when_migrated_in_a_lenient_session() throws Exception {
        TestDatabase.execute(dataSource, "DROP TABLE IF EXISTS flyway_schema_history");
        try (HikariDataSource pool = lenientPool(TestDatabase.mariadb().database("returnsync_store"))) {
            Flyway.configure().dataSource(pool).locations("classpath:" + MySqlCaseStore.migrationLocation()).load()
                    .migrate();
        }
        TestDatabase.execute(dataSource, "DROP TABLE flyway_schema_history");
        assertTrue(appendProcedureSqlMode().contains("STRICT_ALL_TABLES"), appendProcedureSqlMode());
        MySqlCaseStore.builder(dataSource).schemaSetup(SchemaSetup.VERIFY).build();
    }

    @Test
    void a_lenient_append_procedure_is_refused_at_start() {
        MySqlCaseStore.builder(dataSource).build();
        try (HikariDataSource pool = lenientPool(TestDatabase.mariadb().database("returnsync_store"))) {
            TestDatabase.execute(pool, "DROP PROCEDURE returnsync_append");
            TestDatabase.execute(pool, MySqlTestStores.appendProcedure());
        }
        ServerSetupException e = assertThrows(ServerSetupException.class,
                () -> MySqlCaseStore.builder(dataSource).build());
        assertTrue(e.getMessage().contains("returnsync_append"), e.getMessage());
    }

    /**
     * A dump without routines (mariadb-dump and mysqldump leave them out unless given --routines) restores the tables
     * but not the append procedure: the store refuses to start, naming the file that creates it, and runs that file
     * again once its version is taken out of the version table.
     */
    @Test
    void a_database_restored_without_the_append_procedure_is_refused_until_its_file_runs_again() {
        MySqlCaseStore.builder(dataSource).build();
        TestDatabase.execute(dataSource, "DROP PROCEDURE returnsync_append");

        ServerSetupException e = assertThrows(ServerSetupException.class,
                () -> MySqlCaseStore.builder(dataSource).build());
        assertTrue(e.getMessage().contains("returnsync_append"), e.getMessage());
        assertTrue(e.getMessage().contains("V4__append_procedure.sql"), e.getMessage());

        TestDatabase.execute(dataSource, "DELETE FROM returnsync_schema_version WHERE version = 4");
        MySqlCaseStore repaired = MySqlCaseStore.builder(dataSource).build();
        assertEquals(MySqlDialect.MIGRATIONS.size(), repaired.schemaVersion());
        JdbcStoreSmoke.run(repaired, TenantId.of("t"), CaseId.of("case-1"));
    }

    /**
     * The migration file creates the procedure under a strict sql_mode of its own: when that fails (here the statement
     * is refused, as for a user without CREATE ROUTINE), the host's pooled connection gets back the mode it had.
     */
    @Test
    void a_failed_migration_leaves_the_sessions_sql_mode_as_it_was() throws Exception {
        try (HikariDataSource pool = MySqlTestStores.database("returnsync_store").pool(1)) {
            String before = sessionSqlMode(pool);
            assertFalse(before.contains("STRICT_ALL_TABLES"), before);

            assertThrows(JdbcStoreException.class,
                    () -> MySqlCaseStore.builder(RefusingDataSource.refusing(pool, "CREATE PROCEDURE")).build());

            assertEquals(before, sessionSqlMode(pool), "the one pooled connection's sql_mode");
        }
    }

    private static String sessionSqlMode(DataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static String appendProcedureSqlMode() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT sql_mode FROM information_schema.routines"
                     + " WHERE routine_schema = database() AND routine_name = 'returnsync_append'")) {
            assertTrue(rs.next(), "the procedure exists");
            return rs.getString(1);
        }
    }

    private static HikariDataSource lenientPool(TestDatabase database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(1);
        config.setConnectionInitSql("SET SESSION sql_mode = ''");
        return new HikariDataSource(config);
    }

    /**
     * Version 2 drops the index on the links of a case, which no statement reads, and the one on the outbox of a case,
     * whose look-ups the ordered sends' index serves; version 3 keys the outbox by its work (keeping, of two rows of
     * the same work, the one of the least id) and drops that index: the rows of version 1 stay readable and workable.
     */
    @Test
    void the_unread_indexes_migration_keeps_the_data() throws Exception {
        TestDatabase.execute(dataSource, "DROP TABLE IF EXISTS flyway_schema_history");
        Flyway.configure().dataSource(dataSource).locations("classpath:" + MySqlCaseStore.migrationLocation())
                .target("1").load().migrate();
        TestDatabase.execute(dataSource, "DROP TABLE flyway_schema_history");
        TenantId tenant = TenantId.of("t");
        ReturnNumber number = ReturnNumber.customerRequest(tenant, "C-1");
        TestDatabase.execute(dataSource, "INSERT INTO returnsync_number_links VALUES ('t', '" + number.uniquenessKey()
                + "', '" + number.kind().name() + "', '" + number.scope() + "', '" + number.value() + "', 'case-1',"
                + " NULL, false)");
        TestDatabase.execute(dataSource, "INSERT INTO returnsync_outbox VALUES ('ob-1', 't', 'case-1', 1, 'NOTIFY',"
                + " 'CUSTOMER:c', 0, '2026-03-02 08:00:00', NULL, false, NULL, NULL)");
        // the same work under another id: version 3 keeps the row of the least id
        TestDatabase.execute(dataSource, "INSERT INTO returnsync_outbox VALUES ('ob-2', 't', 'case-1', 1, 'NOTIFY',"
                + " 'CUSTOMER:c', 3, '2026-03-02 09:00:00', 'a copy', false, NULL, NULL)");

        MySqlCaseStore migrated = MySqlCaseStore.builder(dataSource).build();

        assertEquals(MySqlDialect.MIGRATIONS.size(), migrated.schemaVersion());
        assertEquals(CaseId.of("case-1"), migrated.findByNumber(tenant, number).orElseThrow().caseId());
        LegacyOutboxIds.assertWorkedByDerivedId(migrated, new OutboxEntry(tenant, CaseId.of("case-1"), 1,
                dev.returnsync.spi.store.Effect.NOTIFY, "CUSTOMER:c", 0, Instant.parse("2026-03-02T08:00:00Z"), null,
                false, null, null));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM information_schema.statistics"
                     + " WHERE table_schema = database() AND index_name IN"
                     + " ('returnsync_number_links_case', 'returnsync_outbox_case', 'returnsync_outbox_ordered_sends')")) {
            assertTrue(rs.next());
            assertEquals(0, rs.getInt(1));
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.statistics"
                     + " WHERE table_schema = database() AND table_name = 'returnsync_outbox'"
                     + " AND index_name = 'PRIMARY' ORDER BY seq_in_index")) {
            List<String> key = new ArrayList<>();
            while (rs.next()) {
                key.add(rs.getString(1));
            }
            assertEquals(List.of("tenant", "case_id", "target", "version", "effect"), key, "keyed by the work");
        }
        JdbcStoreSmoke.run(migrated, tenant, CaseId.of("case-2"));
    }

    @Test
    void numbers_and_ids_compare_by_their_exact_characters() {
        MySqlCaseStore store = MySqlCaseStore.builder(dataSource).build();
        TenantId tenant = TenantId.of("t");
        JdbcStoreSmoke.run(store, tenant, CaseId.of("case-a"));
        assertTrue(store.load(tenant, CaseId.of("case-a")).isPresent());
        assertFalse(store.load(tenant, CaseId.of("CASE-A")).isPresent(), "no case folding");
        assertFalse(store.load(TenantId.of("T"), CaseId.of("case-a")).isPresent(), "no case folding of tenants");
        JdbcStoreSmoke.run(store, tenant, CaseId.of("CASE-A"));
        assertEquals(2, List.of("case-a", "CASE-A").stream()
                .filter(id -> store.load(tenant, CaseId.of(id)).isPresent()).count());
    }
}
