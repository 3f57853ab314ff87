package dev.returnsync.examples.crash;

import dev.returnsync.examples.crash.CrashSupplierSimulator.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crash test's detectors can fail: calls made straight to the simulator, the way the engine processes make them,
 * show each violation it must report, and none where there is none. Retries of failed calls make some answers 503
 * (one in 25); every call is therefore repeated until it is answered 2xx.
 */
@Timeout(60)
class CrashSupplierSimulatorTest {
    private final Liveness liveness = new Liveness();
    private final CrashSupplierSimulator simulator = new CrashSupplierSimulator(liveness, 42);
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        simulator.close();
    }

    @Test
    void the_same_call_at_once_from_two_live_processes_is_an_overlap_and_one_after_the_other_is_not()
            throws Exception {
        String body = "{\"resellerNumber\":\"RS-S0-9\"}";
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> quietly(
                () -> post("w0i1", "sup-a/v1/returns", "k-same", body)));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> quietly(
                () -> post("w1i1", "sup-a/v1/returns", "k-same", body)));
        first.get();
        second.get();
        notifyUntilDone("w0i1", "case-1/4/NOTIFY/CUSTOMER");
        notifyUntilDone("w1i1", "case-1/4/NOTIFY/CUSTOMER");

        List<String> overlaps = simulator.liveOverlaps();
        assertEquals(1, overlaps.size(), "two calls in progress at once, each at least 20 ms: " + simulator.calls());
        assertTrue(overlaps.get(0).startsWith("REQUEST_RETURN k-same (sup-a|RS-S0-9) by w"), overlaps.get(0));
    }

    @Test
    void a_call_of_a_killed_process_is_dropped_and_does_not_overlap() throws Exception {
        liveness.killed("w0i1");
        CompletableFuture<Integer> dead = notifyAsync("w0i1", "case-2/1/NOTIFY/RESELLER");
        notifyUntilDone("w1i1", "case-2/1/NOTIFY/RESELLER");
        dead.exceptionally(e -> -1).get();

        assertEquals(List.of(), simulator.liveOverlaps());
        assertTrue(simulator.calls().stream().anyMatch(c -> c.caller().equals("w0i1") && c.status() == -1),
                "the dead caller's call was dropped: " + simulator.calls());
    }

    @Test
    void a_return_request_after_the_cancellation_opens_a_return_for_a_cancelled_leg() throws Exception {
        untilDone(() -> post("w0i1", "sup-a/v1/returns/shop-crash/RS-S0-1/cancel", "k-cancel", "{}"));
        untilDone(() -> post("w1i1", "sup-a/v1/returns", "k-request", "{\"resellerNumber\":\"RS-S0-1\"}"));

        assertEquals(1, simulator.openedAfterCancel().size(), simulator.openedAfterCancel().toString());
        assertTrue(simulator.openReturns().contains("sup-a|RS-S0-1"));
    }

    @Test
    void a_request_then_its_cancellation_leaves_nothing_open_and_two_request_keys_for_one_leg_are_a_duplicate()
            throws Exception {
        untilDone(() -> post("w0i1", "sup-a/v1/returns", "k-1", "{\"resellerNumber\":\"RS-S0-2\"}"));
        untilDone(() -> post("w0i1", "sup-a/v1/returns", "k-1", "{\"resellerNumber\":\"RS-S0-2\"}"));
        untilDone(() -> post("w0i1", "sup-a/v1/returns/shop-crash/RS-S0-2/cancel", "k-2", "{}"));
        assertEquals(List.of(), simulator.openedAfterCancel());
        assertEquals(List.of(), simulator.duplicatedBeyondKey(), "one key, sent twice, is one return");
        assertTrue(simulator.openReturns().isEmpty());
        assertEquals(1, simulator.processedKeys(Kind.CANCEL).size());

        untilDone(() -> post("w0i1", "sup-b/v1/returns", "k-3", "{\"resellerNumber\":\"RS-S0-3\"}"));
        untilDone(() -> post("w1i1", "sup-b/v1/returns", "k-4", "{\"resellerNumber\":\"RS-S0-3\"}"));
        assertEquals(1, simulator.duplicatedBeyondKey().size(), simulator.duplicatedBeyondKey().toString());
    }

    private interface Call {
        int status() throws Exception;
    }

    private static int quietly(Call call) {
        try {
            return call.status();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void untilDone(Call call) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (call.status() / 100 == 2) {
                return;
            }
        }
        throw new AssertionError("no 2xx answer in 20 attempts");
    }

    private void notifyUntilDone(String caller, String id) throws Exception {
        untilDone(() -> notifyAsync(caller, id).get());
    }

    private CompletableFuture<Integer> notifyAsync(String caller, String id) {
        HttpRequest request = HttpRequest.newBuilder(uri(caller, "notify/" + id.replace("/", "%2F")))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    private int post(String caller, String path, String key, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(caller, path)).timeout(Duration.ofSeconds(10))
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private URI uri(String caller, String path) {
        return URI.create("http://127.0.0.1:" + simulator.port() + "/" + caller + "/" + path);
    }
}
