package dev.returnsync.examples.crash;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outside world of the crash test, on the loopback interface of the parent JVM: two suppliers speaking the wire
 * format of {@code docs/http-supplier.md} (as {@code HttpSupplierAdapter} calls it), the notification channel, the
 * queue of supplier callbacks the engine processes fetch, the switch that tells them to stop driving commands, and
 * whether a return request for a leg is in progress (the parties cancel some legs right then).
 *
 * <p>Every request path starts with the incarnation of the calling process ({@code /w1i3/...}), so each call is
 * recorded with its caller, its idempotency key and its start and end on the parent's clock. Calls are slow now and
 * then: a third of the return requests take 1.5 to 3 s to arrive, and the notification channel, quick for 12 s,
 * answers slowly for the next 6 s (40 to 200 ms a call), so that a dispatch run takes longer than the lease. No single
 * call takes longer than 3.4 s, well under the lease: only a backlog outlasts it. One call in 25 fails with a 503 (it
 * is retried). A call that was still on its way when its caller was killed is dropped
 * unprocessed, as a real network would lose it.
 *
 * <p>Per leg (supplier and reseller return number) the simulator keeps what a supplier would: the keys of the return
 * requests it took, whether the return is open, and whether it was cancelled; a return request that arrives after
 * the cancellation opens a return for a cancelled leg, which is what the test must never see.
 */
final class CrashSupplierSimulator implements AutoCloseable {
    static final String SUPPLIER_IN_REPLY = "sup-a";
    static final String SUPPLIER_BY_CALLBACK = "sup-b";

    /** What a call was. */
    enum Kind { REQUEST_RETURN, SHARE_TRACKING, CANCEL, POLL, NOTIFY }

    /**
     * One call as the simulator saw it.
     *
     * @param caller the incarnation that made it
     * @param kind what it was
     * @param leg {@code supplier|resellerNumber}, or the recipient for a notification
     * @param key the idempotency key (the outbox entry id), or the notification id
     * @param start when it arrived (nanoTime)
     * @param end when it was answered or dropped (nanoTime)
     * @param status the HTTP status answered, or -1 when the call was dropped unprocessed
     */
    record Call(String caller, Kind kind, String leg, String key, long start, long end, int status) {
        boolean processed() {
            return status >= 200 && status < 300;
        }
    }

    /** What the supplier holds for one leg. */
    private static final class LegAtSupplier {
        final Set<String> requestKeys = new LinkedHashSet<>();
        final Set<String> trackingKeys = new LinkedHashSet<>();
        final Set<String> cancelKeys = new LinkedHashSet<>();
        int requestsInProgress;
        boolean open;
        boolean cancelled;
        boolean cancelledDuringRequest;
    }

    /** A supplier callback waiting to be fetched, and until when (nanoTime) it is lent to a process. */
    private static final class PendingCallback {
        final String line;
        final long dueAt;
        long lentUntil;

        PendingCallback(String line, long dueAt) {
            this.line = line;
            this.dueAt = dueAt;
        }
    }

    private static final Pattern PATH = Pattern.compile("/([a-z0-9]+)/(.*)");
    private static final Pattern RETURN = Pattern.compile("(sup-[ab])/v1/returns/([^/]+)/([^/]+)(/tracking|/cancel)?");
    private static final Pattern RESELLER_NUMBER = Pattern.compile("\"resellerNumber\"\\s*:\\s*\"([^\"]+)\"");

