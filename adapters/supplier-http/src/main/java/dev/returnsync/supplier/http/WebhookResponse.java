package dev.returnsync.supplier.http;

import dev.returnsync.spi.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@link SupplierWebhook#handle(WebhookRequest)}, for the host's HTTP server to send as it is: the
 * status, the headers (always {@code Content-Type}, sometimes {@code Allow}) and a small JSON body.
 *
 * @param status the HTTP status
 * @param headers the headers to set, in order
 * @param body the body, JSON in UTF-8
 */
public record WebhookResponse(int status, Map<String, String> headers, byte[] body) {
    /** The content type of every answer. */
    public static final String CONTENT_TYPE = Wire.JSON;

    /**
     * An answer; the headers and the body are copied.
     *
     * @param status the HTTP status, 100 to 599
     * @param headers the headers to set, in order
     * @param body the body, JSON in UTF-8
     */
    public WebhookResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100 to 599, was " + status);
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers must not be null")));
        body = Objects.requireNonNull(body, "body must not be null").clone();
    }

    /** A JSON answer: {@code Content-Type} and the given headers, and the document as the body. */
    static WebhookResponse json(int status, Map<String, String> headers, Map<String, Object> document) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", CONTENT_TYPE);
        all.putAll(headers);
        return new WebhookResponse(status, all, Json.write(document).getBytes(StandardCharsets.UTF_8));
    }

    /** A refusal: {@code {"error": "<code>"}}. */
    static WebhookResponse error(int status, String code) {
        return json(status, Map.of(), Map.of("error", code));
    }

    /** {@return a copy of the body} */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookResponse r && status == r.status && headers.equals(r.headers)
                && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    /** The status and the number of body bytes. */
    @Override
    public String toString() {
        return "WebhookResponse[" + status + ", " + body.length + " bytes]";
    }
}
