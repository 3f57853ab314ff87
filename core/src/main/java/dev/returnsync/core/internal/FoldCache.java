package dev.returnsync.core.internal;

import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.store.CaseHistory;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Folded cases keyed by case id, each with its version, so a command does not re-fold the whole history: a
 * cached case at version {@code v} is brought up to date by folding only the events after {@code v}. Histories
 * only grow, so a cached prefix stays valid. Bounded: when full, some entries are dropped. Thread-safe. Not API.
 */
public final class FoldCache {
    private final int capacity;
    private final ConcurrentHashMap<CaseId, ReturnCase> cases;

    /** A cache of at most about {@code capacity} cases; 0 disables it. */
    public FoldCache(int capacity) {
        this.capacity = capacity;
        this.cases = new ConcurrentHashMap<>(Math.min(capacity, 1024));
    }

    /** The case folded from a history, using and refreshing the cache. */
    public ReturnCase fold(CaseHistory history) {
        List<ReturnEvent> events = history.events();
        ReturnCase cached = capacity == 0 ? null : cases.get(history.caseId());
        ReturnCase folded;
        if (cached != null && cached.version() == events.size() && cached.tenant().equals(history.tenant())) {
            return cached;
        } else if (cached != null && cached.version() < events.size() && cached.tenant().equals(history.tenant())) {
            folded = ReturnWorkflow.evolve(cached, events.subList((int) cached.version(), events.size()));
        } else {
            folded = ReturnWorkflow.evolve(null, events);
        }
        remember(folded);
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
        return ReturnWorkflow.evolve(null, history.events().subList(0, (int) version));
    }

    /** Remembers a case that was just appended. */
    public void remember(ReturnCase state) {
        if (capacity == 0) {
            return;
        }
        if (cases.size() >= capacity) {
            evictSome();
        }
        cases.merge(state.id(), state, (old, now) -> old.version() >= now.version() ? old : now);
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
