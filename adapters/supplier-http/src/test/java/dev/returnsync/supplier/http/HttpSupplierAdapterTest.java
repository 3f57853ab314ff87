package dev.returnsync.supplier.http;

import com.sun.net.httpserver.HttpServer;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.json.Json;
import dev.returnsync.spi.supplier.SupplierCapabilities;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import static dev.returnsync.supplier.http.HttpFixtures.S1;
import static org.junit.jupiter.api.Assertions.*;

/** The adapter's HTTP details against a scripted server: headers, body, status mapping, Retry-After, error texts. */
@Timeout(30)
class HttpSupplierAdapterTest {
    private static final Instant NOW = Instant.parse("2026-11-03T08:00:00Z");
    private static final TenantId TENANT = TenantId.of("商店 1");

    private record Seen(String method, String rawPath, Map<String, List<String>> headers, String body) {
    }

    private record Scripted(int status, Map<String, String> headers, String body) {
    }

    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<Seen> seen = new ArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Scripted next;
                synchronized (this) {
                    seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                            Map.copyOf(exchange.getRequestHeaders()), body));
                    next = script.isEmpty() ? new Scripted(200, Map.of(), "{\"status\":\"PENDING\"}") : script.poll();
                }
                next.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                byte[] bytes = next.body().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(next.status(), bytes.length == 0 ? -1 : bytes.length);
                if (bytes.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
    }

    private HttpSupplierAdapter adapter(SupplierCapabilities capabilities) {
        return new HttpSupplierAdapter(HttpSupplierConfig.builder(S1, base()).capabilities(capabilities)
                .connectTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(2)).bearerToken("tok-9")
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());
    }

    private synchronized void answer(int status, Map<String, String> headers, String body) {
        script.add(new Scripted(status, headers, body));
    }

    private static SupplierRequest.RequestReturn request() {
        return new SupplierRequest.RequestReturn("case-1/4/REQUEST_RETURN/acme", TENANT, CaseId.of("case-1"), S1,
                ReturnNumber.resellerReturn(TENANT, "RS-1"), ReturnNumber.customerRequest(TENANT, "AS-9"),
                List.of(LineQuantity.of("SKU-红", 2)), OutcomeType.EXCHANGE,
                new Reason(ReasonCode.QUALITY_ISSUE, "破洞 \"big\"\n 13800138000", List.of(Evidence.of(EvidenceKind.PHOTO, "p1.jpg"))));
    }

    @Test
    void sendsTheKeyTheTokenAndTheJsonBody() {
        answer(201, Map.of(), "{\"status\":\"ISSUED\",\"resellerNumber\":\"RS-1\",\"supplierNumber\":\"ACME-1\"}");
        assertEquals(SupplierReply.numberIssued("ACME-1"), adapter(SupplierCapabilities.push()).requestReturn(request()));
        Seen call = seen.get(0);
        assertEquals("POST", call.method());
        assertEquals("/api/v1/returns", call.rawPath());
        assertEquals(List.of("case-1/4/REQUEST_RETURN/acme"), call.headers().get("Idempotency-key"));
        assertEquals(List.of("Bearer tok-9"), call.headers().get("Authorization"));
        assertTrue(call.headers().get("Content-type").get(0).startsWith("application/json"));
        Map<String, Object> body = Json.parseObject(call.body());
        assertEquals("商店 1", body.get("tenant"));
        assertEquals("RS-1", body.get("resellerNumber"));
        assertEquals("AS-9", body.get("customerNumber"));
        assertEquals("EXCHANGE", body.get("outcome"));
        assertEquals(List.of(Map.of("sku", "SKU-红", "quantity", 2L)), body.get("lines"));
        assertEquals(Map.of("code", "QUALITY_ISSUE", "text", "破洞 \"big\"\n 13800138000", "evidence", List.of(Map.of("kind", "PHOTO", "reference", "p1.jpg"))),
                body.get("reason"));
    }

    @Test
    void pathsArePercentEncodedAndPollsUseGet() {
        answer(200, Map.of(), "{\"status\":\"ISSUED\",\"supplierNumber\":\"ACME-1\"}");
        SupplierRequest.RequestReturn r = request();
        SupplierReply.ToPoll reply = adapter(SupplierCapabilities.pullOnly()).poll(new SupplierRequest.Poll("poll-1",
                r.tenant(), r.caseId(), S1, r.resellerNumber(), null));
        assertEquals(SupplierReply.numberIssued("ACME-1"), reply);
        assertEquals("GET", seen.get(0).method());
        assertEquals("/api/v1/returns/%E5%95%86%E5%BA%97%201/RS-1", seen.get(0).rawPath());
        assertEquals("商店 1", Wire.decodeSegment("%E5%95%86%E5%BA%97%201"));
    }

    @Test
    void anInspectedReturnIsTheResultOnceTheNumberIsKnownAndTheNumberBefore() {
        HttpSupplierAdapter adapter = adapter(SupplierCapabilities.pullOnly());
        SupplierRequest.RequestReturn r = request();
        String inspected = "{\"status\":\"INSPECTED\",\"resellerNumber\":\"RS-1\",\"supplierNumber\":\"ACME-1\","
                + "\"received\":[{\"sku\":\"SKU-红\",\"quantity\":2}],\"result\":{"
                + "\"accepted\":[{\"sku\":\"SKU-红\",\"quantity\":1}],\"rejected\":[{\"sku\":\"SKU-红\",\"quantity\":1}],"
                + "\"note\":\"一件有污渍\",\"restockingFee\":{\"currency\":\"CNY\",\"amount\":\"5.00\"},"
                + "\"evidence\":[{\"kind\":\"PHOTO\",\"reference\":\"img/1.jpg\"},\"report-7.pdf\"]}}";
        answer(200, Map.of(), inspected);
        assertEquals(SupplierReply.resultReported(List.of(LineQuantity.of("SKU-红", 1)),
                        List.of(LineQuantity.of("SKU-红", 1))).withNote("一件有污渍")
                        .withRestockingFee(dev.returnsync.spi.Money.of("CNY", "5.00"))
                        .withEvidence(List.of(Evidence.of(EvidenceKind.PHOTO, "img/1.jpg"),
                                Evidence.of(EvidenceKind.DOCUMENT, "report-7.pdf"))),
                adapter.poll(poll(r, ReturnNumber.supplierReturn(S1, "ACME-1"))));
        answer(200, Map.of(), inspected);
        assertEquals(SupplierReply.numberIssued("ACME-1"), adapter.poll(poll(r, null)), "the number comes first");
        answer(200, Map.of(), inspected);
        assertEquals(SupplierReply.numberIssued("ACME-1"), adapter.requestReturn(r));
        answer(200, Map.of(), "{\"status\":\"INSPECTED\",\"supplierNumber\":\"ACME-1\",\"result\":{"
                + "\"accepted\":[],\"rejected\":[]}}");
        assertEquals(SupplierReply.resultReported(List.of(), List.of()),
                adapter.poll(poll(r, ReturnNumber.supplierReturn(S1, "ACME-1"))), "a refund-only leg's result");
    }

    @Test
    void aResultThatIsNotTheFormatIsRetriedAndNeverEchoed() {
        HttpSupplierAdapter adapter = adapter(SupplierCapabilities.pullOnly());
        SupplierRequest.RequestReturn r = request();
        ReturnNumber number = ReturnNumber.supplierReturn(S1, "ACME-1");
        for (String result : List.of("", ",\"result\":[]", ",\"result\":{\"accepted\":[]}",
                ",\"result\":{\"accepted\":[],\"rejected\":[],\"restockingFee\":{\"currency\":\"CNY\",\"amount\":5}}",
                ",\"result\":{\"accepted\":[{\"sku\":\"SKU-1\",\"quantity\":1},{\"sku\":\"SKU-1\",\"quantity\":1}],"
                        + "\"rejected\":[]}",
                ",\"result\":{\"accepted\":[],\"rejected\":[],\"note\":\"call 13800138000\\u0000\"}")) {
            answer(200, Map.of(), "{\"status\":\"INSPECTED\",\"supplierNumber\":\"ACME-1\"" + result + "}");
            SupplierReply.ToPoll reply = adapter.poll(poll(r, number));
            assertEquals(SupplierReply.RetryableFailure.class, reply.getClass(), result + ": " + reply);
            assertEquals("supplier acme: poll: unreadable reply", ((SupplierReply.RetryableFailure) reply).error());
        }
    }

    private static SupplierRequest.Poll poll(SupplierRequest.RequestReturn r, ReturnNumber number) {
        return new SupplierRequest.Poll("poll-1", r.tenant(), r.caseId(), S1, r.resellerNumber(), number);
    }

    @Test
    void statusesMapToRetryableOrPermanent() {
        HttpSupplierAdapter adapter = adapter(SupplierCapabilities.push());
        for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
            answer(status, Map.of(), "");
            SupplierReply.ToRequest reply = adapter.requestReturn(request());
            assertEquals(SupplierReply.RetryableFailure.class, reply.getClass(), status + ": " + reply);
            assertTrue(((SupplierReply.RetryableFailure) reply).error().contains("HTTP " + status));
        }
        for (int status : new int[] {301, 400, 401, 403, 404, 409, 410, 422}) {
            answer(status, status == 301 ? Map.of("Location", "http://127.0.0.1:1/elsewhere") : Map.of(), "");
            SupplierReply.ToRequest reply = adapter.requestReturn(request());
            assertEquals(SupplierReply.PermanentFailure.class, reply.getClass(), status + ": " + reply);
        }
        assertEquals(14, seen.size(), "no redirect followed, no retry by the client");
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        HttpSupplierAdapter adapter = adapter(SupplierCapabilities.push());
        answer(429, Map.of("Retry-After", "120"), "");
        assertEquals(Duration.ofSeconds(120), ((SupplierReply.RetryableFailure) adapter.requestReturn(request())).retryAfter());
        answer(503, Map.of("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90)
                .atZone(ZoneOffset.UTC))), "");
        assertEquals(Duration.ofSeconds(90), ((SupplierReply.RetryableFailure) adapter.requestReturn(request())).retryAfter());
        answer(503, Map.of("Retry-After", "soon"), "");
        assertNull(((SupplierReply.RetryableFailure) adapter.requestReturn(request())).retryAfter());
    }

    @Test
    void errorTextsCarryPlainErrorCodesButNeverTheBody() {
        HttpSupplierAdapter adapter = adapter(SupplierCapabilities.push());
        answer(422, Map.of(), "{\"error\":\"invalid_sku\",\"message\":\"customer 13800138000 at 北京 has no SKU-红\"}");
        String error = ((SupplierReply.PermanentFailure) adapter.requestReturn(request())).error();
        assertEquals("supplier acme: request-return: HTTP 422 (invalid_sku)", error);
        answer(500, Map.of(), "{\"error\":\"customer 13800138000 is angry\"}");
        String other = ((SupplierReply.RetryableFailure) adapter.requestReturn(request())).error();
        assertEquals("supplier acme: request-return: HTTP 500", other, "a code that is not a plain token is left out");
    }

    @Test
    void unreadableAnswersAndUnknownStates() {
        HttpSupplierAdapter adapter = adapter(SupplierCapabilities.push());
        answer(200, Map.of(), "<html>proxy error</html>");
        assertEquals(SupplierReply.RetryableFailure.class, adapter.requestReturn(request()).getClass());
        answer(200, Map.of(), "{\"status\":\"TELEPORTED\"}");
        assertEquals(SupplierReply.PermanentFailure.class, adapter.requestReturn(request()).getClass());
        answer(200, Map.of(), "{\"status\":\"DECLINED\",\"reason\":{\"code\":\"OTHER\",\"text\":\"too late\"}}");
        assertEquals(SupplierReply.declined(Reason.of(ReasonCode.OTHER, "too late")), adapter.requestReturn(request()));
    }

    @Test
    void undeclaredCapabilitiesMakeNoCall() {
        HttpSupplierAdapter adapter = adapter(SupplierCapabilities.push().withCancellation(false));
        SupplierRequest.RequestReturn r = request();
        assertEquals(SupplierReply.PermanentFailure.class, adapter.poll(new SupplierRequest.Poll("p", r.tenant(),
                r.caseId(), S1, r.resellerNumber(), null)).getClass());
        assertEquals(SupplierReply.PermanentFailure.class, adapter.cancel(new SupplierRequest.Cancel("c", r.tenant(),
                r.caseId(), S1, r.resellerNumber(), null)).getClass());
        assertEquals(List.of(), seen);
    }

    @Test
    void anUnreachableSupplierIsARetryableFailure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        HttpSupplierAdapter adapter = new HttpSupplierAdapter(HttpSupplierConfig.builder(S1,
                URI.create("http://127.0.0.1:" + port + "/")).connectTimeout(Duration.ofMillis(500))
                .requestTimeout(Duration.ofMillis(500)).build());
        long start = System.nanoTime();
        SupplierReply.ToRequest reply = adapter.requestReturn(request());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0);
        assertEquals(SupplierReply.RetryableFailure.class, reply.getClass(), reply.toString());
    }

    @Test
    void theConfigurationChecksItsSettings() {
        HttpSupplierConfig.Builder builder = HttpSupplierConfig.builder(S1, base());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> builder.requestTimeout(Duration.ZERO));
        assertTrue(zero.getMessage().contains("requestTimeout"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.connectTimeout(Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> HttpSupplierConfig.builder(S1, URI.create("ftp://x/")).build());
        assertThrows(IllegalArgumentException.class, () -> builder.bearerToken("two words").build());
        assertEquals(URI.create(base() + "/"), HttpSupplierConfig.builder(S1, base()).build().baseUri());
        assertEquals(Duration.ofSeconds(15), HttpSupplierConfig.builder(S1, base()).build().callTimeout());
    }
}
