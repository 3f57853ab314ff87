package dev.returnsync.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import dev.returnsync.store.postgres.PostgresCaseStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On PostgreSQL, the store's own statements (as {@link JdbcCaseStore} prepares them) use the schema's indexes. */
class PostgresQueryPlanTest {
    private static final String SCHEMA = "plan_test";
    private static HikariDataSource dataSource;
    private static Statements sql;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.postgres().pool(2);
        TestDatabase.execute(dataSource, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        JdbcCaseStore store = PostgresCaseStore.builder(dataSource).schema(SCHEMA).build();
        sql = store.statements();
    }

    @AfterAll
    static void closePool() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    /** The look-ups that must not scan every case can use their indexes. */
    @Test
    void look_ups_use_their_indexes() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + SCHEMA + ".due_cases SELECT 'c' || g, 't', now() + g * interval '1 minute'"
                    + " FROM generate_series(1, 20000) g");
            s.execute("INSERT INTO " + SCHEMA + ".number_links SELECT 'K|s|' || g, 'CUSTOMER_REQUEST', 's', 'v' || g, 't',"
                    + " 'c' || g, NULL, false FROM generate_series(1, 20000) g");
            s.execute("INSERT INTO " + SCHEMA + ".outbox SELECT 't', 'c' || g, 1, 'NOTIFY', 'x', 0,"
                    + " now() + g * interval '1 minute', NULL, g % 10 = 0, NULL, NULL FROM generate_series(1, 20000) g");
            s.execute("INSERT INTO " + SCHEMA + ".outbox SELECT 't', 'c' || (g % 5000), g / 5000 + 1,"
                    + " 'REQUEST_RETURN', 'x', 0, now() - interval '1 day', NULL, false, NULL, NULL"
                    + " FROM generate_series(1, 20000) g");
            s.execute("INSERT INTO " + SCHEMA + ".events (tenant, case_id, version, type, at, payload, idempotency_key,"
                    + " idempotency_fingerprint, idempotency_first_version, idempotency_last_version)"
                    + " SELECT 't', 'c' || (g % 5000), g / 5000 + 1, 'T', now(), '{}',"
                    + " CASE WHEN g % 2 = 0 THEN 'k' || g END, 'fp', g / 5000 + 1, g / 5000 + 1"
                    + " FROM generate_series(1, 20000) g");
            s.execute("ANALYZE " + SCHEMA + ".events");
            s.execute("ANALYZE " + SCHEMA + ".due_cases");
            s.execute("ANALYZE " + SCHEMA + ".number_links");
            s.execute("ANALYZE " + SCHEMA + ".outbox");
        }
        String now = "'2026-03-01T08:00:00Z'::timestamptz";
        assertTrue(explain(sql.findDue, now, "10").contains("due_cases_due_at"));
        String page = explain(sql.findDueAfter, now, "'2026-02-01T08:00:00Z'::timestamptz", "'t'", "'c77'",
                "10");
        assertTrue(page.contains("due_cases_due_at") && page.lines().anyMatch(line -> line.contains("Index Cond:")
                && line.contains("ROW(due_at, tenant, case_id) >")), "a page starts at its cursor in the index: "
                + page);
        String idempotency = explain(sql.findIdempotency, "'t'", "'k78'");
        assertTrue(idempotency.contains("events_idempotency"), "a record is found through its key: " + idempotency);
        assertTrue(explain(sql.findNumber, "'t'", "'K|s|77'").contains("number_links_uniqueness_key"));
        assertTrue(explain(sql.findValue, "'t'", "'v77'", "'CUSTOMER_REQUEST'", "'CUSTOMER_REQUEST'", "10")
                .contains("number_links_value"), "a number typed without its scope is found through its value");
        String claim = explain(sql.pickOutbox, now, now, "10");
        assertTrue(claim.contains("Index Scan using outbox_claimable"), claim);
        assertFalse(claim.contains("Sort"), "the claimable index gives the claim's order: " + claim);
        assertTrue(claim.contains("outbox_pkey"), "the wait for an earlier send is indexed: " + claim);
        assertNoScan(claim);
        String[] work = {"'t'", "'c77'", "1", "'NOTIFY'", "'x'"};
        String byWork = explain(sql.completeOutbox, with(work, "'o'"));
        for (String plan : List.of(explain(sql.outboxOf, "'t'", "'c77'"),
                explain(sql.retryParked, "now()", "'t'", "'c77'"),
                explain(sql.leaseOutbox, with(new String[] {"'o'", "now()"}, work)),
                explain(sql.renewOutbox, with(with(new String[] {"now()"}, work), "'o'", "now()")),
                byWork,
                explain(sql.failOutbox, with(with(new String[] {"'e'", "now()", "false"}, work), "'o'")))) {
            assertTrue(plan.contains("outbox_pkey"), plan);
            assertNoScan(plan);
        }
        assertTrue(byWork.lines().anyMatch(line -> line.contains("Index Cond:") && line.contains("effect")),
                "an entry is found by its whole work: " + byWork);
    }

    private static String[] with(String[] first, String... then) {
        String[] all = java.util.Arrays.copyOf(first, first.length + then.length);
        System.arraycopy(then, 0, all, first.length, then.length);
        return all;
    }

    private static void assertNoScan(String plan) {
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    private static String explain(String sql, String... literals) throws SQLException {
        StringBuilder text = new StringBuilder();
        int next = 0;
        for (char ch : sql.toCharArray()) {
            text.append(ch == '?' ? literals[next++] : String.valueOf(ch));
        }
        assertEquals(literals.length, next, "one literal per parameter");
        StringBuilder plan = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN " + text)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
