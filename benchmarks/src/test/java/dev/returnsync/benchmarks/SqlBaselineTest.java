package dev.returnsync.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.notify.NoopNotifier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.sql.DataSource;
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
 * The raw-JDBC baseline of {@link SqlCommandBenchmark} leaves exactly the rows that the engine on the SQL store leaves
 * for the same commands, on PostgreSQL and on MariaDB. Needs both servers ({@link DbSettings}); without one its test
 * is skipped, or fails when {@code CI=true}, like the stores' tests.
 */
@Timeout(300)
class SqlBaselineTest {
    private static final String ENGINE_SPACE = "returnsync_bench_test_engine";
    private static final String RAW_SPACE = "returnsync_bench_test_raw";
    private static final Map<String, String> TABLES = Map.of(
            "events", "tenant, case_id, version",
            "number_links", "tenant, uniqueness_key",
            "idempotency", "tenant, KEY",
            "due_cases", "tenant, case_id",
            "outbox", "tenant, case_id, target, version, effect");

    @ParameterizedTest
    @EnumSource(SqlFlavor.class)
    void baselineLeavesTheSameRowsAsTheEngineForTheSameCommands(SqlFlavor flavor) throws SQLException {
        if (flavor.configured().isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the database tests to run, but " + flavor.howToRun());
            }
            Assumptions.abort(flavor.howToRun());
        }
        Clock clock = Clock.fixed(Population.T0.plus(Duration.ofHours(5)), ZoneOffset.UTC);
        int slots = 24;
        int commands = 300;

        try (HikariDataSource enginePool = flavor.side(flavor.server(), ENGINE_SPACE).pool(CommandSides.POOL);
             HikariDataSource rawPool = flavor.side(flavor.server(), RAW_SPACE).pool(CommandSides.POOL)) {
            try (ReturnSyncEngine engine = ReturnSyncEngine.builder()
                    .store(flavor.freshStore(enginePool, ENGINE_SPACE)).notifier(NoopNotifier.instance())
                    .clock(clock).build()) {
                CommandStream stream = new CommandStream(0, 1, slots);
                stream.populate(command -> engine.execute(command).state().version());
                for (int i = 0; i < commands; i++) {
                    stream.accepted(engine.execute(stream.next()).state().version());
                }
            }

            flavor.freshStore(rawPool, RAW_SPACE);
            RawJdbcCommands raw = new RawJdbcCommands(rawPool, flavor, RAW_SPACE);
            RawJdbcCommands.Source source = new RawJdbcCommands.Source(new CommandStream(0, 1, slots), clock, flavor);
            try {
                source.populate(raw::execute);
                for (int i = 0; i < commands; i++) {
                    raw.execute(source.next());
                }
            } finally {
                source.close();
            }

            for (var table : TABLES.entrySet()) {
                if (!flavor.storeTables().contains(table.getKey())) {
                    continue;
                }
                String order = table.getValue().replace("KEY", flavor.key());
                List<String> engineRows = rows(enginePool, flavor.table(ENGINE_SPACE, table.getKey()), order);
                List<String> rawRows = rows(rawPool, flavor.table(RAW_SPACE, table.getKey()), order);
                assertFalse(engineRows.isEmpty(), table.getKey());
                assertEquals(engineRows, rawRows, table.getKey());
            }
        }
    }

    private static List<String> rows(DataSource pool, String table, String order) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY " + order)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(rs.getMetaData().getColumnLabel(c)).append('=').append(rs.getString(c)).append(' ');
                }
                rows.add(row.toString());
            }
            return rows;
        }
    }
}
