package dev.returnsync.supplier.http;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.returnsync.supplier.http.HttpFixtures.S1;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The adapter reads at most {@link HttpSupplierConfig#maxResponseBytes()} of an answer: a loopback server streams a
 * huge body (valid JSON: blanks, then a return) from one small buffer, and the adapter gives up after the limit.
 */
@Timeout(30)
class HttpSupplierAdapterLimitTest {
    private static final long HUGE = 256L * 1024 * 1024;
    private static final String TAIL = "{\"status\":\"ISSUED\",\"supplierNumber\":\"ACME-1\"}";

    private ServerSocket server;
    private CompletableFuture<Long> written;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    /** Answers one call with the status and a body of {@link #HUGE} blanks and a return; completes with bytes sent. */
    private URI serveHuge(int status, boolean declareLength) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        written = CompletableFuture.supplyAsync(() -> {
            long sent = 0;
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                readHead(in);
                OutputStream out = s.getOutputStream();
                String head = "HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\n"
                        + (declareLength ? "Content-Length: " + (HUGE + TAIL.length()) + "\r\n"
                        : "Transfer-Encoding: chunked\r\n") + "\r\n";
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                byte[] blanks = new byte[64 * 1024];
                Arrays.fill(blanks, (byte) ' ');
                byte[] chunkHead = (Integer.toHexString(blanks.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                while (sent < HUGE) {
                    if (!declareLength) {
                        out.write(chunkHead);
                    }
                    out.write(blanks);
                    if (!declareLength) {
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    sent += blanks.length;
                }
                if (declareLength) {
                    out.write(TAIL.getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write((Integer.toHexString(TAIL.length()) + "\r\n" + TAIL + "\r\n0\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                }
                return sent;
            } catch (IOException e) {
                return sent;
            }
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/api/");
    }

    private static void readHead(InputStream in) throws IOException {
        int state = 0;
        long length = 0;
        StringBuilder line = new StringBuilder();
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            state = (b == '\r' && state % 2 == 0) || (b == '\n' && state % 2 == 1) ? state + 1 : 0;
            if (b == '\n') {
                String l = line.toString().trim().toLowerCase();
                if (l.startsWith("content-length:")) {
                    length = Long.parseLong(l.substring(15).trim());
                }
                line.setLength(0);
            } else if (b != '\r') {
                line.append((char) b);
            }
        }
        in.readNBytes((int) length);
    }

    private static HttpSupplierAdapter adapter(URI base) {
        return new HttpSupplierAdapter(HttpSupplierConfig.builder(S1, base).connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(10)).build());
    }

    private static SupplierRequest.RequestReturn request() {
        TenantId tenant = TenantId.of("shop-1");
        return new SupplierRequest.RequestReturn("case-1/4/REQUEST_RETURN/acme", tenant, CaseId.of("case-1"), S1,
                ReturnNumber.resellerReturn(tenant, "RS-1"), ReturnNumber.customerRequest(tenant, "AS-9"),
                List.of(LineQuantity.of("SKU-1", 2)), OutcomeType.EXCHANGE, Reason.of(ReasonCode.OTHER, "x"));
    }

    private long bytesSent() throws Exception {
        return written.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aStreamedAnswerAboveTheLimitIsARetryableFailureAfterTheLimit() throws Exception {
        SupplierReply.ToRequest reply = adapter(serveHuge(200, false)).requestReturn(request());
        assertEquals(SupplierReply.RetryableFailure.class, reply.getClass(), reply.toString());
        assertEquals("supplier acme: request-return: answer above 65536 bytes",
                ((SupplierReply.RetryableFailure) reply).error());
        assertTrue(bytesSent() < 32L * 1024 * 1024, "the adapter stopped reading; sent " + bytesSent());
    }

    @Test
    void anAnswerDeclaredAboveTheLimitIsNotRead() throws Exception {
        SupplierReply.ToRequest reply = adapter(serveHuge(200, true)).requestReturn(request());
        assertEquals(SupplierReply.RetryableFailure.class, reply.getClass(), reply.toString());
        assertTrue(bytesSent() < 32L * 1024 * 1024, "the adapter stopped reading; sent " + bytesSent());
    }

    @Test
    void aHugeErrorAnswerKeepsItsStatusMapping() throws Exception {
        SupplierReply.ToRequest permanent = adapter(serveHuge(422, false)).requestReturn(request());
        assertEquals(SupplierReply.failed("supplier acme: request-return: HTTP 422"), permanent);
        assertTrue(bytesSent() < 32L * 1024 * 1024);
        server.close();
        SupplierReply.ToRequest retryable = adapter(serveHuge(503, true)).requestReturn(request());
        assertEquals(SupplierReply.RetryableFailure.class, retryable.getClass(), retryable.toString());
        assertEquals("supplier acme: request-return: HTTP 503", ((SupplierReply.RetryableFailure) retryable).error());
    }

    @Test
    void theLimitIsConfigurable() throws Exception {
        HttpSupplierAdapter small = new HttpSupplierAdapter(HttpSupplierConfig.builder(S1, serveHuge(200, false))
                .maxResponseBytes(1024).build());
        assertEquals(1024, small.config().maxResponseBytes());
        SupplierReply.ToRequest reply = small.requestReturn(request());
        assertEquals("supplier acme: request-return: answer above 1024 bytes",
                ((SupplierReply.RetryableFailure) reply).error());
        assertEquals(64 * 1024, HttpSupplierConfig.builder(S1, URI.create("http://x/")).build().maxResponseBytes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpSupplierConfig.builder(S1, URI.create("http://x/")).maxResponseBytes(0));
        assertTrue(e.getMessage().contains("maxResponseBytes"), e.getMessage());
    }
}
