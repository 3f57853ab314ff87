package dev.returnsync.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import dev.returnsync.store.mysql.MySqlCaseStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * On MariaDB, the outbox's statements (as {@link JdbcCaseStore} prepares them) read the outbox through its primary key,
 * the work, or the claims' index: none reads the whole table.
 */
@Timeout(120)
class MySqlQueryPlanTest {
    private static HikariDataSource dataSource;
    private static Statements sql;

    /** The store's tables with 40,000 outbox rows (MariaDB's sequence engine numbers them), analyzed. */
    @BeforeAll
    static void database() {
        dataSource = TestDatabase.mariadb().database("returnsync_plan").pool(2);
        for (String table : List.of("events", "number_links", "idempotency", "due_cases", "outbox", "schema_version")) {
            TestDatabase.execute(dataSource, "DROP TABLE IF EXISTS returnsync_" + table);
        }
        JdbcCaseStore store = MySqlCaseStore.builder(dataSource).build();
        sql = store.statements();
        TestDatabase.execute(dataSource, "INSERT INTO returnsync_outbox SELECT 't', concat('c', seq), 1, 'NOTIFY', 'x',"
                + " 0, now(6) + INTERVAL seq MINUTE, NULL, seq % 10 = 0, NULL, NULL FROM seq_1_to_20000");
        TestDatabase.execute(dataSource, "INSERT INTO returnsync_outbox SELECT 't', concat('c', seq % 5000), seq DIV 5000 + 1,"
                + " 'REQUEST_RETURN', 'x', 0, now(6) - INTERVAL 1 DAY, NULL, false, NULL, NULL FROM seq_1_to_20000");
        TestDatabase.execute(dataSource, "ANALYZE TABLE returnsync_outbox");
    }

    @AfterAll
    static void closePool() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void theOutboxIsReadThroughItsKeyOrTheClaimsIndex() throws SQLException {
        String[] work = {"'t'", "'c77'", "1", "'NOTIFY'", "'x'"};
        assertEquals(List.of("returnsync_outbox:PRIMARY"), keys(sql.outboxOf, "'t'", "'c77'"));
        assertEquals(List.of("returnsync_outbox:PRIMARY"), keys(sql.retryParked, "now(6)", "'t'", "'c77'"));
        assertEquals(List.of("returnsync_outbox:PRIMARY"), keys(sql.leaseOutbox, with(new String[] {"'o'", "now(6)"}, work)));
        assertEquals(List.of("returnsync_outbox:PRIMARY"), keys(sql.completeOutbox, with(work, "'o'")));
        List<String> claim = keys(sql.pickOutbox, "now(6)", "now(6)", "10");
        assertNotEquals(List.of(), claim);
        assertEquals("o:returnsync_outbox_claimable", claim.get(0), "the claim reads the claimable entries: " + claim);
        assertEquals(List.of("o:returnsync_outbox_claimable", "e:PRIMARY"), claim,
                "the wait for an earlier send reads the primary key");
    }

    /** Each table the plan reads, with the key it reads it by ({@code table:key}; no key is a scan). */
    private static List<String> keys(String statement, String... literals) throws SQLException {
        StringBuilder text = new StringBuilder();
        int next = 0;
        for (char ch : statement.toCharArray()) {
            text.append(ch == '?' ? literals[next++] : String.valueOf(ch));
        }
        assertEquals(literals.length, next, "one literal per parameter");
        List<String> keys = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("EXPLAIN " + text)) {
            while (rs.next()) {
                keys.add(rs.getString("table") + ":" + rs.getString("key"));
            }
        }
        return keys;
    }

    private static String[] with(String[] first, String... then) {
        String[] all = Arrays.copyOf(first, first.length + then.length);
        System.arraycopy(then, 0, all, first.length, then.length);
        return all;
    }
}
