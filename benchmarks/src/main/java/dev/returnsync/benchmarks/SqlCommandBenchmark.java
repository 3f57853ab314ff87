package dev.returnsync.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.core.engine.CommandResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Commands per second on a database, for each {@code flavor}: {@code POSTGRESQL} ({@code PostgresCaseStore}) and
 * {@code MYSQL} ({@code MySqlCaseStore} on MariaDB). {@code engine}
 * runs the commands of a {@link CommandStream} per thread (cases of its own) through one {@code ReturnSyncEngine} on
 * the store; {@code bareInsert} is the limit the database gives: per operation one auto-committed {@code INSERT} of
 * one row of about an event's size, on a connection of the same kind of pool, so one round trip and one commit;
 * {@code rawJdbc} (one thread) issues the statements of a statement-by-statement append by hand
 * ({@link RawJdbcCommands}). Run with {@code -t 1}, {@code -t 4} and {@code -t 16} (at most
 * {@value CommandSides#MAX_THREADS}); each side has its own tables. The servers come from {@link DbSettings}; without
 * one the setup fails with a message saying how to start it ({@code Report} leaves that flavor out then).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class SqlCommandBenchmark {
    /** The schema (PostgreSQL) or database (MySQL) of the engine's store. */
    static final String ENGINE_SPACE = "returnsync_bench_engine";
    /** The schema or database the baseline writes to. */
    static final String RAW_SPACE = "returnsync_bench_raw";
    /** The schema or database of the bare loop. */
    static final String BARE_SPACE = "returnsync_bench_bare";
    /** The bare loop's row payload: about the size of an event's JSON. */
    static final String BARE_PAYLOAD = "{\"type\":\"NegotiationOpened\",\"at\":\"2026-03-01T08:00:00Z\",\"actor\":"
            + "{\"role\":\"RESELLER\",\"tenant\":\"tenant-1\",\"id\":\"clerk\"},\"leg\":\"supplier-a\"}".repeat(3);

    /** The engine on the database's store, shared by the threads. */
    @State(Scope.Benchmark)
    public static class EngineSide {
        @Param({"POSTGRESQL", "MYSQL"})
        SqlFlavor flavor;
        CommandSides.Engine side;

        /** Connects and makes the tables. */
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            side = new CommandSides.Engine(flavor.server(), flavor, ENGINE_SPACE);
        }

        /**
         * Before each iteration, after the threads brought their cases to their steps: the tables' statistics as a
         * running server keeps them ({@link SqlFlavor#analyze}).
         */
        @Setup(Level.Iteration)
        public void analyze() throws SQLException {
            flavor.analyze(side.pool, ENGINE_SPACE);
        }

        /** Closes the engine and the pool. */
        @TearDown(Level.Trial)
        public void tearDown() {
            side.close();
        }
    }

    /** One thread's commands, on cases of its own, brought to their steps. */
    @State(Scope.Thread)
    public static class EngineThread {
        CommandStream stream;

        /** Brings the thread's cases to their steps. */
        @Setup(Level.Trial)
        public void setUp(EngineSide side, ThreadParams thread) {
            stream = CommandSides.stream(thread.getThreadIndex(), side.side.engine);
        }
    }

    /** The raw-JDBC baseline. */
    @State(Scope.Benchmark)
    public static class RawSide {
        @Param({"POSTGRESQL", "MYSQL"})
        SqlFlavor flavor;
        CommandSides.Raw side;

        /** Connects, makes the tables, brings the cases to their steps and makes the first commands. */
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            side = new CommandSides.Raw(flavor.server(), flavor, RAW_SPACE);
        }

        /** Closes the pool. */
        @TearDown(Level.Trial)
        public void tearDown() {
            side.close();
        }
    }

    /** The bare loop's table and pool. */
    @State(Scope.Benchmark)
    public static class BareSide {
        @Param({"POSTGRESQL", "MYSQL"})
        SqlFlavor flavor;
        HikariDataSource pool;
        String insert;

        /** Connects and makes the table afresh. */
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            pool = flavor.side(flavor.server(), BARE_SPACE).pool(CommandSides.POOL);
            String table = flavor.bareTable(pool, BARE_SPACE);
            insert = "INSERT INTO " + table + " (thread, n, payload) VALUES (?, ?, ?)";
        }

        /** Closes the pool. */
        @TearDown(Level.Trial)
        public void tearDown() {
            pool.close();
        }
    }

    /** One thread's rows of the bare loop. */
    @State(Scope.Thread)
    public static class BareThread {
        int thread;
        long n;

        /** Takes the thread's index, so that its keys are its own. */
        @Setup(Level.Trial)
        public void setUp(ThreadParams params) {
            thread = params.getThreadIndex();
        }
    }

    /** One command through the engine. */
    @Benchmark
    public CommandResult engine(EngineSide state, EngineThread thread) {
        CommandResult result = state.side.engine.execute(thread.stream.next());
        thread.stream.accepted(result.state().version());
        return result;
    }

    /** One auto-committed insert of one row: one round trip, one commit. */
    @Benchmark
    public int bareInsert(BareSide side, BareThread thread) throws SQLException {
        try (Connection connection = side.pool.getConnection();
             PreparedStatement insert = connection.prepareStatement(side.insert)) {
            insert.setInt(1, thread.thread);
            insert.setLong(2, ++thread.n);
            insert.setString(3, BARE_PAYLOAD);
            return insert.executeUpdate();
        }
    }

    /** The statements of a statement-by-statement append, by hand (one thread). */
    @Benchmark
    public long rawJdbc(RawSide state) throws SQLException {
        return state.side.raw.execute(state.side.commands.next());
    }
}
