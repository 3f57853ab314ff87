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
     * @param connection a connection in auto-commit mode; it is in auto-commit mode again when this returns or throws
     * @param batch the batch to store
     * @throws SQLException if the database refused the batch (a conflict or anything else); nothing was stored
     */
    void write(Connection connection, AppendBatch batch) throws SQLException;
}
