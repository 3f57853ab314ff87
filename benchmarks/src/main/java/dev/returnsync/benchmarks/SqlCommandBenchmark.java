package dev.returnsync.benchmarks;

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

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Commands per second on a database, one thread, for each {@code flavor}: {@code POSTGRESQL} ({@code
 * PostgresCaseStore}) and {@code MYSQL} ({@code MySqlCaseStore} on MariaDB). {@code engine} runs each command of a
 * {@link CommandStream} through {@code ReturnSyncEngine} on the store; {@code rawJdbc} issues the same statements for
 * the same commands by hand ({@link RawJdbcCommands}). Both sides are set up alike ({@link CommandSides}), each on
 * tables of its own. The servers come from {@link DbSettings}; without one the setup fails with a message saying how
 * to start it ({@code Report} leaves that flavor out then).
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

    /** The engine on the database's store. */
    @State(Scope.Benchmark)
    public static class EngineSide {
        @Param({"POSTGRESQL", "MYSQL"})
        SqlFlavor flavor;
        CommandSides.Engine side;

        /** Connects, makes the tables and brings the cases to their steps. */
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            side = new CommandSides.Engine(flavor.server(), flavor, ENGINE_SPACE);
        }

        /** Closes the engine and the pool. */
        @TearDown(Level.Trial)
        public void tearDown() {
            side.close();
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

    /** One command through the engine. */
    @Benchmark
    public CommandResult engine(EngineSide state) {
        CommandResult result = state.side.engine.execute(state.side.stream.next());
        state.side.stream.accepted(result.state().version());
        return result;
    }

    /** The same statements by hand. */
    @Benchmark
    public long rawJdbc(RawSide state) throws SQLException {
        return state.side.raw.execute(state.side.commands.next());
    }
}