    private final Liveness liveness;
    private final SplittableRandom random;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "crash-simulator");
        t.setDaemon(true);
        return t;
    });

    private final List<Call> calls = new ArrayList<>();
    private final Map<String, LegAtSupplier> legs = new HashMap<>();
    private final List<String> openedAfterCancel = new ArrayList<>();
    private final Map<String, PendingCallback> callbacks = new LinkedHashMap<>();
    private final Set<String> callbacksAcked = new LinkedHashSet<>();
    private final Set<String> delivered = new LinkedHashSet<>();
    private final long started = System.nanoTime();
    private volatile boolean draining;

    CrashSupplierSimulator(Liveness liveness, long seed) {
        this.liveness = liveness;
        this.random = new SplittableRandom(seed);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        } catch (IOException e) {
            throw new IllegalStateException("could not bind the simulator", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    /** The port on 127.0.0.1. */
    int port() {
        return server.getAddress().getPort();
    }

    /** From now on the processes stop driving commands; dispatch, deadlines and callbacks go on. */
    void drain() {
        draining = true;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------ HTTP

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                Matcher m = PATH.matcher(exchange.getRequestURI().getRawPath());
                if (!m.matches()) {
                    answer(exchange, 404, "{\"error\":\"not_found\"}");
                    return;
                }
                String caller = m.group(1);
                String rest = m.group(2);
                if (rest.equals("mode")) {
                    answer(exchange, 200, draining ? "drain" : "drive");
                } else if (rest.equals("callbacks/next")) {
                    answer(exchange, 200, nextCallback());
                } else if (rest.startsWith("callbacks/ack/")) {
                    ack(decode(rest.substring("callbacks/ack/".length())));
                    answer(exchange, 200, "");
                } else if (rest.startsWith("in-flight/")) {
                    answer(exchange, 200, requestInProgress(decode(rest.substring("in-flight/".length()))) ? "yes" : "no");
                } else if (rest.startsWith("notify/")) {
                    call(exchange, caller, Kind.NOTIFY, "notify", decode(rest.substring("notify/".length())), null);
                } else {
                    supplierCall(exchange, caller, rest, body);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("CrashSupplierSimulator: " + e);
        }
    }

    private void supplierCall(HttpExchange exchange, String caller, String rest, String body) throws IOException {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (rest.endsWith("/v1/returns") && "POST".equals(exchange.getRequestMethod())) {
            Matcher number = RESELLER_NUMBER.matcher(body);
            if (!number.find()) {
                answer(exchange, 422, "{\"error\":\"invalid_request\"}");
                return;
            }
            String supplier = rest.substring(0, rest.indexOf('/'));
            call(exchange, caller, Kind.REQUEST_RETURN, supplier + "|" + number.group(1), key, supplier);
            return;
        }
        Matcher m = RETURN.matcher(rest);
        if (!m.matches()) {
            answer(exchange, 404, "{\"error\":\"not_found\"}");
            return;
        }
        String leg = m.group(1) + "|" + decode(m.group(3));
        Kind kind = m.group(4) == null ? Kind.POLL : m.group(4).equals("/cancel") ? Kind.CANCEL : Kind.SHARE_TRACKING;
        call(exchange, caller, kind, leg, key, m.group(1));
    }

    /** One recorded call: on its way, processed (unless its caller died meanwhile), slow to answer, answered. */
    private void call(HttpExchange exchange, String caller, Kind kind, String leg, String key, String supplier)
            throws IOException {
        long start = System.nanoTime();
        long before;
        long after;
        boolean fail;
        long callbackAfter;
        synchronized (random) {
            before = kind != Kind.REQUEST_RETURN ? random.nextInt(60)
                    : random.nextInt(3) == 0 ? 1_500 + random.nextInt(1_500) : 20 + random.nextInt(180);
            after = kind != Kind.NOTIFY ? random.nextInt(kind == Kind.REQUEST_RETURN ? 400 : 150)
                    : slowPhase(start) ? 40 + random.nextInt(160) : random.nextInt(10);
            fail = random.nextInt(25) == 0;
            callbackAfter = 200 + random.nextInt(1200);
        }
        if (kind == Kind.REQUEST_RETURN) {
            inProgress(leg, 1);
        }
        try {
            answered(exchange, caller, kind, leg, key, supplier, start, before, after, fail, callbackAfter);
        } finally {
            if (kind == Kind.REQUEST_RETURN) {
                inProgress(leg, -1);
            }
        }
    }

    /** True while a return request for the leg ({@code supplier|resellerNumber}) is on its way or being answered. */
    private synchronized boolean requestInProgress(String leg) {
        LegAtSupplier at = legs.get(leg);
        return at != null && at.requestsInProgress > 0;
    }

    private synchronized void inProgress(String leg, int delta) {
        legs.computeIfAbsent(leg, l -> new LegAtSupplier()).requestsInProgress += delta;
    }

    private void answered(HttpExchange exchange, String caller, Kind kind, String leg, String key, String supplier,
                          long start, long before, long after, boolean fail, long callbackAfter) throws IOException {
        sleep(before);
        String reply;
        int status;
        synchronized (this) {
            if (!liveness.alive(caller)) {
                calls.add(new Call(caller, kind, leg, key, start, System.nanoTime(), -1));
                return;   // the caller is gone: nothing arrives
            }
            if (fail || key == null) {
                status = key == null ? 400 : 503;
                reply = "{\"error\":\"" + (key == null ? "no_key" : "unavailable") + "\"}";
            } else {
                status = kind == Kind.REQUEST_RETURN && SUPPLIER_BY_CALLBACK.equals(supplier) ? 202 : 200;
                reply = process(kind, leg, key, supplier, callbackAfter);
            }
        }
        sleep(after);
        synchronized (this) {
            calls.add(new Call(caller, kind, leg, key, start, System.nanoTime(), status));
        }
        answer(exchange, status, reply);
    }

    /** The notification channel is quick for 12 s, then slow for 6 s, and so on: backlogs build up and clear. */
    private boolean slowPhase(long now) {
        return (now - started) % TimeUnit.SECONDS.toNanos(18) >= TimeUnit.SECONDS.toNanos(12);
    }

    private String process(Kind kind, String leg, String key, String supplier, long callbackAfterMillis) {
        if (kind == Kind.NOTIFY) {
            delivered.add(key);
            return "{}";
        }
        LegAtSupplier at = legs.computeIfAbsent(leg, l -> new LegAtSupplier());
        String number = leg.substring(leg.indexOf('|') + 1);
        switch (kind) {
            case REQUEST_RETURN:
                if (at.requestKeys.add(key)) {
                    if (at.cancelled) {
                        openedAfterCancel.add(leg + " (request " + key + " arrived after the cancellation "
                                + at.cancelKeys + ")");
                    }
                    at.open = true;
                }
                if (SUPPLIER_BY_CALLBACK.equals(supplier)) {
                    String id = "cb-" + number;
                    callbacks.putIfAbsent(id, new PendingCallback(id + " " + number + " B-" + number,
                            System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(callbackAfterMillis)));
                    return "{\"status\":\"PENDING\"}";
                }
                return "{\"status\":\"ISSUED\",\"supplierNumber\":\"A-" + number + "\"}";
            case SHARE_TRACKING:
                at.trackingKeys.add(key);
                return "{}";
            case CANCEL:
                at.cancelKeys.add(key);
                at.cancelledDuringRequest |= at.requestsInProgress > 0;
                at.cancelled = true;
                at.open = false;
                return "{}";
            default:
                return "{\"status\":\"" + (at.open ? "ISSUED" : "CANCELLED") + "\"}";
        }
    }

    /** The next callback due and not lent out: {@code id resellerNumber supplierNumber}, or empty. */
    private synchronized String nextCallback() {
        long now = System.nanoTime();
        for (PendingCallback c : callbacks.values()) {
            if (c.dueAt <= now && c.lentUntil <= now) {
                c.lentUntil = now + TimeUnit.SECONDS.toNanos(3);   // fetched again if not acknowledged in time
                return c.line;
            }
        }
        return "";
    }

    private synchronized void ack(String id) {
        if (callbacks.remove(id) != null) {
            callbacksAcked.add(id);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------------------------------ results

    /** Every call so far. */
    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The notification ids delivered (answered 200) at least once. */
    synchronized Set<String> delivered() {
        return Set.copyOf(delivered);
    }

    /** The callbacks not yet acknowledged by any process. */
    synchronized int callbacksPending() {
        return callbacks.size();
    }

    /** How many callbacks were acknowledged. */
    synchronized int callbacksAcked() {
        return callbacksAcked.size();
    }

    /** Return requests that reached the supplier after the leg's cancellation had, each described. */
    synchronized List<String> openedAfterCancel() {
        return List.copyOf(openedAfterCancel);
    }

    /** Legs the supplier holds an open return for, as {@code supplier|resellerNumber}. */
    synchronized Set<String> openReturns() {
        Set<String> open = new LinkedHashSet<>();
        legs.forEach((leg, at) -> {
            if (at.open) {
                open.add(leg);
            }
        });
        return open;
    }

    /** How many legs were cancelled while a return request for them was on its way: the race the test provokes. */
    synchronized int cancelledDuringRequest() {
        return (int) legs.values().stream().filter(at -> at.cancelledDuringRequest).count();
    }

    /** Legs that got more than one key for the same kind of call (more than one return, tracking or cancel). */
    synchronized List<String> duplicatedBeyondKey() {
        List<String> found = new ArrayList<>();
        legs.forEach((leg, at) -> {
            if (at.requestKeys.size() > 1) {
                found.add(leg + ": " + at.requestKeys.size() + " return requests with keys " + at.requestKeys);
            }
            if (at.trackingKeys.size() > 1) {
                found.add(leg + ": tracking shared under " + at.trackingKeys.size() + " keys " + at.trackingKeys);
            }
            if (at.cancelKeys.size() > 1) {
                found.add(leg + ": cancelled under " + at.cancelKeys.size() + " keys " + at.cancelKeys);
            }
        });
        return found;
    }

    /**
     * Pairs of calls with the same kind and key that were in progress at the same moment while both their callers
     * were live: the same work done twice at once by two live processes (or twice at once by one).
     */
    synchronized List<String> liveOverlaps() {
        Map<String, List<Call>> byKey = new HashMap<>();
        for (Call call : calls) {
            if (call.key() != null) {
                byKey.computeIfAbsent(call.kind() + " " + call.key(), k -> new ArrayList<>()).add(call);
            }
        }
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, List<Call>> entry : byKey.entrySet()) {
            List<Call> same = entry.getValue();
            for (int i = 0; i < same.size(); i++) {
                for (int j = i + 1; j < same.size(); j++) {
                    Call a = same.get(i);
                    Call b = same.get(j);
                    long from = Math.max(a.start(), b.start());
                    long to = Math.min(Math.min(a.end(), liveness.liveUntil(a.caller())),
                            Math.min(b.end(), liveness.liveUntil(b.caller())));
                    if (from < to) {
                        found.add(entry.getKey() + " (" + a.leg() + ") by " + a.caller() + " and " + b.caller()
                                + ", both live for " + String.format(Locale.ROOT, "%.3f", (to - from) / 1e6) + " ms");
                    }
                }
            }
        }
        return found;
    }

    /** Calls per kind, for the summary. */
    synchronized Map<Kind, Integer> callsByKind() {
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        for (Call call : calls) {
            counts.merge(call.kind(), 1, Integer::sum);
        }
        return counts;
    }

    /** Keys of processed supplier calls of one kind. */
    synchronized Set<String> processedKeys(Kind kind) {
        Set<String> keys = new LinkedHashSet<>();
        for (Call call : calls) {
            if (call.kind() == kind && call.processed()) {
                keys.add(call.key());
            }
        }
        return keys;
    }

    /** The legs a return request reached. */
    synchronized Set<String> requestedLegs() {
        Set<String> requested = new LinkedHashSet<>();
        legs.forEach((leg, at) -> {
            if (!at.requestKeys.isEmpty()) {
                requested.add(leg);
            }
        });
        return requested;
    }
}
