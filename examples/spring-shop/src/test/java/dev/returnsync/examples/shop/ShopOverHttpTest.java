package dev.returnsync.examples.shop;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import dev.returnsync.testsupport.SimulatedSupplier;
import dev.returnsync.testsupport.http.SimulatedSupplierServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The sample shop on a real PostgreSQL and a random port, driven over HTTP by its three parties, with the supplier's
 * own system on loopback calling back through the signed webhook; then the actuator shows the commands, the outbox
 * drained, and a failing supplier as a growing failure count.
 *
 * <p>The server comes from {@code RETURNSYNC_PG_URL}, {@code _USER}, {@code _PASSWORD} ({@code .ci/pg-start.sh});
 * without one the test fails when {@code CI=true} and is skipped otherwise ({@link TestDatabase}).
 */
@Timeout(180)
class ShopOverHttpTest {
    private static final String SECRET = "acme-callback-secret-0123456789";
    private static final String SCHEMA = "returnsync_shop_test";
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @Test
    void aReturnGoesThroughTheShopAndTheSupplierOverHttp() throws Exception {
        TestDatabase database = TestDatabase.postgres();
        int port = freePort();
        base = "http://127.0.0.1:" + port;
        try (SimulatedSupplierServer acme = SimulatedSupplierServer.builder(ShopApplication.ACME,
                        SimulatedSupplier.Style.NUMBER_BY_CALLBACK)
                .callbacks(URI.create(base + "/returnsync/suppliers/acme/callbacks"),
                        SECRET.getBytes(StandardCharsets.UTF_8)).start();
             ConfigurableApplicationContext shop = new SpringApplication(ShopApplication.class).run(
                     "--server.port=" + port, "--server.address=127.0.0.1",
                     "--spring.datasource.url=" + database.url(),
                     "--spring.datasource.username=" + database.user(),
                     "--spring.datasource.password=" + database.password(),
                     "--returnsync.store.schema=" + SCHEMA, "--returnsync.loop.interval=100ms",
                     "--returnsync.dispatch.backoff.initial=100ms", "--returnsync.dispatch.backoff.max=200ms",
                     "--shop.acme.url=" + acme.baseUri(), "--returnsync.webhook.secrets.acme[0]=" + SECRET)) {
            String submitted = send("POST", "/api/shop-1/customers/c-1/returns", """
                    {"order": "order-1", "customerNumber": "AS-1001",
                     "lines": [{"sku": "SKU-1", "supplier": "acme", "requested": 1, "delivered": 1,
                                "currency": "CNY", "price": "99.00"}],
                     "reason": "SIZE_OR_FIT", "text": "too small", "wanted": "RETURN_AND_REFUND",
                     "deliveredAt": "%s"}""".formatted(Instant.now().minus(Duration.ofDays(1))), 201);
            String caseId = field(submitted, "caseId");
            String resellerNumber = field(submitted, "resellerNumber");
            String staff = "/api/shop-1/staff/staff-1/returns/" + caseId;

            send("POST", staff + "/legs/acme/negotiation", null, 200);
            send("POST", "/api/shop-1/suppliers/acme/returns/" + caseId + "/agreement", null, 200);
            send("POST", staff + "/legs/acme/application", null, 200);
            await(() -> acme.status("shop-1", resellerNumber).isPresent(), "the loop asked the supplier over HTTP");
            assertEquals(200, acme.issuePendingNumbers().get(0).status(), "the signed callback was accepted");
            String supplierNumber = acme.supplierNumber("shop-1", resellerNumber).orElseThrow();
            assertTrue(send("POST", staff + "/legs/acme/number-shared", null, 200).contains(supplierNumber));

            String found = send("GET", "/api/shop-1/customers/c-1/lookup?number=" + supplierNumber, null, 200);
            assertTrue(found.contains(caseId), found);
            send("GET", "/api/shop-1/customers/c-2/returns/" + caseId, null, 404);
            await(() -> field(get(staff), "pendingWork").equals("0"), "the outbox drained");
            assertEquals("0", field(get(staff), "parkedWork"));

            String health = get("/actuator/health");
            assertTrue(health.contains("\"returnsync\""), health);
            assertTrue(health.contains("\"loop\":\"running\""), health);
            String commands = get("/actuator/metrics/returnsync.commands?tag=type:submit_return");
            assertTrue(commands.contains("\"COUNT\""), commands);

            acme.inject(SimulatedSupplierServer.Fault.SERVER_ERROR, 100);
            send("POST", "/api/shop-1/customers/c-1/returns/" + caseId + "/legs/acme/shipment",
                    "{\"carrier\": \"SF\", \"tracking\": \"SF1234567890\"}", 200);
            String failures = "/actuator/metrics/returnsync.supplier.failures?tag=supplier:acme&tag=kind:retryable";
            await(() -> count(failures) >= 2, "a failing supplier shows as a growing failure count");
            assertTrue(get(staff).contains("\"pendingWork\":1"), "the tracking number waits for its retry");
        } finally {
            try (HikariDataSource pool = database.pool(1)) {
                TestDatabase.execute(pool, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    /** The COUNT of a meter, or 0 while it does not exist. */
    private double count(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return 0;
            }
            Matcher m = Pattern.compile("\"statistic\":\"COUNT\",\"value\":([0-9.]+)").matcher(response.body());
            assertTrue(m.find(), response.body());
            return Double.parseDouble(m.group(1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String get(String path) {
        try {
            return send("GET", path, null, 200);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String send(String method, String path, String json, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Idempotency-Key", "k-" + UUID.randomUUID()).header("Content-Type", "application/json");
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}]*)").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertTrue(Instant.now().isBefore(until), "timed out: " + what);
            Thread.sleep(100);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
