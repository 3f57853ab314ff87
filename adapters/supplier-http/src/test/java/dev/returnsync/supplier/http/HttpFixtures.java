package dev.returnsync.supplier.http;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Test data and a small HTTP client for the HTTP example's tests. */
final class HttpFixtures {
    static final TenantId TENANT = TenantId.of("shop-1");
    static final CustomerId CUSTOMER = CustomerId.of("c-1");
    static final SupplierId S1 = SupplierId.of("acme");
    static final SupplierId S2 = SupplierId.of("brightway");
    static final byte[] SECRET_1 = "acme-shared-secret-0001".getBytes(StandardCharsets.UTF_8);
    static final byte[] SECRET_2 = "brightway-shared-secret-02".getBytes(StandardCharsets.UTF_8);
    static final Instant T0 = Instant.parse("2026-11-03T08:00:00Z");

    private static final AtomicLong KEYS = new AtomicLong();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private HttpFixtures() {
    }

    static IdempotencyKey key() {
        return IdempotencyKey.of("k-" + KEYS.incrementAndGet());
    }

    static Actor customer() {
        return Actor.customer(TENANT, CUSTOMER);
    }

    static Actor reseller() {
        return Actor.reseller(TENANT, "staff-1");
    }

    static Actor supplier(SupplierId supplier) {
        return Actor.supplier(TENANT, supplier);
    }

    /**
     * Submits a case with one line per supplier, opens negotiation, has each supplier agree and applies for the
     * return: every leg ends in NUMBER_REQUESTED. Returns the reseller number.
     */
    static String toNumberRequested(ReturnSyncEngine engine, CaseId c, SupplierId... suppliers) {
        String number = toAgreed(engine, c, suppliers);
        for (SupplierId s : suppliers) {
            engine.execute(Commands.as(reseller()).key(key()).onCase(c).applyForReturn().leg(s).build());
        }
        return number;
    }

    /**
     * Submits a case with one line per supplier, opens negotiation and has each supplier agree: every leg ends in
     * AGREED, before the return is applied for. Returns the reseller number.
     */
    static String toAgreed(ReturnSyncEngine engine, CaseId c, SupplierId... suppliers) {
        List<ReturnLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < suppliers.length; i++) {
            lines.add(new ReturnLine(Sku.of("SKU-" + (i + 1)), suppliers[i], 1, 2, Money.of("CNY", "59.90")));
        }
        engine.execute(Commands.as(customer()).key(key()).onCase(c).submitReturn().order(OrderId.of("order-" + c))
                .customerNumber(ReturnNumber.customerRequest(TENANT, "AS-" + c.value())).lines(lines)
                .reason(ReasonCode.SIZE_OR_FIT, "too small").wanted(OutcomeType.RETURN_AND_REFUND)
                .deliveredAt(T0.minus(Duration.ofDays(2))).build());
        for (SupplierId s : suppliers) {
            engine.execute(Commands.as(reseller()).key(key()).onCase(c).openNegotiation().leg(s).build());
            engine.execute(Commands.as(supplier(s)).key(key()).onCase(c).agreeReturn()
                    .outcome(OutcomeType.RETURN_AND_REFUND).build());
        }
        return engine.caseView(reseller(), c).state().resellerNumber().value();
    }

    /** A signed callback body of a number issued. */
    static String numberIssued(String id, String resellerNumber, String supplierNumber) {
        return "{\"id\":\"" + id + "\",\"type\":\"NUMBER_ISSUED\",\"tenant\":\"" + TENANT.value()
                + "\",\"resellerNumber\":\"" + resellerNumber + "\",\"supplierNumber\":\"" + supplierNumber + "\"}";
    }

    /** Posts a callback with the given headers (null leaves a header out); returns the status. */
    static HttpResponse<String> post(URI uri, String timestamp, String signature, String body) throws Exception {
        return post(uri, timestamp, signature, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts a callback of raw bytes with the given headers (null leaves a header out); returns the status. */
    static HttpResponse<String> post(URI uri, String timestamp, String signature, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (timestamp != null) {
            request.header(CallbackSignature.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(CallbackSignature.SIGNATURE_HEADER, signature);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a callback signed with the secret at the instant. */
    static HttpResponse<String> postSigned(URI uri, byte[] secret, Instant at, String body) throws Exception {
        return postSigned(uri, secret, at, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Posts raw callback bytes signed with the secret at the instant. */
    static HttpResponse<String> postSigned(URI uri, byte[] secret, Instant at, byte[] body) throws Exception {
        long ts = at.getEpochSecond();
        return post(uri, Long.toString(ts), CallbackSignature.sign(secret, ts, body), body);
    }
}
