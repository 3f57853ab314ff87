package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.store.OutboxEntry;

import java.time.Instant;

/**
 * One outbox entry to work, with its case as read right before the work and the event that caused it.
 *
 * @param entry the entry, leased to this dispatcher
 * @param event the event at the entry's version
 * @param atEvent the case as of the entry's version (right after the event)
 * @param current the case as the store holds it now, freshly read
 * @param now the dispatcher's current time, at which commands made by the work are decided
 */
record Work(OutboxEntry entry, ReturnEvent event, ReturnCase atEvent, ReturnCase current, Instant now) {
}
