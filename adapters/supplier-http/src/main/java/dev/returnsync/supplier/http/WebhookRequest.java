package dev.returnsync.supplier.http;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An HTTP request for {@link SupplierWebhook#handle(WebhookRequest)}, as any HTTP server sees it: a host builds one
 * from its own request type (a servlet's, Spring MVC's, the JDK server's) and writes the {@link WebhookResponse}
 * back. See {@code docs/http-supplier.md}, "Hosting the webhook".
 *
 * @param method the request method, e.g. {@code POST}
 * @param path the request path as sent, still percent-encoded, below the host's context path, e.g.
 *     {@code /returnsync/suppliers/acme/callbacks}; a query ({@code ?...}) is ignored
 * @param headers the request headers, one value each (the first, if the request repeated one); names are looked up
 *     without regard to case
 * @param body the exact bytes of the body (empty if none); at most {@link SupplierWebhook#MAX_BODY} are accepted,
 *     so a host reads at most one byte more than that
 */
public record WebhookRequest(String method, String path, Map<String, String> headers, byte[] body) {
    /**
     * A request; the headers and the body are copied.
     *
     * @param method the request method, e.g. {@code POST}
     * @param path the request path as sent, still percent-encoded, below the host's context path
     * @param headers the request headers, one value each; names compared without regard to case
     * @param body the exact bytes of the body, empty if none
     * @throws NullPointerException if an argument, a header name or a header value is null
     * @throws IllegalArgumentException if two header names differ only in case and their values differ (a
     *     servlet container may list a name twice in two cases; {@code getHeader} gives both the same value)
     */
    public WebhookRequest {
        Objects.requireNonNull(method, "method must not be null");
        Objects.requireNonNull(path, "path must not be null");
        Objects.requireNonNull(headers, "headers must not be null");
        Objects.requireNonNull(body, "body must not be null");
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, value) -> {
            Objects.requireNonNull(name, "a header name must not be null");
            Objects.requireNonNull(value, "a header value must not be null");
            String before = byName.putIfAbsent(name, value);
            if (before != null && !before.equals(value)) {
                throw new IllegalArgumentException("headers: two names differ only in case, with different values");
            }
        });
        headers = Collections.unmodifiableMap(byName);
        body = body.clone();
    }

    /**
     * The value of a header, whatever the case of its name, or {@code null} if the request has none.
     *
     * @param name the header's name, in any case
     * @return its value, or {@code null}
     */
    public String header(String name) {
        return headers.get(name);
    }

    /** {@return a copy of the body} */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookRequest r && method.equals(r.method) && path.equals(r.path)
                && headers.equals(r.headers) && Arrays.equals(body, r.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, headers, Arrays.hashCode(body));
    }

    /** The method, the path and the number of body bytes; never the headers or the body. */
    @Override
    public String toString() {
        return "WebhookRequest[" + LogSafe.text(method) + " " + LogSafe.text(path) + ", " + body.length + " bytes]";
    }
}
