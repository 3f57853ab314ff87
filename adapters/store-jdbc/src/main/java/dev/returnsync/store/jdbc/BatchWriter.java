package dev.returnsync.store.jdbc;

import dev.returnsync.spi.store.AppendBatch;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Writes one {@link AppendBatch} atomically, in one round trip to the database where the product and the connection
 * allow it: the idempotency record, the events, the number links, the due row and the outbox entries, committed
 * together or not at all. Made by a {@link Dialect}, used by {@link JdbcCaseStore#append}.
 *
 * <p>A writer checks nothing by reading first: every check of the append is a key or a guard that makes the write
 * fail, so that {@link JdbcCaseStore} tells which check failed only when one did. A taken idempotency key or a taken
 * version fails on its unique key ({@link Dialect#isConflict}); a version the case has not reached yet (the batch
 * expects version {@code v}, the case has no event {@code v}) and a number linked to another case of the tenant fail
 * on a {@code NOT NULL} column the guard leaves empty, which {@link Dialect#isConflict} counts as a conflict too.
 * When the write fails, nothing of the batch is stored and the connection is back in auto-commit mode with no
 * transaction open.
 */
public interface BatchWriter {
    /**
     * Writes the batch, all of it or none of it.
     *
     * <p>An outbox entry whose id is stored already is ignored (the store's contract), but a writer may find that out
     * by failing: unless {@code outboxIdsMayExist}, it may insert the entries plainly and fail on the outbox's key
     * ({@link Dialect#isConflict}); {@link JdbcCaseStore} then writes again with {@code outboxIdsMayExist} when no check
     * of the contract explains the failure. An engine's ids name the event's version, which the same write inserts,
     * so its appends never take that second write.
     *
     * @param connection a connection in auto-commit mode; it is in auto-commit mode again when this returns or throws
     * @param batch the batch to store
     * @param outboxIdsMayExist true when an outbox id of the batch may be stored already: the write must then leave
     *     that entry out rather than fail
     * @throws SQLException if the database refused the batch (a conflict or anything else); nothing was stored
     */
    void write(Connection connection, AppendBatch batch, boolean outboxIdsMayExist) throws SQLException;
}
