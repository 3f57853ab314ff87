package dev.returnsync.supplier.http;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.returnsync.supplier.http.HttpFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The webhook's HTTP server under hostile clients, over raw sockets on the loopback interface: clients that stall
 * in the head or the body cost no worker thread and are cut off at the read deadline, and nothing a client sends
 * reaches the log unescaped.
 */
@Timeout(30)
class SupplierWebhookServerTest {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);

    private final TestClock clock = TestClock.at(T0);
    private ReturnSyncEngine engine;
    private SupplierWebhook webhook;
    private String resellerNumber;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore()).notifier(new InMemoryNotifier()).clock(clock)
                .build();
        webhook = SupplierWebhook.builder(engine).clock(clock).supplier(S1, SECRET_1)
                .threads(2).readTimeout(READ_TIMEOUT).build().start();
        resellerNumber = toNumberRequested(engine, CaseId.of("case-1"), S1);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        webhook.close();
        engine.close();
    }

    private Socket connect() throws IOException {
        URI u = webhook.callbackUri(S1);
        Socket s = new Socket(u.getHost(), u.getPort());
        s.setSoTimeout((int) READ_TIMEOUT.multipliedBy(5).toMillis());
        sockets.add(s);
        return s;
    }

    private Socket send(String raw) throws IOException {
        Socket s = connect();
        s.getOutputStream().write(raw.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
        return s;
    }

    /** Reads what the server sends until it closes the connection. */
    private static String readToClose(Socket s) throws IOException {
        try (InputStream in = s.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (SocketTimeoutException e) {
            fail("the server kept a stalled connection open past its read deadline");
            return null;
        }
    }

    @Test
    void clientsThatStallDoNotStarveTheOthersAndAreCutOffAtTheDeadline() throws Exception {
        String path = webhook.callbackUri(S1).getRawPath();
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // announces a body and never sends it
            stalled.add(send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"id\":"));
        }
        for (int i = 0; i < 6; i++) {
            // sends half a head and stops
            stalled.add(send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Le"));
        }
        Thread.sleep(100);

        long started = System.nanoTime();
        HttpResponse<String> normal = postSigned(webhook.callbackUri(S1), SECRET_1, clock.instant(),
                numberIssued("evt-1", resellerNumber, "ACME-1"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertEquals(200, normal.statusCode(), normal.body());
        assertTrue(took.compareTo(READ_TIMEOUT) < 0, "answered while 12 clients stall on 2 threads, took " + took);

        long cut = System.nanoTime();
        for (Socket s : stalled) {
            String answer = readToClose(s);
            assertTrue(answer.isEmpty() || answer.startsWith("HTTP/1.1 408"), answer);
        }
        Duration closedAfter = Duration.ofNanos(System.nanoTime() - cut);
        assertTrue(closedAfter.compareTo(READ_TIMEOUT.multipliedBy(3)) < 0, "stalled clients cut off, " + closedAfter);
    }

    @Test
    void stalledClientsCannotHoldEveryConnectionSlot() throws Exception {
        try (SupplierWebhook small = SupplierWebhook.builder(engine).clock(clock)
                .supplier(S1, SECRET_1).threads(1).maxConnections(4).readTimeout(Duration.ofSeconds(20)).build().start()) {
            URI u = small.callbackUri(S1);
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket(u.getHost(), u.getPort());
                sockets.add(s);
                s.getOutputStream().write(("POST " + u.getRawPath() + " HTTP/1.1\r\nContent-Length: 9\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            Thread.sleep(100);
            long started = System.nanoTime();
            HttpResponse<String> normal = postSigned(u, SECRET_1, clock.instant(),
                    numberIssued("evt-slot", resellerNumber, "ACME-1"));
            assertEquals(200, normal.statusCode(), normal.body());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0,
                    "answered long before the stalled clients' 20 s deadline");
        }
    }

    @Test
    void aBodyAnnouncedAboveTheLimitIsRefusedWithoutReadingIt() throws Exception {
        Socket s = send("POST " + webhook.callbackUri(S1).getRawPath() + " HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + (SupplierWebhook.MAX_BODY + 1) + "\r\n\r\n");
        assertTrue(readToClose(s).startsWith("HTTP/1.1 413"));
    }

    @Test
    void expectContinueIsAnsweredAndBodiesWithoutALengthAreRefused() throws Exception {
        String path = webhook.callbackUri(S1).getRawPath();
        byte[] body = numberIssued("evt-continue", resellerNumber, "ACME-5").getBytes(StandardCharsets.UTF_8);
        long ts = clock.instant().getEpochSecond();
        Socket s = send("POST " + path + " HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
                + body.length + "\r\n" + CallbackSignature.TIMESTAMP_HEADER + ": " + ts + "\r\n"
                + CallbackSignature.SIGNATURE_HEADER + ": " + CallbackSignature.sign(SECRET_1, ts, body) + "\r\n\r\n");
        byte[] interim = s.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n", new String(interim, StandardCharsets.ISO_8859_1));
        s.getOutputStream().write(body);
        String answer = readToClose(s);
        assertTrue(answer.startsWith("HTTP/1.1 200"), answer);

        assertTrue(readToClose(send("POST " + path + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "2\r\n{}\r\n0\r\n\r\n")).startsWith("HTTP/1.1 411"));
        assertTrue(readToClose(send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n")).startsWith("HTTP/1.1 405"));
        assertTrue(readToClose(send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                + "Content-Length: 3\r\n\r\n{}")).startsWith("HTTP/1.1 400"), "two lengths");
        assertTrue(readToClose(send("POST " + path + " HTTP/1.1\r\nX: " + "a".repeat(CallbackHttpServer.MAX_HEAD)
                + "\r\n\r\n")).startsWith("HTTP/1.1 431"), "a head above 8 KiB");
    }

    @Test
    void requestContentNeverReachesTheLogUnescaped() throws Exception {
        String hostile = "\u202Eevil\u2028FAKE LOG LINE\u2029\r\nFAKE\u0085\u200B\u0007";
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // an unknown supplier named by the path, with and without control characters
            for (String name : List.of(hostile, "\u202Eevil\u2028FAKE\u2029\u200B")) {
                String segment = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
                readToClose(send("POST /returnsync/suppliers/" + segment + "/callbacks HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Length: 2\r\n\r\n{}"));
            }
            // hostile headers on a known supplier
            readToClose(send("POST " + webhook.callbackUri(S1).getRawPath() + " HTTP/1.1\r\nHost: x\r\n"
                    + CallbackSignature.TIMESTAMP_HEADER + ": " + hostile.replace("\r\n", "") + "\r\n"
                    + CallbackSignature.SIGNATURE_HEADER + ": v1=" + hostile.replace("\r\n", "") + "\r\n"
                    + "Content-Length: 2\r\n\r\n{}"));
            readToClose(send("POST " + webhook.callbackUri(S1).getRawPath() + " HTTP/1.1\r\nHost: x\r\n"
                    + CallbackSignature.TIMESTAMP_HEADER + ": " + clock.instant().getEpochSecond() + "\r\n"
                    + CallbackSignature.SIGNATURE_HEADER + ": v1=00\r\n"
                    + "Content-Length: " + hostile.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + hostile));
            // a signed callback whose fields are hostile
            String json = "{\"id\":\"" + escapeJson(hostile) + "\",\"type\":\"" + escapeJson(hostile) + "\",\"tenant\":\""
                    + TENANT.value() + "\",\"resellerNumber\":\"" + escapeJson(hostile) + "\"}";
            postSigned(webhook.callbackUri(S1), SECRET_1, clock.instant(), json);
            String jsonUnknown = "{\"id\":\"evt-" + escapeJson(hostile) + "\",\"type\":\"NUMBER_ISSUED\",\"tenant\":\""
                    + TENANT.value() + "\",\"resellerNumber\":\"RS-" + escapeJson(hostile)
                    + "\",\"supplierNumber\":\"X-1\"}";
            postSigned(webhook.callbackUri(S1), SECRET_1, clock.instant(), jsonUnknown);
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("SupplierWebhook"), "the refusals were logged: " + log);
        for (char c : new char[] {'\u202E', '\u2028', '\u2029', '\u0085', '\u200B', '\u0007', '\r'}) {
            assertEquals(-1, log.indexOf(c), "U+" + Integer.toHexString(c) + " in the log: " + log);
        }
        for (String line : log.split("\n")) {
            assertFalse(line.startsWith("FAKE"), "a forged log line: " + line);
        }
        assertFalse(log.contains("evil"), "unverified content in the log: " + log);
    }

    private static String escapeJson(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }
}
