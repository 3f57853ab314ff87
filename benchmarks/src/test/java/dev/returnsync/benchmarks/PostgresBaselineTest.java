package dev.returnsync.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.notify.NoopNotifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The raw-JDBC baseline of {@link PostgresCommandBenchmark} leaves exactly the rows that the engine on
 * {@code PostgresCaseStore} leaves for the same commands. Needs a PostgreSQL server ({@link PgSettings}); without
 * one the test is skipped, or fails when {@code CI=true}, like the PostgreSQL tests of {@code examples}.
 */
class PostgresBaselineTest {
    private static final String ENGINE_SCHEMA = "bench_test_engine";
    private static final String RAW_SCHEMA = "bench_test_raw";
    private static final Map<String, String> TABLES = Map.of(
            "events", "tenant, case_id, version",
            "number_links", "tenant, uniqueness_key",
            "idempotency", "tenant, key",
            "due_cases", "tenant, case_id",
            "outbox", "id");

    private static HikariDataSource pool;

    @BeforeAll
    static void connect() throws SQLException {
        var settings = PgSettings.configured();
        if (settings.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the PostgreSQL tests to run, but "
                        + PgSettings.HOW_TO_RUN);
            }
            Assumptions.abort(PgSettings.HOW_TO_RUN);
        }
        pool = settings.get().pool(PostgresCommandBenchmark.POOL);
    }

    @AfterAll
    static void disconnect() throws SQLException {
        if (pool != null) {
            PgSettings.execute(pool, "DROP SCHEMA IF EXISTS " + ENGINE_SCHEMA + " CASCADE");
            PgSettings.execute(pool, "DROP SCHEMA IF EXISTS " + RAW_SCHEMA + " CASCADE");
            pool.close();
        }
    }

    @Test
    void baselineLeavesTheSameRowsAsTheEngineForTheSameCommands() throws SQLException {
        Clock clock = Clock.fixed(Population.T0.plus(Duration.ofHours(5)), ZoneOffset.UTC);
        int slots = 24;
        int commands = 300;

        try (ReturnSyncEngine engine = ReturnSyncEngine.builder()
                .store(PostgresCommandBenchmark.freshStore(pool, ENGINE_SCHEMA)).notifier(NoopNotifier.instance())
                .clock(clock).build()) {
            CommandStream stream = new CommandStream(0, 1, slots);
            stream.populate(command -> engine.execute(command).state().version());
            for (int i = 0; i < commands; i++) {
                stream.accepted(engine.execute(stream.next()).state().version());
            }
        }

        PostgresCommandBenchmark.freshStore(pool, RAW_SCHEMA);
        RawJdbcCommands raw = new RawJdbcCommands(pool, RAW_SCHEMA);
        RawJdbcCommands.Source source = new RawJdbcCommands.Source(new CommandStream(0, 1, slots), clock);
        try {
            source.populate(raw::execute);
            for (int i = 0; i < commands; i++) {
                raw.execute(source.next());
            }
        } finally {
            source.close();
        }

        for (var table : TABLES.entrySet()) {
            List<String> engineRows = rows(ENGINE_SCHEMA, table.getKey(), table.getValue());
            List<String> rawRows = rows(RAW_SCHEMA, table.getKey(), table.getValue());
            assertFalse(engineRows.isEmpty(), table.getKey());
            assertEquals(engineRows, rawRows, table.getKey());
        }
    }

    private static List<String> rows(String schema, String table, String order) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + schema + "." + table + " ORDER BY " + order)) {
            connection.setAutoCommit(true);
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(rs.getMetaData().getColumnName(c)).append('=').append(rs.getString(c)).append(' ');
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }
}
