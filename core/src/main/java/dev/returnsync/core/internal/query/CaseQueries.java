package dev.returnsync.core.internal.query;

import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.engine.CaseNotFoundException;
import dev.returnsync.core.engine.CaseView;
import dev.returnsync.core.internal.FoldCache;
import dev.returnsync.core.internal.access.StoreGateway;
import dev.returnsync.core.internal.access.Visibility;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.store.CaseHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The read side: a case's view, its history and number look-ups, each through the {@link Visibility} policy, so a
 * non-party gets what a missing case gets ({@link CaseNotFoundException}, or nothing). Thread-safe. Not API.
 */
public final class CaseQueries {
    /** At most this many links of one value are looked at (the same tracking number at several carriers). */
    static final int MAX_LINKS_PER_VALUE = 16;

    private final StoreGateway store;

    /** Queries over a store gateway. */
    public CaseQueries(StoreGateway store) {
        this.store = store;
    }

    /**
     * The case, if the asker is a party of it.
     *
     * @throws CaseNotFoundException for a missing case and a non-party alike
     */
    public ReturnCase visibleCase(Actor asker, CaseId caseId) {
        Objects.requireNonNull(asker, "asker must not be null");
        Objects.requireNonNull(caseId, "case id must not be null");
        return Visibility.forQuery(asker, caseId, store.read(asker.tenant(), caseId).map(FoldCache.Folded::state));
    }

    /** The case with its outbox work, as the asker sees them. */
    public CaseView caseView(Actor asker, CaseId caseId) {
        ReturnCase c = visibleCase(asker, caseId);
        return Visibility.viewFor(asker, c, store.outboxOf(asker.tenant(), caseId));
    }

    /** The case's events, oldest first, as the asker sees them. */
    public List<ReturnEvent> history(Actor asker, CaseId caseId) {
        Objects.requireNonNull(asker, "asker must not be null");
        Objects.requireNonNull(caseId, "case id must not be null");
        List<ReturnEvent> events = store.history(asker.tenant(), caseId).map(CaseHistory::events).orElse(List.of());
        if (events.isEmpty() || !Visibility.isParty(asker, StoreGateway.openingOf(events))) {
            throw CaseNotFoundException.forQuery(caseId);
        }
        return Visibility.historyFor(asker, events);
    }

    /** The case's message thread, oldest first, as the asker sees it. */
    public List<ReturnEvent.MessageSent> messages(Actor asker, CaseId caseId) {
        List<ReturnEvent.MessageSent> thread = new ArrayList<>();
        for (ReturnEvent event : history(asker, caseId)) {
            if (event instanceof ReturnEvent.MessageSent message) {
                thread.add(message);
            }
        }
        return thread;
    }

    /** Where a number leads, if the asker may see it. */
    public Optional<NumberLink> findByNumber(Actor asker, ReturnNumber number) {
        Objects.requireNonNull(asker, "asker must not be null");
        Objects.requireNonNull(number, "number must not be null");
        return store.link(asker.tenant(), number).filter(link -> visible(asker, link));
    }

    /**
     * A raw number tried as every kind: the customer request and reseller return numbers of the asker's tenant;
     * supplier return numbers (a supplier's own only, anyone else's for the reseller and the customer); and tracking
     * numbers of any carrier. Only what the asker may see is returned.
     */
    public List<NumberLink> lookup(Actor asker, String raw) {
        Objects.requireNonNull(asker, "asker must not be null");
        Objects.requireNonNull(raw, "raw number must not be null");
        List<NumberLink> found = new ArrayList<>(2);
        tryKind(asker, NumberKind.CUSTOMER_REQUEST, asker.tenant().value(), raw, found);
        tryKind(asker, NumberKind.RESELLER_RETURN, asker.tenant().value(), raw, found);
        if (asker.role() == Role.SUPPLIER) {
            tryKind(asker, NumberKind.SUPPLIER_RETURN, asker.id(), raw, found);
        } else {
            tryValue(asker, NumberKind.SUPPLIER_RETURN, raw, found);
        }
        tryValue(asker, NumberKind.RETURN_TRACKING, raw, found);
        return found;
    }

    /** A raw number tried as the kinds that take a given scope. */
    public List<NumberLink> lookup(Actor asker, String raw, String scope) {
        Objects.requireNonNull(asker, "asker must not be null");
        Objects.requireNonNull(raw, "raw number must not be null");
        Objects.requireNonNull(scope, "scope must not be null");
        List<NumberLink> found = new ArrayList<>(2);
        tryKind(asker, NumberKind.SUPPLIER_RETURN, scope, raw, found);
        tryKind(asker, NumberKind.RETURN_TRACKING, scope, raw, found);
        return found;
    }

    private void tryKind(Actor asker, NumberKind kind, String scope, String raw, List<NumberLink> found) {
        ReturnNumber number;
        try {
            number = new ReturnNumber(kind, scope, raw);
        } catch (InvalidReturnNumberException | IllegalArgumentException e) {
            return;
        }
        findByNumber(asker, number).filter(link -> !found.contains(link)).ifPresent(found::add);
    }

    /** A raw number tried as a kind's value in every scope (every carrier, every supplier). */
    private void tryValue(Actor asker, NumberKind kind, String raw, List<NumberLink> found) {
        String value;
        try {
            value = kind.normalize(raw);
        } catch (InvalidReturnNumberException | IllegalArgumentException e) {
            return;
        }
        for (NumberLink link : store.linksByValue(asker.tenant(), kind, value, MAX_LINKS_PER_VALUE)) {
            if (!found.contains(link) && visible(asker, link)) {
                found.add(link);
            }
        }
    }

    private boolean visible(Actor asker, NumberLink link) {
        if (!link.tenant().equals(asker.tenant())) {
            return false;
        }
        if (Visibility.seesWholeTenant(asker)) {
            return true;
        }
        // A case's parties never change once it is opened: any cached fold of it, or else its opening event, tells
        // whether the asker is one, without folding the case.
        FoldCache.Folded cached = store.cached(asker.tenant(), link.caseId());
        if (cached != null) {
            return Visibility.canSee(asker, link, cached.state());
        }
        return store.opening(asker.tenant(), link.caseId())
                .filter(opening -> Visibility.canSee(asker, link, opening)).isPresent();
    }
}
