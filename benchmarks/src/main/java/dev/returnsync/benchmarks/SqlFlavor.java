package dev.returnsync.benchmarks;

import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.mysql.MySqlCaseStore;
import dev.returnsync.store.postgres.PostgresCaseStore;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What the raw-JDBC baseline writes differently on each database, as the stores do: where the tables are, the JSON
 * parameter, the quoted {@code key} column and the time values; and how a side gets a fresh, empty store.
 */
public enum SqlFlavor {
    /** PostgreSQL: one schema per side, {@code timestamptz}. */
    POSTGRESQL {
        @Override
        String table(String space, String name) {
            return space + "." + name;
        }

        @Override
        String json() {
            return "?::json";
        }

        @Override
        String key() {
            return "\"key\"";
        }

        @Override
        String unlessWorkPresent() {
            return " ON CONFLICT (tenant, case_id, target, version, effect) DO NOTHING";
        }

        @Override
        boolean recordOnFirstEvent() {
            return true;
        }

        @Override
        Object time(Instant instant) {
            return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        }

        @Override
        Optional<DbSettings> configured() {
            return DbSettings.postgres();
        }

        @Override
        String howToRun() {
            return DbSettings.PG_HOW_TO_RUN;
        }

        @Override
        DbSettings side(DbSettings server, String space) {
            return server;
        }

        @Override
        CaseStore freshStore(DataSource pool, String space) throws SQLException {
            DbSettings.execute(pool, "DROP SCHEMA IF EXISTS " + space + " CASCADE");
            return PostgresCaseStore.builder(pool).schema(space).build();
        }

        @Override
        String bareTable(DataSource pool, String space) throws SQLException {
            DbSettings.execute(pool, "DROP SCHEMA IF EXISTS " + space + " CASCADE");
            DbSettings.execute(pool, "CREATE SCHEMA " + space);
            DbSettings.execute(pool, "CREATE TABLE " + space + ".bare (thread integer NOT NULL, n bigint NOT NULL,"
                    + " payload text NOT NULL, PRIMARY KEY (thread, n))");
            return space + ".bare";
        }
    },
    /** MySQL and MariaDB: one database per side (in the pool's URL), {@code DATETIME(6)} in UTC. */
    MYSQL {
        @Override
        String table(String space, String name) {
            return "returnsync_" + name;
        }

        @Override
        String json() {
            return "?";
        }

        @Override
        String key() {
            return "`key`";
        }

        @Override
        String unlessWorkPresent() {
            return " ON DUPLICATE KEY UPDATE version = version";
        }

        @Override
        boolean recordOnFirstEvent() {
            return false;
        }

        @Override
        Object time(Instant instant) {
            return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        }

        @Override
        Optional<DbSettings> configured() {
            return DbSettings.mariadb();
        }

        @Override
        String howToRun() {
            return DbSettings.MARIADB_HOW_TO_RUN;
        }

        /** A database of the side's own. */
        @Override
        DbSettings side(DbSettings server, String space) throws SQLException {
            return server.inDatabase(space);
        }

        @Override
        CaseStore freshStore(DataSource pool, String space) throws SQLException {
            for (String table : storeTables()) {
                DbSettings.execute(pool, "DROP TABLE IF EXISTS " + table(space, table));
            }
            DbSettings.execute(pool, "DROP TABLE IF EXISTS " + table(space, "schema_version"));
            return MySqlCaseStore.builder(pool).build();
        }

        @Override
        String bareTable(DataSource pool, String space) throws SQLException {
            DbSettings.execute(pool, "DROP TABLE IF EXISTS returnsync_bare");
            DbSettings.execute(pool, "CREATE TABLE returnsync_bare (thread INT NOT NULL, n BIGINT NOT NULL,"
                    + " payload LONGTEXT NOT NULL, PRIMARY KEY (thread, n)) ENGINE = InnoDB");
            return "returnsync_bare";
        }
    };

    /** The store's tables that commands write, on every product. */
    private static final List<String> STORE_TABLES = List.of("events", "number_links", "idempotency", "due_cases",
            "outbox");

    /** {@return the store's tables that commands write; no idempotency table where the events keep the records} */
    List<String> storeTables() {
        return recordOnFirstEvent() ? STORE_TABLES.stream().filter(table -> !table.equals("idempotency")).toList()
                : STORE_TABLES;
    }

    /**
     * Brings the planner's statistics of a side's store tables up to date, as a running server does on its own
     * within about a minute of the first writes (PostgreSQL's autovacuum, InnoDB's automatic statistics). On
     * PostgreSQL this matters: a statement prepared while the tables were new keeps a plan that reads the events
     * table sequentially for the version check until the next {@code ANALYZE} (which drops it).
     */
    void analyze(DataSource pool, String space) throws SQLException {
        for (String table : storeTables()) {
            DbSettings.execute(pool, (this == POSTGRESQL ? "ANALYZE " : "ANALYZE TABLE ") + table(space, table));
        }
    }

    /** A table of the store; {@code space} is the side's schema where the product has schemas. */
    abstract String table(String space, String name);

    /**
     * Whether the store keeps an idempotency record on the row of its command's first event (columns
     * {@code idempotency_key}, {@code idempotency_fingerprint}, {@code idempotency_first_version},
     * {@code idempotency_last_version}) rather than in a table {@code idempotency}.
     */
    abstract boolean recordOnFirstEvent();

    /** The parameter marker of the JSON payload. */
    abstract String json();

    /** The idempotency table's {@code key} column, quoted. */
    abstract String key();

    /** What makes the outbox insert do nothing when the entry's work (the primary key) is stored already. */
    abstract String unlessWorkPresent();

    /** A time as the driver binds it to the product's time column. */
    abstract Object time(Instant instant);

    /** The configured server of this flavor, if any. */
    abstract Optional<DbSettings> configured();

    /** What to do when no server is configured. */
    abstract String howToRun();

    /**
     * The configured server.
     *
     * @throws IllegalStateException saying how to start one when none is configured
     */
    DbSettings server() {
        return configured().orElseThrow(() -> new IllegalStateException(howToRun()));
    }

    /** Where a side with this space connects: the server itself, or a database of its own. */
    abstract DbSettings side(DbSettings server, String space) throws SQLException;

    /** Drops the side's tables and makes them again with the store's own migrations. */
    abstract CaseStore freshStore(DataSource pool, String space) throws SQLException;

    /** Makes the bare loop's table afresh: (thread, n) primary key and a text payload; returns its name. */
    abstract String bareTable(DataSource pool, String space) throws SQLException;
}
