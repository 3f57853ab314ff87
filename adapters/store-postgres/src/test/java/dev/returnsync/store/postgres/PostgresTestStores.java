package dev.returnsync.store.postgres;

import dev.returnsync.store.jdbc.testing.TestDatabase;

import javax.sql.DataSource;
import java.util.List;

/** The PostgreSQL store's tables, for tests that empty or drop them. */
final class PostgresTestStores {
    private PostgresTestStores() {
    }

    /** Empties every table of the store's schema (not the schema_version table). */
    static void empty(DataSource dataSource, String schema) {
        TestDatabase.empty(dataSource, List.of("events", "number_links", "due_cases", "outbox")
                .stream().map(table -> schema + "." + table).toList());
    }

    /** Drops a schema and everything in it, if it exists. */
    static void dropSchema(DataSource dataSource, String schema) {
        TestDatabase.execute(dataSource, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
