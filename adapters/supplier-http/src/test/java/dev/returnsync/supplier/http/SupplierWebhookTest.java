package dev.returnsync.supplier.http;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.testkit.TestClock;
import dev.returnsync.testsupport.InMemoryNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static dev.returnsync.supplier.http.HttpFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The webhook over real HTTP on the loopback interface: valid callbacks move the leg as their supplier; forged,
 * tampered, stale, replayed, unsigned and foreign callbacks are refused with their status and change nothing.
 */
@Timeout(60)
class SupplierWebhookTest {
    private final TestClock clock = TestClock.at(T0);
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private ReturnSyncEngine engine;
    private SupplierWebhook webhook;
    private final CaseId c = CaseId.of("case-1");
    private String resellerNumber;

    @BeforeEach
    void start() {
        engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier()).clock(clock).build();
        webhook = SupplierWebhook.builder(engine).clock(clock).tolerance(Duration.ofMinutes(5))
                .supplier(S1, SECRET_1).supplier(S2, SECRET_2).build().start();
        resellerNumber = toNumberRequested(engine, c, S1);
    }

    @AfterEach
    void stop() {
        webhook.close();
        engine.close();
    }

    private long version() {
        return store.load(TENANT, c).orElseThrow().version();
    }

    private Leg leg(SupplierId s) {
        return engine.caseView(reseller(), c).state().leg(s).orElseThrow();
    }

    private URI uri(SupplierId s) {
        return webhook.callbackUri(s);
    }

    @Test
    void aValidCallbackMovesTheLegAsItsSupplier() throws Exception {
        HttpResponse<String> response = postSigned(uri(S1), SECRET_1, clock.instant(),
                numberIssued("evt-1", resellerNumber, "acme-000042"));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"replayed\":false"), response.body());
        Leg leg = leg(S1);
        assertEquals(LegState.NUMBER_ISSUED, leg.state());
        assertEquals("ACME-000042", leg.supplierNumber().value());
        List<ReturnEvent> history = engine.history(reseller(), c);
        assertEquals(supplier(S1), history.get(history.size() - 1).actor(), "recorded as the supplier of the path");
    }

    @Test
    void aSignatureWithinTheToleranceIsAcceptedEitherWay() throws Exception {
        HttpResponse<String> response = postSigned(uri(S1), SECRET_1, clock.instant().plus(Duration.ofMinutes(4)),
                numberIssued("evt-early", resellerNumber, "ACME-1"));
        assertEquals(200, response.statusCode(), "a supplier clock 4 minutes ahead is tolerated");
    }

    @Test
    void aForgedCallbackIsRefusedWith401AndChangesNothing() throws Exception {
        long before = version();
        String body = numberIssued("evt-1", resellerNumber, "EVIL-1");
        byte[] wrongSecret = "not-the-shared-secret-at-all".getBytes(StandardCharsets.UTF_8);
        assertEquals(401, postSigned(uri(S1), wrongSecret, clock.instant(), body).statusCode(), "wrong secret");
        assertEquals(401, postSigned(uri(S1), SECRET_2, clock.instant(), body).statusCode(),
                "another supplier's secret on this supplier's path");
        long ts = clock.instant().getEpochSecond();
        String signedOther = CallbackSignature.sign(SECRET_1, ts,
                numberIssued("evt-1", resellerNumber, "ACME-1").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tampered = post(uri(S1), Long.toString(ts), signedOther, body);
        assertEquals(401, tampered.statusCode(), "a body changed after signing");
        assertTrue(tampered.body().contains("bad_signature"), tampered.body());
        assertEquals(401, post(uri(S1), Long.toString(ts), "v1=zz", body).statusCode(), "garbage signature");
        assertEquals(401, post(uri(S1), Long.toString(ts), null, body).statusCode(), "no signature");
        assertEquals(401, post(uri(S1), null, signedOther, body).statusCode(), "no timestamp");
        assertEquals(before, version());
        assertEquals(LegState.NUMBER_REQUESTED, leg(S1).state());
        assertFalse(tampered.body().contains("EVIL"), "the answer never echoes the body");

        // the genuine callback with the same id is not blocked by the forgeries
        assertEquals(200, postSigned(uri(S1), SECRET_1, clock.instant(), numberIssued("evt-1", resellerNumber, "ACME-1"))
                .statusCode());
    }

    @Test
    void aReplayedCallbackIsRefusedWith409AndChangesNothing() throws Exception {
        String body = numberIssued("evt-1", resellerNumber, "ACME-7");
        long ts = clock.instant().getEpochSecond();
        String signature = CallbackSignature.sign(SECRET_1, ts, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, post(uri(S1), Long.toString(ts), signature, body).statusCode());
        long after = version();
        clock.advance(Duration.ofMinutes(2));
        HttpResponse<String> replay = post(uri(S1), Long.toString(ts), signature, body);
        assertEquals(409, replay.statusCode(), replay.body());
        assertTrue(replay.body().contains("replayed"), replay.body());
        HttpResponse<String> resigned = postSigned(uri(S1), SECRET_1, clock.instant(), body);
        assertEquals(409, resigned.statusCode(), "the same id signed again within the window");
        assertEquals(after, version());
    }

    @Test
    void afterTheWindowAResignedRepeatIsAppliedOnceByTheEngine() throws Exception {
        String body = numberIssued("evt-1", resellerNumber, "ACME-7");
        assertEquals(200, postSigned(uri(S1), SECRET_1, clock.instant(), body).statusCode());
        long after = version();
        clock.advance(Duration.ofMinutes(6));
        HttpResponse<String> late = postSigned(uri(S1), SECRET_1, clock.instant(), body);
        assertEquals(200, late.statusCode(), late.body());
        assertTrue(late.body().contains("\"replayed\":true"), "the engine replays it: " + late.body());
        assertEquals(after, version());
    }

    @Test
    void aStaleCallbackIsRefusedWith401() throws Exception {
        long before = version();
        String body = numberIssued("evt-old", resellerNumber, "ACME-1");
        HttpResponse<String> old = postSigned(uri(S1), SECRET_1, clock.instant().minus(Duration.ofMinutes(6)), body);
        assertEquals(401, old.statusCode());
        assertTrue(old.body().contains("stale_timestamp"), old.body());
        assertEquals(401, postSigned(uri(S1), SECRET_1, clock.instant().plus(Duration.ofMinutes(6)), body).statusCode(),
                "too far in the future");
        assertEquals(before, version());
        assertEquals(LegState.NUMBER_REQUESTED, leg(S1).state());
    }

    @Test
    void aSupplierCannotCallBackAboutAnotherSuppliersLeg() throws Exception {
        long before = version();
        HttpResponse<String> foreign = postSigned(uri(S2), SECRET_2, clock.instant(),
                numberIssued("evt-s2", resellerNumber, "BW-1"));
        // a supplier without a leg learns no more than about an unknown number
        assertEquals(404, foreign.statusCode(), foreign.body());
        assertTrue(foreign.body().contains("unknown_return"), foreign.body());
        assertEquals(before, version());
        assertEquals(LegState.NUMBER_REQUESTED, leg(S1).state());
    }

    @Test
    void aForeignLegAndAMissingReturnAnswerAlikeSoASupplierLearnsNoNumbers() throws Exception {
        String foreignLeg = numberIssued("evt-a", resellerNumber, "BW-1");
        String missing = numberIssued("evt-b", "RS-000000-NOPE0", "BW-1");
        String otherTenant = numberIssued("evt-c", resellerNumber, "BW-1").replace(TENANT.value(), "shop-2");
        HttpResponse<String> a = postSigned(uri(S2), SECRET_2, clock.instant(), foreignLeg);
        HttpResponse<String> b = postSigned(uri(S2), SECRET_2, clock.instant(), missing);
        HttpResponse<String> c2 = postSigned(uri(S2), SECRET_2, clock.instant(), otherTenant);
        assertEquals(b.statusCode(), a.statusCode(), "same status for a foreign leg as for a missing return");
        assertEquals(b.body(), a.body(), "same body for a foreign leg as for a missing return");
        assertEquals(b.statusCode(), c2.statusCode(), "same status in a tenant the supplier does not serve");
        assertEquals(b.body(), c2.body());

        long ts = clock.instant().getEpochSecond();
        CallbackRejectedException viaForeign = rejected(S2, SECRET_2, ts, numberIssued("evt-d", resellerNumber, "BW-1"));
        CallbackRejectedException viaMissing = rejected(S2, SECRET_2, ts, numberIssued("evt-d", "RS-000000-NOPE0", "BW-1"));
        assertEquals(viaMissing.reason(), viaForeign.reason());
        assertEquals(viaMissing.getMessage(), viaForeign.getMessage());
    }

    private CallbackRejectedException rejected(SupplierId s, byte[] secret, long ts, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return assertThrows(CallbackRejectedException.class,
                () -> webhook.handle(s, Long.toString(ts), CallbackSignature.sign(secret, ts, bytes), bytes));
    }

    @Test
    void aCallbackRefusedForComingTooEarlyIsNotRememberedAndIsAppliedOnceTheReturnIsReady() throws Exception {
        CaseId early = CaseId.of("case-early");
        String number = toAgreed(engine, early, S1);
        String body = numberIssued("evt-early-1", number, "ACME-77");
        long ts = clock.instant().getEpochSecond();
        String signature = CallbackSignature.sign(SECRET_1, ts, body.getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tooEarly = post(uri(S1), Long.toString(ts), signature, body);
        assertEquals(422, tooEarly.statusCode(), "the leg does not wait for a number yet: " + tooEarly.body());
        HttpResponse<String> again = post(uri(S1), Long.toString(ts), signature, body);
        assertEquals(422, again.statusCode(), "a refused callback is not 'replayed' (409 means delivered)");

        engine.execute(Commands.as(reseller()).key(key()).onCase(early).applyForReturn().leg(S1).build());
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> retried = post(uri(S1), Long.toString(ts), signature, body);
        assertEquals(200, retried.statusCode(), "the supplier's retry is applied once the leg is ready: "
                + retried.body());
        assertEquals(LegState.NUMBER_ISSUED, engine.caseView(reseller(), early).state().leg(S1).orElseThrow().state());
        assertEquals(409, post(uri(S1), Long.toString(ts), signature, body).statusCode(), "now it was delivered");
    }

    /** Brings the test's case to RECEIVED: the supplier's number, shared, shipped, received (one unit of SKU-1). */
    private void toReceived() {
        engine.execute(Commands.as(supplier(S1)).key(key()).onCase(c).issueSupplierNumber().leg(S1)
                .number(dev.returnsync.spi.ReturnNumber.supplierReturn(S1, "ACME-9")).build());
        engine.execute(Commands.as(reseller()).key(key()).onCase(c).shareNumberWithCustomer().leg(S1).build());
        engine.execute(Commands.as(customer()).key(key()).onCase(c).reportShipment().leg(S1)
                .tracking("SF", "SF1234567890").build());
        engine.execute(Commands.as(supplier(S1)).key(key()).onCase(c).confirmReceipt().leg(S1)
                .received(LineQuantity.of("SKU-1", 1)).build());
    }

    private String result(String id, String fields) {
        return "{\"id\":\"" + id + "\",\"type\":\"RESULT_REPORTED\",\"tenant\":\"" + TENANT.value()
                + "\",\"resellerNumber\":\"" + resellerNumber + "\"" + fields + "}";
    }

    @Test
    void aResultCallbackReportsTheInspectionAsTheSupplierWithItsFeeAndEvidence() throws Exception {
        HttpResponse<String> early = postSigned(uri(S1), SECRET_1, clock.instant(), result("evt-r0",
                ",\"accepted\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"rejected\":[]"));
        assertEquals(422, early.statusCode(), "no result before the parcel is received: " + early.body());
        toReceived();
        long before = version();

        HttpResponse<String> response = postSigned(uri(S1), SECRET_1, clock.instant(), result("evt-r1",
                ",\"accepted\":[{\"sku\":\"SKU-1\",\"quantity\":1}],\"rejected\":[],\"note\":\"tags intact\","
                        + "\"restockingFee\":{\"currency\":\"CNY\",\"amount\":\"5.00\"},"
                        + "\"evidence\":[{\"kind\":\"PHOTO\",\"reference\":\"https://acme.example/i/1.jpg\"}]"));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(before + 1, version());
        Leg leg = leg(S1);
        assertEquals(LegState.RESULT_REPORTED, leg.state());
        assertEquals(1, leg.totalAccepted());
        List<ReturnEvent> history = engine.history(reseller(), c);
        ReturnEvent last = history.get(history.size() - 1);
        ReturnEvent.ResultReported reported = assertInstanceOf(ReturnEvent.ResultReported.class, last);
        assertEquals(supplier(S1), reported.actor());
        assertEquals("tags intact", reported.note());
        assertEquals(dev.returnsync.spi.Money.of("CNY", "5.00"), reported.restockingFee());
        assertEquals(1, reported.evidence().size());
    }

    @Test
    void aMalformedResultCallbackIsRefusedWith400AndChangesNothing() throws Exception {
        toReceived();
        long before = version();
        for (String fields : List.of(
                ",\"rejected\":[]",                                                     // no accepted
                ",\"accepted\":[{\"sku\":\"SKU-1\",\"quantity\":-1}],\"rejected\":[]",   // negative quantity
                ",\"accepted\":[],\"rejected\":[],\"restockingFee\":{\"currency\":\"CNY\",\"amount\":5}",
                ",\"accepted\":[],\"rejected\":[],\"restockingFee\":{\"currency\":\"CNY\",\"amount\":\"5.001\"}",
                ",\"accepted\":[],\"rejected\":[],\"note\":7",
                ",\"accepted\":[],\"rejected\":[],\"note\":\"" + "x".repeat(501) + "\"",
                ",\"accepted\":[],\"rejected\":[],\"evidence\":[{\"kind\":\"SELFIE\",\"reference\":\"r\"}]",
                ",\"accepted\":[{\"sku\":\"SKU-1\",\"quantity\":0},{\"sku\":\"SKU-1\",\"quantity\":1}],"
                        + "\"rejected\":[]")) {                               // a SKU twice
            HttpResponse<String> response = postSigned(uri(S1), SECRET_1, clock.instant(),
                    result("evt-bad-" + fields.hashCode(), fields));
            assertEquals(400, response.statusCode(), fields + " -> " + response.body());
            assertTrue(response.body().contains("malformed"), response.body());
        }
        assertEquals(before, version(), "nothing changed");
        assertEquals(LegState.RECEIVED, leg(S1).state());
    }

    @Test
    void callbackIdsThatAreNotWellFormedTextAreRefusedWith400AndNeverCollide() throws Exception {
        byte[] ff = ("{\"id\":\"evt-\u0001\",\"type\":\"NUMBER_ISSUED\",\"tenant\":\"" + TENANT.value()
                + "\",\"resellerNumber\":\"" + resellerNumber + "\",\"supplierNumber\":\"ACME-1\"}")
                .getBytes(StandardCharsets.ISO_8859_1);
        int at = indexOf(ff, (byte) 1);
        byte[] fe = ff.clone();
        ff[at] = (byte) 0xFF;
        fe[at] = (byte) 0xFE;
        HttpResponse<String> first = postSigned(uri(S1), SECRET_1, clock.instant(), ff);
        assertEquals(400, first.statusCode(), "malformed UTF-8 in the id: " + first.body());
        assertEquals(400, postSigned(uri(S1), SECRET_1, clock.instant(), fe).statusCode());
        assertEquals(400, postSigned(uri(S1), SECRET_1, clock.instant(),
                numberIssued("evt-\\ud800", resellerNumber, "ACME-1")).statusCode(), "an unpaired surrogate");
        assertEquals(400, postSigned(uri(S1), SECRET_1, clock.instant(),
                numberIssued("evt-\\u0000", resellerNumber, "ACME-1")).statusCode(), "a control character");
        assertEquals(LegState.NUMBER_REQUESTED, leg(S1).state());
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    @Test
    void aSupplierMayHaveSeveralSecretsForRotation() throws Exception {
        byte[] next = "acme-next-secret-000002".getBytes(StandardCharsets.UTF_8);
        CallbackSecrets both = CallbackSecrets.of(next, SECRET_1);
        assertArrayEquals(next, both.signing(), "the first secret signs");
        try (SupplierWebhook rotating = SupplierWebhook.builder(engine).clock(clock)
                .supplier(S1, both).build().start()) {
            URI u = rotating.callbackUri(S1);
            CaseId c2 = CaseId.of("case-rot");
            String number = toNumberRequested(engine, c2, S1);
            assertEquals(401, postSigned(u, SECRET_2, clock.instant(), numberIssued("r-0", number, "ACME-3"))
                    .statusCode(), "a secret not configured");
            assertEquals(200, postSigned(u, SECRET_1, clock.instant(), numberIssued("r-2", number, "ACME-3"))
                    .statusCode(), "the old secret still verifies");
            rotating.updateSecrets(S1, CallbackSecrets.of(next));
            assertEquals(401, postSigned(u, SECRET_1, clock.instant(), numberIssued("r-3", number, "ACME-3"))
                    .statusCode(), "the retired secret no longer verifies");
            assertEquals(200, postSigned(u, next, clock.instant(), numberIssued("r-4", number, "ACME-3"))
                    .statusCode(), "the new secret verifies");
        }
        assertThrows(IllegalArgumentException.class, () -> CallbackSecrets.of(SECRET_1, SECRET_1.clone()),
                "the same secret twice");
        assertThrows(IllegalArgumentException.class, () -> CallbackSecrets.of(new byte[15]), "a short secret");
    }

    @Test
    void aCaseWithBothSuppliersTakesEachCallbackOnItsOwnLegOnly() throws Exception {
        CaseId both = CaseId.of("case-both");
        String number = toNumberRequested(engine, both, S1, S2);
        assertEquals(200, postSigned(uri(S2), SECRET_2, clock.instant(), numberIssued("evt-s2", number, "BW-9"))
                .statusCode());
        var state = engine.caseView(reseller(), both).state();
        assertEquals(LegState.NUMBER_ISSUED, state.leg(S2).orElseThrow().state());
        assertEquals(LegState.NUMBER_REQUESTED, state.leg(S1).orElseThrow().state(), "S1's leg is untouched");
    }

    @Test
    void unknownSuppliersReturnsAndMalformedBodiesAreRefused() throws Exception {
        SupplierId stranger = SupplierId.of("stranger");
        assertEquals(404, postSigned(uri(stranger), SECRET_1, clock.instant(),
                numberIssued("e", resellerNumber, "X-1")).statusCode(), "no secret for that supplier");
        assertEquals(404, postSigned(uri(S1), SECRET_1, clock.instant(), numberIssued("e2", "RS-NOPE", "X-1"))
                .statusCode(), "unknown reseller number");
        assertEquals(400, postSigned(uri(S1), SECRET_1, clock.instant(), "{\"id\":\"e3\"}").statusCode());
        assertEquals(400, postSigned(uri(S1), SECRET_1, clock.instant(), "not json").statusCode());
        assertEquals(400, postSigned(uri(S1), SECRET_1, clock.instant(),
                numberIssued("e4", resellerNumber, "bad number with spaces and ＃")).statusCode(), "invalid number");
        assertEquals(LegState.NUMBER_REQUESTED, leg(S1).state());
    }

    @Test
    void handleThrowsTypedErrors() {
        byte[] body = numberIssued("evt-x", resellerNumber, "ACME-1").getBytes(StandardCharsets.UTF_8);
        long ts = clock.instant().getEpochSecond();
        CallbackRejectedException forged = assertThrows(CallbackRejectedException.class,
                () -> webhook.handle(S1, Long.toString(ts), CallbackSignature.sign(SECRET_2, ts, body), body));
        assertEquals(CallbackRejectedException.Reason.FORGED, forged.reason());
        assertEquals(401, forged.httpStatus());
        assertEquals(S1, forged.supplier());
        assertFalse(forged.getMessage().contains("ACME-1"), "no body in the message");
        assertEquals("evt-x", webhook.handle(S1, Long.toString(ts), CallbackSignature.sign(SECRET_1, ts, body), body)
                .callbackId());
        CallbackRejectedException replayed = assertThrows(CallbackRejectedException.class,
                () -> webhook.handle(S1, Long.toString(ts), CallbackSignature.sign(SECRET_1, ts, body), body));
        assertEquals(CallbackRejectedException.Reason.REPLAYED, replayed.reason());
        assertEquals(409, replayed.httpStatus());
    }

    @Test
    void signaturesAreHmacSha256OverTimestampDotBody() {
        // known answer, computed outside Java: printf '1700000000.{}' | openssl dgst -sha256 -hmac 0123456789abcdef
        byte[] secret = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
        String expected = "v1=e4f8e2ecae2295b2ddb2f0b5584c8275e226c0ebe9b3b819e70156bb67122e3e";
        assertEquals(expected, CallbackSignature.sign(secret, 1_700_000_000L, body));
        assertTrue(CallbackSignature.verify(secret, 1_700_000_000L, body, expected));
        assertTrue(CallbackSignature.verify(secret, 1_700_000_000L, body, "v1=" + expected.substring(3).toUpperCase()));
        assertFalse(CallbackSignature.verify(secret, 1_700_000_001L, body, expected), "another timestamp");
        assertFalse(CallbackSignature.verify(secret, 1_700_000_000L, "{ }".getBytes(StandardCharsets.US_ASCII), expected));
        assertFalse(CallbackSignature.verify(secret, 1_700_000_000L, body, expected.substring(3)), "no scheme");
        assertThrows(IllegalArgumentException.class, () -> CallbackSignature.sign(new byte[15], 1L, body),
                "secrets shorter than 16 bytes");
    }
}
