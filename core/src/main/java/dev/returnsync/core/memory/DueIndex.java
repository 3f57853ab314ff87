package dev.returnsync.core.memory;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.DueCase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The due index: one entry per case with a due time, sorted by (due time, tenant, case id). Entries carry their
 * time as primitives and the {@link DueCase} a page returns, so a page reads its entries and nothing else: no case
 * look-up, no allocation per case. Changed under the lock of the entry's case; read without one. A reader that walks while
 * a case's due time moves may meet the old entry (until it is marked dropped) and the new one: the two positions of
 * a case that moved while the page was read.
 */
final class DueIndex {
    private final ConcurrentSkipListSet<Entry> entries = new ConcurrentSkipListSet<>();

    /** A case's place in the index. */
    static final class Entry implements Comparable<Entry> {
        final long seconds;
        final int nanos;
        final DueCase due;
        volatile boolean dropped;

        Entry(DueCase due) {
            this.seconds = due.dueAt().getEpochSecond();
            this.nanos = due.dueAt().getNano();
            this.due = due;
        }

        boolean isAfter(long otherSeconds, int otherNanos) {
            return seconds != otherSeconds ? seconds > otherSeconds : nanos > otherNanos;
        }

        @Override
        public int compareTo(Entry other) {
            if (seconds != other.seconds) {
                return Long.compare(seconds, other.seconds);
            }
            if (nanos != other.nanos) {
                return Integer.compare(nanos, other.nanos);
            }
            int byTenant = due.tenant().value().compareTo(other.due.tenant().value());
            return byTenant != 0 ? byTenant : due.caseId().compareTo(other.due.caseId());
        }
    }

    /**
     * Moves a case from its old entry to a new due time (the caller holds the case's lock).
     *
     * @param old the case's entry, or null when it had no due time
     * @param dueAt the new due time, or null to leave the index
     * @return the case's new entry, or null
     */
    Entry move(Entry old, TenantId tenant, CaseId caseId, Instant dueAt) {
        if (old != null) {
            old.dropped = true;
        }
        Entry now = dueAt == null ? null : new Entry(new DueCase(tenant, caseId, dueAt));
        if (now != null) {
            entries.add(now);
        }
        if (old != null) {
            entries.remove(old);
        }
        return now;
    }

    /** A page: see {@link dev.returnsync.spi.store.CaseStore#findDue(Instant, DueCase, int)}. */
    List<DueCase> page(Instant dueAtOrBefore, DueCase after, int limit) {
        NavigableSet<Entry> from = after == null ? entries : entries.tailSet(new Entry(after), false);
        long seconds = dueAtOrBefore.getEpochSecond();
        int nanos = dueAtOrBefore.getNano();
        List<DueCase> page = new ArrayList<>(Math.min(limit, 64));
        for (Entry entry : from) {
            if (page.size() >= limit || entry.isAfter(seconds, nanos)) {
                break;
            }
            if (!entry.dropped) {
                page.add(entry.due);
            }
        }
        return page;
    }
}
