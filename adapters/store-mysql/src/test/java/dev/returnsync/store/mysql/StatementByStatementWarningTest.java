package dev.returnsync.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A store whose connections refuse several statements in one call says so once at start, naming the option that
 * gives one round trip per append; a store whose connections accept them says nothing.
 */
@Timeout(60)
class StatementByStatementWarningTest {
    @Test
    void warnsOnceWithoutAllowMultiQueries() {
        String log = startLog(MySqlTestStores.statementByStatement("returnsync_warning_plain"));
        assertEquals(1, log.split("allowMultiQueries=true", -1).length - 1, log);
        assertTrue(log.contains("WARN"), log);
    }

    @Test
    void silentWithAllowMultiQueries() {
        String log = startLog(MySqlTestStores.database("returnsync_warning_multi"));
        assertFalse(log.contains("allowMultiQueries"), log);
    }

    /** What building a store on the database writes to the log (slf4j-simple writes to the standard error). */
    private static String startLog(TestDatabase database) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (HikariDataSource pool = database.pool(2)) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            MySqlCaseStore.builder(pool).build();
        } finally {
            System.setErr(err);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
