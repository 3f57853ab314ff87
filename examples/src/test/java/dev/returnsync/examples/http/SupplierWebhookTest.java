package dev.returnsync.examples.http;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.core.memory.InMemoryNotifier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.SupplierId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static dev.returnsync.examples.http.HttpFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The webhook over real HTTP on the loopback interface: valid callbacks move the leg as their supplier; forged,
 * tampered, stale, replayed, unsigned and foreign callbacks are refused with their status and change nothing.
 */
@Timeout(60)
class SupplierWebhookTest {
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private ReturnSyncEngine engine;
    private SupplierWebhook webhook;
    private final CaseId c = CaseId.of("case-1");
    private String resellerNumber;

    @BeforeEach
    void start() {
        engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier()).clock(clock).build();
        webhook = SupplierWebhook.builder(engine.supplierCallbacks()).clock(clock).tolerance(Duration.ofMinutes(5))
                .supplier(S1, SECRET_1).supplier(S2, SECRET_2).build().start();
        resellerNumber = toNumberRequested(engine, c, S1);
    }

    @AfterEach
    void stop() {
        webhook.close();
        engine.close();
    }

    private long version() {
        return store.load(c).orElseThrow().version();
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
