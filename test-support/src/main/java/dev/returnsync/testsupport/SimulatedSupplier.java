package dev.returnsync.testsupport;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierCapabilities;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A scriptable supplier for tests and the demo, behaving like a real supplier's system in one of three styles:
 * <ul>
 *   <li>{@link Style#NUMBER_IN_REPLY}: issues its return number in the reply to the request;</li>
 *   <li>{@link Style#NUMBER_BY_CALLBACK}: replies "pending" and later calls back ({@link #takeCallbacks()} hands
 *       the callbacks to the test, which feeds them to the engine's supplier callbacks, as a webhook would);</li>
 *   <li>{@link Style#NUMBER_BY_POLLING}: pull-only; replies "pending" and answers polls with "nothing new" until
 *       the configured number of polls, then with the number; it also reports parcels it received and the results
 *       of its inspections, when told.</li>
 * </ul>
 * It can fail the first {@code n} requests (with a retryable failure), and it deduplicates by idempotency key like
 * a well-behaved supplier: one return per key, the same number for the same key. Thread-safe.
 */
public final class SimulatedSupplier implements SupplierAdapter {
    /**
     * How a supplier hands out its numbers; the styles of this supplier and of
     * {@link dev.returnsync.testsupport.http.SimulatedSupplierServer}, its counterpart over HTTP.
     */
    public enum Style {
        /** The number comes in the reply to the request (over HTTP: 201 {@code ISSUED}). */
        NUMBER_IN_REPLY,
        /** The reply says "pending"; the number comes by a later callback (over HTTP: 202, then a signed callback). */
        NUMBER_BY_CALLBACK,
        /** Pull-only: the reply says "pending"; polls find the number after a while. */
        NUMBER_BY_POLLING
    }

    /**
     * A callback the supplier wants to make: it issued a number for a return.
     *
     * @param tenant the tenant
     * @param caseId the case (for the test's convenience; a real supplier knows the reseller number only)
     * @param resellerNumber the reseller return number it was given
     * @param supplierNumber the number it issued
     * @param eventId the supplier's own id of this callback
     */
    public record Callback(TenantId tenant, CaseId caseId, ReturnNumber resellerNumber, String supplierNumber,
                           String eventId) {
    }

    private final SupplierId id;
    private final Style style;
    private final SupplierCapabilities capabilities;
    private final int pollsBeforeNumber;
    private int failuresLeft;
    private int sequence;
    private final Map<String, String> returnsByKey = new LinkedHashMap<>();
    private final Map<String, Integer> pollsByKey = new LinkedHashMap<>();
    private final List<SupplierRequest> calls = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private final Map<CaseId, List<LineQuantity>> receipts = new LinkedHashMap<>();
    private final Map<CaseId, SupplierReply.ResultReported> results = new LinkedHashMap<>();
    private final Map<String, SupplierRequest.ShareTracking> trackingByKey = new LinkedHashMap<>();
    private final Set<CaseId> cancelled = new LinkedHashSet<>();

    private SimulatedSupplier(SupplierId id, Style style, int failFirst, int pollsBeforeNumber) {
        this.id = Objects.requireNonNull(id, "supplier id must not be null");
        this.style = Objects.requireNonNull(style, "style must not be null");
        if (failFirst < 0 || pollsBeforeNumber < 0) {
            throw new IllegalArgumentException("failFirst and pollsBeforeNumber must be zero or more");
        }
        this.failuresLeft = failFirst;
        this.pollsBeforeNumber = pollsBeforeNumber;
        this.capabilities = switch (style) {
            case NUMBER_IN_REPLY -> SupplierCapabilities.replyOnly();
            case NUMBER_BY_CALLBACK -> SupplierCapabilities.push();
            case NUMBER_BY_POLLING -> SupplierCapabilities.pullOnly();
        };
    }

    /**
     * A supplier of a style that never fails and, if it is polled, finds the number at the second poll.
     *
     * @param id the supplier it plays
     * @param style how it answers: by callback or by polling
     * @return the supplier
     */
    public static SimulatedSupplier of(SupplierId id, Style style) {
        return new SimulatedSupplier(id, style, 0, 1);
    }

    /**
     * The same supplier, failing its first {@code n} requests with a retryable failure.
     *
     * @param n how many requests fail first, 0 or more
     * @return a new supplier; this one is unchanged
     */
    public SimulatedSupplier failingFirst(int n) {
        return new SimulatedSupplier(id, style, n, pollsBeforeNumber);
    }

    /**
     * The same supplier, answering "nothing new" to the first {@code n} polls of a request.
     *
     * @param n how many polls find nothing new, 0 or more
     * @return a new supplier; this one is unchanged
     */
    public SimulatedSupplier numberAfterPolls(int n) {
        return new SimulatedSupplier(id, style, failuresLeft, n);
    }

    @Override
    public SupplierId supplier() {
        return id;
    }

    @Override
    public SupplierCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public synchronized SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn request) {
        calls.add(request);
        if (failuresLeft > 0) {
            failuresLeft--;
            return SupplierReply.retryLater("simulated outage");
        }
        String number = returnsByKey.get(request.idempotencyKey());
        boolean fresh = number == null;
        if (fresh) {
            number = id.value().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "") + "-R" + (++sequence);
            returnsByKey.put(request.idempotencyKey(), number);
        }
        switch (style) {
            case NUMBER_IN_REPLY:
                return SupplierReply.numberIssued(number);
            case NUMBER_BY_CALLBACK:
                if (fresh) {
                    callbacks.add(new Callback(request.tenant(), request.caseId(), request.resellerNumber(), number,
                            "evt-" + number));
                }
                return SupplierReply.pending();
            default:
                return SupplierReply.pending();
        }
    }

    @Override
    public synchronized SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking request) {
        calls.add(request);
        trackingByKey.putIfAbsent(request.idempotencyKey(), request);
        return SupplierReply.done();
    }

    @Override
    public synchronized SupplierReply.ToPoll poll(SupplierRequest.Poll request) {
        calls.add(request);
        if (request.supplierNumber() == null) {
            String number = numberFor(request.caseId());
            if (number == null) {
                return SupplierReply.nothingNew();
            }
            int polls = pollsByKey.merge(number, 1, Integer::sum);
            return polls > pollsBeforeNumber ? SupplierReply.numberIssued(number) : SupplierReply.nothingNew();
        }
        SupplierReply.ResultReported result = results.get(request.caseId());
        if (result != null) {
            return result;
        }
        List<LineQuantity> received = receipts.get(request.caseId());
        return received == null ? SupplierReply.nothingNew() : SupplierReply.received(received);
    }

    @Override
    public synchronized SupplierReply.ToNotice cancel(SupplierRequest.Cancel request) {
        calls.add(request);
        cancelled.add(request.caseId());
        return SupplierReply.done();
    }

    /**
     * Tells the supplier it received the parcel of a case, so that a poll reports it.
     *
     * @param caseId the case whose parcel arrived
     * @param quantities the quantity received per SKU
     */
    public synchronized void receive(CaseId caseId, List<LineQuantity> quantities) {
        receipts.put(caseId, List.copyOf(quantities));
    }

    /**
     * Tells the supplier it inspected the goods of a case, so that a poll with its number reports the result (from
     * then on instead of the receipt).
     *
     * @param caseId the case whose goods were inspected
     * @param result the result, as a poll answers it
     */
    public synchronized void inspect(CaseId caseId, SupplierReply.ResultReported result) {
        results.put(Objects.requireNonNull(caseId, "caseId must not be null"),
                Objects.requireNonNull(result, "result must not be null"));
    }

    /**
     * The tracking numbers the supplier recorded for a case, one per distinct idempotency key of the calls that
     * shared them (a repeated call is recorded once), in the order first received.
     *
     * @param caseId the case
     * @return the tracking numbers; empty if none
     */
    public synchronized List<ReturnNumber> tracking(CaseId caseId) {
        List<ReturnNumber> out = new ArrayList<>();
        for (SupplierRequest.ShareTracking share : trackingByKey.values()) {
            if (share.caseId().equals(caseId)) {
                out.add(share.tracking());
            }
        }
        return List.copyOf(out);
    }

    /**
     * True if the supplier was told that the return of a case is cancelled.
     *
     * @param caseId the case
     * @return true once a cancellation for it came
     */
    public synchronized boolean cancelled(CaseId caseId) {
        return cancelled.contains(caseId);
    }

    /**
     * Hands out (and forgets) the callbacks the supplier wants to make.
     *
     * @return the pending callbacks, oldest first; empty if none
     */
    public synchronized List<Callback> takeCallbacks() {
        List<Callback> out = List.copyOf(callbacks);
        callbacks.clear();
        return out;
    }

    /**
     * Every call received, in order, repeats included.
     *
     * @return the calls, oldest first
     */
    public synchronized List<SupplierRequest> calls() {
        return List.copyOf(calls);
    }

    /**
     * The distinct idempotency keys of the return requests about a case: one per return created.
     *
     * @param caseId the case
     * @return the keys, in the order first seen
     */
    public synchronized Set<String> requestKeys(CaseId caseId) {
        Set<String> keys = new LinkedHashSet<>();
        for (SupplierRequest call : calls) {
            if (call instanceof SupplierRequest.RequestReturn && call.caseId().equals(caseId)) {
                keys.add(call.idempotencyKey());
            }
        }
        return keys;
    }

    /**
     * How many returns the supplier created (one per distinct request key that got through).
     *
     * @return the number of returns created
     */
    public synchronized int returnsCreated() {
        return returnsByKey.size();
    }

    private String numberFor(CaseId caseId) {
        for (SupplierRequest call : calls) {
            if (call instanceof SupplierRequest.RequestReturn && call.caseId().equals(caseId)) {
                String number = returnsByKey.get(call.idempotencyKey());
                if (number != null) {
                    return number;
                }
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "SimulatedSupplier[" + id + ", " + style + "]";
    }
}
