package dev.returnsync.core.internal;

import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.CaseStore;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folded cases keyed by tenant and case id, each with its version, so a command does not re-fold the whole history: a
 * cached case at version {@code v} is brought up to date by folding only the events after {@code v}. Histories
 * only grow, so a cached prefix stays valid. Bounded: when full, some entries are dropped. Thread-safe. Not API.
 */
public final class FoldCache {
    /**
     * A folded case and the time of its last event.
     *
     * @param state the case
     * @param lastEventAt the time of the event at the case's version
     */
    public record Folded(ReturnCase state, Instant lastEventAt) {
    }

    /** Where {@link #read} gets a case's events from: a store, or a guard in front of one. */
    public interface Source {
        /** The case's whole history, or empty when there is no such case. */
        Optional<CaseHistory> load(TenantId tenant, CaseId caseId);

        /** The case's events after a version, oldest first. */
        List<ReturnEvent> loadAfter(TenantId tenant, CaseId caseId, long afterVersion);
    }

    private final int capacity;
    /**
     * By case id alone, so a look-up builds no key: a case id is unique in its tenant only, so an entry counts for the
     * tenant of its case, and another tenant's case of the same id takes the entry's place.
     */
    private final ConcurrentHashMap<CaseId, Folded> cases;

    /** A cache of at most about {@code capacity} cases; 0 disables it. */
    public FoldCache(int capacity) {
        this.capacity = capacity;
        this.cases = new ConcurrentHashMap<>(Math.min(capacity, 1024));
    }

    /**
     * The case as the store holds it now, or empty when the store has no such case: a cached case is brought up to
     * date with the events after its version only ({@link CaseStore#loadAfter}); others are loaded whole.
     */
    public Optional<Folded> read(Source store, TenantId tenant, CaseId caseId) {
        Folded cached = cached(tenant, caseId);
        if (cached == null) {
            return store.load(tenant, caseId).map(history -> new Folded(fold(history),
                    history.events().get(history.events().size() - 1).at()));
        }
        List<ReturnEvent> newer = store.loadAfter(tenant, caseId, cached.state().version());
        if (newer.isEmpty()) {
            return Optional.of(cached);
        }
        Folded folded = new Folded(ReturnWorkflow.evolve(cached.state(), newer), newer.get(newer.size() - 1).at());
        remember(folded.state(), folded.lastEventAt());
        return Optional.of(folded);
    }

    /**
     * The case as the cache holds it, without asking the store: possibly behind the store (another engine may have
     * appended since), never ahead of it. Null when the cache does not hold the case.
     */
    public Folded cached(TenantId tenant, CaseId caseId) {
        Folded cached = capacity == 0 ? null : cases.get(caseId);
        return cached != null && cached.state().tenant().equals(tenant) ? cached : null;
    }

    /** The case folded from a history, using and refreshing the cache. */
    public ReturnCase fold(CaseHistory history) {
        List<ReturnEvent> events = history.events();
        Folded entry = cached(history.tenant(), history.caseId());
        ReturnCase cached = entry == null ? null : entry.state();
        ReturnCase folded;
        if (cached != null && cached.version() == events.size() && cached.tenant().equals(history.tenant())) {
            return cached;
        } else if (cached != null && cached.version() < events.size() && cached.tenant().equals(history.tenant())) {
            folded = ReturnWorkflow.evolve(cached, events.subList((int) cached.version(), events.size()));
        } else {
            folded = ReturnWorkflow.evolve(Optional.empty(), events);
        }
        remember(folded, events.get(events.size() - 1).at());
        return folded;
    }

    /** The case as it was at a version (1 to the history's version). */
    public ReturnCase foldAt(CaseHistory history, long version) {
        if (version < 1 || version > history.version()) {
            throw new IllegalArgumentException("version " + version + " outside 1.." + history.version());
        }
        if (version == history.version()) {
            return fold(history);
        }
        return ReturnWorkflow.evolve(Optional.empty(), history.events().subList(0, (int) version));
    }

    /** Remembers a case that was just appended or folded, with the time of its last event. */
    public void remember(ReturnCase state, Instant lastEventAt) {
        if (capacity == 0) {
            return;
        }
        if (cases.size() >= capacity) {
            evictSome();
        }
        cases.merge(state.id(), new Folded(state, lastEventAt), (old, now) -> old.state().tenant().equals(
                now.state().tenant()) && old.state().version() >= now.state().version() ? old : now);
    }

    private void evictSome() {
        int drop = Math.max(1, capacity / 8);
        Iterator<CaseId> it = cases.keySet().iterator();
        while (drop-- > 0 && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
