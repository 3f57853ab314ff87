package dev.returnsync.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The append's statement, of every shape of batch, in the generic plan the server keeps for a prepared statement,
 * checks the expected version through the events' primary key and finds the case's due row through its own: it never
 * reads the events or the due rows whole, whatever the tables' size.
 */
@Timeout(60)
class AppendPlanTest {
    private static final String SCHEMA = "append_plan_test";
    private static HikariDataSource dataSource;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.postgres().pool(2);
        TestDatabase.execute(dataSource, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        PostgresCaseStore.builder(dataSource).schema(SCHEMA).build();
    }

    @AfterAll
    static void closePool() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void theVersionCheckReadsTheEventsByTheirKeyInEveryShapeOfBatch() throws Exception {
        PostgresBatchWriter writer = new PostgresBatchWriter(new PostgresDialect(SCHEMA));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + SCHEMA + ".events SELECT 'c' || (g / 10), g % 10 + 1, 't', 'X', now(), '{}'"
                    + " FROM generate_series(1, 700) g");
            s.execute("ANALYZE " + SCHEMA + ".events");
            s.execute("SET plan_cache_mode = force_generic_plan");
            for (int shape = 0; shape < PostgresBatchWriter.SHAPES; shape++) {
                for (boolean ignoring : new boolean[] {false, true}) {
                    String plan = genericPlan(s, writer.statement(shape, ignoring));
                    assertFalse(plan.contains("Seq Scan on events"), plan);
                    assertTrue(plan.contains("events_pkey"), plan);
                    assertFalse(plan.contains("Seq Scan on due_cases"), plan);
                    assertTrue(plan.contains("due_cases_pkey"), plan);
                }
            }
            s.execute("RESET plan_cache_mode");
        }
    }

    /**
     * The outbox entries are inserted plainly, never reading the outbox (a plan kept from an empty outbox would scan
     * it for every entry); only the statement for a second write checks stored ids, through the primary key.
     */
    @Test
    void theOutboxIsNotReadByTheAppendAndStoredIdsOnlyThroughItsKey() throws Exception {
        PostgresBatchWriter writer = new PostgresBatchWriter(new PostgresDialect(SCHEMA));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM " + SCHEMA + ".outbox");
            s.execute("ANALYZE " + SCHEMA + ".outbox");
            s.execute("SET plan_cache_mode = force_generic_plan");
            for (int shape = 0; shape < PostgresBatchWriter.SHAPES; shape++) {
                if (!writer.statement(shape, false).contains(".outbox")) {
                    continue;
                }
                String plain = genericPlan(s, writer.statement(shape, false));
                assertFalse(plain.contains("Scan on outbox") || plain.contains("outbox_pkey"), plain);
                String ignoring = genericPlan(s, writer.statement(shape, true));
                assertFalse(ignoring.contains("Scan on outbox"), ignoring);
                assertTrue(ignoring.contains("Conflict Arbiter Indexes: outbox_pkey"), ignoring);
            }
            s.execute("RESET plan_cache_mode");
        }
    }

    /**
     * A part of one row (a command's one event, outbox entry or link) is bound as plain parameters, which the plan
     * reads without a function scan; a part of several rows as arrays, read by {@code unnest}.
     */
    @Test
    void aPartOfOneRowIsReadWithoutAFunctionScanAndSeveralRowsThroughUnnest() throws Exception {
        PostgresBatchWriter writer = new PostgresBatchWriter(new PostgresDialect(SCHEMA));
        int everyPart = PostgresBatchWriter.WITH_RECORD | PostgresBatchWriter.WITH_LINKS
                | PostgresBatchWriter.WITH_DUE | PostgresBatchWriter.WITH_OUTBOX;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan");
            String oneRowEach = genericPlan(s, writer.statement(everyPart, false));
            assertFalse(oneRowEach.contains("Function Scan"), oneRowEach);
            for (int many : new int[] {PostgresBatchWriter.MANY_EVENTS, PostgresBatchWriter.MANY_LINKS,
                    PostgresBatchWriter.MANY_OUTBOX}) {
                String plan = genericPlan(s, writer.statement(everyPart | many, false));
                assertEquals(1, plan.split("Function Scan", -1).length - 1, plan);
            }
            s.execute("RESET plan_cache_mode");
        }
    }

    private static String genericPlan(Statement s, String statement) throws Exception {
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : statement.toCharArray()) {
            numbered.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        StringBuilder plan = new StringBuilder();
        s.execute("PREPARE append_plan AS " + numbered);
        String[] args = new String[n];
        java.util.Arrays.fill(args, "NULL");
        try (ResultSet rs = s.executeQuery("EXPLAIN EXECUTE append_plan(" + String.join(", ", args) + ")")) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        s.execute("DEALLOCATE append_plan");
        return plan.toString();
    }
}
