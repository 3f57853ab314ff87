package dev.returnsync.store.mysql;

import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.store.jdbc.BatchRows;
import dev.returnsync.store.jdbc.BatchWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A whole batch as a few statements: the idempotency record, the look-up of the expected version into a session
 * variable, the events in one insert (the first one guarded), the links in one upsert, the due row, the outbox entries
 * in one insert. When the connections accept several statements in one call
 * ({@code allowMultiQueries=true} on MariaDB's and MySQL's drivers) they go to the server as one script framed by
 * {@code START TRANSACTION} and {@code COMMIT}, in one round trip: the server stops at the first statement that fails,
 * and the writer then rolls back. Otherwise they run one by one in a JDBC transaction, one round trip each.
 *
 * <p>The guards: the first event's version is null, which its column refuses, unless the case has the expected version
 * (or none is expected): its event was found by the statement before, a plain read by the primary key (a case that
 * reaches the version meanwhile makes the append fail and the store try it again; one past it fails on the key); a
 * link that exists for another case of the tenant is updated to a null case id, which the column refuses (the server's
 * strict {@code sql_mode}, which the store checks, makes both errors).
 */
final class MySqlBatchWriter implements BatchWriter {
    /** Binds a statement's parameters from {@code index} on; returns the next free index. */
    @FunctionalInterface
    private interface Binder {
        int bind(PreparedStatement statement, int index) throws SQLException;
    }

    /** One statement of the script and its parameters. */
    private record Part(String sql, Binder binder) {
    }

    /** The session variable that holds whether the case has the expected version: 1 if it has, else 0. */
    private static final String FOUND = "@returnsync_expected_found";

    private final MySqlDialect dialect;
    private final boolean oneCall;
    private final String findExpected;
    private final String insertEvents;
    private final String insertIdempotency;
    private final String upsertLinks;
    private final String unsetDue;
    private final String setDue;
    private final String insertOutbox;

    /**
     * A writer for connections that do, or do not, accept several statements in one call.
     *
     * @param dialect the dialect, for names and times
     * @param oneCall whether the connections accept a script of several statements
     */
    MySqlBatchWriter(MySqlDialect dialect, boolean oneCall) {
        this.dialect = dialect;
        this.oneCall = oneCall;
        // read in a statement of its own: an INSERT ... SELECT from its own table would copy the row it reads into a
        // temporary table first
        this.findExpected = "SET " + FOUND + " = (SELECT count(*) FROM " + dialect.table("events")
                + " WHERE tenant = ? AND case_id = ? AND version = ?)";
        this.insertEvents = "INSERT INTO " + dialect.table("events") + " (" + BatchRows.EVENT_COLUMNS + ") VALUES"
                + " (?, ?, IF(? = 0 OR " + FOUND + " = 1, ?, NULL), ?, ?, ?)";
        this.insertIdempotency = "INSERT INTO " + dialect.table("idempotency") + " (tenant, " + dialect.quote("key")
                + ", fingerprint, case_id, first_version, last_version) VALUES (?, ?, ?, ?, ?, ?)";
        this.upsertLinks = "INSERT INTO " + dialect.table("number_links") + " (" + BatchRows.LINK_COLUMNS + ") VALUES ";
        this.unsetDue = "DELETE FROM " + dialect.table("due_cases") + " WHERE tenant = ? AND case_id = ?";
        this.setDue = "INSERT INTO " + dialect.table("due_cases") + " (tenant, case_id, due_at) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE due_at = VALUES(due_at)";
        this.insertOutbox = "INSERT INTO " + dialect.table("outbox") + " (" + BatchRows.OUTBOX_COLUMNS + ") VALUES ";
    }

    @Override
    public void write(Connection connection, AppendBatch batch, boolean outboxIdsMayExist) throws SQLException {
        List<Part> parts = parts(new BatchRows(batch));
        if (oneCall) {
            writeInOneCall(connection, parts);
        } else {
            writeOneByOne(connection, parts);
        }
    }

