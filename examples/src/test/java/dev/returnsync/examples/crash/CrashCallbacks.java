package dev.returnsync.examples.crash;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.ContentionException;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.SupplierId;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Supplier callbacks in a crash-test process: fetches the next number the callback supplier issued from the
 * simulator, applies it through {@code SupplierCallbacks} under the supplier's callback id, and acknowledges it. A
 * process killed before the acknowledgement leaves the callback to be fetched again (by any process), so callbacks
 * arrive at least once, as webhooks do.
 */
final class CrashCallbacks {
    private static final SupplierId SUPPLIER = SupplierId.of(CrashSupplierSimulator.SUPPLIER_BY_CALLBACK);

    private CrashCallbacks() {
    }

    /** Delivers one callback; false when none was waiting. */
    static boolean deliverOne(HttpClient http, URI base, ReturnSyncEngine engine) {
        String line = get(http, base.resolve("callbacks/next"));
        if (line.isBlank()) {
            return false;
        }
        String[] parts = line.trim().split(" ");
        String id = parts[0];
        try {
            engine.supplierCallbacks(CrashDriver.SHOP, SUPPLIER).forReturn(parts[1])
                    .numberIssued(parts[2], IdempotencyKey.of(id));
        } catch (CommandRefusedException e) {
            // the leg moved on before the number came (it was cancelled): the callback is done with
        } catch (ContentionException e) {
            return true;   // not acknowledged: fetched again later
        }
        post(http, base.resolve("callbacks/ack/" + id));
        return true;
    }

    static String get(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("simulator unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String post(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException("simulator unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String mode(HttpClient http, URI base) {
        return get(http, base.resolve("mode"));
    }
}
