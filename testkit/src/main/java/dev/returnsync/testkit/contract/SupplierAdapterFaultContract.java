package dev.returnsync.testkit.contract;

import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@link SupplierAdapterContract} plus the behaviour under faults of the supplier's system: a slow supplier, server
 * errors, rate limits, lost connections, invalid requests. The subclass injects each {@link SupplierFault} into its
 * backend (a simulated server, a fault-injecting proxy) and tells how long a call of its adapter may take:
 *
 * <pre>{@code
 * class AcmeSupplierFaultTest extends SupplierAdapterFaultContract {
 *     ...
 *     @Override protected void injectFault(SupplierFault fault, int calls) { fakeAcme.failNext(fault, calls); }
 *     @Override protected Duration callTimeout() { return Duration.ofMillis(500); }
 * }
 * }</pre>
 *
 * <p>What it checks, for each fault on a request for a return: the reply is the one the fault owes (retryable, or
 * permanent for an invalid request) and comes within {@link #callTimeout()} plus {@link #slack()}; its error text
 * holds no personal data of the request; once the fault has passed, a retry with the <b>same key</b> succeeds and the
 * supplier holds <b>exactly one</b> return, also when the first two calls were processed but their answers lost;
 * an invalid request creates nothing. Sharing tracking, polls and cancellations (when declared) fail the same way.
 */
public abstract class SupplierAdapterFaultContract extends SupplierAdapterContract {
    /**
     * Makes the next {@code calls} calls that reach the supplier's backend, of any kind, meet {@code fault}; the
     * calls after them are served normally. Faults injected one after another queue up in that order.
     *
     * @param fault what goes wrong
     * @param calls how many calls meet it, 1 or more
     */
    protected abstract void injectFault(SupplierFault fault, int calls);

    /** {@return the longest a call of the adapter may take: its configured timeouts (connect plus request)} */
    protected abstract Duration callTimeout();

    /** {@return what a call may take beyond {@link #callTimeout()} on a loaded machine; 2 s unless overridden} */
    protected Duration slack() {
        return Duration.ofSeconds(2);
    }

    /**
     * True if the adapter reports the delay a rate-limited supplier asks for in
     * {@link SupplierReply.RetryableFailure#retryAfter()}; then the contract checks it is exactly
     * {@link SupplierFault#RETRY_AFTER_SECONDS} seconds. False by default.
     *
     * @return true when the adapter reports the supplier's retry delay
     */
    protected boolean reportsRetryAfter() {
        return false;
    }

    private <R extends SupplierReply> R timed(java.util.function.Supplier<R> call) {
        long start = System.nanoTime();
        R reply = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Duration bound = callTimeout().plus(slack());
        assertTrue(took.compareTo(bound) <= 0, "the call took " + took.toMillis() + " ms, more than " + bound.toMillis()
                + " ms");
        return reply;
    }

    private SupplierReply.ToRequest failedRequest(SupplierFault fault, SupplierRequest.RequestReturn request,
                                                  Class<? extends SupplierReply> owed) {
        injectFault(fault, 1);
        SupplierReply.ToRequest reply = timed(() -> adapter.requestReturn(request));
        assertDeclared(SupplierReply.ToRequest.class, reply);
        assertEquals(owed, reply.getClass(), fault + " answered " + reply);
        assertNoPersonalData(reply, request);
        return reply;
    }

    private void retryFindsOneReturn(SupplierFault fault) {
        SupplierRequest.RequestReturn request = requestOf("case-" + fault.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        failedRequest(fault, request, SupplierReply.RetryableFailure.class);
        SupplierReply.ToRequest retried = requestAccepted(request);
        SupplierReply.ToRequest again = requestAccepted(request);
        assertEquals(numberIn(retried), numberIn(again));
        assertEquals(1, returnsAtSupplier(), "returns at the supplier after " + fault + " and a retry");
    }

    @Test
    @DisplayName("a slow supplier: a retryable failure within the adapter's timeout; the retry makes one return")
    void slowSupplier() {
        retryFindsOneReturn(SupplierFault.SLOW);
    }

    @Test
    @DisplayName("a server error: a retryable failure; the retry makes one return")
    void serverError() {
        retryFindsOneReturn(SupplierFault.SERVER_ERROR);
    }

    @Test
    @DisplayName("a rate limit: a retryable failure, with the delay the supplier asked for if reported")
    void rateLimited() {
        SupplierRequest.RequestReturn request = requestOf("case-limited");
        SupplierReply.RetryableFailure failure = (SupplierReply.RetryableFailure) failedRequest(
                SupplierFault.RATE_LIMITED, request, SupplierReply.RetryableFailure.class);
        if (reportsRetryAfter()) {
            assertEquals(Duration.ofSeconds(SupplierFault.RETRY_AFTER_SECONDS), failure.retryAfter());
        } else {
            assertTrue(failure.retryAfter() == null
                    || failure.retryAfter().equals(Duration.ofSeconds(SupplierFault.RETRY_AFTER_SECONDS)),
                    "a reported delay is the one asked for: " + failure.retryAfter());
        }
        requestAccepted(request);
        assertEquals(1, returnsAtSupplier());
    }

    @Test
    @DisplayName("a dropped connection: a retryable failure; the retry makes one return")
    void droppedConnection() {
        retryFindsOneReturn(SupplierFault.CONNECTION_DROPPED);
    }

    @Test
    @DisplayName("answers lost twice after the supplier processed the call: still exactly one return, one number")
    void answersLostTwice() {
        SupplierRequest.RequestReturn request = requestOf("case-lost");
        injectFault(SupplierFault.ANSWER_LOST, 2);
        for (int attempt = 1; attempt <= 2; attempt++) {
            SupplierReply.ToRequest reply = timed(() -> adapter.requestReturn(request));
            assertEquals(SupplierReply.RetryableFailure.class, reply.getClass(), "attempt " + attempt + ": " + reply);
            assertNoPersonalData(reply, request);
        }
        ReturnNumber number = numberIn(requestAccepted(request));
        assertEquals(1, returnsAtSupplier(), "the lost calls made the one return the retry found");
        assertEquals(number, numberIn(requestAccepted(request)));
    }

    @Test
    @DisplayName("an invalid request: a permanent failure, and nothing is created")
    void invalidRequest() {
        failedRequest(SupplierFault.INVALID_REQUEST, requestOf("case-invalid"), SupplierReply.PermanentFailure.class);
        assertEquals(0, returnsAtSupplier(), "an invalid request creates no return");
    }

    @Test
    @DisplayName("sharing tracking fails retryably on a server error and a lost connection, permanently when invalid")
    void shareTrackingUnderFaults() {
        SupplierRequest.RequestReturn applied = requestOf("case-track");
        ReturnNumber number = numberIn(requestAccepted(applied));
        SupplierRequest.ShareTracking share = shareOf(applied, number, "share/case-track");
        for (SupplierFault fault : List.of(SupplierFault.SERVER_ERROR, SupplierFault.CONNECTION_DROPPED,
                SupplierFault.ANSWER_LOST, SupplierFault.SLOW)) {
            injectFault(fault, 1);
            SupplierReply.ToNotice reply = timed(() -> adapter.shareTracking(share));
            assertEquals(SupplierReply.RetryableFailure.class, reply.getClass(), fault + " answered " + reply);
            assertNoPersonalData(reply, share);
        }
        injectFault(SupplierFault.INVALID_REQUEST, 1);
        SupplierReply.ToNotice invalid = timed(() -> adapter.shareTracking(share));
        assertEquals(SupplierReply.PermanentFailure.class, invalid.getClass(), "invalid answered " + invalid);
        assertEquals(SupplierReply.done(), adapter.shareTracking(share));
        assertEquals(List.of(trackingOf(applied)), trackingAtSupplier(applied), "recorded once after all of that");
    }

    @Test
    @DisplayName("a declared poll fails retryably on a server error and a slow supplier")
    void pollUnderFaults() {
        assumeTrue(adapter.capabilities().pullPolling(), "the adapter does not declare polling");
        SupplierRequest.RequestReturn applied = requestOf("case-poll");
        requestAccepted(applied);
        for (SupplierFault fault : List.of(SupplierFault.SERVER_ERROR, SupplierFault.SLOW, SupplierFault.RATE_LIMITED)) {
            injectFault(fault, 1);
            SupplierReply.ToPoll reply = timed(() -> adapter.poll(pollOf(applied, null, "poll/case-poll")));
            assertEquals(SupplierReply.RetryableFailure.class, reply.getClass(), fault + " answered " + reply);
        }
        SupplierReply.ToPoll healthy = adapter.poll(pollOf(applied, null, "poll/case-poll"));
        assertTrue(healthy instanceof SupplierReply.NothingNew || healthy instanceof SupplierReply.NumberIssued,
                "after the faults: " + healthy);
    }

    @Test
    @DisplayName("a declared cancellation fails retryably on a server error, then cancels once")
    void cancelUnderFaults() {
        assumeTrue(adapter.capabilities().cancellation(), "the adapter does not declare cancellation");
        SupplierRequest.RequestReturn applied = requestOf("case-cancel");
        ReturnNumber number = numberIn(requestAccepted(applied));
        SupplierRequest.Cancel cancel = cancelOf(applied, number, "cancel/case-cancel");
        injectFault(SupplierFault.SERVER_ERROR, 1);
        SupplierReply.ToNotice reply = timed(() -> adapter.cancel(cancel));
        assertEquals(SupplierReply.RetryableFailure.class, reply.getClass(), "answered " + reply);
        assertEquals(SupplierReply.done(), adapter.cancel(cancel));
        assertTrue(cancelledAtSupplier(applied));
    }
}