    private void writeInOneCall(Connection connection, List<Part> parts) throws SQLException {
        StringBuilder script = new StringBuilder("SET TRANSACTION ISOLATION LEVEL READ COMMITTED; START TRANSACTION");
        for (Part part : parts) {
            script.append(";\n").append(part.sql());
        }
        script.append(";\nCOMMIT");
        try (PreparedStatement statement = connection.prepareStatement(script.toString())) {
            int index = 1;
            for (Part part : parts) {
                index = part.binder().bind(statement, index);
            }
            boolean resultSet = statement.execute();
            while (resultSet || statement.getUpdateCount() != -1) {
                resultSet = statement.getMoreResults();   // every result read: a later statement's error throws here
            }
        } catch (SQLException e) {
            // the server stopped at the failed statement, inside the transaction the script opened
            try (Statement rollback = connection.createStatement()) {
                rollback.execute("ROLLBACK");
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static void writeOneByOne(Connection connection, List<Part> parts) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        try {
            for (Part part : parts) {
                try (PreparedStatement statement = connection.prepareStatement(part.sql())) {
                    part.binder().bind(statement, 1);
                    statement.executeUpdate();
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private List<Part> parts(BatchRows rows) {
        AppendBatch batch = rows.batch();
        String tenant = batch.tenant().value();
        String caseId = batch.caseId().value();
        List<Part> parts = new ArrayList<>(6);
        IdempotencyRecord record = batch.idempotency();
        if (record != null) {
            parts.add(new Part(insertIdempotency, (s, i) -> {
                s.setString(i++, tenant);
                s.setString(i++, record.key().value());
                s.setString(i++, record.fingerprint());
                s.setString(i++, caseId);
                s.setLong(i++, record.firstVersion());
                s.setLong(i++, record.lastVersion());
                return i;
            }));
        }
        List<ReturnEvent> events = batch.events();
        long expected = batch.expectedVersion();
        parts.add(new Part(findExpected, (s, i) -> {
            s.setString(i++, tenant);
            s.setString(i++, caseId);
            s.setLong(i++, expected);
            return i;
        }));
        String later = events.size() == 1 ? "" : ", " + rowMarkers(6, events.size() - 1);
        parts.add(new Part(insertEvents + later, (s, i) -> {
            for (int e = 0; e < events.size(); e++) {
                s.setString(i++, tenant);
                s.setString(i++, caseId);
                if (e == 0) {
                    s.setLong(i++, expected);
                }
                s.setLong(i++, expected + e + 1);
                s.setString(i++, events.get(e).type());
                dialect.setInstant(s, i++, events.get(e).at());
                s.setString(i++, rows.payloads().get(e));
            }
            return i;
        }));
        List<NumberLink> links = rows.links();
        if (!links.isEmpty()) {
            String sql = upsertLinks + rowMarkers(8, links.size()) + " ON DUPLICATE KEY UPDATE"
                    + " case_id = IF(case_id = VALUES(case_id), case_id, NULL), kind = VALUES(kind),"
                    + " scope = VALUES(scope), value = VALUES(value), leg = VALUES(leg), superseded = VALUES(superseded)";
            parts.add(new Part(sql, (s, i) -> {
                for (NumberLink link : links) {
                    s.setString(i++, tenant);
                    s.setString(i++, link.number().uniquenessKey());
                    s.setString(i++, link.number().kind().name());
                    s.setString(i++, link.number().scope());
                    s.setString(i++, link.number().value());
                    s.setString(i++, caseId);
                    s.setString(i++, link.leg() == null ? null : link.leg().value());
                    s.setBoolean(i++, link.superseded());
                }
                return i;
            }));
        }
        if (batch.nextDueAt() == null) {
            parts.add(new Part(unsetDue, (s, i) -> {
                s.setString(i++, tenant);
                s.setString(i++, caseId);
                return i;
            }));
        } else {
            parts.add(new Part(setDue, (s, i) -> {
                s.setString(i++, tenant);
                s.setString(i++, caseId);
                dialect.setInstant(s, i++, batch.nextDueAt());
                return i;
            }));
        }
        List<OutboxEntry> outbox = rows.outbox();
        if (!outbox.isEmpty()) {
            // an entry whose work (the primary key) is stored already is left as it is
            parts.add(new Part(insertOutbox + rowMarkers(11, outbox.size()) + " ON DUPLICATE KEY UPDATE version = version",
                    (s, i) -> {
                        for (OutboxEntry entry : outbox) {
                            s.setString(i++, tenant);
                            s.setString(i++, caseId);
                            s.setLong(i++, entry.version());
                            s.setString(i++, entry.effect().name());
                            s.setString(i++, entry.target());
                            s.setInt(i++, entry.attempts());
                            dialect.setInstant(s, i++, entry.nextAttemptAt());
                            s.setString(i++, BatchRows.text(entry.lastError()));
                            s.setBoolean(i++, entry.parked());
                            s.setString(i++, entry.leaseOwner());
                            dialect.setInstant(s, i++, entry.leaseUntil());
                        }
                        return i;
                    }));
        }
        return parts;
    }

    /** {@code (?, ?, ...), (?, ?, ...)}: {@code rows} rows of {@code columns} markers. */
    private static String rowMarkers(int columns, int rows) {
        String row = "(" + "?, ".repeat(columns - 1) + "?)";
        return String.join(", ", Collections.nCopies(rows, row));
    }
}
