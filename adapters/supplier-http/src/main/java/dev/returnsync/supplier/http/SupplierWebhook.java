package dev.returnsync.supplier.http;

import dev.returnsync.core.ReturnCallbacks;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.SupplierCallbacks;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.engine.CaseNotFoundException;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.IdempotencyConflictException;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import dev.returnsync.spi.supplier.SupplierReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reseller's webhook for supplier callbacks ({@code docs/http-supplier.md}): verifies each callback and turns it
 * into a command of the engine, through {@link SupplierCallbacks}, <b>as the supplier named by the path</b> only.
 *
 * <p>A callback is {@code POST /returnsync/suppliers/{supplier}/callbacks} with the headers
 * {@link CallbackSignature#TIMESTAMP_HEADER} and {@link CallbackSignature#SIGNATURE_HEADER} and a JSON body with an
 * {@code id}. In this order, it is refused with a typed {@link CallbackRejectedException}, and nothing changes, if:
 * the supplier has no secret here (404); a header is missing or malformed (401); the timestamp is further than the
 * tolerance from the clock (401, stale); the signature matches none of the supplier's {@link CallbackSecrets}
 * (401, forged); the body is not a callback, or not UTF-8 (400); a callback with the same id of that supplier was
 * applied within the window (409, replayed); the tenant has no return with that number that has a leg of this
 * supplier (404, the same answer whether the return is missing or another party's); the workflow refuses the step
 * (422). Accepted callbacks answer 200.
 *
 * <p>Replays: the id of every <b>applied</b> callback is remembered until its timestamp leaves the tolerance window
 * (after that, the timestamp check refuses it). A callback that was refused or failed is not remembered, so the
 * supplier's retry is judged afresh (e.g. a number that came before the leg waited for it). Besides, each callback
 * runs with an idempotency key derived from the supplier and the id, so even a callback re-signed later is applied
 * once.
 *
 * <p>Logs never carry what a request sent: refusals name the reason and, once its secret is known, the supplier.
 *
 * <p>Thread-safe. {@link #handle(WebhookRequest)} is the whole HTTP handling, callable from any HTTP server (a
 * servlet, a Spring MVC controller, the JDK server), which must bound how long it reads a request and how much;
 * {@link #start} binds a small non-blocking server that does ({@link Builder#readTimeout}) and hosts it.
 * {@link #handle(SupplierId, String, String, byte[])} runs the same checks without HTTP.
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
     * @param type the callback type ({@code NUMBER_ISSUED}, {@code DECLINED}, {@code RECEIVED} or
     *     {@code RESULT_REPORTED})
     * @param result what the engine did (replayed when it had applied it before)
     */
    public record Accepted(String callbackId, String type, CommandResult result) {
    }

    private final ReturnSyncEngine engine;
    private final Map<SupplierId, CallbackSecrets> secrets;
    private final Duration tolerance;
    private final Clock clock;
    private final ReplayMemory replays;
    private final int threads;
    private final Duration readTimeout;
    private final int maxConnections;
    private CallbackHttpServer server;

    private SupplierWebhook(Builder b) {
        this.engine = b.engine;
        this.secrets = new ConcurrentHashMap<>(b.secrets);
        this.tolerance = b.tolerance;
        this.clock = b.clock;
        this.replays = new ReplayMemory(b.maxRemembered);
        this.threads = b.threads;
        this.readTimeout = b.readTimeout;
        this.maxConnections = b.maxConnections;
    }

    /**
     * A builder for a webhook that hands callbacks to {@code engine.supplierCallbacks(tenant, supplier)}.
     *
     * @param engine the engine the callbacks go to
     * @return the builder
     */
    public static Builder builder(ReturnSyncEngine engine) {
        return new Builder(engine);
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
        CallbackSecrets secret = secrets.get(supplier);
        if (secret == null) {
            throw reject(null, supplier, CallbackRejectedException.Reason.UNKNOWN_SUPPLIER,
                    "no secret for this supplier");
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
            throw reject(supplier, CallbackRejectedException.Reason.STALE, "timestamp outside the tolerance window");
        }
        if (!secret.verify(seconds, body, signature.trim())) {
            throw reject(supplier, CallbackRejectedException.Reason.FORGED, "signature does not match");
        }
        Map<String, Object> doc;
        String id;
        String type;
        TenantId tenant;
        String resellerNumber;
        try {
            doc = Wire.parse(body);
            id = callbackId(doc);
            type = Wire.string(doc, "type");
            tenant = TenantId.of(Wire.string(doc, "tenant"));
            resellerNumber = Wire.string(doc, "resellerNumber");
        } catch (Wire.WireException | IllegalArgumentException e) {
            throw reject(supplier, CallbackRejectedException.Reason.MALFORMED, "not a callback");
        }
        String memory = supplier.value() + '\n' + id;
        Instant until = signedAt.plus(tolerance);
        switch (replays.claim(memory, until, now)) {
            case DELIVERED:
                throw reject(supplier, CallbackRejectedException.Reason.REPLAYED, "callback id applied within the window");
            case IN_FLIGHT:
                throw reject(supplier, CallbackRejectedException.Reason.UNAVAILABLE, "callback id being applied now");
            case FULL:
                throw reject(supplier, CallbackRejectedException.Reason.UNAVAILABLE, "too many callbacks in the window");
            default:
                break;
        }
        boolean applied = false;
        try {
            CommandResult result = apply(supplier, doc, type, tenant, resellerNumber, key(supplier, id));
            replays.applied(memory, until);
            applied = true;
            LOG.debug("callback {} of supplier {} ({}) accepted, replayed={}", LogSafe.text(id), supplier,
                    LogSafe.text(type), result.replayed());
            return new Accepted(id, type, result);
        } finally {
            if (!applied) {
                replays.release(memory);
            }
        }
    }

    /**
     * Answers one HTTP request to the webhook, from any HTTP server: the path must be
     * {@code /returnsync/suppliers/{supplier}/callbacks} (404 {@code not_found} otherwise) and the method
     * {@code POST} (405 {@code method_not_allowed}, with {@code Allow: POST}); then the callback is verified and
     * applied as by {@link #handle(SupplierId, String, String, byte[])}. An accepted callback answers 200
     * {@code {"status": "accepted", "callbackId": ..., "replayed": ...}}, a refused one its
     * {@link CallbackRejectedException.Reason#httpStatus() status} and {@code {"error": "<code>"}}. Never throws for
     * what the request holds.
     *
     * <p>The host's server must bound how long it reads a request and read at most {@link #MAX_BODY} + 1 bytes of
     * its body (see {@code docs/http-supplier.md}, "Hosting the webhook").
     *
     * @param request the request as the host's server read it
     * @return the answer for the host to send
     */
    public WebhookResponse handle(WebhookRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        String target = request.path();
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        String raw = path.startsWith(PATH) ? path.substring(PATH.length()) : "";
        int slash = raw.indexOf('/');
        if (slash <= 0 || !raw.substring(slash).equals("/callbacks")) {
            return WebhookResponse.error(404, "not_found");
        }
        if (!"POST".equals(request.method())) {
            return WebhookResponse.json(405, Map.of("Allow", "POST"), Map.of("error", "method_not_allowed"));
        }
        SupplierId supplier;
        try {
            supplier = SupplierId.of(Wire.decodeSegment(raw.substring(0, slash)));
        } catch (RuntimeException e) {
            return WebhookResponse.error(404, CallbackRejectedException.Reason.UNKNOWN_SUPPLIER.code());
        }
        try {
            Accepted accepted = handle(supplier, request.header(CallbackSignature.TIMESTAMP_HEADER),
                    request.header(CallbackSignature.SIGNATURE_HEADER), request.body());
            Map<String, Object> ok = new LinkedHashMap<>();
            ok.put("status", "accepted");
            ok.put("callbackId", accepted.callbackId());
            ok.put("replayed", accepted.result().replayed());
            return WebhookResponse.json(200, Map.of(), ok);
        } catch (CallbackRejectedException e) {
            return WebhookResponse.error(e.httpStatus(), e.reason().code());
        }
    }

    /** The callback id: 1 to 200 characters of well-formed, visible text (so no two ids decode alike). */
    private static String callbackId(Map<String, Object> doc) {
        String id = Wire.string(doc, "id");
        if (id.length() > 200) {
            throw new Wire.WireException("field 'id' is longer than 200 characters");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < id.length()
                    && Character.isLowSurrogate(id.charAt(i + 1));
            if (pairedSurrogate) {
                i++;
                continue;
            }
            int kind = Character.getType(c);
            if (kind == Character.CONTROL || kind == Character.FORMAT || kind == Character.LINE_SEPARATOR
                    || kind == Character.PARAGRAPH_SEPARATOR || kind == Character.SURROGATE
                    || kind == Character.UNASSIGNED) {
                throw new Wire.WireException("field 'id' must be visible text");
            }
        }
        return id;
    }

    /** Runs the callback's command; every failure becomes a typed refusal. */
    private CommandResult apply(SupplierId supplier, Map<String, Object> doc, String type, TenantId tenant,
                                String resellerNumber, IdempotencyKey key) {
        try {
            return command(supplier, doc, type, tenant, resellerNumber, key);
        } catch (CaseNotFoundException e) {
            throw unknownReturn(supplier);
        } catch (CommandRefusedException e) {
            Refusal.Code code = e.code();
            if (code == Refusal.Code.CASE_NOT_FOUND || code == Refusal.Code.UNKNOWN_LEG
                    || code == Refusal.Code.NOT_A_PARTY || code == Refusal.Code.ROLE_NOT_ALLOWED) {
                throw unknownReturn(supplier);
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
            LOG.warn("a callback of supplier {} could not be applied now: {}", supplier, e.getClass().getName());
            throw reject(supplier, CallbackRejectedException.Reason.UNAVAILABLE, "try again later");
        }
    }

    /**
     * The one answer for a return the supplier may not reach, whether it is missing, in another tenant or without a
     * leg of this supplier: the supplier learns nothing about other parties' numbers.
     */
    private static CallbackRejectedException unknownReturn(SupplierId supplier) {
        return reject(supplier, CallbackRejectedException.Reason.UNKNOWN_RETURN,
                "no return of this supplier with that reseller number in the tenant");
    }

    private CommandResult command(SupplierId supplier, Map<String, Object> doc, String type, TenantId tenant,
                                  String resellerNumber, IdempotencyKey key) {
        switch (type) {
            case "NUMBER_ISSUED":
                return forReturn(tenant, supplier, resellerNumber).numberIssued(Wire.string(doc, "supplierNumber"), key);
            case "DECLINED":
                return forReturn(tenant, supplier, resellerNumber).declined(Wire.readReason(doc.get("reason")), key);
            case "RECEIVED":
                return forReturn(tenant, supplier, resellerNumber)
                        .received(Wire.readLines(doc.get("received"), "received"), key);
            case "RESULT_REPORTED":
                SupplierReply.ResultReported result = Wire.readResult(doc);
                return forReturn(tenant, supplier, resellerNumber).resultReported(result.accepted(),
                        result.rejected(), result.note(), result.restockingFee(), result.evidence(), key);
            default:
                throw new Wire.WireException("unknown callback type");
        }
    }

    private ReturnCallbacks forReturn(TenantId tenant, SupplierId supplier, String resellerNumber) {
        return engine.supplierCallbacks(tenant, supplier).forReturn(resellerNumber);
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

    /**
     * Replaces the active secrets of a supplier at run time, e.g. to add the next secret before the supplier signs
     * with it, and to drop the old one after (see {@code docs/http-supplier.md}, "Rotating a secret"). A supplier
     * without secrets so far is added.
     *
     * @param supplier the supplier
     * @param value its secrets from now on
     */
    public void updateSecrets(SupplierId supplier, CallbackSecrets value) {
        secrets.put(Objects.requireNonNull(supplier, "supplier must not be null"),
                Objects.requireNonNull(value, "secrets must not be null"));
    }

    private static CallbackRejectedException reject(SupplierId supplier, CallbackRejectedException.Reason reason,
                                                    String detail) {
        return reject(supplier, supplier, reason, detail);
    }

    /**
     * A refusal, logged without anything the request carried: the supplier is named only once its secret is known
     * ({@code known}), and the detail is the webhook's own words.
     */
    private static CallbackRejectedException reject(SupplierId known, SupplierId supplier,
                                                    CallbackRejectedException.Reason reason, String detail) {
        CallbackRejectedException e = new CallbackRejectedException(supplier, reason, detail);
        if (known == null) {
            LOG.warn("a callback of an unknown supplier refused ({})", reason);
        } else {
            LOG.warn("a callback of supplier {} refused ({}): {}", known, reason, detail);
        }
        return e;
    }

    // ------------------------------------------------------------------------------------------- HTTP

    /**
     * Starts an HTTP server for the webhook on 127.0.0.1, on an ephemeral port.
     *
     * @return this webhook, started
     */
    public synchronized SupplierWebhook start() {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    /**
     * Starts an HTTP server for the webhook on the address: {@link Builder#threads} workers, a read deadline of
     * {@link Builder#readTimeout} per request, at most {@link Builder#maxConnections} connections.
     *
     * @param address where to listen; port 0 for an ephemeral one
     * @return this webhook, started
     */
    public synchronized SupplierWebhook start(InetSocketAddress address) {
        if (server != null) {
            throw new IllegalStateException("the webhook is started already");
        }
        try {
            server = new CallbackHttpServer(address, this::handle, threads, readTimeout, maxConnections, MAX_BODY);
        } catch (IOException e) {
            throw new IllegalStateException("could not bind the webhook to " + address, e);
        }
        return this;
    }

    /**
     * The callback URI of a supplier on the started server.
     *
     * @param supplier a supplier the webhook accepts
     * @return the URI the supplier calls back to
     */
    public synchronized URI callbackUri(SupplierId supplier) {
        if (server == null) {
            throw new IllegalStateException("the webhook is not started");
        }
        InetSocketAddress a = server.address();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + PATH
                + Wire.segment(supplier.value()) + "/callbacks");
    }

    /** Stops the HTTP server, if started. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Builds a {@link SupplierWebhook}. */
    public static final class Builder {
        private final ReturnSyncEngine engine;
        private final Map<SupplierId, CallbackSecrets> secrets = new LinkedHashMap<>();
        private Duration tolerance = Duration.ofMinutes(5);
        private Clock clock = Clock.systemUTC();
        private int maxRemembered = 100_000;
        private int threads = 4;
        private Duration readTimeout = Duration.ofSeconds(10);
        private int maxConnections = 256;

        private Builder(ReturnSyncEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine must not be null");
        }

        /**
         * Accepts callbacks of a supplier signed with this secret (at least 16 bytes).
         *
         * @param supplier the supplier
         * @param secret the secret, at least 16 bytes
         * @return this builder
         */
        public Builder supplier(SupplierId supplier, byte[] secret) {
            return supplier(supplier, CallbackSecrets.of(secret));
        }

        /**
         * Accepts callbacks of a supplier signed with any of these secrets (e.g. the old and the next one).
         *
         * @param supplier the supplier
         * @param value the secrets accepted
         * @return this builder
         */
        public Builder supplier(SupplierId supplier, CallbackSecrets value) {
            Objects.requireNonNull(supplier, "supplier must not be null");
            Objects.requireNonNull(value, "secrets must not be null");
            if (secrets.putIfAbsent(supplier, value) != null) {
                throw new IllegalArgumentException("secrets for supplier " + supplier + " are configured already");
            }
            return this;
        }

        /**
         * How many threads apply complete callbacks in the server of {@link #start}; 1 to 64, default 4.
         *
         * @param value the number of threads
         * @return this builder
         */
        public Builder threads(int value) {
            if (value < 1 || value > 64) {
                throw new IllegalArgumentException("threads must be 1 to 64, was " + value);
            }
            this.threads = value;
            return this;
        }

        /**
         * How long the server of {@link #start} waits for a request's head and body, from the opening of the
         * connection; a request not complete by then is answered 408. Above 0, at most 5 minutes; default 10 s.
         *
         * @param value the deadline
         * @return this builder
         */
        public Builder readTimeout(Duration value) {
            Objects.requireNonNull(value, "readTimeout must not be null");
            if (value.isZero() || value.isNegative() || value.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("readTimeout must be above 0 and at most 5 minutes, was " + value);
            }
            this.readTimeout = value;
            return this;
        }

        /**
         * How many connections the server of {@link #start} keeps open at once; 1 to 10,000, default 256. Beyond,
         * the connection that has waited longest for its request is closed to make room.
         *
         * @param value the number of connections
         * @return this builder
         */
        public Builder maxConnections(int value) {
            if (value < 1 || value > 10_000) {
                throw new IllegalArgumentException("maxConnections must be 1 to 10000, was " + value);
            }
            this.maxConnections = value;
            return this;
        }

        /**
         * How far a callback's timestamp may be from the clock, either way; above 0, at most 1 hour. Default 5 min.
         *
         * @param value the tolerance
         * @return this builder
         */
        public Builder tolerance(Duration value) {
            Objects.requireNonNull(value, "tolerance must not be null");
            if (value.isZero() || value.isNegative() || value.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("tolerance must be above 0 and at most 1 hour, was " + value);
            }
            this.tolerance = value;
            return this;
        }

        /**
         * The clock the timestamps are checked against.
         *
         * @param value the clock, not null
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock must not be null");
            return this;
        }

        /**
         * How many callback ids may be remembered at once; above that, callbacks are refused with 503.
         *
         * @param value the number of ids, 1 or more
         * @return this builder
         */
        public Builder maxRemembered(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxRemembered must be at least 1, was " + value);
            }
            this.maxRemembered = value;
            return this;
        }

        /** {@return the webhook (not started)} */
        public SupplierWebhook build() {
            return new SupplierWebhook(this);
        }
    }
}
