package dev.returnsync.supplier.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.SupplierId;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A supplier's return API on the loopback interface, speaking the wire format of {@code docs/http-supplier.md}, for
 * tests and demos of {@link HttpSupplierAdapter} and {@link SupplierWebhook}. It behaves like a well-made supplier:
 * <ul>
 *   <li>it deduplicates by the {@code Idempotency-Key} header (per tenant): a repeated key answers the return it
 *       made (marked {@code Idempotent-Replayed: true}); the same key with another body is refused (409);</li>
 *   <li>it issues its numbers in the reply ({@link Style#NUMBER_IN_REPLY}), or later, when its staff works through
 *       the queue ({@link #issuePendingNumbers()}), telling the reseller by a <b>signed callback</b>
 *       ({@link Style#NUMBER_BY_CALLBACK}) or waiting to be polled ({@link Style#NUMBER_BY_POLLING});</li>
 *   <li>faults can be injected for the next calls ({@link #inject}): slow answers, 500s, 429 with
 *       {@code Retry-After}, connections closed before or after processing, 422 validation errors.</li>
 * </ul>
 * Thread-safe; bound to 127.0.0.1 on an ephemeral port; stop it with {@link #close()}.
 */
public final class SimulatedSupplierServer implements AutoCloseable {
    /** How the supplier hands out its numbers. */
    public enum Style {
        /** The number comes in the answer to the request (201, {@code ISSUED}). */
        NUMBER_IN_REPLY,
        /** The answer says {@code PENDING} (202); the number follows by a signed callback. */
        NUMBER_BY_CALLBACK,
        /** The answer says {@code PENDING} (202); the reseller polls for the number. */
        NUMBER_BY_POLLING
    }

    /** A fault for the next calls. */
    public enum Fault {
        /** Waits {@link Builder#slowDelay} before processing and answering. */
        SLOW,
        /** Answers 500 without processing. */
        SERVER_ERROR,
        /** Answers 429 with {@code Retry-After} (seconds) without processing. */
        RATE_LIMITED,
        /** Closes the connection without an answer, before processing. */
        DROP_CONNECTION,
        /** Processes the call, then closes the connection without an answer. */
        DROP_ANSWER,
        /** Answers 422 {@code invalid_request} without processing. */
        INVALID_REQUEST
    }

    /**
     * A parcel announced for a return.
     *
     * @param carrier the carrier code
     * @param trackingNumber the tracking number
     */
    public record Parcel(String carrier, String trackingNumber) {
    }

    /**
     * A callback the supplier sent to the reseller, as it went over the wire.
     *
     * @param id the callback id
     * @param type {@code NUMBER_ISSUED}, {@code DECLINED} or {@code RECEIVED}
     * @param timestamp the value of the timestamp header
     * @param signature the value of the signature header
     * @param body the body, UTF-8
     * @param status the HTTP status of the reseller's answer, or -1 if none came
     */
    public record Callback(String id, String type, String timestamp, String signature, String body, int status) {
    }

    private static final class StoredReturn {
        final String tenant;
        final String resellerNumber;
        String status;
        String supplierNumber;
        Reason declined;
        List<LineQuantity> received;
        final List<Parcel> parcels = new ArrayList<>();

        StoredReturn(String tenant, String resellerNumber, String status) {
            this.tenant = tenant;
            this.resellerNumber = resellerNumber;
            this.status = status;
        }
    }

    private record Keyed(String fingerprint, StoredReturn stored) {
    }

    private record Answer(int status, Map<String, Object> body, boolean replayed) {
    }

    private final SupplierId supplier;
    private final Style style;
    private final Duration slowDelay;
    private final int retryAfterSeconds;
    private final URI callbackUri;
    private final byte[] callbackSecret;
    private final String bearerToken;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;

    private final Deque<Fault> faults = new ArrayDeque<>();
    private final Map<String, StoredReturn> returns = new LinkedHashMap<>();
    private final Map<String, Keyed> requestKeys = new LinkedHashMap<>();
    private final Map<String, String> noticeKeys = new LinkedHashMap<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private int sequence;
    private int calls;

    private SimulatedSupplierServer(Builder b) {
        this.supplier = b.supplier;
        this.style = b.style;
        this.slowDelay = b.slowDelay;
        this.retryAfterSeconds = b.retryAfterSeconds;
        this.callbackUri = b.callbackUri;
        this.callbackSecret = b.callbackSecret;
        this.bearerToken = b.bearerToken;
        this.clock = b.clock;
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("could not bind the simulated supplier", e);
        }
        this.executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext("/v1/returns", this::serve);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        server.start();
    }

    /** A builder for a supplier's server; {@link Builder#start()} starts it. */
    public static Builder builder(SupplierId supplier, Style style) {
        return new Builder(supplier, style);
    }

    /** The base URI to configure in {@link HttpSupplierConfig}. */
    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/");
    }

    /** The supplier this server plays. */
    public SupplierId supplier() {
        return supplier;
    }

    /** Makes the next {@code count} calls meet the fault; faults queue up in the order injected. */
    public synchronized void inject(Fault fault, int count) {
        Objects.requireNonNull(fault, "fault must not be null");
        if (count < 0) {
            throw new IllegalArgumentException("count must be zero or more, was " + count);
        }
        for (int i = 0; i < count; i++) {
            faults.addLast(fault);
        }
    }

    /** How many returns the supplier holds. */
    public synchronized int returnsCreated() {
        return returns.size();
    }

    /** How many calls reached the server, faulty ones included. */
    public synchronized int calls() {
        return calls;
    }

    /** The parcels announced for a return, once per idempotency key, in order. */
    public synchronized List<Parcel> parcels(String tenant, String resellerNumber) {
        StoredReturn r = returns.get(id(tenant, resellerNumber));
        return r == null ? List.of() : List.copyOf(r.parcels);
    }

    /** The state of a return on the wire ({@code PENDING}, {@code ISSUED}, ...), or empty for an unknown one. */
    public synchronized Optional<String> status(String tenant, String resellerNumber) {
        StoredReturn r = returns.get(id(tenant, resellerNumber));
        return r == null ? Optional.empty() : Optional.of(r.status);
    }

    /** The supplier number of a return, or empty while none was issued. */
    public synchronized Optional<String> supplierNumber(String tenant, String resellerNumber) {
        StoredReturn r = returns.get(id(tenant, resellerNumber));
        return r == null ? Optional.empty() : Optional.ofNullable(r.supplierNumber);
    }

    /** Every callback sent, in order. */
    public synchronized List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    /**
     * The supplier's staff issues a number for every pending return; for {@link Style#NUMBER_BY_CALLBACK} each is
     * sent to the reseller as a signed callback (synchronously).
     *
     * @return the callbacks sent
     */
    public List<Callback> issuePendingNumbers() {
        List<StoredReturn> issued = new ArrayList<>();
        synchronized (this) {
            for (StoredReturn r : returns.values()) {
                if (Wire.PENDING.equals(r.status)) {
                    r.status = Wire.ISSUED;
                    r.supplierNumber = nextNumber();
                    issued.add(r);
                }
            }
        }
        List<Callback> sent = new ArrayList<>();
        if (style == Style.NUMBER_BY_CALLBACK) {
            for (StoredReturn r : issued) {
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("supplierNumber", r.supplierNumber);
                sent.add(sendCallback(r, "NUMBER_ISSUED", extra));
            }
        }
        return sent;
    }

    /**
     * The supplier books the receipt of a return's parcel; for {@link Style#NUMBER_BY_CALLBACK} it tells the reseller
     * by a signed callback.
     *
     * @return the callback sent, if any
     * @throws IllegalStateException if the return is unknown or has no number yet
     */
    public Optional<Callback> receive(String tenant, String resellerNumber, List<LineQuantity> quantities) {
        StoredReturn r;
        synchronized (this) {
            r = returns.get(id(tenant, resellerNumber));
            if (r == null || r.supplierNumber == null) {
                throw new IllegalStateException("no numbered return " + resellerNumber + " at " + supplier);
            }
            r.status = Wire.RECEIVED;
            r.received = List.copyOf(quantities);
        }
        if (style != Style.NUMBER_BY_CALLBACK) {
            return Optional.empty();
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("received", Wire.lines(quantities));
        return Optional.of(sendCallback(r, "RECEIVED", extra));
    }

    /**
     * The supplier declines a return it holds; for {@link Style#NUMBER_BY_CALLBACK} it tells the reseller by a signed
     * callback, otherwise a poll finds it.
     *
     * @return the callback sent, if any
     * @throws IllegalStateException if the return is unknown
     */
    public Optional<Callback> decline(String tenant, String resellerNumber, Reason reason) {
        Objects.requireNonNull(reason, "reason must not be null");
        StoredReturn r;
        synchronized (this) {
            r = returns.get(id(tenant, resellerNumber));
            if (r == null) {
                throw new IllegalStateException("no return " + resellerNumber + " at " + supplier);
            }
            r.status = Wire.DECLINED;
            r.declined = reason;
        }
        if (style != Style.NUMBER_BY_CALLBACK) {
            return Optional.empty();
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("reason", Wire.reason(reason));
        return Optional.of(sendCallback(r, "DECLINED", extra));
    }

    private Callback sendCallback(StoredReturn r, String type, Map<String, Object> extra) {
        if (callbackUri == null) {
            throw new IllegalStateException("no callback URI configured for " + supplier);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", "evt-" + UUID.randomUUID());
        body.put("type", type);
        body.put("tenant", r.tenant);
        body.put("resellerNumber", r.resellerNumber);
        body.putAll(extra);
        byte[] bytes = Wire.bytes(body);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String signature = CallbackSignature.sign(callbackSecret, Long.parseLong(timestamp), bytes);
        int status;
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(callbackUri)
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", Wire.JSON)
                    .header(CallbackSignature.TIMESTAMP_HEADER, timestamp)
                    .header(CallbackSignature.SIGNATURE_HEADER, signature)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        Callback callback = new Callback((String) body.get("id"), type, timestamp, signature,
                new String(bytes, StandardCharsets.UTF_8), status);
        synchronized (this) {
            callbacks.add(callback);
        }
        return callback;
    }

    private String nextNumber() {
        String prefix = supplier.value().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        prefix = prefix.isEmpty() ? "S" : prefix.substring(0, Math.min(8, prefix.length()));
        return prefix + "-" + String.format(Locale.ROOT, "%06d", ++sequence);
    }

    private static String id(String tenant, String resellerNumber) {
        return tenant + '\n' + resellerNumber;
    }

    // ------------------------------------------------------------------------------------------- HTTP

    private void serve(HttpExchange exchange) throws IOException {
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(256 * 1024);
            }
            Fault fault;
            synchronized (this) {
                calls++;
                fault = faults.pollFirst();
            }
            if (fault == Fault.DROP_CONNECTION) {
                return; // closed in finally, without an answer
            } else if (fault == Fault.SERVER_ERROR) {
                answer(exchange, new Answer(500, Map.of("error", "server_error"), false));
                return;
            } else if (fault == Fault.RATE_LIMITED) {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
                answer(exchange, new Answer(429, Map.of("error", "rate_limited"), false));
                return;
            } else if (fault == Fault.INVALID_REQUEST) {
                answer(exchange, new Answer(422, Map.of("error", "invalid_request"), false));
                return;
            } else if (fault == Fault.SLOW) {
                try {
                    Thread.sleep(slowDelay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Answer answer;
            if (bearerToken != null && !("Bearer " + bearerToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer = new Answer(401, Map.of("error", "unauthorized"), false);
            } else {
                try {
                    answer = route(exchange, body);
                } catch (Wire.WireException | IllegalArgumentException e) {
                    answer = new Answer(422, Map.of("error", "invalid_request"), false);
                }
            }
            if (fault == Fault.DROP_ANSWER) {
                return; // processed; closed in finally, without an answer
            }
            answer(exchange, answer);
        } finally {
            exchange.close();
        }
    }

    private Answer route(HttpExchange exchange, byte[] body) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String key = exchange.getRequestHeaders().getFirst(Wire.IDEMPOTENCY_KEY);
        List<String> parts = new ArrayList<>(Arrays.asList(path.substring("/v1/returns".length()).split("/", -1)));
        if (!parts.isEmpty() && parts.get(0).isEmpty()) {
            parts.remove(0);
        }
        if (parts.isEmpty() || (parts.size() == 1 && parts.get(0).isEmpty())) {
            if (!"POST".equals(method)) {
                return new Answer(405, Map.of("error", "method_not_allowed"), false);
            }
            return create(key, body);
        }
        if (parts.size() < 2) {
            return new Answer(404, Map.of("error", "not_found"), false);
        }
        String tenant = Wire.decodeSegment(parts.get(0));
        String resellerNumber = Wire.decodeSegment(parts.get(1));
        if (parts.size() == 2 && "GET".equals(method)) {
            synchronized (this) {
                StoredReturn r = returns.get(id(tenant, resellerNumber));
                return r == null ? new Answer(404, Map.of("error", "unknown_return"), false)
                        : new Answer(200, representation(r), false);
            }
        }
        if (parts.size() == 3 && "POST".equals(method) && ("tracking".equals(parts.get(2)) || "cancel".equals(parts.get(2)))) {
            return notice(parts.get(2), tenant, resellerNumber, key, body);
        }
        return new Answer(404, Map.of("error", "not_found"), false);
    }

    private Answer create(String key, byte[] body) {
        if (key == null || key.isBlank()) {
            return new Answer(400, Map.of("error", "missing_idempotency_key"), false);
        }
        Map<String, Object> doc = Wire.parse(body);
        String tenant = Wire.string(doc, "tenant");
        String resellerNumber = Wire.string(doc, "resellerNumber");
        Wire.string(doc, "customerNumber");
        Wire.string(doc, "outcome");
        if (Wire.readLines(doc.get("lines"), "lines").isEmpty()) {
            throw new Wire.WireException("field 'lines' must not be empty");
        }
        Wire.readReason(doc.get("reason"));
        String fingerprint = fingerprint(body);
        synchronized (this) {
            Keyed known = requestKeys.get(tenant + '\n' + key);
            if (known != null) {
                if (!known.fingerprint().equals(fingerprint)) {
                    return new Answer(409, Map.of("error", "idempotency_key_reused"), false);
                }
                return new Answer(200, representation(known.stored()), true);
            }
            if (returns.containsKey(id(tenant, resellerNumber))) {
                return new Answer(409, Map.of("error", "duplicate_return"), false);
            }
            StoredReturn r = new StoredReturn(tenant, resellerNumber, Wire.PENDING);
            if (style == Style.NUMBER_IN_REPLY) {
                r.status = Wire.ISSUED;
                r.supplierNumber = nextNumber();
            }
            returns.put(id(tenant, resellerNumber), r);
            requestKeys.put(tenant + '\n' + key, new Keyed(fingerprint, r));
            return new Answer(style == Style.NUMBER_IN_REPLY ? 201 : 202, representation(r), false);
        }
    }

    private Answer notice(String what, String tenant, String resellerNumber, String key, byte[] body) {
        if (key == null || key.isBlank()) {
            return new Answer(400, Map.of("error", "missing_idempotency_key"), false);
        }
        Map<String, Object> doc = Wire.parse(body);
        Parcel parcel = "tracking".equals(what)
                ? new Parcel(Wire.string(doc, "carrier"), Wire.string(doc, "trackingNumber")) : null;
        String fingerprint = what + '\n' + fingerprint(body);
        synchronized (this) {
            StoredReturn r = returns.get(id(tenant, resellerNumber));
            if (r == null) {
                return new Answer(404, Map.of("error", "unknown_return"), false);
            }
            String known = noticeKeys.get(tenant + '\n' + key);
            if (known != null) {
                return known.equals(fingerprint) ? new Answer(200, Map.of("status", "RECORDED"), true)
                        : new Answer(409, Map.of("error", "idempotency_key_reused"), false);
            }
            noticeKeys.put(tenant + '\n' + key, fingerprint);
            if (parcel != null) {
                r.parcels.add(parcel);
            } else {
                r.status = Wire.CANCELLED;
            }
            return new Answer(200, Map.of("status", "RECORDED"), false);
        }
    }

    private static Map<String, Object> representation(StoredReturn r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", r.status);
        out.put("resellerNumber", r.resellerNumber);
        out.put("supplierNumber", r.supplierNumber);
        if (r.declined != null) {
            out.put("reason", Wire.reason(r.declined));
        }
        if (r.received != null) {
            out.put("received", Wire.lines(r.received));
        }
        return out;
    }

    private static String fingerprint(byte[] body) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = Wire.bytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", Wire.JSON);
        if (answer.replayed()) {
            exchange.getResponseHeaders().set(Wire.REPLAYED, "true");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops the server at once; slow calls in progress are cut off. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Builds and starts a {@link SimulatedSupplierServer}. */
    public static final class Builder {
        private final SupplierId supplier;
        private final Style style;
        private Duration slowDelay = Duration.ofSeconds(5);
        private int retryAfterSeconds = 7;
        private URI callbackUri;
        private byte[] callbackSecret;
        private String bearerToken;
        private Clock clock = Clock.systemUTC();

        private Builder(SupplierId supplier, Style style) {
            this.supplier = Objects.requireNonNull(supplier, "supplier must not be null");
            this.style = Objects.requireNonNull(style, "style must not be null");
        }

        /** How long a {@link Fault#SLOW} call waits; 0 to 1 minute. Default 5 s. */
        public Builder slowDelay(Duration value) {
            Objects.requireNonNull(value, "slowDelay must not be null");
            if (value.isNegative() || value.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("slowDelay must be 0 to 1 minute, was " + value);
            }
            this.slowDelay = value;
            return this;
        }

        /** The {@code Retry-After} of a {@link Fault#RATE_LIMITED} answer, in seconds; 0 or more. Default 7. */
        public Builder retryAfterSeconds(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("retryAfterSeconds must be zero or more, was " + value);
            }
            this.retryAfterSeconds = value;
            return this;
        }

        /** Where to send signed callbacks, and the secret shared with the reseller (at least 16 bytes). */
        public Builder callbacks(URI uri, byte[] secret) {
            this.callbackUri = Objects.requireNonNull(uri, "callback uri must not be null");
            this.callbackSecret = CallbackSignature.checkSecret(secret);
            return this;
        }

        /** Where to send signed callbacks; they are signed with the {@link CallbackSecrets#signing() first} secret. */
        public Builder callbacks(URI uri, CallbackSecrets secrets) {
            return callbacks(uri, Objects.requireNonNull(secrets, "secrets must not be null").signing());
        }

        /** Requires {@code Authorization: Bearer <token>} on every call (401 otherwise). */
        public Builder bearerToken(String value) {
            this.bearerToken = Objects.requireNonNull(value, "bearerToken must not be null");
            return this;
        }

        /** The clock of the callback timestamps. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock must not be null");
            return this;
        }

        /** Starts the server. */
        public SimulatedSupplierServer start() {
            if (style == Style.NUMBER_BY_CALLBACK && callbackUri == null) {
                throw new IllegalStateException("a supplier that calls back needs callbacks(uri, secret)");
            }
            return new SimulatedSupplierServer(this);
        }
    }
}
