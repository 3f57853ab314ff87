package dev.returnsync.examples.demo;

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

/**
 * A {@link CaseStore} that hands every batch it appended to the {@link Timeline}, after the real store has written
 * it, so the timeline shows the events in the order they were stored, whoever caused them (a party, a supplier
 * reply, a policy, a deadline). Everything else is passed through. The same decorator works on any store: that is how
 * the demo prints the same timeline on the in-memory store and on PostgreSQL.
 */
final class WatchedStore implements CaseStore {
    private final CaseStore delegate;
    private final Timeline timeline;

    WatchedStore(CaseStore delegate, Timeline timeline) {
        this.delegate = delegate;
        this.timeline = timeline;
    }

    @Override
    public void append(AppendBatch batch) {
        if (batch.expectedVersion() > 0 && !timeline.knows(batch.caseId())) {
            delegate.load(batch.caseId()).ifPresent(timeline::know);
        }
        delegate.append(batch);
        timeline.appended(batch.caseId(), batch.events());
    }

    @Override
    public Optional<CaseHistory> load(CaseId caseId) {
        return delegate.load(caseId);
    }

    @Override
    public Optional<NumberLink> findByNumber(ReturnNumber number) {
        return delegate.findByNumber(number);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(TenantId tenant, IdempotencyKey key) {
        return delegate.findIdempotency(tenant, key);
    }

    @Override
    public List<DueCase> findDue(Instant dueAtOrBefore, int limit) {
        return delegate.findDue(dueAtOrBefore, limit);
    }

    @Override
    public List<OutboxEntry> claimOutbox(String owner, Instant now, Duration lease, int limit) {
        return delegate.claimOutbox(owner, now, lease, limit);
    }

    @Override
    public boolean completeOutbox(String entryId, String owner) {
        return delegate.completeOutbox(entryId, owner);
    }

    @Override
    public boolean failOutbox(String entryId, String owner, String error, Instant nextAttemptAt, boolean park) {
        return delegate.failOutbox(entryId, owner, error, nextAttemptAt, park);
    }

    @Override
    public List<OutboxEntry> outboxOf(CaseId caseId) {
        return delegate.outboxOf(caseId);
    }

    @Override
    public int retryParked(CaseId caseId, Instant now) {
        return delegate.retryParked(caseId, now);
    }
}
