package dev.returnsync.testsupport.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.json.JsonException;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.testsupport.SimulatedSupplier.Style;
import dev.returnsync.testsupport.http.SupplierBook.Answer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A supplier's return API on the loopback interface, speaking the wire format of the HTTP supplier adapter
 * ({@code docs/http-supplier.md}), for tests of that adapter and of the webhook. It behaves like a well-made supplier:
 * <ul>
 *   <li>it deduplicates by the {@code Idempotency-Key} header (per tenant): a repeated key answers the return it
 *       made (marked {@code Idempotent-Replayed: true}); the same key with another body is refused (409);</li>
 *   <li>it issues its numbers in the reply ({@link Style#NUMBER_IN_REPLY}), or later, when its staff works through
 *       the queue ({@link #issuePendingNumbers()}), telling the reseller by a <b>signed callback</b>
 *       ({@link Style#NUMBER_BY_CALLBACK}) or waiting to be polled ({@link Style#NUMBER_BY_POLLING}); receipts,
 *       results of inspections and refusals go the same way ({@link #receive}, {@link #reportResult},
 *       {@link #decline});</li>
 *   <li>faults can be injected for the next calls ({@link #inject}): slow answers, 500s, 429 with
 *       {@code Retry-After}, connections closed before or after processing, 422 validation errors.</li>
 * </ul>
 * Thread-safe; bound to 127.0.0.1 on an ephemeral port; stop it with {@link #close()}.
 */
public final class SimulatedSupplierServer implements AutoCloseable {
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
     * A signed callback the supplier sent to the reseller, as it went over the wire.
     *
     * @param id the callback id
     * @param type {@code NUMBER_ISSUED}, {@code DECLINED}, {@code RECEIVED} or {@code RESULT_REPORTED}
     * @param timestamp the value of the timestamp header
     * @param signature the value of the signature header
     * @param body the body, UTF-8
     * @param status the HTTP status of the reseller's answer, or -1 if none came
     */
    public record SentCallback(String id, String type, String timestamp, String signature, String body, int status) {
    }

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final String RETURNS = "/v1/returns";

    private final SupplierId supplier;
    private final Style style;
    private final Duration slowDelay;
    private final int retryAfterSeconds;
    private final CallbackSender callbackSender;
    private final String bearerToken;
    private final HttpServer server;
    private final ExecutorService executor;

    private final SupplierBook book;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<SentCallback> callbacks = new ArrayList<>();
    private int calls;

    private SimulatedSupplierServer(Builder b) {
        this.supplier = b.supplier;
        this.style = b.style;
        this.slowDelay = b.slowDelay;
        this.retryAfterSeconds = b.retryAfterSeconds;
        this.callbackSender = b.callbackUri == null ? null : new CallbackSender(b.callbackUri, b.callbackSecret, b.clock);
        this.bearerToken = b.bearerToken;
        this.book = new SupplierBook(b.supplier, b.style);
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException("could not bind the simulated supplier", e);
        }
        this.executor = Executors.newFixedThreadPool(8);
        server.setExecutor(executor);
        server.createContext(RETURNS, this::serve);
        server.start();
    }

    /**
     * A builder for a supplier's server; {@link Builder#start()} starts it.
     *
     * @param supplier the supplier the server plays
     * @param style how it answers: by callback or by polling
     * @return the builder
     */
    public static Builder builder(SupplierId supplier, Style style) {
        return new Builder(supplier, style);
    }

    /**
     * The base URI of the supplier's API, for the adapter's configuration.
     *
     * @return {@code http://<loopback address>:<port>/}
     */
    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/");
    }

    /**
     * The supplier this server plays.
     *
     * @return the supplier
     */
    public SupplierId supplier() {
        return supplier;
    }

    /**
     * Makes the next {@code count} calls meet the fault; faults queue up in the order injected.
     *
     * @param fault what goes wrong
     * @param count how many calls meet it, 0 or more
     */
    public synchronized void inject(Fault fault, int count) {
        Objects.requireNonNull(fault, "fault must not be null");
        if (count < 0) {
            throw new IllegalArgumentException("count must be zero or more, was " + count);
        }
        for (int i = 0; i < count; i++) {
            faults.addLast(fault);
        }
    }

    /**
     * How many returns the supplier holds.
     *
     * @return the number of returns
     */
    public int returnsCreated() {
        return book.size();
    }

    /**
     * How many calls reached the server, faulty ones included.
     *
     * @return the number of calls
     */
    public synchronized int calls() {
        return calls;
    }

    /**
     * The parcels announced for a return, once per idempotency key, in order.
     *
     * @param tenant the tenant id, as on the wire
     * @param resellerNumber the reseller return number, as on the wire
     * @return the parcels; empty if none
     */
    public List<Parcel> parcels(String tenant, String resellerNumber) {
        return book.parcels(tenant, resellerNumber);
    }

    /**
     * The state of a return on the wire ({@code PENDING}, {@code ISSUED}, ...), or empty for an unknown one.
     *
     * @param tenant the tenant id, as on the wire
     * @param resellerNumber the reseller return number, as on the wire
     * @return the state
     */
    public Optional<String> status(String tenant, String resellerNumber) {
        return book.status(tenant, resellerNumber);
    }

    /**
     * The supplier number of a return, or empty while none was issued.
     *
     * @param tenant the tenant id, as on the wire
     * @param resellerNumber the reseller return number, as on the wire
     * @return the number
     */
    public Optional<String> supplierNumber(String tenant, String resellerNumber) {
        return book.supplierNumber(tenant, resellerNumber);
    }

    /**
     * Every callback sent, in order.
     *
     * @return the callbacks, oldest first
     */
    public synchronized List<SentCallback> callbacks() {
        return List.copyOf(callbacks);
    }

    /**
     * The supplier's staff issues a number for every pending return; for {@link Style#NUMBER_BY_CALLBACK} each is
     * sent to the reseller as a signed callback (synchronously).
     *
     * @return the callbacks sent
     */
    public List<SentCallback> issuePendingNumbers() {
        List<SentCallback> sent = new ArrayList<>();
        for (SupplierBook.Issued issued : book.issuePending()) {
            if (style == Style.NUMBER_BY_CALLBACK) {
                sent.add(sendCallback("NUMBER_ISSUED", issued.tenant(), issued.resellerNumber(),
                        Map.of("supplierNumber", issued.supplierNumber())));
            }
        }
        return sent;
    }

    /**
     * The supplier books the receipt of a return's parcel; for {@link Style#NUMBER_BY_CALLBACK} it tells the reseller
     * by a signed callback, otherwise a poll finds it.
     *
     * @param tenant the tenant id, as on the wire
     * @param resellerNumber the reseller return number, as on the wire
     * @param quantities the quantity received per SKU
     * @return the callback sent, if any
     * @throws IllegalStateException if the return is unknown or has no number yet
     */
    public Optional<SentCallback> receive(String tenant, String resellerNumber, List<LineQuantity> quantities) {
        book.receive(tenant, resellerNumber, quantities);
        return style != Style.NUMBER_BY_CALLBACK ? Optional.empty() : Optional.of(sendCallback("RECEIVED", tenant,
                resellerNumber, Map.of("received", WireDocuments.lines(quantities))));
    }

    /**
     * The supplier books the result of its inspection of a return's goods (and the receipt of what it accounts for,
     * if none was booked); for {@link Style#NUMBER_BY_CALLBACK} it tells the reseller by a signed
     * {@code RESULT_REPORTED} callback, otherwise a poll finds the return {@code INSPECTED}.
     *
     * @param tenant the tenant id, as on the wire
     * @param resellerNumber the reseller return number, as on the wire
     * @param result the inspection's result
     * @return the callback sent, if any
     * @throws IllegalStateException if the return is unknown or has no number yet
     */
    public Optional<SentCallback> reportResult(String tenant, String resellerNumber,
                                               SupplierReply.ResultReported result) {
        Objects.requireNonNull(result, "result must not be null");
        book.inspect(tenant, resellerNumber, result);
        return style != Style.NUMBER_BY_CALLBACK ? Optional.empty() : Optional.of(sendCallback("RESULT_REPORTED",
                tenant, resellerNumber, WireDocuments.result(result)));
    }

    /**
     * The supplier declines a return it holds; for {@link Style#NUMBER_BY_CALLBACK} it tells the reseller by a signed
     * callback, otherwise a poll finds it.
     *
     * @param tenant the tenant id, as on the wire
     * @param resellerNumber the reseller return number, as on the wire
     * @param reason why the supplier declines
     * @return the callback sent, if any
     * @throws IllegalStateException if the return is unknown
     */
    public Optional<SentCallback> decline(String tenant, String resellerNumber, Reason reason) {
        Objects.requireNonNull(reason, "reason must not be null");
        book.decline(tenant, resellerNumber, reason);
        return style != Style.NUMBER_BY_CALLBACK ? Optional.empty() : Optional.of(sendCallback("DECLINED", tenant,
                resellerNumber, Map.of("reason", WireDocuments.reason(reason))));
    }

    private SentCallback sendCallback(String type, String tenant, String resellerNumber, Map<String, Object> extra) {
        if (callbackSender == null) {
            throw new IllegalStateException("no callback URI configured for " + supplier);
        }
        SentCallback callback = callbackSender.send(type, tenant, resellerNumber, extra);
        synchronized (this) {
            callbacks.add(callback);
        }
        return callback;
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
                answer(exchange, Answer.error(500, "server_error"));
                return;
            } else if (fault == Fault.RATE_LIMITED) {
                exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
                answer(exchange, Answer.error(429, "rate_limited"));
                return;
            } else if (fault == Fault.INVALID_REQUEST) {
                answer(exchange, Answer.error(422, "invalid_request"));
                return;
            } else if (fault == Fault.SLOW && !pause()) {
                return;
            }
            Answer answer = process(exchange, body);
            if (fault == Fault.DROP_ANSWER) {
                return; // processed; closed in finally, without an answer
            }
            answer(exchange, answer);
        } finally {
            exchange.close();
        }
    }

    /** Waits the slow delay; false if interrupted (the server is closing). */
    private boolean pause() {
        try {
            Thread.sleep(slowDelay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Answer process(HttpExchange exchange, byte[] body) {
        if (bearerToken != null
                && !("Bearer " + bearerToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Answer.error(401, "unauthorized");
        }
        try {
            return route(exchange, body);
        } catch (JsonException | IllegalArgumentException e) {
            return Answer.error(422, "invalid_request");
        }
    }

    private Answer route(HttpExchange exchange, byte[] body) {
        String method = exchange.getRequestMethod();
        String key = exchange.getRequestHeaders().getFirst(IDEMPOTENCY_KEY);
        List<String> parts = new ArrayList<>(Arrays.asList(
                exchange.getRequestURI().getRawPath().substring(RETURNS.length()).split("/", -1)));
        if (!parts.isEmpty() && parts.get(0).isEmpty()) {
            parts.remove(0);
        }
        if (parts.isEmpty() || (parts.size() == 1 && parts.get(0).isEmpty())) {
            return "POST".equals(method) ? book.create(key, body) : Answer.error(405, "method_not_allowed");
        }
        if (parts.size() < 2) {
            return Answer.error(404, "not_found");
        }
        String tenant = WireDocuments.segment(parts.get(0));
        String resellerNumber = WireDocuments.segment(parts.get(1));
        if (parts.size() == 2 && "GET".equals(method)) {
            return book.show(tenant, resellerNumber);
        }
        if (parts.size() == 3 && "POST".equals(method) && ("tracking".equals(parts.get(2)) || "cancel".equals(parts.get(2)))) {
            return book.notice(parts.get(2), tenant, resellerNumber, key, body);
        }
        return Answer.error(404, "not_found");
    }

    private static void answer(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = WireDocuments.bytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", WireDocuments.JSON);
        if (answer.replayed()) {
            exchange.getResponseHeaders().set(REPLAYED, "true");
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

        /**
         * How long a {@link Fault#SLOW} call waits; 0 to 1 minute. Default 5 s.
         *
         * @param value the delay, 0 to 1 minute
         * @return this builder
         */
        public Builder slowDelay(Duration value) {
            Objects.requireNonNull(value, "slowDelay must not be null");
            if (value.isNegative() || value.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("slowDelay must be 0 to 1 minute, was " + value);
            }
            this.slowDelay = value;
            return this;
        }

        /**
         * The {@code Retry-After} of a {@link Fault#RATE_LIMITED} answer, in seconds; 0 or more. Default 7.
         *
         * @param value seconds, 0 or more
         * @return this builder
         */
        public Builder retryAfterSeconds(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("retryAfterSeconds must be zero or more, was " + value);
            }
            this.retryAfterSeconds = value;
            return this;
        }

        /**
         * Where to send signed callbacks, and the secret shared with the reseller (at least 16 bytes) that signs
         * them; with several secrets configured at the webhook, this is the one the supplier signs with.
         *
         * @param uri the reseller's webhook
         * @param secret the signing secret, at least 16 bytes; copied
         * @return this builder
         */
        public Builder callbacks(URI uri, byte[] secret) {
            this.callbackUri = Objects.requireNonNull(uri, "callback uri must not be null");
            Objects.requireNonNull(secret, "secret must not be null");
            if (secret.length < 16) {
                throw new IllegalArgumentException("a callback secret must have at least 16 bytes, had " + secret.length);
            }
            this.callbackSecret = secret.clone();
            return this;
        }

        /**
         * Requires {@code Authorization: Bearer <token>} on every call (401 otherwise).
         *
         * @param value the token the adapter must send
         * @return this builder
         */
        public Builder bearerToken(String value) {
            this.bearerToken = Objects.requireNonNull(value, "bearerToken must not be null");
            return this;
        }

        /**
         * The clock of the callback timestamps.
         *
         * @param value the clock; the system clock by default
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock must not be null");
            return this;
        }

        /**
         * Starts the server.
         *
         * @return the running server
         */
        public SimulatedSupplierServer start() {
            if (style == Style.NUMBER_BY_CALLBACK && callbackUri == null) {
                throw new IllegalStateException("a supplier that calls back needs callbacks(uri, secret)");
            }
            return new SimulatedSupplierServer(this);
        }
    }
}
