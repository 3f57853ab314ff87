package dev.returnsync.supplier.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.testkit.TestClock;
import dev.returnsync.testsupport.InMemoryNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.returnsync.supplier.http.HttpFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link SupplierWebhook#handle(WebhookRequest)} hosted by another HTTP server than the bundled one, the JDK's
 * {@code com.sun.net.httpserver}, the way a servlet or a Spring MVC controller hosts it: the host copies the method,
 * the raw path, the headers and at most {@code MAX_BODY + 1} body bytes into a {@link WebhookRequest} and writes the
 * {@link WebhookResponse} back. Real HTTP on the loopback interface.
 */
@Timeout(60)
class SupplierWebhookHostingTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final TestClock clock = TestClock.at(T0);
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final CaseId c = CaseId.of("case-hosted");
    private ReturnSyncEngine engine;
    private SupplierWebhook webhook;
    private HttpServer host;
    private String resellerNumber;

    @BeforeEach
    void start() throws IOException {
        engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier()).clock(clock).build();
        webhook = SupplierWebhook.builder(engine).clock(clock).supplier(S1, SECRET_1).build();
        host = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        host.createContext("/", this::serve);
        host.start();
        resellerNumber = toNumberRequested(engine, c, S1);
    }

    @AfterEach
    void stop() {
        host.stop(0);
        engine.close();
    }

    /** What a host writes: copy the request in, the answer out. */
    private void serve(HttpExchange exchange) throws IOException {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(SupplierWebhook.MAX_BODY + 1);
            }
            WebhookResponse response = webhook.handle(new WebhookRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), headers, body));
            response.headers().forEach(exchange.getResponseHeaders()::set);
            byte[] content = response.body();
            exchange.sendResponseHeaders(response.status(), content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        } finally {
            exchange.close();
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + host.getAddress().getPort() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSignedCallbackThroughAnotherServerIsAppliedAndAnswered200() throws Exception {
        byte[] body = numberIssued("evt-hosted-1", resellerNumber, "ACME-7").getBytes(StandardCharsets.UTF_8);
        long ts = clock.instant().getEpochSecond();
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/returnsync/suppliers/acme/callbacks"))
                .header("x-returnsync-timestamp", Long.toString(ts)) // header names in any case
                .header("X-RETURNSYNC-SIGNATURE", CallbackSignature.sign(SECRET_1, ts, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(WebhookResponse.CONTENT_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"status\":\"accepted\",\"callbackId\":\"evt-hosted-1\",\"replayed\":false}", response.body());
        assertEquals(LegState.NUMBER_ISSUED, engine.caseView(reseller(), c).state().leg(S1).orElseThrow().state());

        HttpResponse<String> again = postSigned(uri("/returnsync/suppliers/acme/callbacks"), SECRET_1, clock.instant(),
                body);
        assertEquals(409, again.statusCode());
        assertEquals("{\"error\":\"replayed\"}", again.body());
    }

    @Test
    void theHostedHandlerAnswersPathsMethodsSizesAndForgeriesLikeTheBundledServer() throws Exception {
        long before = store.load(TENANT, c).orElseThrow().version();
        String callback = numberIssued("evt-hosted-2", resellerNumber, "EVIL-1");
        assertEquals(404, send(HttpRequest.newBuilder(uri("/elsewhere")).GET()).statusCode());
        HttpResponse<String> get = send(HttpRequest.newBuilder(uri("/returnsync/suppliers/acme/callbacks")).GET());
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.headers().firstValue("Allow").orElseThrow());
        assertEquals(404, postSigned(uri("/returnsync/suppliers/nobody/callbacks"), SECRET_1, clock.instant(), callback)
                .statusCode(), "no secret for that supplier");
        assertEquals(401, postSigned(uri("/returnsync/suppliers/acme/callbacks"),
                "not-the-shared-secret-at-all".getBytes(StandardCharsets.UTF_8), clock.instant(), callback)
                .statusCode());
        byte[] huge = new byte[SupplierWebhook.MAX_BODY + 10];
        HttpResponse<String> tooLarge = postSigned(uri("/returnsync/suppliers/acme/callbacks"), SECRET_1,
                clock.instant(), huge);
        assertEquals(413, tooLarge.statusCode(), "the host read MAX_BODY + 1 bytes: enough to know");
        assertEquals(before, store.load(TENANT, c).orElseThrow().version(), "nothing refused changed anything");
    }

    @Test
    void aRequestValueLooksUpHeadersInAnyCaseAndRefusesOneNameWithTwoValues() {
        WebhookRequest request = new WebhookRequest("POST", "/p", Map.of("X-Returnsync-Timestamp", "1"), new byte[] {1});
        assertEquals("1", request.header("x-returnsync-timestamp"));
        assertNull(request.header("X-Returnsync-Signature"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WebhookRequest("POST",
                "/p", Map.of("X-A", "secret-1", "x-a", "secret-2"), new byte[0]));
        assertFalse(e.getMessage().contains("secret"), "the values are not repeated");
        assertEquals("v", new WebhookRequest("POST", "/p", Map.of("X-A", "v", "x-a", "v"), new byte[0]).header("X-A"),
                "one name listed in two cases with one value, as a servlet container may");
        byte[] body = {1, 2};
        WebhookRequest copy = new WebhookRequest("POST", "/p", Map.of(), body);
        body[0] = 9;
        assertArrayEquals(new byte[] {1, 2}, copy.body(), "the body is copied in");
        assertEquals(List.of(), List.copyOf(copy.headers().keySet()));
    }
}
