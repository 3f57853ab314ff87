package dev.returnsync.benchmarks;

import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.notify.NoopNotifier;
import dev.returnsync.store.postgres.PostgresCaseStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Commands per second on PostgreSQL, one thread: {@code engine} runs each command of a {@link CommandStream}
 * through {@code ReturnSyncEngine} on {@code PostgresCaseStore}; {@code rawJdbc} issues the same statements for the
 * same commands by hand ({@link RawJdbcCommands}). Both use a pool of open connections ({@link ConnectionPool}),
 * each side its own schema, made afresh for the run, and {@value #SLOTS} cases in flight brought to every step
 * beforehand. The server comes from {@link PgSettings}; without one the setup fails with a message saying how to
 * start one ({@code Report} leaves these out then).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class PostgresCommandBenchmark {
    /** Cases in flight. */
    static final int SLOTS = 256;
    /** The schema of the engine's store. */
    static final String ENGINE_SCHEMA = "bench_engine";
    /** The schema the baseline writes to. */
    static final String RAW_SCHEMA = "bench_raw";
    /** Connections per pool. */
    static final int POOL = 4;

    /** A clock that starts at the scenario's time and runs at real speed. */
    static Clock clock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Population.T0));
    }

    /** Drops a schema and makes it again with the store's own migration. */
    static PostgresCaseStore freshStore(ConnectionPool pool, String schema) throws SQLException {
        pool.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        return PostgresCaseStore.builder(pool).schema(schema).build();
    }

    /** The engine on PostgresCaseStore. */
    @State(Scope.Benchmark)
    public static class EngineSide {
        ConnectionPool pool;
        ReturnSyncEngine engine;
        CommandStream stream;

        /** Connects, makes the schema and brings the cases to their steps. */
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            pool = new ConnectionPool(PgSettings.require(), POOL);
            engine = ReturnSyncEngine.builder().store(freshStore(pool, ENGINE_SCHEMA)).notifier(NoopNotifier.instance())
                    .clock(clock()).build();
            stream = new CommandStream(0, 1, SLOTS);
            stream.populate(command -> engine.execute(command).state().version());
        }

        /** Closes the engine and the pool. */
        @TearDown(Level.Trial)
        public void tearDown() {
            engine.close();
            pool.close();
        }
    }

    /** The raw-JDBC baseline. */
    @State(Scope.Benchmark)
    public static class RawSide {
        ConnectionPool pool;
        RawJdbcCommands raw;
        RawJdbcCommands.Source commands;

        /** Connects, makes the schema, brings the cases to their steps and makes the first commands. */
        @Setup(Level.Trial)
        public void setUp() throws SQLException {
            pool = new ConnectionPool(PgSettings.require(), POOL);
            freshStore(pool, RAW_SCHEMA);
            raw = new RawJdbcCommands(pool, RAW_SCHEMA);
            commands = new RawJdbcCommands.Source(new CommandStream(0, 1, SLOTS), clock());
            commands.populate(raw::execute);
            commands.prepare(RawJdbcCommands.Source.CHUNK);
        }

        /** Closes the pool. */
        @TearDown(Level.Trial)
        public void tearDown() {
            commands.close();
            pool.close();
        }
    }

    /** One command through the engine. */
    @Benchmark
    public CommandResult engine(EngineSide side) {
        CommandResult result = side.engine.execute(side.stream.next());
        side.stream.accepted(result.state().version());
        return result;
    }

    /** The same statements by hand. */
    @Benchmark
    public long rawJdbc(RawSide side) throws SQLException {
        return side.raw.execute(side.commands.next());
    }
}
