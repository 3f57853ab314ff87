package dev.returnsync.spring;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.engine.CaseView;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import dev.returnsync.store.postgres.PostgresCaseStore;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * On a real PostgreSQL: the starter detects it and keeps cases there; stopping the context while the loop works an
 * entry finishes that work, and a new context on the same database finds nothing left behind.
 *
 * <p>The server comes from {@code RETURNSYNC_PG_URL}, {@code _USER}, {@code _PASSWORD} ({@code .ci/pg-start.sh});
 * without one the test fails when {@code CI=true} and is skipped otherwise ({@link TestDatabase}).
 */
@Timeout(120)
class PostgresAutoConfigurationTest {
    private static final String SCHEMA = "returnsync_spring_test";

    private final HikariDataSource dataSource = TestDatabase.postgres().pool(4);

    @AfterEach
    void dropTheSchema() {
        TestDatabase.execute(dataSource, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        dataSource.close();
    }

    @Test
    void stoppingTheContextFinishesTheClaimedWorkAndANewContextFindsNothingLeft() throws Exception {
        CountDownLatch calling = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger delivered = new AtomicInteger();
        Notifier slow = notification -> {
            calling.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.incrementAndGet();
        };
        CaseId caseId = CaseId.of("case-spring-stop");
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ReturnSyncAutoConfiguration.class))
                .withBean(DataSource.class, () -> SharedDataSource.of(dataSource))
                .withPropertyValues("returnsync.store.schema=" + SCHEMA, "returnsync.loop.interval=20ms",
                        "returnsync.dispatch.lease=30s");

        runner.withBean(Notifier.class, () -> slow).run(context -> {
            CaseStore store = context.getBean(CaseStore.class);
            assertInstanceOf(PostgresCaseStore.class, store, "PostgreSQL detected from the connection");
            assertEquals(SCHEMA, ((PostgresCaseStore) store).schema());
            context.getBean(ReturnSyncEngine.class).execute(ReturnFlow.submit(caseId, SupplierId.of("acme"),
                    "AS-SPRING-1"));
            assertTrue(calling.await(20, TimeUnit.SECONDS), "the loop works the notification");
            Thread releaser = new Thread(() -> {
                sleep(300);
                release.countDown();
            });
            releaser.start();
            context.close(); // waits for the run in progress, which finishes its entry
            releaser.join();
        });
        assertEquals(1, delivered.get());

        runner.withPropertyValues("returnsync.loop.enabled=false").run(context -> {
            ReturnSyncEngine engine = context.getBean(ReturnSyncEngine.class);
            CaseView view = engine.caseView(ReturnFlow.RESELLER, caseId);
            assertEquals(List.of(), view.pending(), "no work left claimed or pending");
            assertEquals(List.of(), view.parked());
            assertEquals(0, engine.dispatchPending().handled());
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
