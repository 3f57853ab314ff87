package dev.returnsync.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.notify.NoopNotifier;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The two sides of a database command benchmark, set up alike on every database: the engine on the SQL store, and
 * the raw-JDBC baseline issuing the same statements. Each side has its own pool of {@value #POOL} open connections
 * and its own tables (a schema, or a database), made afresh, with {@value #SLOTS} cases in flight brought to every
 * step beforehand.
 */
final class CommandSides {
    /** Cases in flight. */
    static final int SLOTS = 256;
    /** Connections per pool. */
    static final int POOL = 4;

    private CommandSides() {
    }

    /** A clock that starts at the scenario's time and runs at real speed. */
    static Clock clock() {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), Population.T0));
    }

    /** The engine on the database's store. */
    static final class Engine implements AutoCloseable {
        final HikariDataSource pool;
        final ReturnSyncEngine engine;
        final CommandStream stream;

        Engine(DbSettings server, SqlFlavor flavor, String space) throws SQLException {
            pool = flavor.side(server, space).pool(POOL);
            engine = ReturnSyncEngine.builder().store(flavor.freshStore(pool, space))
                    .notifier(NoopNotifier.instance()).clock(clock()).build();
            stream = new CommandStream(0, 1, SLOTS);
            stream.populate(command -> engine.execute(command).state().version());
        }

        /** Closes the engine and the pool. */
        @Override
        public void close() {
            engine.close();
            pool.close();
        }
    }

    /** The raw-JDBC baseline on the same database. */
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
