package dev.returnsync.core.internal.access;

import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.engine.StoreException;
import dev.returnsync.core.internal.FoldCache;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.codec.EventCodecException;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.IdempotencyKeyTakenException;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.store.VersionConflictException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Every store call of the command pipeline, the queries and the supplier callbacks, in one place: the one place
 * where a store's own failures become a {@link StoreException} with the store's exception as its cause. Only the
 * exceptions the {@link CaseStore} contract names for {@link CaseStore#append} pass through as they are (the
 * pipeline handles them). Stored data that cannot be read (a codec failure, a history that does not fold) is a
 * {@link StoreException} that is not retryable; anything else may pass, so it is retryable. Not API.
 */
public final class StoreGateway {
    private final CaseStore store;
    private final FoldCache cache;
    private final FoldCache.Source source = new FoldCache.Source() {
        @Override
        public Optional<CaseHistory> load(TenantId tenant, CaseId caseId) {
            return guard("load a case", () -> store.load(tenant, caseId));
        }

        @Override
        public List<ReturnEvent> loadAfter(TenantId tenant, CaseId caseId, long afterVersion) {
            return guard("load a case's new events", () -> store.loadAfter(tenant, caseId, afterVersion));
        }
    };

    /** A gateway to a store, folding through a cache. */
    public StoreGateway(CaseStore store, FoldCache cache) {
        this.store = store;
        this.cache = cache;
    }

    /** The case as the store holds it now, folded, with the time of its last event; empty when there is none. */
    public Optional<FoldCache.Folded> read(TenantId tenant, CaseId caseId) {
        try {
            return cache.read(source, tenant, caseId);
        } catch (IllegalStateException e) {
            throw new StoreException("fold the stored history of a case", false, e);
        }
    }

    /** The case as the fold cache holds it, without asking the store; null when the cache does not hold it. */
    public FoldCache.Folded cached(TenantId tenant, CaseId caseId) {
        return cache.cached(tenant, caseId);
    }

    /** The event that opened a case, read without folding it; empty when there is no such case. */
    public Optional<ReturnEvent.ReturnRequested> opening(TenantId tenant, CaseId caseId) {
        List<ReturnEvent> events = source.loadAfter(tenant, caseId, 0);
        return events.isEmpty() ? Optional.empty() : Optional.of(openingOf(events));
    }

    /** The event that opened a case: the first of its history. */
    public static ReturnEvent.ReturnRequested openingOf(List<ReturnEvent> events) {
        if (events.get(0) instanceof ReturnEvent.ReturnRequested opening) {
            return opening;
        }
        throw new StoreException("read a case's history: it does not start with ReturnRequested", false, null);
    }

    /** The case's whole history, or empty when there is none. */
    public Optional<CaseHistory> history(TenantId tenant, CaseId caseId) {
        return source.load(tenant, caseId);
    }

    /** The case folded from a history, up to a version. */
    public ReturnCase foldAt(CaseHistory history, long version) {
        try {
            return cache.foldAt(history, version);
        } catch (IllegalStateException e) {
            throw new StoreException("fold the stored history of a case", false, e);
        }
    }

    /** The case folded from its whole history. */
    public ReturnCase fold(CaseHistory history) {
        return foldAt(history, history.version());
    }

    /** Remembers a case the pipeline just appended. */
    public void remember(ReturnCase state, Instant lastEventAt) {
        cache.remember(state, lastEventAt);
    }

    /** The remembered outcome of a tenant's idempotency key. */
    public Optional<IdempotencyRecord> idempotency(TenantId tenant, IdempotencyKey key) {
        return guard("find an idempotency record", () -> store.findIdempotency(tenant, key));
    }

    /** Where a number leads in a tenant: the caller checks who may see it. */
    public Optional<NumberLink> link(TenantId tenant, ReturnNumber number) {
        return guard("find a number", () -> store.findByNumber(tenant, number));
    }

    /** The links of a tenant with a value in a kind's namespace, whatever their scope: the caller checks who may see them. */
    public List<NumberLink> linksByValue(TenantId tenant, NumberKind kind, String value, int limit) {
        return guard("find a number by value", () -> store.findByValue(tenant, kind, value, limit));
    }

    /** The outbox entries of a case that are not done. */
    public List<OutboxEntry> outboxOf(TenantId tenant, CaseId caseId) {
        return guard("read a case's outbox", () -> store.outboxOf(tenant, caseId));
    }

    /** Un-parks a case's parked entries. */
    public int retryParked(TenantId tenant, CaseId caseId, Instant now) {
        return guard("un-park a case's outbox", () -> store.retryParked(tenant, caseId, now));
    }

    /**
     * Appends a batch.
     *
     * @throws VersionConflictException if another command changed the case first
     * @throws IdempotencyKeyTakenException if a twin with the same key was appended first
     * @throws NumberAlreadyLinkedException if a number is linked to another case
     * @throws StoreException for anything else the store throws
     */
    public void append(AppendBatch batch) {
        try {
            store.append(batch);
        } catch (VersionConflictException | IdempotencyKeyTakenException | NumberAlreadyLinkedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw failure("append to a case", e);
        }
    }

    private static <T> T guard(String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw failure(operation, e);
        }
    }

    private static StoreException failure(String operation, RuntimeException e) {
        if (e instanceof StoreException already) {
            return already;
        }
        return new StoreException(operation, !(e instanceof EventCodecException), e);
    }
}
