package dev.returnsync.examples.shop;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.LineQuantity;
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
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The sample shop on a real PostgreSQL and a random port, driven over HTTP by its three parties through both tables
 * of the seed (文本1 ①-⑦, the return flow; 文本2 ①-⑤, the return-number sync), with the supplier's own system on
 * loopback calling back through the signed webhook. After each step every party sees the leg's new state and finds
 * the return by each number it has so far. Then a partial refund is negotiated instead of a return, and a refused
 * return is applied for again. Then the actuator shows the commands by type and outcome, the outbox
 * drained and the health {@code UP}; then a supplier answering 500 or closing the connection shows as a growing
 * failure count and, once its work parks, as {@code DEGRADED} health, until the staff puts the work back.
 *
 * <p>The server comes from {@code RETURNSYNC_PG_URL}, {@code _USER}, {@code _PASSWORD} ({@code .ci/pg-start.sh});
 * without one the test fails when {@code CI=true} and is skipped otherwise ({@link TestDatabase}).
 */
@Timeout(240)
class ShopOverHttpTest {
    private static final String SECRET = "acme-callback-secret-0123456789";
    private static final String SCHEMA = "returnsync_shop_test";
    private static final String TENANT = "shop-1";
    private static final String CUSTOMER = "/api/shop-1/customers/c-1";
    private static final String STAFF = "/api/shop-1/staff/staff-1";
    private static final String SUPPLIER = "/api/shop-1/suppliers/acme";
    private static final String TRACKING = "SF1234567890";
    private static final int MAX_ATTEMPTS = 6;

    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @Test
    void bothSeedTablesRunThroughTheShopOverHttpAndAFailingSupplierDegradesItsHealth() throws Exception {
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
                     "--returnsync.dispatch.backoff.initial=300ms", "--returnsync.dispatch.backoff.max=600ms",
                     "--returnsync.dispatch.max-attempts=" + MAX_ATTEMPTS, "--returnsync.health.max-parked=0",
                     "--returnsync.health.max-overdue=2s",
                     "--shop.acme.url=" + acme.baseUri(), "--returnsync.webhook.secrets.acme[0]=" + SECRET)) {
            walkBothSeedTables(acme);
            negotiatesAPartialRefund();
            appliesAgainAfterARefusal();
            showsTheWalkInHealthAndMetrics();
            showsAFailingSupplier(acme);
        } finally {
            try (HikariDataSource pool = database.pool(1)) {
                TestDatabase.execute(pool, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    private void walkBothSeedTables(SimulatedSupplierServer acme) throws Exception {
        // 文本1 ① and 文本2 ①: the customer submits the return (客户提交退货申请)
        String caseId = field(submit("order-1", "AS-1001"), "caseId");
        String resellerNumber = field(get(STAFF + "/returns/" + caseId), "resellerNumber");
        everyPartySees(caseId, "REQUESTED", "文本1 ①, 文本2 ①");
        everyPartyFinds(caseId, "AS-1001", resellerNumber);

        // 文本1 ② and 文本2 ②: the staff negotiates, the supplier agrees (代发商与供应商协商)
        send("POST", STAFF + "/returns/" + caseId + "/legs/acme/negotiation", null, 200);
        everyPartySees(caseId, "NEGOTIATING", "文本1 ②, 文本2 ②: negotiation opened");
        send("POST", SUPPLIER + "/returns/" + caseId + "/agreement", null, 200);
        everyPartySees(caseId, "AGREED", "文本1 ②, 文本2 ②: the supplier agreed");

        // 文本1 ③ and 文本2 ③: the staff applies for the return and its number (代发商向供应商申请退货(单号))
        send("POST", STAFF + "/returns/" + caseId + "/legs/acme/application", null, 200);
        everyPartySees(caseId, "NUMBER_REQUESTED", "文本1 ③, 文本2 ③");
        await(() -> acme.status(TENANT, resellerNumber).isPresent(), "the loop asked the supplier over HTTP");

        // 文本2 ④: the supplier's system issues its number by a signed callback (供应商提供退货单号)
        List<SimulatedSupplierServer.SentCallback> issued = acme.issuePendingNumbers();
        assertEquals(1, issued.size());
        assertEquals(200, issued.get(0).status(), "the signed NUMBER_ISSUED callback was accepted");
        String supplierNumber = acme.supplierNumber(TENANT, resellerNumber).orElseThrow();
        everyPartySees(caseId, "NUMBER_ISSUED", "文本2 ④");
        assertEquals(supplierNumber, field(get(STAFF + "/returns/" + caseId), "supplierNumber"));
        assertEquals(supplierNumber, field(get(SUPPLIER + "/returns/" + caseId), "supplierNumber"));

        // 文本2 ⑤: the staff tells the customer the supplier's number (代发商将退货单号告知客户)
        send("POST", STAFF + "/returns/" + caseId + "/legs/acme/number-shared", null, 200);
        everyPartySees(caseId, "AWAITING_SHIPMENT", "文本2 ⑤");
        assertEquals(supplierNumber, field(get(CUSTOMER + "/returns/" + caseId), "supplierNumber"));
        everyPartyFinds(caseId, "AS-1001", resellerNumber, supplierNumber);

        // between the tables: the customer sends the parcel back, and the loop passes its tracking number on
        send("POST", CUSTOMER + "/returns/" + caseId + "/legs/acme/shipment",
                "{\"carrier\": \"SF\", \"tracking\": \"" + TRACKING + "\"}", 200);
        everyPartySees(caseId, "SHIPPED", "the customer shipped");
        await(() -> acme.parcels(TENANT, resellerNumber).contains(new SimulatedSupplierServer.Parcel("SF", TRACKING)),
                "the loop told the supplier the tracking number over HTTP");
        everyPartyFinds(caseId, "AS-1001", resellerNumber, supplierNumber, TRACKING);

        // 文本1 ④: the supplier's system books the receipt by a signed callback (供应商确认退货并处理)
        assertEquals(200, acme.receive(TENANT, resellerNumber, List.of(LineQuantity.of("SKU-1", 1)))
                .orElseThrow().status(), "the signed RECEIVED callback was accepted");
        everyPartySees(caseId, "RECEIVED", "文本1 ④");

        // 文本1 ⑤: the supplier reports the result of its inspection (供应商向代发商确认退货处理结果)
        send("POST", SUPPLIER + "/returns/" + caseId + "/result", """
                {"accepted": [{"sku": "SKU-1", "quantity": 1}], "rejected": [], "note": "as new",
                 "restockingFee": {"currency": "CNY", "amount": "5.00"}}""", 200);
        everyPartySees(caseId, "RESULT_REPORTED", "文本1 ⑤");
        assertEquals("CNY 94.00", field(get(CUSTOMER + "/returns/" + caseId), "refund"), "99.00 less the fee");

        // 文本1 ⑥: the staff passes the result on to the customer (代发商向客户确认退货处理结果)
        send("POST", STAFF + "/returns/" + caseId + "/legs/acme/result-notice", """
                {"note": "refund of CNY 97.00 on its way", "compensation": {"currency": "CNY", "amount": "3.00"}}""",
                200);
        everyPartySees(caseId, "RESULT_NOTIFIED", "文本1 ⑥");
        assertEquals("CNY 97.00", field(get(CUSTOMER + "/returns/" + caseId), "refund"), "with the compensation");

        // 文本1 ⑦: the customer confirms the result (客户确认退货处理结果)
        send("POST", CUSTOMER + "/returns/" + caseId + "/legs/acme/confirmation", null, 200);
        everyPartySees(caseId, "COMPLETED", "文本1 ⑦");
        everyPartyFinds(caseId, "AS-1001", resellerNumber, supplierNumber, TRACKING);

        // a second confirmation is refused, and another customer does not see the return at all
        assertEquals("illegal_transition", field(send("POST", CUSTOMER + "/returns/" + caseId
                + "/legs/acme/confirmation", null, 422), "error"));
        assertEquals("illegal_transition", field(send("POST", CUSTOMER + "/returns/" + caseId + "/legs/acme/dispute",
                "{\"reason\": \"NOT_AS_DESCRIBED\", \"text\": \"too late\"}", 422), "error"),
                "a confirmed result is no longer disputed");
        send("GET", "/api/shop-1/customers/c-2/returns/" + caseId, null, 404);
        await(() -> field(get(STAFF + "/returns/" + caseId), "pendingWork").equals("0"), "the case's work is done");
        assertEquals("0", field(get(STAFF + "/returns/" + caseId), "parkedWork"));
    }

    /**
     * 代发商与供应商协商, settled without a return: the supplier offers a partial refund, the customer rejects it, the
     * staff offers more, the customer accepts, and the leg completes with that refund.
     */
    private void negotiatesAPartialRefund() throws Exception {
        String caseId = field(submit("order-3", "AS-1003"), "caseId");
        send("POST", STAFF + "/returns/" + caseId + "/legs/acme/negotiation", null, 200);
        send("POST", SUPPLIER + "/returns/" + caseId + "/partial-refund-offer",
                "{\"amount\": {\"currency\": \"CNY\", \"amount\": \"30.00\"}, \"note\": \"keep it\"}", 200);
        everyPartySees(caseId, "PARTIAL_REFUND_OFFERED", "the supplier offered a partial refund");
        send("POST", CUSTOMER + "/returns/" + caseId + "/legs/acme/partial-refund/rejection",
                "{\"reason\": \"OTHER\", \"text\": \"too little\"}", 200);
        everyPartySees(caseId, "NEGOTIATING", "the customer rejected it");
        assertEquals("malformed", field(send("POST", STAFF + "/returns/" + caseId + "/legs/acme/partial-refund-offer",
                "{\"amount\": {\"currency\": \"CNY\", \"amount\": \"-50\"}}", 400), "error"));
        send("POST", STAFF + "/returns/" + caseId + "/legs/acme/partial-refund-offer",
                "{\"amount\": {\"currency\": \"CNY\", \"amount\": \"50.00\"}}", 200);
        everyPartySees(caseId, "PARTIAL_REFUND_OFFERED", "the staff offered more");
        send("POST", CUSTOMER + "/returns/" + caseId + "/legs/acme/partial-refund/acceptance", null, 200);
        everyPartySees(caseId, "COMPLETED", "the customer accepted");
        assertEquals("CNY 50.00", field(get(CUSTOMER + "/returns/" + caseId), "refund"));
    }

    /** The supplier refuses the return, the customer applies again with a new reason, and the supplier agrees. */
    private void appliesAgainAfterARefusal() throws Exception {
        String caseId = field(submit("order-4", "AS-1004"), "caseId");
        send("POST", STAFF + "/returns/" + caseId + "/legs/acme/negotiation", null, 200);
        send("POST", SUPPLIER + "/returns/" + caseId + "/refusal",
                "{\"reason\": \"OTHER\", \"text\": \"worn\"}", 200);
        everyPartySees(caseId, "DECLINED", "the supplier refused");
        assertEquals("malformed", field(send("POST", CUSTOMER + "/returns/" + caseId + "/legs/acme/reapplication",
                "{\"text\": \"no code\"}", 400), "error"));
        send("POST", CUSTOMER + "/returns/" + caseId + "/legs/acme/reapplication",
                "{\"reason\": \"QUALITY_ISSUE\", \"text\": \"the seam is open, photo attached\"}", 200);
        everyPartySees(caseId, "NEGOTIATING", "the customer applied again");
        send("POST", SUPPLIER + "/returns/" + caseId + "/agreement", null, 200);
        everyPartySees(caseId, "AGREED", "the supplier agreed this time");
        send("POST", CUSTOMER + "/returns/" + caseId + "/legs/acme/cancellation", null, 200);
        everyPartySees(caseId, "CANCELLED", "the customer changed its mind");
    }

    private void showsTheWalkInHealthAndMetrics() throws Exception {
        for (String type : List.of("submit_return", "open_negotiation", "agree_return", "apply_for_return",
                "issue_supplier_number", "share_number_with_customer", "report_shipment", "confirm_receipt",
                "report_result", "report_result_to_customer", "confirm_result")) {
            assertTrue(count("/actuator/metrics/returnsync.commands?tag=type:" + type + "&tag=outcome:accepted") >= 1,
                    type + " accepted");
        }
        assertEquals(1, count("/actuator/metrics/returnsync.commands?tag=type:confirm_result&tag=outcome:refused"
                + "&tag=code:illegal_transition"));
        await(() -> value("/actuator/metrics/returnsync.outbox.pending") == 0, "the outbox drained to zero");
        assertEquals(0, value("/actuator/metrics/returnsync.outbox.parked"), "no parked work");
        await(() -> status("/actuator/health/returnsync").equals("UP"), "the engine's health is UP");
        String health = get("/actuator/health/returnsync");
        assertTrue(health.contains("\"loop\":\"running\""), health);
        assertTrue(health.contains("\"outboxPending\":0") && health.contains("\"outboxParked\":0"), health);
        assertEquals("UP", status("/actuator/health"));
    }

    private void showsAFailingSupplier(SimulatedSupplierServer acme) throws Exception {
        String caseId = field(submit("order-2", "AS-1002"), "caseId");
        String resellerNumber = field(get(STAFF + "/returns/" + caseId), "resellerNumber");
        send("POST", STAFF + "/returns/" + caseId + "/legs/acme/negotiation", null, 200);
        send("POST", SUPPLIER + "/returns/" + caseId + "/agreement", null, 200);
        // as many failures as attempts: three 500s, then three connections closed without an answer
        acme.inject(SimulatedSupplierServer.Fault.SERVER_ERROR, MAX_ATTEMPTS / 2);
        acme.inject(SimulatedSupplierServer.Fault.DROP_CONNECTION, MAX_ATTEMPTS - MAX_ATTEMPTS / 2);
        send("POST", STAFF + "/returns/" + caseId + "/legs/acme/application", null, 200);

        String failures = "/actuator/metrics/returnsync.supplier.failures?tag=supplier:acme&tag=kind:retryable"
                + "&tag=call:request_return";
        await(() -> count(failures) >= 1, "the supplier's first failure is counted");
        double first = count(failures);
        await(() -> count(failures) > first, "a failing supplier shows as a growing failure count");

        await(() -> status("/actuator/health/returnsync").equals("DEGRADED"), "the parked work degrades the health");
        assertTrue(get("/actuator/health/returnsync").contains("returnsync.health.max-parked"));
        assertEquals("DEGRADED", status("/actuator/health"), "DEGRADED counts in the overall status");
        assertEquals("1", field(get(STAFF + "/returns/" + caseId), "parkedWork"), "the request waits for a person");
        assertEquals(MAX_ATTEMPTS, count(failures), "one failure per attempt, then parked");
        assertTrue(acme.status(TENANT, resellerNumber).isEmpty(), "the supplier holds no return yet");

        // the supplier is back: the staff puts the parked request back in line, and the shop is healthy again
        assertEquals("1", send("POST", STAFF + "/returns/" + caseId + "/parked-work/retry", null, 200));
        await(() -> acme.status(TENANT, resellerNumber).isPresent(), "the request reached the supplier");
        await(() -> status("/actuator/health/returnsync").equals("UP"), "the health is UP again");
        assertEquals("0", field(get(STAFF + "/returns/" + caseId), "parkedWork"));
        everyPartySees(caseId, "NUMBER_REQUESTED", "the second return, applied for");
    }

    private String submit(String order, String customerNumber) throws Exception {
        return send("POST", CUSTOMER + "/returns", """
                {"order": "%s", "customerNumber": "%s",
                 "lines": [{"sku": "SKU-1", "supplier": "acme", "requested": 1, "delivered": 1,
                            "currency": "CNY", "price": "99.00"}],
                 "reason": "SIZE_OR_FIT", "text": "too small", "wanted": "RETURN_AND_REFUND",
                 "deliveredAt": "%s"}""".formatted(order, customerNumber, Instant.now().minus(Duration.ofDays(1))),
                201);
    }

    /** The customer, the staff and the supplier each see the return's one leg in {@code state}. */
    private void everyPartySees(String caseId, String state, String step) {
        for (String party : List.of(CUSTOMER, STAFF, SUPPLIER)) {
            assertEquals(state, field(get(party + "/returns/" + caseId), "state"), step + ", as seen by " + party);
        }
    }

    /** The customer, the staff and the supplier each find the return by every one of the numbers. */
    private void everyPartyFinds(String caseId, String... numbers) {
        for (String party : List.of(CUSTOMER, STAFF, SUPPLIER)) {
            for (String number : numbers) {
                String found = get(party + "/lookup?number=" + number);
                assertTrue(found.contains("\"caseId\":\"" + caseId + "\""), party + " finds " + number + ": " + found);
            }
        }
    }

    /** The COUNT of a meter, or 0 while it does not exist. */
    private double count(String path) {
        return statistic(path, "COUNT");
    }

    /** The VALUE of a gauge, or 0 while it does not exist. */
    private double value(String path) {
        return statistic(path, "VALUE");
    }

    private double statistic(String path, String statistic) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 404) {
                return 0;
            }
            Matcher m = Pattern.compile("\"statistic\":\"" + statistic + "\",\"value\":([0-9.NaE-]+)")
                    .matcher(response.body());
            assertTrue(m.find(), response.body());
            return Double.parseDouble(m.group(1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status of a health endpoint (its document's last field), whatever HTTP status it answers with. */
    private String status(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"status\":\"([A-Z_]+)\"}\\s*$").matcher(response.body());
            assertTrue(m.find(), response.body());
            return m.group(1);
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

    /** The first plain (not object or array) value of the field {@code name}. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"?([^\",}{\\[]+)").matcher(json);
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
