package dev.returnsync.supplier.http;

import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierCapabilities;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A {@link SupplierAdapter} over the JDK {@link HttpClient}, for a supplier whose API speaks the wire format of
 * {@code docs/http-supplier.md} (or a gateway in front of it that does).
 *
 * <ul>
 *   <li>Every call sends the {@code Idempotency-Key} header with {@link SupplierRequest#idempotencyKey()}; the
 *       supplier deduplicates by it, so a retried call never makes a second return.</li>
 *   <li>Timeouts: a connect timeout on the client and a request timeout on each call; the whole call, the body
 *       included, is bounded by {@link HttpSupplierConfig#callTimeout()}.</li>
 *   <li>Size: at most {@link HttpSupplierConfig#maxResponseBytes()} of an answer are read (a longer answer is cut
 *       off, a longer declared one not read); a 2xx answer above it is a {@link SupplierReply.RetryableFailure},
 *       an error status keeps its mapping.</li>
 *   <li>Status mapping: 2xx is parsed; 408, 429, 5xx, timeouts, lost connections and unreadable 2xx bodies are
 *       {@link SupplierReply.RetryableFailure}s (with the {@code Retry-After} the supplier sent, in seconds or as a
 *       date); every other status (3xx, other 4xx) is a {@link SupplierReply.PermanentFailure}.</li>
 *   <li>Error texts name the supplier, the call, the status and the supplier's error code (when it is a plain
 *       token), never a response body, a request field or an exception message: no personal data.</li>
 * </ul>
 *
 * Thread-safe; one instance per supplier.
 */
public final class HttpSupplierAdapter implements SupplierAdapter {
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private final HttpSupplierConfig config;
    private final HttpClient client;

    /**
     * An adapter with its own HTTP/1.1 client (the config's connect timeout, redirects not followed).
     *
     * @param config the supplier's API and its settings
     */
    public HttpSupplierAdapter(HttpSupplierConfig config) {
        this(config, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Objects.requireNonNull(config, "config must not be null").connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /**
     * An adapter with the given client (e.g. with the host's proxy or TLS settings).
     *
     * @param config the supplier's API and its settings
     * @param client the client the calls go through; its connect timeout and redirects are the host's
     */
    public HttpSupplierAdapter(HttpSupplierConfig config, HttpClient client) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.client = Objects.requireNonNull(client, "client must not be null");
    }

    /** {@return the configuration} */
    public HttpSupplierConfig config() {
        return config;
    }

    @Override
    public SupplierId supplier() {
        return config.supplier();
    }

    @Override
    public SupplierCapabilities capabilities() {
        return config.capabilities();
    }

    @Override
    public SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenant", request.tenant().value());
        body.put("resellerNumber", request.resellerNumber().value());
        body.put("customerNumber", request.customerNumber().value());
        body.put("outcome", request.outcome().name());
        body.put("lines", Wire.lines(request.lines()));
        body.put("reason", Wire.reason(request.reason()));
        try {
            Map<String, Object> reply = exchange("request-return", "POST", "v1/returns", request, body);
            String status = Wire.string(reply, "status");
            switch (status) {
                case Wire.ISSUED:
                case Wire.RECEIVED:
                case Wire.INSPECTED:
                    return SupplierReply.numberIssued(Wire.string(reply, "supplierNumber"));
                case Wire.PENDING:
                    return SupplierReply.pending();
                case Wire.DECLINED:
                    return SupplierReply.declined(declineReason(reply));
                case Wire.CANCELLED:
                    return SupplierReply.failed(prefix("request-return") + "the supplier shows the return as cancelled");
                default:
                    return SupplierReply.failed(prefix("request-return") + "unknown return status");
            }
        } catch (Failed f) {
            return f.retryable != null ? f.retryable : f.permanent;
        } catch (Wire.WireException e) {
            return SupplierReply.retryLater(prefix("request-return") + "unreadable reply");
        }
    }

    @Override
    public SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplierNumber", request.supplierNumber() == null ? null : request.supplierNumber().value());
        body.put("carrier", request.tracking().scope());
        body.put("trackingNumber", request.tracking().value());
        return notice("share-tracking", returnPath(request) + "/tracking", request, body);
    }

    @Override
    public SupplierReply.ToPoll poll(SupplierRequest.Poll request) {
        if (!config.capabilities().pullPolling()) {
            return SupplierAdapter.super.poll(request);
        }
        try {
            Map<String, Object> reply = exchange("poll", "GET", returnPath(request), request, null);
            String status = Wire.string(reply, "status");
            boolean numberKnown = request.supplierNumber() != null;
            switch (status) {
                case Wire.PENDING:
                    return SupplierReply.nothingNew();
                case Wire.ISSUED:
                    return numberKnown ? SupplierReply.nothingNew()
                            : SupplierReply.numberIssued(Wire.string(reply, "supplierNumber"));
                case Wire.RECEIVED:
                    return numberKnown ? SupplierReply.received(Wire.readLines(reply.get("received"), "received"))
                            : SupplierReply.numberIssued(Wire.string(reply, "supplierNumber"));
                case Wire.INSPECTED:
                    return numberKnown ? Wire.readResult(Wire.object(reply.get("result"), "result"))
                            : SupplierReply.numberIssued(Wire.string(reply, "supplierNumber"));
                case Wire.DECLINED:
                    return SupplierReply.declined(declineReason(reply));
                case Wire.CANCELLED:
                    return SupplierReply.failed(prefix("poll") + "the supplier shows the return as cancelled");
                default:
                    return SupplierReply.failed(prefix("poll") + "unknown return status");
            }
        } catch (Failed f) {
            return f.retryable != null ? f.retryable : f.permanent;
        } catch (Wire.WireException e) {
            return SupplierReply.retryLater(prefix("poll") + "unreadable reply");
        }
    }

    @Override
    public SupplierReply.ToNotice cancel(SupplierRequest.Cancel request) {
        if (!config.capabilities().cancellation()) {
            return SupplierAdapter.super.cancel(request);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplierNumber", request.supplierNumber() == null ? null : request.supplierNumber().value());
        return notice("cancel", returnPath(request) + "/cancel", request, body);
    }

    private SupplierReply.ToNotice notice(String call, String path, SupplierRequest request, Map<String, Object> body) {
        try {
            exchange(call, "POST", path, request, body);
            return SupplierReply.done();
        } catch (Failed f) {
            return f.retryable != null ? f.retryable : f.permanent;
        }
    }

    private static Reason declineReason(Map<String, Object> reply) {
        Object reason = reply.get("reason");
        return reason == null ? Reason.of(ReasonCode.OTHER, "") : Wire.readReason(reason);
    }

    private static String returnPath(SupplierRequest request) {
        return "v1/returns/" + Wire.segment(request.tenant().value()) + "/" + Wire.segment(request.resellerNumber().value());
    }

    private String prefix(String call) {
        return "supplier " + config.supplier() + ": " + call + ": ";
    }

    /** A call that did not get a usable 2xx answer: exactly one of the two replies is set. */
    private static final class Failed extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient SupplierReply.RetryableFailure retryable;
        private final transient SupplierReply.PermanentFailure permanent;

        Failed(SupplierReply.RetryableFailure retryable) {
            super(null, null, false, false);
            this.retryable = retryable;
            this.permanent = null;
        }

        Failed(SupplierReply.PermanentFailure permanent) {
            super(null, null, false, false);
            this.retryable = null;
            this.permanent = permanent;
        }
    }

    /** Sends one call and returns the parsed 2xx body (an empty object for an empty body). */
    private Map<String, Object> exchange(String call, String method, String path, SupplierRequest request,
                                         Map<String, Object> body) throws Failed {
        URI uri = config.baseUri().resolve(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(config.requestTimeout())
                .header("Accept", "application/json")
                .header(Wire.IDEMPOTENCY_KEY, request.idempotencyKey());
        if (config.bearerToken() != null) {
            builder.header("Authorization", "Bearer " + config.bearerToken());
        }
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", Wire.JSON).method(method, HttpRequest.BodyPublishers.ofByteArray(Wire.bytes(body)));
        }
        HttpResponse<LimitedBody> response = send(call, builder.build());
        int status = response.statusCode();
        LimitedBody content = response.body();
        if (status >= 200 && status < 300) {
            if (content.overflowed()) {
                throw new Failed(SupplierReply.retryLater(prefix(call) + "answer above "
                        + config.maxResponseBytes() + " bytes"));
            }
            if (content.bytes().length == 0) {
                return Map.of();
            }
            return Wire.parse(content.bytes());
        }
        String what = prefix(call) + "HTTP " + status + (content.overflowed() ? "" : errorCode(content.bytes()));
        if (status == 408 || status == 429 || status >= 500) {
            throw new Failed(SupplierReply.retryLater(what, retryAfter(response)));
        }
        throw new Failed(SupplierReply.failed(what));
    }

    private HttpResponse<LimitedBody> send(String call, HttpRequest httpRequest) throws Failed {
        CompletableFuture<HttpResponse<LimitedBody>> future = client.sendAsync(httpRequest,
                LimitedBody.handler(config.maxResponseBytes()));
        try {
            return future.get(config.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new Failed(SupplierReply.retryLater(prefix(call) + "no answer within "
                    + config.callTimeout().toMillis() + " ms"));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Failed(SupplierReply.retryLater(prefix(call) + "interrupted"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            String what;
            if (cause instanceof HttpConnectTimeoutException) {
                what = "no connection within " + config.connectTimeout().toMillis() + " ms";
            } else if (cause instanceof HttpTimeoutException) {
                what = "no answer within " + config.requestTimeout().toMillis() + " ms";
            } else if (cause instanceof ConnectException) {
                what = "connection refused";
            } else if (cause instanceof IOException) {
                what = "connection lost (" + cause.getClass().getSimpleName() + ")";
            } else {
                what = "failed (" + (cause == null ? "unknown" : cause.getClass().getSimpleName()) + ")";
            }
            throw new Failed(SupplierReply.retryLater(prefix(call) + what));
        }
    }

    /** The supplier's error code from an error body, when it is a plain token; else nothing. */
    private static String errorCode(byte[] body) {
        try {
            Object code = Wire.parse(body).get("error");
            if (code instanceof String s && ERROR_CODE.matcher(s).matches()) {
                return " (" + s + ")";
            }
        } catch (RuntimeException e) {
            // not our JSON: say nothing about it
        }
        return "";
    }

    private Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, Duration.ofDays(1).toSeconds()));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration until = Duration.between(config.clock().instant(), at.toInstant());
                return until.isNegative() ? Duration.ZERO : until.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    @Override
    public String toString() {
        return "HttpSupplierAdapter[" + config.supplier() + " at " + config.baseUri() + "]";
    }
}
