package dev.returnsync.benchmarks;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.DueCase;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.OutboxEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A store that remembers the last batch appended to it, and otherwise is the store it wraps. */
final class RecordingStore implements CaseStore {
    private final CaseStore store;
    private AppendBatch last;

    RecordingStore(CaseStore store) {
        this.store = store;
    }

    /** The last batch appended, then forgets it. */
    AppendBatch takeLast() {
        AppendBatch batch = last;
        last = null;
        return batch;
    }

    @Override
    public void append(AppendBatch batch) {
        store.append(batch);
        last = batch;
    }

    @Override
    public Optional<CaseHistory> load(CaseId caseId) {
        return store.load(caseId);
    }

    @Override
    public Optional<NumberLink> findByNumber(ReturnNumber number) {
        return store.findByNumber(number);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(TenantId tenant, IdempotencyKey key) {
        return store.findIdempotency(tenant, key);
    }

    @Override
    public List<DueCase> findDue(Instant dueAtOrBefore, int limit) {
        return store.findDue(dueAtOrBefore, limit);
    }

    @Override
    public List<OutboxEntry> claimOutbox(String owner, Instant now, Duration lease, int limit) {
        return store.claimOutbox(owner, now, lease, limit);
    }

    @Override
    public boolean completeOutbox(String entryId, String owner) {
        return store.completeOutbox(entryId, owner);
    }

    @Override
    public boolean failOutbox(String entryId, String owner, String error, Instant nextAttemptAt, boolean park) {
        return store.failOutbox(entryId, owner, error, nextAttemptAt, park);
    }

    @Override
    public List<OutboxEntry> outboxOf(CaseId caseId) {
        return store.outboxOf(caseId);
    }

    @Override
    public int retryParked(CaseId caseId, Instant now) {
        return store.retryParked(caseId, now);
    }
}
