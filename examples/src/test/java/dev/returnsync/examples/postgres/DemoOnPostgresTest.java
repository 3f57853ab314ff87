package dev.returnsync.examples.postgres;

import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.examples.demo.Demo;
import dev.returnsync.examples.demo.DemoResult;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.store.postgres.PostgresCaseStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The demo on PostgreSQL ({@code --postgres}) prints exactly the timeline it prints on the in-memory store: same
 * events, versions, numbers, supplier calls, retries, deadlines and final states (see {@link ExampleDatabase}).
 */
@Timeout(120)
class DemoOnPostgresTest {
    private static final String SCHEMA = "demo_test";

    @Test
    void the_demo_prints_the_same_timeline_on_postgres_as_in_memory() {
        DataSource dataSource = ExampleDatabase.configured().dataSource();
        ExampleDatabase.dropSchema(dataSource, SCHEMA);
        PostgresCaseStore store = PostgresCaseStore.builder(dataSource).schema(SCHEMA).build();

        ByteArrayOutputStream onPostgres = new ByteArrayOutputStream();
        DemoResult result = Demo.run(store, "a store", new PrintStream(onPostgres, true, StandardCharsets.UTF_8));
        ByteArrayOutputStream inMemory = new ByteArrayOutputStream();
        Demo.run(new InMemoryCaseStore(), "a store", new PrintStream(inMemory, true, StandardCharsets.UTF_8));

        assertTrue(result.checksPassed(), "the demo's own checks on PostgreSQL: " + result.failures());
        assertEquals(inMemory.toString(StandardCharsets.UTF_8), onPostgres.toString(StandardCharsets.UTF_8));
        assertEquals(21, store.load(TenantId.of("shop-hz"), CaseId.of("case-1002")).orElseThrow().version(), "the events are in the database");
        ExampleDatabase.dropSchema(dataSource, SCHEMA);
    }
}
