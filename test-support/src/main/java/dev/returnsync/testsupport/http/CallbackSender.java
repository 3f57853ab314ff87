package dev.returnsync.testsupport.http;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends the simulated supplier's callbacks to the reseller's webhook, signed as the wire format says:
 * {@code v1=} and the hex of {@code HMAC-SHA256(secret, timestamp + "." + body)}.
 */
final class CallbackSender {
    static final String TIMESTAMP_HEADER = "X-Returnsync-Timestamp";
    static final String SIGNATURE_HEADER = "X-Returnsync-Signature";

    private final URI uri;
    private final byte[] secret;
    private final Clock clock;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** A sender to the webhook at {@code uri}, signing with {@code secret} (checked by the server's builder). */
    CallbackSender(URI uri, byte[] secret, Clock clock) {
        this.uri = uri;
        this.secret = secret.clone();
        this.clock = clock;
    }

    /** Sends one callback of a return, synchronously; the reseller's status, or -1 if no answer came. */
    SimulatedSupplierServer.SentCallback send(String type, String tenant, String resellerNumber,
                                              Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "evt-" + UUID.randomUUID());
        body.put("type", type);
        body.put("tenant", tenant);
        body.put("resellerNumber", resellerNumber);
        body.putAll(extra);
        byte[] bytes = WireDocuments.bytes(body);
        long seconds = clock.instant().getEpochSecond();
        String timestamp = Long.toString(seconds);
        String signature = sign(seconds, bytes);
        int status;
        try {
            status = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", WireDocuments.JSON)
                    .header(TIMESTAMP_HEADER, timestamp)
                    .header(SIGNATURE_HEADER, signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        return new SimulatedSupplierServer.SentCallback((String) body.get("id"), type, timestamp, signature,
                new String(bytes, StandardCharsets.UTF_8), status);
    }

    private String sign(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
