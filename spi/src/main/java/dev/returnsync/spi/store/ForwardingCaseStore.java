package dev.returnsync.spi.store;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.internal.Checks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link CaseStore} that passes every call to another one: the base of decorators that watch, count or meter a
 * store. Override what the decorator changes; everything else is forwarded as it is, so the decorated store keeps
 * every guarantee of the wrapped one.
 */
public abstract class ForwardingCaseStore implements CaseStore {
    private final CaseStore delegate;

    /**
     * Forwards to {@code delegate}.
     *
     * @param delegate the store every call goes to, not null
     */
    protected ForwardingCaseStore(CaseStore delegate) {
        this.delegate = Checks.notNull("delegate store", delegate);
    }

    /** {@return the store that every call is forwarded to} */
    protected CaseStore delegate() {
        return delegate;
    }

    @Override
    public Optional<CaseHistory> load(TenantId tenant, CaseId caseId) {
        return delegate.load(tenant, caseId);
    }

    @Override
    public List<ReturnEvent> loadAfter(TenantId tenant, CaseId caseId, long afterVersion) {
        return delegate.loadAfter(tenant, caseId, afterVersion);
    }

    @Override
    public void append(AppendBatch batch) {
        delegate.append(batch);
    }

    @Override
    public Optional<NumberLink> findByNumber(TenantId tenant, ReturnNumber number) {
        return delegate.findByNumber(tenant, number);
    }

    @Override
    public List<NumberLink> findByValue(TenantId tenant, NumberKind kind, String value, int limit) {
        return delegate.findByValue(tenant, kind, value, limit);
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(TenantId tenant, IdempotencyKey key) {
        return delegate.findIdempotency(tenant, key);
    }

    @Override
    public List<DueCase> findDue(Instant dueAtOrBefore, DueCase after, int limit) {
        return delegate.findDue(dueAtOrBefore, after, limit);
    }

    @Override
    public List<OutboxEntry> claimOutbox(String owner, Instant now, Duration lease, int limit) {
        return delegate.claimOutbox(owner, now, lease, limit);
    }

    @Override
    public boolean renewOutbox(String entryId, String owner, Instant now, Duration lease) {
        return delegate.renewOutbox(entryId, owner, now, lease);
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
    public List<OutboxEntry> outboxOf(TenantId tenant, CaseId caseId) {
        return delegate.outboxOf(tenant, caseId);
    }

    @Override
    public int retryParked(TenantId tenant, CaseId caseId, Instant now) {
        return delegate.retryParked(tenant, caseId, now);
    }

    @Override
    public Optional<OutboxStats> outboxStats() {
        return delegate.outboxStats();
    }
}
