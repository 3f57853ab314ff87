package dev.returnsync.examples.crash;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.DeadlinePolicy;
import dev.returnsync.core.domain.Policies;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.TimeoutAction;
import dev.returnsync.core.engine.DispatcherConfig;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.ForwardingCaseStore;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.supplier.SupplierCapabilities;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.store.postgres.PostgresCaseStore;
import dev.returnsync.supplier.http.HttpSupplierAdapter;
import dev.returnsync.supplier.http.HttpSupplierConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * One engine process of the crash test (started by {@link CrashTest}, killed with SIGKILL at random moments): an
 * engine over the shared PostgreSQL schema, with HTTP supplier adapters and a notifier that reach the parent's
 * {@link CrashSupplierSimulator}, a loop that runs deadlines and dispatch, a loop that fetches supplier callbacks and
 * applies them, and a {@link CrashDriver} that sends the parties' commands.
 *
 * <p>Arguments: slot, incarnation, simulator port, seed, the delivery time of the orders (epoch seconds). The
 * database comes from {@code RETURNSYNC_PG_URL}, {@code RETURNSYNC_PG_USER}, {@code RETURNSYNC_PG_PASSWORD}.
 *
 * <p>It reports to the parent on standard output, one line each: {@code ACCEPTED key case version} for every command
 * the store accepted, {@code PLANNED id effect case target} for every outbox entry of an appended batch, and
 * {@code SLOW_DISPATCH millis} for every run of deadlines and dispatch that took longer than the lease.
 */
public final class CrashChild {
    static final String SCHEMA = "crash_test";
    /** Longer than any single call takes (at most 3.4 s), shorter than a backlog takes to dispatch. */
    static final Duration LEASE = Duration.ofSeconds(5);

    private CrashChild() {
    }

    /** The workflow every process runs: short deadlines, so that they fire during the run. */
    static ReturnWorkflow workflow() {
        return ReturnWorkflow.builder()
                .policy(Policies.autoShareSupplierNumber())
                .deadlines(DeadlinePolicy.builder()
                        .on(LegState.AWAITING_SHIPMENT, Duration.ofSeconds(8), TimeoutAction.EXPIRE)
                        .on(LegState.RESULT_NOTIFIED, Duration.ofSeconds(3), TimeoutAction.AUTO_CONFIRM)
                        .build())
                .build();
    }

    public static void main(String[] args) throws Exception {
        int slot = Integer.parseInt(args[0]);
        String incarnation = args[1];
        int port = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        Instant delivered = Instant.ofEpochSecond(Long.parseLong(args[4]));
        PrintStream report = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        URI base = URI.create("http://127.0.0.1:" + port + "/" + incarnation + "/");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(System.getenv("RETURNSYNC_PG_URL"));
        pool.setUsername(System.getenv("RETURNSYNC_PG_USER"));
        pool.setPassword(System.getenv("RETURNSYNC_PG_PASSWORD"));
        pool.setMaximumPoolSize(4);
        CaseStore postgres = PostgresCaseStore.builder(new HikariDataSource(pool)).schema(SCHEMA).build();
        CaseStore store = new ForwardingCaseStore(postgres) {
            @Override
            public void append(AppendBatch batch) {
                super.append(batch);
                for (OutboxEntry entry : batch.outbox()) {
                    report.println("PLANNED " + entry.id() + " " + entry.effect() + " " + entry.caseId().value() + " "
                            + entry.target());
                }
            }
        };
        ReturnSyncEngine engine = ReturnSyncEngine.builder()
                .store(store)
                .notifier(new HttpNotifier(http, base))
                .suppliers(SupplierRegistry.of(
                        adapter(base, CrashSupplierSimulator.SUPPLIER_IN_REPLY, SupplierCapabilities.replyOnly()),
                        adapter(base, CrashSupplierSimulator.SUPPLIER_BY_CALLBACK, SupplierCapabilities.push())))
                .workflow(workflow())
                .random(new SplittableRandom(seed ^ incarnation.hashCode()))
                .dispatcherConfig(DispatcherConfig.custom().owner(incarnation).batchSize(5).lease(LEASE)
                        .initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(2))
                        .maxAttempts(1_000).pollInterval(Duration.ofSeconds(1)).build())
                .build();

        loop("dispatch", () -> {
            long start = System.nanoTime();
            engine.runOnce(Instant.now());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > LEASE.toMillis()) {
                report.println("SLOW_DISPATCH " + millis);   // the backlog outlasted the lease
            }
            sleep(50);
        });
        loop("callbacks", () -> {
            if (!CrashCallbacks.deliverOne(http, base, engine)) {
                sleep(100);
            }
        });
        new CrashDriver(slot, seed, delivered, engine, http, base, report).run();
        Thread.currentThread().join();   // after the driving: dispatch and callbacks go on until killed
    }

    private static HttpSupplierAdapter adapter(URI base, String supplier, SupplierCapabilities capabilities) {
        return new HttpSupplierAdapter(HttpSupplierConfig.builder(SupplierId.of(supplier), base.resolve(supplier + "/"))
                .capabilities(capabilities).connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(10)).build());
    }

    private static void loop(String name, Runnable step) {
        Thread thread = new Thread(() -> {
            while (true) {
                try {
                    step.run();
                } catch (Throwable e) {
                    System.err.println("CrashChild " + name + ": " + e);
                    sleep(100);
                }
            }
        }, "crash-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Delivers notifications to the parent over HTTP; anything but a 2xx throws, so the engine retries. */
    private record HttpNotifier(HttpClient http, URI base) implements Notifier {
        @Override
        public void deliver(Notification notification) {
            URI uri = base.resolve("notify/" + URLEncoder.encode(notification.id(), StandardCharsets.UTF_8));
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("notification channel answered " + response.statusCode());
                }
            } catch (IOException e) {
                throw new IllegalStateException("notification channel unreachable", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
