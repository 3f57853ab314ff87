package dev.returnsync.testkit.contract;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierCapabilities;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract of {@link SupplierAdapter} on a healthy supplier: what the engine relies on, as JUnit Jupiter tests.
 * Extend it in your test sources with an adapter connected to a <b>fresh supplier backend</b> (a simulated server,
 * the supplier's sandbox with a new account, an in-process fake of its API) and hooks that show what that backend
 * holds:
 *
 * <pre>{@code
 * class AcmeSupplierContractTest extends SupplierAdapterContract {
 *     private AcmeSandbox sandbox;
 *
 *     @Override
 *     protected SupplierAdapter createAdapter() {
 *         sandbox = AcmeSandbox.freshAccount();
 *         return new AcmeSupplier(sandbox.client());
 *     }
 *
 *     @Override protected int returnsAtSupplier() { return sandbox.returns().size(); }
 *     @Override protected List<ReturnNumber> trackingAtSupplier(SupplierRequest.RequestReturn applied) { ... }
 *     @Override protected boolean cancelledAtSupplier(SupplierRequest.RequestReturn applied) { ... }
 * }
 * }</pre>
 *
 * <p>What it checks: the adapter names its supplier and capabilities, stably; a request is answered with a number
 * or "pending" (the backend accepts returns); the same idempotency key again (at once, after other requests, or from
 * several threads at the same time) makes <b>one return at the supplier</b> and the same number; distinct keys make
 * distinct returns; sharing the tracking number is done and recorded once however often it is repeated, on its own
 * return only; and the capabilities are truthful: an adapter that declares polling answers polls about a requested
 * return without failing, one that declares cancellation cancels (recorded at the supplier, idempotently). Tests of
 * a capability the adapter does not declare are skipped (aborted), with the reason.
 *
 * <p>Layers: {@link PollingSupplierAdapterContract} for pull-only suppliers (numbers and receipts found by polls);
 * {@link SupplierAdapterFaultContract} for the behaviour under faults of the supplier (slow, 5xx, rate limits,
 * dropped connections, invalid requests), which needs hooks that inject them.
 *
 * <p>Not checked: callbacks (a push supplier's webhook is the host's, not the adapter's); exchanges.
 */
public abstract class SupplierAdapterContract {
    /** The tenant of every request of the suites. */
    protected static final TenantId TENANT = TenantId.of("tenant-s");
    /**
     * The free text of the reason of every request: the customer's own words. A supplier gets it, but it must never
     * appear in an error text of a reply (see {@link #assertNoPersonalData}).
     */
    protected static final String CUSTOMER_WORDS = "衣服有破洞, call me on 13800138000";

    /** The adapter under test, fresh for each test. */
    protected SupplierAdapter adapter;

    /**
     * Returns the adapter to test, connected to a fresh supplier backend: no return, no tracking, no idempotency key
     * left from another test; the backend accepts returns. Called before each test.
     *
     * @return the adapter under test
     */
    protected abstract SupplierAdapter createAdapter();

    /** {@return how many returns the supplier's backend holds now (one per return it created, whatever their state)} */
    protected abstract int returnsAtSupplier();

    /**
     * The tracking numbers the supplier's backend recorded for the return it was asked for by {@code applied}, one
     * element per recorded update, in order: a repeat that was recorded twice appears twice. Empty for a return it
     * does not know.
     *
     * @param applied the request that asked for the return
     * @return the tracking numbers recorded, in order
     */
    protected abstract List<ReturnNumber> trackingAtSupplier(SupplierRequest.RequestReturn applied);

    /**
     * True if the supplier's backend shows the return it was asked for by {@code applied} as cancelled. Only called
     * for adapters that declare {@link SupplierCapabilities#cancellation()}.
     *
     * @param applied the request that asked for the return
     * @return true when the backend shows it cancelled
     */
    protected abstract boolean cancelledAtSupplier(SupplierRequest.RequestReturn applied);

    /** {@return how many threads the concurrency tests use; at least 2} */
    protected int threads() {
        return 4;
    }

    /** {@return how long a concurrency test may run before it fails} */
    protected Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @BeforeEach
    void createTheAdapter() {
        adapter = createAdapter();
        if (adapter == null) {
            throw new IllegalStateException("createAdapter() returned null");
        }
    }

    // --------------------------------------------------------------------------------------------- requests

    /**
     * A valid request for a return of case {@code name}, with the key {@code "request/" + name}.
     *
     * @param name the case id, also the key's suffix
     * @return the request
     */
    protected final SupplierRequest.RequestReturn requestOf(String name) {
        return requestOf(name, "request/" + name);
    }

    /**
     * A valid request for a return of case {@code name}, with the given idempotency key.
     *
     * @param name the case id
     * @param key the call's idempotency key
     * @return the request
     */
    protected final SupplierRequest.RequestReturn requestOf(String name, String key) {
        SupplierId leg = adapter.supplier();
        return new SupplierRequest.RequestReturn(key, TENANT, CaseId.of(name), leg,
                ReturnNumber.resellerReturn(TENANT, "RS-" + name), ReturnNumber.customerRequest(TENANT, "AS-" + name),
                quantities(), OutcomeType.RETURN_AND_REFUND,
                new Reason(ReasonCode.QUALITY_ISSUE, CUSTOMER_WORDS, List.of(Evidence.of(EvidenceKind.PHOTO, "photo-1.jpg"))));
    }

    /** {@return the authorized quantities of every request of the suites} */
    protected static List<LineQuantity> quantities() {
        return List.of(LineQuantity.of("SKU-红-XL", 2), LineQuantity.of("SKU-2", 1));
    }

    /**
     * The tracking number the suites share for a return.
     *
     * @param applied the request that asked for the return
     * @return its tracking number
     */
    protected static ReturnNumber trackingOf(SupplierRequest.RequestReturn applied) {
        return ReturnNumber.returnTracking("SF", "SF" + Math.abs((long) applied.caseId().value().hashCode()));
    }

    /**
     * A call sharing the tracking number of the return of {@code applied}.
     *
     * @param applied the request that asked for the return
     * @param number the supplier number of the return, or {@code null} if none was issued
     * @param key the call's idempotency key
     * @return the call
     */
    protected final SupplierRequest.ShareTracking shareOf(SupplierRequest.RequestReturn applied, ReturnNumber number,
                                                          String key) {
        return new SupplierRequest.ShareTracking(key, TENANT, applied.caseId(), applied.leg(), applied.resellerNumber(),
                number, trackingOf(applied));
    }

    /**
     * A poll about the return of {@code applied}.
     *
     * @param applied the request that asked for the return
     * @param number the supplier number of the return, or {@code null} if none was issued
     * @param key the call's idempotency key
     * @return the call
     */
    protected final SupplierRequest.Poll pollOf(SupplierRequest.RequestReturn applied, ReturnNumber number,
                                                String key) {
        return new SupplierRequest.Poll(key, TENANT, applied.caseId(), applied.leg(), applied.resellerNumber(), number);
    }

    /**
     * A cancellation of the return of {@code applied}.
     *
     * @param applied the request that asked for the return
     * @param number the supplier number of the return, or {@code null} if none was issued
     * @param key the call's idempotency key
     * @return the call
     */
    protected final SupplierRequest.Cancel cancelOf(SupplierRequest.RequestReturn applied, ReturnNumber number,
                                                    String key) {
        return new SupplierRequest.Cancel(key, TENANT, applied.caseId(), applied.leg(), applied.resellerNumber(), number);
    }

    /**
     * The supplier number of a reply, as a number of the adapter's supplier, or {@code null} if it has none.
     *
     * @param reply the adapter's reply
     * @return the number, or {@code null}
     */
    protected final ReturnNumber numberIn(SupplierReply reply) {
        return reply instanceof SupplierReply.NumberIssued issued
                ? ReturnNumber.supplierReturn(adapter.supplier(), issued.number()) : null;
    }

    /**
     * Requests a return and checks the reply is a number or "pending"; returns the reply.
     *
     * @param request the request to send
     * @return the reply
     */
    protected final SupplierReply.ToRequest requestAccepted(SupplierRequest.RequestReturn request) {
        SupplierReply.ToRequest reply = adapter.requestReturn(request);
        assertDeclared(SupplierReply.ToRequest.class, reply);
        if (!(reply instanceof SupplierReply.NumberIssued) && !(reply instanceof SupplierReply.Pending)) {
            fail("a healthy supplier accepts the request: expected NumberIssued or Pending, got " + reply);
        }
        return reply;
    }

    /**
     * Asserts that a reply is not null and one of the permitted subtypes of its declared sealed type.
     *
     * @param declared the sealed reply type the method declares
     * @param reply the reply to check
     */
    protected static void assertDeclared(Class<? extends SupplierReply> declared, SupplierReply reply) {
        assertNotNull(reply, "the adapter answered null");
        Set<Class<?>> permitted = new HashSet<>(List.of(declared.getPermittedSubclasses()));
        assertTrue(permitted.contains(reply.getClass()), reply.getClass() + " is not one of " + permitted);
    }

    /**
     * Asserts that the error text of a failure reply holds none of the personal data of the request it answers: not
     * the customer's words, not the customer request number.
     *
     * @param reply the reply to check
     * @param request the request it answers
     */
    protected static void assertNoPersonalData(SupplierReply reply, SupplierRequest request) {
        String error;
        if (reply instanceof SupplierReply.RetryableFailure failure) {
            error = failure.error();
        } else if (reply instanceof SupplierReply.PermanentFailure failure) {
            error = failure.error();
        } else {
            return;
        }
        assertFalse(error.isBlank(), "a failure says what happened");
        assertFalse(error.contains(CUSTOMER_WORDS) || error.contains("13800138000"),
                "the error text holds the customer's words: " + error);
        if (request instanceof SupplierRequest.RequestReturn r) {
            assertFalse(error.contains(r.customerNumber().value()), "the error text holds the customer number: " + error);
        }
    }

    // --------------------------------------------------------------------------------------------- tests

    @Test
    @DisplayName("the adapter names its supplier and capabilities, the same on every call, and implements each")
    void namesItsSupplierAndCapabilities() {
        SupplierId supplier = adapter.supplier();
        SupplierCapabilities capabilities = SupplierCapabilities.declaredBy(adapter);
        assertNotNull(supplier, "supplier()");
        assertEquals(supplier, adapter.supplier());
        assertEquals(capabilities, adapter.capabilities());
    }

    @Test
    @DisplayName("a request is answered with a number or pending, and makes one return at the supplier")
    void aRequestMakesOneReturn() {
        assertEquals(0, returnsAtSupplier(), "a fresh backend holds no return");
        requestAccepted(requestOf("case-1"));
        assertEquals(1, returnsAtSupplier());
    }

    @Test
    @DisplayName("the same idempotency key twice makes one return, with the same number")
    void theSameKeyTwiceMakesOneReturn() {
        SupplierRequest.RequestReturn request = requestOf("case-1");
        SupplierReply.ToRequest first = requestAccepted(request);
        SupplierReply.ToRequest second = requestAccepted(request);
        assertEquals(1, returnsAtSupplier(), "returns at the supplier after a repeated request");
        assertEquals(first.getClass(), second.getClass(), "the repeat is answered like the first call");
        assertEquals(numberIn(first), numberIn(second), "the repeat carries the same number");
    }

    @Test
    @DisplayName("a repeat after other requests still finds the first return")
    void aLateRepeatFindsTheFirstReturn() {
        SupplierRequest.RequestReturn a = requestOf("case-a");
        SupplierReply.ToRequest first = requestAccepted(a);
        requestAccepted(requestOf("case-b"));
        requestAccepted(requestOf("case-c"));
        SupplierReply.ToRequest again = requestAccepted(a);
        assertEquals(3, returnsAtSupplier());
        assertEquals(numberIn(first), numberIn(again));
    }

    @Test
    @DisplayName("distinct idempotency keys make distinct returns, with distinct numbers")
    void distinctKeysMakeDistinctReturns() {
        Set<ReturnNumber> numbers = new HashSet<>();
        int issued = 0;
        for (int i = 1; i <= 4; i++) {
            ReturnNumber number = numberIn(requestAccepted(requestOf("case-" + i)));
            if (number != null) {
                issued++;
                numbers.add(number);
            }
        }
        assertEquals(4, returnsAtSupplier());
        assertEquals(issued, numbers.size(), "numbers issued for distinct returns are distinct: " + numbers);
    }

    @Test
    @DisplayName("concurrent calls with the same key make one return and agree on its number")
    void concurrentRepeatsMakeOneReturn() throws Exception {
        int rounds = 3;
        for (int round = 0; round < rounds; round++) {
            SupplierRequest.RequestReturn request = requestOf("case-race-" + round);
            List<Callable<SupplierReply.ToRequest>> tasks = new ArrayList<>();
            for (int t = 0; t < threads(); t++) {
                tasks.add(() -> adapter.requestReturn(request));
            }
            List<SupplierReply.ToRequest> replies = Concurrently.values(Concurrently.run(tasks, timeout()));
            Set<ReturnNumber> numbers = new HashSet<>();
            for (SupplierReply.ToRequest reply : replies) {
                assertDeclared(SupplierReply.ToRequest.class, reply);
                assertTrue(reply instanceof SupplierReply.NumberIssued || reply instanceof SupplierReply.Pending,
                        "round " + round + ": " + reply);
                if (numberIn(reply) != null) {
                    numbers.add(numberIn(reply));
                }
            }
            assertTrue(numbers.size() <= 1, "round " + round + ": one number for one key, got " + numbers);
            assertEquals(round + 1, returnsAtSupplier(), "round " + round + ": one return per key");
        }
    }

    @Test
    @DisplayName("sharing the tracking number is done and recorded once, however often it is repeated")
    void shareTrackingIsIdempotent() {
        SupplierRequest.RequestReturn applied = requestOf("case-1");
        ReturnNumber number = numberIn(requestAccepted(applied));
        SupplierRequest.ShareTracking share = shareOf(applied, number, "share/case-1");
        for (int i = 0; i < 3; i++) {
            SupplierReply.ToNotice reply = adapter.shareTracking(share);
            assertDeclared(SupplierReply.ToNotice.class, reply);
            assertEquals(SupplierReply.done(), reply, "attempt " + (i + 1));
        }
        assertEquals(List.of(trackingOf(applied)), trackingAtSupplier(applied));
        assertEquals(1, returnsAtSupplier(), "sharing tracking creates no return");
    }

    @Test
    @DisplayName("a tracking number reaches its own return only")
    void trackingReachesItsOwnReturnOnly() {
        SupplierRequest.RequestReturn a = requestOf("case-a");
        SupplierRequest.RequestReturn b = requestOf("case-b");
        ReturnNumber numberA = numberIn(requestAccepted(a));
        requestAccepted(b);
        assertEquals(SupplierReply.done(), adapter.shareTracking(shareOf(a, numberA, "share/case-a")));
        assertEquals(List.of(trackingOf(a)), trackingAtSupplier(a));
        assertEquals(List.of(), trackingAtSupplier(b));
    }

    @Test
    @DisplayName("capabilities are truthful: an adapter that declares polling answers a poll about a requested return")
    void declaredPollingWorks() {
        assumeTrue(adapter.capabilities().pullPolling(), "the adapter does not declare polling");
        SupplierRequest.RequestReturn applied = requestOf("case-1");
        requestAccepted(applied);
        SupplierReply.ToPoll reply = adapter.poll(pollOf(applied, null, "poll/case-1"));
        assertDeclared(SupplierReply.ToPoll.class, reply);
        assertTrue(reply instanceof SupplierReply.NothingNew || reply instanceof SupplierReply.NumberIssued,
                "a poll about a pending return answers NothingNew or NumberIssued, got " + reply);
        assertEquals(1, returnsAtSupplier(), "a poll creates no return");
    }

    @Test
    @DisplayName("capabilities are truthful: an adapter that declares cancellation cancels, idempotently")
    void declaredCancellationWorks() {
        assumeTrue(adapter.capabilities().cancellation(), "the adapter does not declare cancellation");
        SupplierRequest.RequestReturn applied = requestOf("case-1");
        SupplierRequest.RequestReturn other = requestOf("case-2");
        ReturnNumber number = numberIn(requestAccepted(applied));
        requestAccepted(other);
        SupplierRequest.Cancel cancel = cancelOf(applied, number, "cancel/case-1");
        for (int i = 0; i < 2; i++) {
            SupplierReply.ToNotice reply = adapter.cancel(cancel);
            assertDeclared(SupplierReply.ToNotice.class, reply);
            assertEquals(SupplierReply.done(), reply, "attempt " + (i + 1));
        }
        assertTrue(cancelledAtSupplier(applied), "the supplier shows the return as cancelled");
        assertFalse(cancelledAtSupplier(other), "another return stays as it was");
        assertEquals(2, returnsAtSupplier());
    }
}
