package dev.returnsync.examples.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.engine.CaseNotFoundException;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.IdempotencyConflictException;
import dev.returnsync.core.engine.InvalidCommandException;
import dev.returnsync.core.SupplierCallbacks;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The reseller's webhook for supplier callbacks ({@code docs/http-supplier.md}): verifies each callback and turns it
 * into a command of the engine, through {@link SupplierCallbacks}, <b>as the supplier named by the path</b> only.
 *
 * <p>A callback is {@code POST /returnsync/suppliers/{supplier}/callbacks} with the headers
 * {@link CallbackSignature#TIMESTAMP_HEADER} and {@link CallbackSignature#SIGNATURE_HEADER} and a JSON body with an
 * {@code id}. In this order, it is refused with a typed {@link CallbackRejectedException}, and nothing changes, if:
 * the supplier has no secret here (404); a header is missing or malformed (401); the timestamp is further than the
 * tolerance from the clock (401, stale); the signature does not match (401, forged); a callback with the same id of
 * that supplier was accepted within the window (409, replayed); the body is not a callback (400); the workflow finds
 * no such return (404), no leg of that supplier on it (403), or refuses the step (422). Accepted callbacks answer 200.
 *
 * <p>Replays: the id of every accepted callback is remembered until its timestamp leaves the tolerance window (after
 * that, the timestamp check refuses it). A callback that failed for a passing reason (503) is forgotten, so the
 * supplier's retry goes through. Besides, each callback runs with an idempotency key derived from the supplier and
 * the id, so even a callback re-signed later is applied once.
 *
 * <p>Thread-safe. {@link #handle} is the whole logic and can sit behind any HTTP server; {@link #start} binds a JDK
 * {@link HttpServer} for the examples and tests.
 */
public final class SupplierWebhook implements AutoCloseable {
    /** The path prefix of the callback endpoint. */
    public static final String PATH = "/returnsync/suppliers/";
    /** The largest body accepted. */
    public static final int MAX_BODY = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(SupplierWebhook.class);

    /**
     * An accepted callback.
     *
     * @param callbackId the supplier's id of the callback
     * @param type the callback type ({@code NUMBER_ISSUED}, {@code DECLINED} or {@code RECEIVED})
     * @param result what the engine did (replayed when it had applied it before)
     */
    public record Accepted(String callbackId, String type, CommandResult result) {
    }

    private final SupplierCallbacks callbacks;
    private final Map<SupplierId, byte[]> secrets;
    private final Duration tolerance;
    private final Clock clock;
    private final int maxRemembered;
    private final Map<String, Instant> seen = new LinkedHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    private SupplierWebhook(Builder b) {
        this.callbacks = b.callbacks;
        this.secrets = Map.copyOf(b.secrets);
        this.tolerance = b.tolerance;
        this.clock = b.clock;
        this.maxRemembered = b.maxRemembered;
    }

    /** A builder for a webhook that hands callbacks to {@code engine.supplierCallbacks()}. */
    public static Builder builder(SupplierCallbacks callbacks) {
        return new Builder(callbacks);
    }

    /**
     * Verifies one callback and applies it.
     *
     * @param supplier the supplier named by the path
     * @param timestamp the value of {@link CallbackSignature#TIMESTAMP_HEADER}, or {@code null}
     * @param signature the value of {@link CallbackSignature#SIGNATURE_HEADER}, or {@code null}
     * @param body the exact bytes of the body
     * @return the accepted callback
     * @throws CallbackRejectedException if it is refused; then nothing changed
     */
    public Accepted handle(SupplierId supplier, String timestamp, String signature, byte[] body) {
        Objects.requireNonNull(supplier, "supplier must not be null");
        Objects.requireNonNull(body, "body must not be null");
        byte[] secret = secrets.get(supplier);
        if (secret == null) {
            throw reject(supplier, CallbackRejectedException.Reason.UNKNOWN_SUPPLIER, "no secret for this supplier");
        }
        if (body.length > MAX_BODY) {
            throw reject(supplier, CallbackRejectedException.Reason.TOO_LARGE, "body above " + MAX_BODY + " bytes");
        }
        long seconds;
        try {
            seconds = Long.parseLong(Objects.requireNonNull(timestamp, "timestamp").trim());
        } catch (NullPointerException | NumberFormatException e) {
            throw reject(supplier, CallbackRejectedException.Reason.UNSIGNED, "missing or malformed timestamp");
        }
        if (signature == null || signature.isBlank()) {
            throw reject(supplier, CallbackRejectedException.Reason.UNSIGNED, "missing signature");
        }
        Instant now = clock.instant();
        Instant signedAt = Instant.ofEpochSecond(Math.max(-31_556_889_864_403_199L, Math.min(31_556_889_864_403_199L, seconds)));
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw reject(supplier, CallbackRejectedException.Reason.STALE,
                    "signed at " + signedAt + ", outside " + tolerance + " of " + now);
        }
        if (!CallbackSignature.verify(secret, seconds, body, signature.trim())) {
            throw reject(supplier, CallbackRejectedException.Reason.FORGED, "signature does not match");
        }
        Map<String, Object> doc;
        String id;
        String type;
        TenantId tenant;
        String resellerNumber;
        try {
            doc = Wire.parse(body);
            id = Wire.string(doc, "id");
            if (id.length() > 200) {
                throw new Wire.WireException("field 'id' is longer than 200 characters");
            }
            type = Wire.string(doc, "type");
            tenant = TenantId.of(Wire.string(doc, "tenant"));
            resellerNumber = Wire.string(doc, "resellerNumber");
        } catch (Wire.WireException | IllegalArgumentException e) {
            throw reject(supplier, CallbackRejectedException.Reason.MALFORMED, "not a callback");
        }
        String memory = supplier.value() + '\n' + id;
        remember(supplier, memory, signedAt.plus(tolerance), now);
        try {
            CommandResult result = apply(supplier, doc, type, tenant, resellerNumber, key(supplier, id));
            LOG.debug("callback {} of supplier {} ({}) accepted, replayed={}", id, supplier, type, result.replayed());
            return new Accepted(id, type, result);
        } catch (CallbackRejectedException e) {
            throw e;
        } catch (CaseNotFoundException e) {
            throw reject(supplier, CallbackRejectedException.Reason.UNKNOWN_RETURN, "no such return in the tenant");
        } catch (CommandRefusedException e) {
            Refusal.Code code = e.code();
            if (code == Refusal.Code.UNKNOWN_LEG || code == Refusal.Code.NOT_A_PARTY
                    || code == Refusal.Code.ROLE_NOT_ALLOWED) {
                throw reject(supplier, CallbackRejectedException.Reason.FOREIGN_LEG, "not a leg of this supplier: " + code);
            }
            throw reject(supplier, CallbackRejectedException.Reason.REFUSED, "the workflow refused: " + code);
        } catch (IdempotencyConflictException e) {
            throw reject(supplier, CallbackRejectedException.Reason.CONFLICT, "callback id used with another content");
        } catch (InvalidReturnNumberException | InvalidCommandException | Wire.WireException | IllegalArgumentException e) {
            throw reject(supplier, CallbackRejectedException.Reason.MALFORMED, "invalid content: "
                    + e.getClass().getSimpleName());
        } catch (NumberAlreadyLinkedException e) {
            throw reject(supplier, CallbackRejectedException.Reason.REFUSED, "the number is linked to another return");
        } catch (RuntimeException e) {
            forget(memory);
            LOG.warn("callback {} of supplier {} could not be applied now: {}", id, supplier, e.getClass().getName());
            throw reject(supplier, CallbackRejectedException.Reason.UNAVAILABLE, "try again later");
        }
    }

    private CommandResult apply(SupplierId supplier, Map<String, Object> doc, String type, TenantId tenant,
                                String resellerNumber, IdempotencyKey key) {
        switch (type) {
            case "NUMBER_ISSUED":
                return callbacks.numberIssued(tenant, supplier, resellerNumber, Wire.string(doc, "supplierNumber"), key);
            case "DECLINED":
                return callbacks.declined(tenant, supplier, resellerNumber, Wire.readReason(doc.get("reason")), key);
            case "RECEIVED":
                return callbacks.received(tenant, supplier, resellerNumber, Wire.readLines(doc.get("received"), "received"),
                        key);
            default:
                throw new Wire.WireException("unknown callback type");
        }
    }

    /** The engine's idempotency key of a callback: {@code cb-} and 40 hex digits of SHA-256(supplier, id). */
    static IdempotencyKey key(SupplierId supplier, String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((supplier.value() + '\n' + id).getBytes(StandardCharsets.UTF_8));
            return IdempotencyKey.of("cb-" + HexFormat.of().formatHex(digest, 0, 20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private void remember(SupplierId supplier, String memory, Instant until, Instant now) {
        synchronized (seen) {
            Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator();
            while (it.hasNext()) {
                if (it.next().getValue().isBefore(now)) {
                    it.remove();
                }
            }
            if (seen.containsKey(memory)) {
                throw reject(supplier, CallbackRejectedException.Reason.REPLAYED, "callback id seen within the window");
            }
            if (seen.size() >= maxRemembered) {
                throw reject(supplier, CallbackRejectedException.Reason.UNAVAILABLE, "too many callbacks in the window");
            }
            seen.put(memory, until);
        }
    }

    private void forget(String memory) {
        synchronized (seen) {
            seen.remove(memory);
        }
    }

    private static CallbackRejectedException reject(SupplierId supplier, CallbackRejectedException.Reason reason,
                                                    String detail) {
        CallbackRejectedException e = new CallbackRejectedException(supplier, reason, detail);
        LOG.warn("{}", e.getMessage());
        return e;
    }

    // ------------------------------------------------------------------------------------------- HTTP

    /** Starts an HTTP server for the webhook on 127.0.0.1, on an ephemeral port. */
    public synchronized SupplierWebhook start() {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /** Starts an HTTP server for the webhook on the address. */
    public synchronized SupplierWebhook start(InetSocketAddress address) {
        if (server != null) {
            throw new IllegalStateException("the webhook is started already");
        }
        try {
            server = HttpServer.create(address, 50);
        } catch (IOException e) {
            throw new IllegalStateException("could not bind the webhook to " + address, e);
        }
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext(PATH, this::serve);
        server.start();
        return this;
    }

    /** The callback URI of a supplier on the started server. */
    public synchronized URI callbackUri(SupplierId supplier) {
        if (server == null) {
            throw new IllegalStateException("the webhook is not started");
        }
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + PATH
                + Wire.segment(supplier.value()) + "/callbacks");
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawPath().substring(PATH.length());
            int slash = raw.indexOf('/');
            if (slash <= 0 || !raw.substring(slash).equals("/callbacks")) {
                answer(exchange, 404, Map.of("error", "not_found"));
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                answer(exchange, 405, Map.of("error", "method_not_allowed"));
                return;
            }
            SupplierId supplier;
            try {
                supplier = SupplierId.of(Wire.decodeSegment(raw.substring(0, slash)));
            } catch (RuntimeException e) {
                answer(exchange, 404, Map.of("error", "unknown_supplier"));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            try {
                Accepted accepted = handle(supplier, exchange.getRequestHeaders().getFirst(CallbackSignature.TIMESTAMP_HEADER),
                        exchange.getRequestHeaders().getFirst(CallbackSignature.SIGNATURE_HEADER), body);
                Map<String, Object> ok = new LinkedHashMap<>();
                ok.put("status", "accepted");
                ok.put("callbackId", accepted.callbackId());
                ok.put("replayed", accepted.result().replayed());
                answer(exchange, 200, ok);
            } catch (CallbackRejectedException e) {
                answer(exchange, e.httpStatus(), Map.of("error", e.reason().code()));
            } catch (RuntimeException e) {
                LOG.warn("webhook failed on a callback of {}: {}", supplier, e.getClass().getName());
                answer(exchange, 500, Map.of("error", "internal"));
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = Wire.bytes(body);
        exchange.getResponseHeaders().set("Content-Type", Wire.JSON);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops the HTTP server, if started. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server = null;
        }
    }

    /** Builds a {@link SupplierWebhook}. */
    public static final class Builder {
        private final SupplierCallbacks callbacks;
        private final Map<SupplierId, byte[]> secrets = new LinkedHashMap<>();
        private Duration tolerance = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private int maxRemembered = 100_000;

        private Builder(SupplierCallbacks callbacks) {
            this.callbacks = Objects.requireNonNull(callbacks, "callbacks must not be null");
        }

        /** Accepts callbacks of a supplier signed with this secret (at least 16 bytes). */
        public Builder supplier(SupplierId supplier, byte[] secret) {
            Objects.requireNonNull(supplier, "supplier must not be null");
            if (secrets.putIfAbsent(supplier, CallbackSignature.checkSecret(secret)) != null) {
                throw new IllegalArgumentException("a secret for supplier " + supplier + " is configured already");
            }
            return this;
        }

        /** How far a callback's timestamp may be from the clock, either way; above 0, at most 1 hour. Default 5 min. */
        public Builder tolerance(Duration value) {
            Objects.requireNonNull(value, "tolerance must not be null");
            if (value.isZero() || value.isNegative() || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("tolerance must be above 0 and at most 1 hour, was " + value);
            }
            this.tolerance = value;
            return this;
        }

        /** The clock the timestamps are checked against. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock must not be null");
            return this;
        }

        /** How many callback ids may be remembered at once; above that, callbacks are refused with 503. */
        public Builder maxRemembered(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRemembered must be at least 1, was " + value);
            }
            this.maxRemembered = value;
            return this;
        }

        /** The webhook (not started). */
        public SupplierWebhook build() {
            return new SupplierWebhook(this);
        }
    }
}
