package dev.returnsync.store.postgres;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.IdempotencyKeyTakenException;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import dev.returnsync.spi.store.OutboxEntry;
import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.store.jdbc.JdbcStoreException;
import dev.returnsync.store.jdbc.SchemaSetup;
import dev.returnsync.store.jdbc.SchemaVersionException;
import dev.returnsync.store.jdbc.testing.LegacyOutboxIds;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the PostgreSQL store does beyond the contract: its schema, its migrations, its errors. */
class PostgresCaseStoreTest {
    private static final String SCHEMA = "store_test";
    private static final TenantId TENANT = TenantId.of("t-1");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static HikariDataSource dataSource;
    private PostgresCaseStore store;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.postgres().pool(4);
    }

    @AfterAll
    static void closePool() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @BeforeEach
    void freshSchema() {
        PostgresTestStores.dropSchema(dataSource, SCHEMA);
        store = PostgresCaseStore.builder(dataSource).schema(SCHEMA).build();
    }

    private static ReturnEvent.ReturnRequested requested(String caseId, String customerNo) {
        CustomerId customer = CustomerId.of("c-" + caseId);
        return new ReturnEvent.ReturnRequested(T0, Actor.customer(TENANT, customer), CaseId.of(caseId), customer,
                OrderId.of("o-1"), ReturnNumber.customerRequest(TENANT, customerNo),
                ReturnNumber.resellerReturn(TENANT, "R-" + caseId),
                List.of(new ReturnLine(Sku.of("sku-1"), SupplierId.of("s-1"), 1, 1, Money.of("CNY", "9.90"))),
                Reason.of(ReasonCode.SIZE_OR_FIT, "尺码偏小"), OutcomeType.RETURN_AND_REFUND, T0.minusSeconds(3600));
    }

    private static AppendBatch open(String caseId, String customerNo) {
        ReturnEvent.ReturnRequested event = requested(caseId, customerNo);
        return new AppendBatch(TENANT, CaseId.of(caseId), 0, List.of(event),
                List.of(new NumberLink(event.customerNumber(), TENANT, event.caseId(), null, false)), null, List.of(), null);
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void the_store_applies_its_schema_once_and_records_it() throws Exception {
        assertEquals(PostgresDialect.MIGRATIONS.size(), store.schemaVersion());
        PostgresCaseStore.builder(dataSource).schema(SCHEMA).build();
        assertEquals(7, count("SELECT count(*) FROM " + SCHEMA + ".schema_version"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, script FROM " + SCHEMA + ".schema_version ORDER BY version")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertEquals("V1__case_store.sql", rs.getString(2));
            assertTrue(rs.next());
            assertEquals(2, rs.getInt(1));
            assertEquals("V2__tenant_scoped_keys.sql", rs.getString(2));
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1));
            assertEquals("V3__number_values.sql", rs.getString(2));
            assertTrue(rs.next());
            assertEquals(4, rs.getInt(1));
            assertEquals("V4__unread_index.sql", rs.getString(2));
            assertTrue(rs.next());
            assertEquals(5, rs.getInt(1));
            assertEquals("V5__outbox_case_index.sql", rs.getString(2));
            assertTrue(rs.next());
            assertEquals(6, rs.getInt(1));
            assertEquals("V6__outbox_keyed_by_work.sql", rs.getString(2));
            assertTrue(rs.next());
            assertEquals(7, rs.getInt(1));
            assertEquals("V7__idempotency_on_events.sql", rs.getString(2));
        }
    }

    /**
     * Version 6 keys the outbox by its work, which also serves the look-ups by case: an entry writes two index entries,
     * and stores no id.
     */
    @Test
    void the_outbox_is_keyed_by_its_work() throws SQLException {
        assertEquals(List.of("outbox_claimable", "outbox_pkey"), indexes("outbox"));
        assertEquals(0, count("SELECT count(*) FROM information_schema.columns WHERE table_schema = '" + SCHEMA + "'"
                + " AND table_name = 'outbox' AND column_name = 'id'"));
    }

    private static List<String> indexes(String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT indexname FROM pg_indexes WHERE schemaname = '" + SCHEMA + "'"
                     + " AND tablename = '" + table + "' ORDER BY indexname")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /**
     * Version 7 keeps an idempotency record on its first event's row: the table of records is gone, and the key check
     * is a partial unique index of the events.
     */
    @Test
    void the_idempotency_records_are_kept_on_the_events() throws SQLException {
        assertEquals(List.of("events_idempotency", "events_pkey"), indexes("events"));
        assertEquals(0, count("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + SCHEMA + "'"
                + " AND table_name = 'idempotency'"));
    }

    /**
     * A database at version 6 with idempotency records (one of a command that appended two events) is carried to
     * version 7: each record is found as it was, and its key still refuses a twin.
     */
    @Test
    void the_idempotency_migration_carries_the_records_onto_their_first_events() throws Exception {
        atVersion6();
        ReturnEvent.ReturnRequested first = requested("case-1", "C-1");
        ReturnEvent second = new ReturnEvent.NegotiationOpened(T0.plusSeconds(1), Actor.reseller(TENANT, "u"),
                SupplierId.of("s-1"));
        ReturnEvent third = new ReturnEvent.NegotiationOpened(T0.plusSeconds(2), Actor.reseller(TENANT, "u"),
                SupplierId.of("s-2"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            insertEvents(c, "case-1", List.of(first, second, third));
            s.execute("INSERT INTO " + SCHEMA + ".idempotency VALUES ('t-1', 'key-open', 'fp-open', 'case-1', 1, 1),"
                    + " ('t-1', 'key-two', 'fp-two', 'case-1', 2, 3)");
        }

        PostgresCaseStore migrated = PostgresCaseStore.builder(dataSource).schema(SCHEMA).build();

        assertEquals(PostgresDialect.MIGRATIONS.size(), migrated.schemaVersion());
        assertEquals(Optional.of(new IdempotencyRecord(TENANT, IdempotencyKey.of("key-open"), "fp-open",
                CaseId.of("case-1"), 1, 1)), migrated.findIdempotency(TENANT, IdempotencyKey.of("key-open")));
        assertEquals(Optional.of(new IdempotencyRecord(TENANT, IdempotencyKey.of("key-two"), "fp-two",
                CaseId.of("case-1"), 2, 3)), migrated.findIdempotency(TENANT, IdempotencyKey.of("key-two")));
        assertEquals(List.of(first, second, third), migrated.load(TENANT, CaseId.of("case-1")).orElseThrow().events());
        ReturnEvent.ReturnRequested twin = requested("case-2", "C-2");
        assertThrows(IdempotencyKeyTakenException.class, () -> migrated.append(new AppendBatch(TENANT,
                CaseId.of("case-2"), 0, List.of(twin), List.of(), null, List.of(), new IdempotencyRecord(TENANT,
                IdempotencyKey.of("key-two"), "fp-other", CaseId.of("case-2"), 1, 1))));
        assertTrue(migrated.load(TENANT, CaseId.of("case-2")).isEmpty());
    }

    /** A record with no event row at its first version cannot be carried: the migration stops and changes nothing. */
    @Test
    void the_idempotency_migration_refuses_a_record_it_cannot_keep() throws Exception {
        atVersion6();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            insertEvents(c, "case-1", List.of(requested("case-1", "C-1")));
            s.execute("INSERT INTO " + SCHEMA + ".idempotency VALUES ('t-1', 'key-lost', 'fp', 'case-1', 2, 2)");
        }

        JdbcStoreException e = assertThrows(JdbcStoreException.class,
                () -> PostgresCaseStore.builder(dataSource).schema(SCHEMA).build());

        assertTrue(String.valueOf(e.getCause()).contains("idempotency record has no event row"), e.toString());
        assertEquals(6, count("SELECT max(version) FROM " + SCHEMA + ".schema_version"));
        assertEquals(1, count("SELECT count(*) FROM " + SCHEMA + ".idempotency"));
    }

    /** Drops the schema and applies the files up to version 6, as an earlier release did. */
    private static void atVersion6() throws Exception {
        PostgresTestStores.dropSchema(dataSource, SCHEMA);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE SCHEMA " + SCHEMA);
            s.execute("SET LOCAL search_path TO " + SCHEMA);
            for (String file : PostgresDialect.MIGRATIONS.subList(0, 6)) {
                try (java.io.InputStream in = PostgresCaseStore.class.getClassLoader()
                        .getResourceAsStream(PostgresCaseStore.migrationLocation() + "/" + file)) {
                    s.execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            c.commit();
        }
    }

    private static void insertEvents(Connection c, String caseId, List<ReturnEvent> events) throws SQLException {
        try (PreparedStatement event = c.prepareStatement("INSERT INTO " + SCHEMA + ".events"
                + " (tenant, case_id, version, type, at, payload) VALUES ('t-1', ?, ?, ?, ?, ?::json)")) {
            long version = 0;
            for (ReturnEvent e : events) {
                event.setString(1, caseId);
                event.setLong(2, ++version);
                event.setString(3, e.type());
                event.setObject(4, java.time.OffsetDateTime.ofInstant(e.at(), java.time.ZoneOffset.UTC));
                event.setString(5, dev.returnsync.spi.codec.EventCodec.encode(e));
                event.executeUpdate();
            }
        }
    }

    /** Version 4 drops the index on the links of a case, which no statement reads: a link writes one entry fewer. */
    @Test
    void the_links_have_no_index_by_case() throws SQLException {
        assertEquals(0, count("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + SCHEMA + "'"
                + " AND indexname = 'number_links_case'"));
        assertEquals(2, count("SELECT count(*) FROM pg_indexes WHERE schemaname = '" + SCHEMA + "'"
                + " AND tablename = 'number_links'"), "the unique number and the value index");
    }

    @Test
    void processes_starting_at_once_apply_the_schema_exactly_once() throws Exception {
        PostgresTestStores.dropSchema(dataSource, SCHEMA);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PostgresCaseStore>> builds = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                builds.add(pool.submit(() -> PostgresCaseStore.builder(dataSource).schema(SCHEMA).build()));
            }
            for (Future<PostgresCaseStore> build : builds) {
                assertEquals(PostgresDialect.MIGRATIONS.size(), build.get(60, TimeUnit.SECONDS).schemaVersion());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(PostgresDialect.MIGRATIONS.size(), count("SELECT count(*) FROM " + SCHEMA + ".schema_version"));
    }

    /**
     * A database at schema version 1 (case ids global, one case possibly holding a batch of another tenant) is
     * carried to version 2: every case, link, due row and outbox entry is kept, under the tenant of the case's first
     * event, and each tenant may then use any case id and number. Then to the last version: of two outbox rows of
     * the same work (under ids of an earlier format) the one of the least id is kept, and worked by its derived id.
     */
    @Test
    void the_tenant_scoped_keys_migration_carries_existing_data() throws Exception {
        PostgresTestStores.dropSchema(dataSource, SCHEMA);
        TenantId other = TenantId.of("t-2");
        ReturnEvent.ReturnRequested first = requested("case-1", "C-1");
        ReturnEvent foreign = new ReturnEvent.NegotiationOpened(T0.plusSeconds(1), Actor.reseller(other, "u"),
                SupplierId.of("s-1"));
        ReturnNumber tracking = ReturnNumber.returnTracking("SF", "SF1001");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE SCHEMA " + SCHEMA);
            s.execute("SET LOCAL search_path TO " + SCHEMA);
            try (java.io.InputStream in = PostgresCaseStore.class.getClassLoader()
                    .getResourceAsStream(PostgresCaseStore.migrationLocation() + "/V1__case_store.sql")) {
                s.execute(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            try (PreparedStatement event = c.prepareStatement("INSERT INTO " + SCHEMA + ".events"
                    + " (case_id, version, tenant, type, at, payload) VALUES ('case-1', ?, ?, ?, ?, ?::json)")) {
                long version = 0;
                for (ReturnEvent e : List.of(first, foreign)) {
                    event.setLong(1, ++version);
                    event.setString(2, e.actor().tenant().value());
                    event.setString(3, e.type());
                    event.setObject(4, java.time.OffsetDateTime.ofInstant(e.at(), java.time.ZoneOffset.UTC));
                    event.setString(5, dev.returnsync.spi.codec.EventCodec.encode(e));
                    event.executeUpdate();
                }
            }
            s.execute("INSERT INTO " + SCHEMA + ".number_links VALUES ('" + tracking.uniquenessKey() + "',"
                    + " 'RETURN_TRACKING', 'SF', 'SF1001', 't-2', 'case-1', 's-1', false)");
            s.execute("INSERT INTO " + SCHEMA + ".due_cases VALUES ('case-1', 't-1', '2026-03-02T08:00:00Z')");
            s.execute("INSERT INTO " + SCHEMA + ".outbox VALUES ('ob-1', 't-2', 'case-1', 2, 'REQUEST_RETURN', 's-1', 0,"
                    + " '2026-03-01T08:00:00Z', NULL, false, NULL, NULL)");
            // the same work under another id: version 6 keeps the row of the least id
            s.execute("INSERT INTO " + SCHEMA + ".outbox VALUES ('ob-2', 't-1', 'case-1', 2, 'REQUEST_RETURN', 's-1', 3,"
                    + " '2026-03-01T09:00:00Z', 'a copy', false, NULL, NULL)");
            c.commit();
        }

        PostgresCaseStore migrated = PostgresCaseStore.builder(dataSource).schema(SCHEMA).build();

        assertEquals(PostgresDialect.MIGRATIONS.size(), migrated.schemaVersion());
        assertEquals(List.of(first, foreign), migrated.load(TENANT, CaseId.of("case-1")).orElseThrow().events(),
                "the case stays whole under the tenant of its first event");
        assertTrue(migrated.load(other, CaseId.of("case-1")).isEmpty());
        assertEquals(new NumberLink(tracking, TENANT, CaseId.of("case-1"), SupplierId.of("s-1"), false),
                migrated.findByNumber(TENANT, tracking).orElseThrow());
        assertEquals(List.of(new dev.returnsync.spi.store.DueCase(TENANT, CaseId.of("case-1"),
                Instant.parse("2026-03-02T08:00:00Z"))), migrated.findDue(Instant.parse("2026-03-03T00:00:00Z"), 10));
        LegacyOutboxIds.assertWorkedByDerivedId(migrated, new OutboxEntry(TENANT, CaseId.of("case-1"), 2,
                dev.returnsync.spi.store.Effect.REQUEST_RETURN, "s-1", 0, Instant.parse("2026-03-01T08:00:00Z"), null,
                false, null, null));

        // the other tenant may now use the same case id and the same tracking number
        ReturnEvent.ReturnRequested theirs = new ReturnEvent.ReturnRequested(T0, Actor.customer(other, CustomerId.of("c")),
                CaseId.of("case-1"), CustomerId.of("c"), OrderId.of("o-2"), ReturnNumber.customerRequest(other, "C-1"),
                ReturnNumber.resellerReturn(other, "R-1"),
                List.of(new ReturnLine(Sku.of("sku-1"), SupplierId.of("s-1"), 1, 1, Money.of("CNY", "9.90"))),
                Reason.of(ReasonCode.SIZE_OR_FIT, ""), OutcomeType.RETURN_AND_REFUND, T0.minusSeconds(3600));
        migrated.append(new AppendBatch(other, CaseId.of("case-1"), 0, List.of(theirs),
                List.of(new NumberLink(tracking, other, CaseId.of("case-1"), SupplierId.of("s-1"), false)), null,
                List.of(), null));
        assertEquals(1, migrated.load(other, CaseId.of("case-1")).orElseThrow().version());
        assertEquals(2, migrated.load(TENANT, CaseId.of("case-1")).orElseThrow().version());
    }

    @Test
    void a_schema_newer_than_the_code_is_refused() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + SCHEMA + ".schema_version (version, script) VALUES (99, 'V99__future.sql')");
        }
        SchemaVersionException e = assertThrows(SchemaVersionException.class,
                () -> PostgresCaseStore.builder(dataSource).schema(SCHEMA).build());
        assertTrue(e.getMessage().contains("version 99"), e.getMessage());
        assertEquals(99, e.found());
        assertEquals(7, e.required());
    }

    @Test
    void with_verify_an_empty_schema_is_refused_and_left_alone() throws Exception {
        PostgresTestStores.dropSchema(dataSource, SCHEMA);
        SchemaVersionException e = assertThrows(SchemaVersionException.class,
                () -> PostgresCaseStore.builder(dataSource).schema(SCHEMA).schemaSetup(SchemaSetup.VERIFY).build());
        assertEquals(0, e.found());
        assertEquals(7, e.required());
        assertTrue(e.getMessage().contains("classpath:db/returnsync/postgresql"), e.getMessage());
        assertEquals(0, count("SELECT count(*) FROM information_schema.schemata WHERE schema_name = '" + SCHEMA + "'"),
                "verify creates nothing");
    }

    @Test
    void with_verify_a_schema_at_the_version_is_used_as_it_is() {
        PostgresCaseStore verified = PostgresCaseStore.builder(dataSource).schema(SCHEMA)
                .schemaSetup(SchemaSetup.VERIFY).build();
        assertEquals(verified.requiredSchemaVersion(), verified.schemaVersion());
        store.append(open("case-1", "C-1"));
        assertEquals(1, verified.load(TENANT, CaseId.of("case-1")).orElseThrow().version());
    }

    @Test
    void an_unreachable_database_is_a_typed_error_with_its_sql_state() {
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:1/returnsync?connectTimeout=2");
        nowhere.setUser("nobody");
        JdbcStoreException e = assertThrows(JdbcStoreException.class,
                () -> PostgresCaseStore.builder(nowhere).build());
        assertTrue(e.sqlState() != null && e.sqlState().startsWith("08"), "connection error state: " + e.sqlState());
    }

    @Test
    void schema_names_are_plain_identifiers() {
        assertThrows(IllegalArgumentException.class, () -> PostgresCaseStore.builder(dataSource).schema("x; DROP TABLE y"));
        assertThrows(IllegalArgumentException.class, () -> PostgresCaseStore.builder(dataSource).schema("Upper"));
    }

    @Test
    void events_are_stored_as_codec_json_that_sql_can_read() throws Exception {
        store.append(open("case-1", "C-1"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tenant, type, payload->>'type', payload->'reason'->>'text', "
                     + "(payload->>'format')::int FROM " + SCHEMA + ".events WHERE case_id = 'case-1'")) {
            assertTrue(rs.next());
            assertEquals("t-1", rs.getString(1));
            assertEquals("ReturnRequested", rs.getString(2));
            assertEquals("ReturnRequested", rs.getString(3));
            assertEquals("尺码偏小", rs.getString(4));
            assertEquals(1, rs.getInt(5));
        }
    }

    @Test
    void two_store_instances_on_one_database_see_each_other() {
        PostgresCaseStore other = PostgresCaseStore.builder(dataSource).schema(SCHEMA).build();
        store.append(open("case-1", "C-1"));
        assertEquals(1, other.load(TENANT, CaseId.of("case-1")).orElseThrow().version());
        assertThrows(NumberAlreadyLinkedException.class, () -> other.append(open("case-2", "C-1")));
    }

    @Test
    void a_nul_character_in_an_outbox_error_is_stored_as_a_replacement_character() {
        ReturnEvent.ReturnRequested event = requested("case-1", "C-1");
        OutboxEntry entry = OutboxEntry.pending(TENANT, CaseId.of("case-1"), 1, dev.returnsync.spi.store.Effect.NOTIFY,
                "CUSTOMER:c-1", T0);
        store.append(new AppendBatch(TENANT, CaseId.of("case-1"), 0, List.of(event), List.of(), null, List.of(entry),
                null));
        store.claimOutbox("o", T0, Duration.ofMinutes(1), 1);
        assertTrue(store.failOutbox(entry.id(), "o", "bad\u0000byte", T0, false));
        assertEquals("bad\uFFFDbyte", store.outboxOf(TENANT, CaseId.of("case-1")).get(0).lastError());
    }
}
