package dev.returnsync.examples.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The returns system of Kestrel Supply, a fictional supplier, in process: it opens a return per request id (a
 * request id it has seen gets the same return again), answers with its own RMA number at once, records tracking
 * numbers and cancellations. A real host would talk to the supplier's API instead; the adapter's tests read this
 * backend to see what the adapter did.
 */
public final class KestrelWarehouse {
    private final Map<String, KestrelReturn> byRequestId = new HashMap<>();
    private final Map<String, KestrelReturn> byRma = new HashMap<>();
    private final Map<String, KestrelReturn> byReference = new HashMap<>();

    /** A parcel's tracking number as Kestrel records it: the carrier's code and the number. */
    public record Parcel(String carrier, String tracking) {
    }

    /** One return at Kestrel: its RMA number, the shop's reference, the tracking updates and whether cancelled. */
    private static final class KestrelReturn {
        final String rma;
        final String reference;
        final List<String> trackingRequests = new ArrayList<>();
        final List<Parcel> parcels = new ArrayList<>();
        boolean cancelled;

        KestrelReturn(String rma, String reference) {
            this.rma = rma;
            this.reference = reference;
        }
    }

    /**
     * Opens a return, or finds the one opened under the same request id.
     *
     * @param requestId the caller's request id; the same id gets the same return
     * @param reference the shop's number for the return
     * @return the RMA number
     */
    public synchronized String open(String requestId, String reference) {
        KestrelReturn existing = byRequestId.get(requestId);
        if (existing != null) {
            return existing.rma;
        }
        KestrelReturn opened = new KestrelReturn(String.format("KS-%06d", byRequestId.size() + 1), reference);
        byRequestId.put(requestId, opened);
        byRma.put(opened.rma, opened);
        byReference.put(reference, opened);
        return opened.rma;
    }

    /**
     * Records the tracking number of a return's parcel once per request id.
     *
     * @param requestId the caller's request id; the same id records nothing more
     * @param rma Kestrel's number for the return, or null if the caller has none
     * @param reference the shop's number for the return, to find it without the RMA number
     * @param parcel the carrier and tracking number
     * @return false if Kestrel knows no such return
     */
    public synchronized boolean addTracking(String requestId, String rma, String reference, Parcel parcel) {
        Optional<KestrelReturn> found = find(rma, reference);
        found.filter(r -> !r.trackingRequests.contains(requestId)).ifPresent(r -> {
            r.trackingRequests.add(requestId);
            r.parcels.add(parcel);
        });
        return found.isPresent();
    }

    /** Cancels a return; cancelling one Kestrel does not know, or twice, changes nothing. */
    public synchronized void cancel(String rma, String reference) {
        find(rma, reference).ifPresent(r -> r.cancelled = true);
    }

    /** How many returns Kestrel holds. */
    public synchronized int returns() {
        return byRequestId.size();
    }

    /** The parcels recorded for the return of the shop's reference, one per update. */
    public synchronized List<Parcel> parcels(String reference) {
        return find(null, reference).map(r -> List.copyOf(r.parcels)).orElse(List.of());
    }

    /** Whether the return of the shop's reference is cancelled. */
    public synchronized boolean cancelled(String reference) {
        return find(null, reference).map(r -> r.cancelled).orElse(false);
    }

    private Optional<KestrelReturn> find(String rma, String reference) {
        return Optional.ofNullable(rma == null ? null : byRma.get(rma))
                .or(() -> Optional.ofNullable(byReference.get(reference)));
    }
}
