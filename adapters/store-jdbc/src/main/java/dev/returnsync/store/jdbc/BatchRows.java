package dev.returnsync.store.jdbc;

import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.codec.EventCodec;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.OutboxEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The rows an {@link AppendBatch} writes, as every {@link BatchWriter} binds them: events encoded to JSON with their
 * versions, number links sorted by uniqueness key and outbox entries sorted by id (one global lock order, so that
 * concurrent appends do not deadlock on them) with an id the batch repeats kept once (its first entry, as an entry
 * whose id is stored already is ignored), text stripped of U+0000.
 */
public final class BatchRows {
    /** The events' columns, in the order {@link #payloads()} and the others are bound. */
    public static final String EVENT_COLUMNS = "tenant, case_id, version, type, at, payload";
    /** The number links' columns. */
    public static final String LINK_COLUMNS = "tenant, uniqueness_key, kind, scope, value, case_id, leg, superseded";
    /** The outbox columns, in the order {@code JdbcCaseStore} binds and reads them. */
    public static final String OUTBOX_COLUMNS = Statements.OUTBOX_COLUMNS;

    private final AppendBatch batch;
    private final List<String> payloads;
    private final List<NumberLink> links;
    private final List<OutboxEntry> outbox;

    /**
     * The rows of a batch.
     *
     * @param batch the batch
     */
    public BatchRows(AppendBatch batch) {
        this.batch = batch;
        List<String> encoded = new ArrayList<>(batch.events().size());
        for (ReturnEvent event : batch.events()) {
            encoded.add(EventCodec.encode(event));
        }
        this.payloads = encoded;
        List<NumberLink> sortedLinks = new ArrayList<>(batch.links());
        sortedLinks.sort(Comparator.comparing(link -> link.number().uniquenessKey()));
        this.links = sortedLinks;
        this.outbox = firstOfEachId(batch.outbox());
    }

    /** The entries sorted by id (a stable sort: a repeated id's first entry comes first), each id once. */
    private static List<OutboxEntry> firstOfEachId(List<OutboxEntry> entries) {
        List<OutboxEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(OutboxEntry::id));
        for (int i = sorted.size() - 1; i > 0; i--) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                sorted.remove(i);
            }
        }
        return sorted;
    }

    /** {@return the batch} */
    public AppendBatch batch() {
        return batch;
    }

    /** {@return the events' JSON, in the batch's order: event {@code i} gets version {@code expectedVersion + i + 1}} */
    public List<String> payloads() {
        return payloads;
    }

    /** {@return the number links, sorted by uniqueness key} */
    public List<NumberLink> links() {
        return links;
    }

    /** {@return the outbox entries, sorted by id, each id once} */
    public List<OutboxEntry> outbox() {
        return outbox;
    }

    /**
     * Text as the store keeps it: some products' text cannot hold U+0000; it is stored as U+FFFD everywhere.
     *
     * @param value the text, or null
     * @return the text to store, or null
     */
    public static String text(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }
}
