package dev.returnsync.core.internal.outbox;

import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.OutboxEntry;

import java.time.Instant;

/**
 * One outbox entry to work, with its case as loaded right before the work and the event that caused it.
 *
 * @param entry the entry, leased to this dispatcher
 * @param history the case's events, freshly loaded
 * @param event the event at the entry's version
 * @param now the dispatcher's current time, at which commands made by the work are decided
 */
record Work(OutboxEntry entry, CaseHistory history, ReturnEvent event, Instant now) {
}
