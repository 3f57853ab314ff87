package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.internal.FoldCache;
import dev.returnsync.core.internal.access.StoreGateway;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.OutboxEntry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads the case of an outbox entry right before its work, reading only what it needs: when the fold cache holds
 * the case at the version just before the entry's event or at it, only the events from the entry's version on are
 * read and folded onto it. Otherwise (no cached case, or one already past the entry's event) the whole history is
 * read, the only way to fold the case as of the event. Either way the newest case is remembered in the cache.
 */
final class EntryCase {
    private final StoreGateway cases;

    EntryCase(StoreGateway cases) {
        this.cases = cases;
    }

    /** The work of an entry; empty when the store holds no event at the entry's version. */
    Optional<Work> read(OutboxEntry entry, Instant now) {
        long version = entry.version();
        FoldCache.Folded cached = cases.cached(entry.tenant(), entry.caseId());
        if (cached == null || cached.state().version() < version - 1 || cached.state().version() > version) {
            return fromHistory(entry, now);
        }
        List<ReturnEvent> events = cases.eventsAfter(entry.tenant(), entry.caseId(), version - 1);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        ReturnEvent event = events.get(0);
        ReturnCase atEvent = cached.state().version() == version
                ? cached.state() : cases.evolve(cached.state(), List.of(event));
        ReturnCase current = events.size() == 1 ? atEvent : cases.evolve(atEvent, events.subList(1, events.size()));
        cases.remember(current, events.get(events.size() - 1).at());
        return Optional.of(new Work(entry, event, atEvent, current, now));
    }

    private Optional<Work> fromHistory(OutboxEntry entry, Instant now) {
        Optional<CaseHistory> loaded = cases.history(entry.tenant(), entry.caseId());
        if (loaded.isEmpty() || loaded.get().version() < entry.version()) {
            return Optional.empty();
        }
        CaseHistory history = loaded.get();
        ReturnEvent event = history.events().get((int) entry.version() - 1);
        return Optional.of(new Work(entry, event, cases.foldAt(history, entry.version()), cases.fold(history), now));
    }
}
