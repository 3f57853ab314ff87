package dev.returnsync.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.notify.NoopNotifier;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The sides of a database command benchmark, set up alike on every database: the engine on the SQL store, and
 * the raw-JDBC baseline issuing the statements of a statement-by-statement append. Each side has its own pool of
 * {@value #POOL} open connections (enough for the most threads a run uses) and its own tables (a schema, or a
 * database), made afresh; the raw side has {@value #SLOTS} cases in flight brought to every step beforehand, the
 * engine's threads {@value #SLOTS_PER_THREAD} each ({@link #stream}).
 */
final class CommandSides {
    /** Cases in flight. */
    static final int SLOTS = 256;
    /** Cases in flight per thread of the engine side. */
    static final int SLOTS_PER_THREAD = 32;
    /** The most threads a run uses: the stride of the threads' streams, so no two threads share a case. */
    static final int MAX_THREADS = 16;
    /** Connections per pool: one per thread. */
    static final int POOL = MAX_THREADS;

    private CommandSides() {
    }

    /** A clock that starts at the scenario's time and runs at real speed. */
    static Clock clock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Population.T0));
    }

    /**
     * The commands of one thread of the engine side: cases no other thread has, brought to every step through
     * {@code engine}.
     *
     * @param thread the thread's index, below {@value #MAX_THREADS}
     * @param engine the engine the thread runs its commands through
     */
    static CommandStream stream(int thread, ReturnSyncEngine engine) {
        CommandStream stream = new CommandStream(thread, MAX_THREADS, SLOTS_PER_THREAD);
        stream.populate(command -> engine.execute(command).state().version());
        return stream;
    }

    /** The engine on the database's store, shared by the threads of a run. */
    static final class Engine implements AutoCloseable {
        final HikariDataSource pool;
        final ReturnSyncEngine engine;

        Engine(DbSettings server, SqlFlavor flavor, String space) throws SQLException {
            pool = flavor.side(server, space).pool(POOL);
            engine = ReturnSyncEngine.builder().store(flavor.freshStore(pool, space))
                    .notifier(NoopNotifier.instance()).clock(clock()).build();
        }

        /** Closes the engine and the pool. */
        @Override
        public void close() {
            engine.close();
            pool.close();
        }
    }

    /** The raw-JDBC baseline on the same database; one thread. */
    static final class Raw implements AutoCloseable {
        final HikariDataSource pool;
        final RawJdbcCommands raw;
        final RawJdbcCommands.Source commands;

        Raw(DbSettings server, SqlFlavor flavor, String space) throws SQLException {
            pool = flavor.side(server, space).pool(POOL);
            flavor.freshStore(pool, space);
            raw = new RawJdbcCommands(pool, flavor, space);
            commands = new RawJdbcCommands.Source(new CommandStream(0, 1, SLOTS), clock(), flavor);
            commands.populate(raw::execute);
            commands.prepare(RawJdbcCommands.Source.CHUNK);
        }

        /** Closes the command source and the pool. */
        @Override
        public void close() {
            commands.close();
            pool.close();
        }
    }
}
