package dev.returnsync.core.engine;

import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.store.OutboxEntry;

import java.util.List;
import java.util.Objects;

/**
 * A case as a screen shows it: its state, and the work its events still cause outside the store, as the asker may
 * see them: everything for the reseller and the system; every leg but no outbox work for the customer; its own
 * leg and the work addressed to it for a supplier.
 *
 * @param state the case
 * @param pending outbox work not done yet and not parked (being tried or waiting for its next attempt)
 * @param parked outbox work that gave up after too many attempts or a permanent failure; it waits for
 *     {@link dev.returnsync.core.ReturnSyncEngine#retryParked}
 */
public record CaseView(ReturnCase state, List<OutboxEntry> pending, List<OutboxEntry> parked) {
    /**
     * Validates the view and copies the lists.
     *
     * @param state the case
     * @param pending outbox work not done yet and not parked (being tried or waiting for its next attempt)
     * @param parked outbox work that gave up after too many attempts or a permanent failure; it waits for {@link
     *     dev.returnsync.core.ReturnSyncEngine#retryParked}
     */
    public CaseView {
        Objects.requireNonNull(state, "state");
        pending = List.copyOf(pending);
        parked = List.copyOf(parked);
    }

    /** {@return true when the reseller should look at the case: parked work, an escalated or a disputed leg} */
    public boolean needsAttention() {
        return !parked.isEmpty() || state.needsAttention();
    }
}
