package dev.returnsync.supplier.http;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The callback ids a {@link SupplierWebhook} has seen within the tolerance window. An id is <b>claimed</b> while its
 * callback is being applied and <b>remembered as delivered</b> only once the engine applied it; a callback that was
 * refused or failed is {@link #release released}, so the supplier's retry is judged afresh. Thread-safe.
 */
final class ReplayMemory {
    /** What {@link #claim} found. */
    enum Claim {
        /** The id is new: the caller applies the callback, then calls {@link #applied} or {@link #release}. */
        CLAIMED,
        /** A callback with this id was applied within the window: answer that it was delivered. */
        DELIVERED,
        /** A callback with this id is being applied right now: ask the supplier to retry. */
        IN_FLIGHT,
        /** The memory is full: ask the supplier to retry rather than forget an id early. */
        FULL
    }

    private record Entry(boolean applied, Instant until) {
    }

    private final int max;
    private final Map<String, Entry> entries = new HashMap<>();
    private Instant swept = Instant.MIN;

    ReplayMemory(int max) {
        this.max = max;
    }

    /** Claims an id until {@code until} (when its timestamp leaves the window), forgetting what expired by {@code now}. */
    synchronized Claim claim(String id, Instant until, Instant now) {
        sweep(now);
        Entry entry = entries.get(id);
        if (entry != null) {
            return entry.applied() ? Claim.DELIVERED : Claim.IN_FLIGHT;
        }
        if (entries.size() >= max) {
            return Claim.FULL;
        }
        entries.put(id, new Entry(false, until));
        return Claim.CLAIMED;
    }

    /** Remembers a claimed id as delivered: a callback with it is answered as a replay until {@code until}. */
    synchronized void applied(String id, Instant until) {
        entries.put(id, new Entry(true, until));
    }

    /** Forgets a claimed id whose callback was not applied. */
    synchronized void release(String id) {
        Entry entry = entries.get(id);
        if (entry != null && !entry.applied()) {
            entries.remove(id);
        }
    }

    private void sweep(Instant now) {
        if (now.isBefore(swept.plusSeconds(1)) && entries.size() < max) {
            return;
        }
        entries.values().removeIf(e -> e.until().isBefore(now));
        swept = now;
    }
}
