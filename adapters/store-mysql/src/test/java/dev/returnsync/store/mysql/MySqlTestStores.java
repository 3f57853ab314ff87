package dev.returnsync.store.mysql;

import dev.returnsync.store.jdbc.testing.TestDatabase;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The MySQL store's tables, for tests that empty or drop them; each test class has a database of its own. */
final class MySqlTestStores {
    private static final List<String> TABLES = List.of("events", "number_links", "idempotency", "due_cases", "outbox");

    private MySqlTestStores() {
    }

    /**
     * The MariaDB test server, with a database of this name (created when missing), connected with
     * {@code allowMultiQueries=true}, as hosts did when the store needed it for one round trip per append.
     */
    static TestDatabase database(String name) {
        return TestDatabase.mariadb().database(name).withOption("allowMultiQueries=true");
    }

    /** The same without {@code allowMultiQueries}: an append is still one call of the store's procedure. */
    static TestDatabase plain(String name) {
        return TestDatabase.mariadb().database(name);
    }

    /** Empties every table of the store (not the schema version table). */
    static void empty(DataSource dataSource) {
        TestDatabase.empty(dataSource, TABLES.stream().map(table -> MySqlDialect.PREFIX + table).toList());
    }

    /** Drops every table of the store, the schema version table too, and the append procedure. */
    static void drop(DataSource dataSource) {
        for (String table : TABLES) {
            TestDatabase.execute(dataSource, "DROP TABLE IF EXISTS " + MySqlDialect.PREFIX + table);
        }
        TestDatabase.execute(dataSource, "DROP TABLE IF EXISTS " + MySqlDialect.PREFIX + "schema_version");
        TestDatabase.execute(dataSource, "DROP PROCEDURE IF EXISTS " + MySqlDialect.PREFIX + "append");
    }

    /** The {@code CREATE PROCEDURE} statement of the append procedure's migration file, for tests that recreate it. */
    static String appendProcedure() {
        String path = MySqlCaseStore.migrationLocation() + "/" + MySqlDialect.APPEND_PROCEDURE_FILE;
        try (InputStream in = MySqlCaseStore.class.getClassLoader().getResourceAsStream(path)) {
            String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return file.substring(file.indexOf("CREATE PROCEDURE"), file.indexOf("; END;") + "; END".length());
        } catch (IOException e) {
            throw new UncheckedIOException(path, e);
        }
    }
}
