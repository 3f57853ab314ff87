package dev.returnsync.store.mysql;

import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.json.Json;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.store.jdbc.BatchRows;
import dev.returnsync.store.jdbc.BatchWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A whole batch as one call of the procedure {@code returnsync_append} (schema version 4), so one round trip on any
 * connection: the procedure writes, in one READ COMMITTED transaction, the idempotency record, reads whether the case
 * has the expected version, then writes the events (the first one guarded), the links in one upsert, the due row and
 * the outbox entries in one insert. The first event goes as parameters of its own, the later events, the links and
 * the outbox entries as JSON arrays that the procedure reads with {@code JSON_TABLE}. The server parses the
 * procedure's statements once per connection and answers the call with one result.
 *
 * <p>The guards: the first event's version is null, which its column refuses, unless the case has the expected version
 * (or none is expected): its event was found by the read before, by the primary key (a case that reaches the version
 * meanwhile makes the append fail and the store try it again; one past it fails on the key); a link that exists for
 * another case of the tenant is updated to a null case id, which the column refuses (the server's strict
 * {@code sql_mode}, which the store checks, makes both errors). The procedure rolls back and raises the error again;
 * the writer rolls back too, for a call cut short before the procedure could.
 */
final class MySqlBatchWriter implements BatchWriter {
    /** A time in the procedure's JSON, UTC. */
    private static final DateTimeFormatter JSON_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS")
            .withZone(ZoneOffset.UTC);

    private final MySqlDialect dialect;
    private final String call;

    /**
     * A writer.
     *
     * @param dialect the dialect, for names and times
     */
    MySqlBatchWriter(MySqlDialect dialect) {
        this.dialect = dialect;
        this.call = "CALL " + dialect.table("append") + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    @Override
    public void write(Connection connection, AppendBatch batch, boolean outboxIdsMayExist) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(call)) {
            bind(statement, new BatchRows(batch));
            statement.execute();
        } catch (SQLException e) {
            try (Statement rollback = connection.createStatement()) {
                rollback.execute("ROLLBACK");
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void bind(PreparedStatement statement, BatchRows rows) throws SQLException {
        AppendBatch batch = rows.batch();
        statement.setString(1, batch.tenant().value());
        statement.setString(2, batch.caseId().value());
        statement.setLong(3, batch.expectedVersion());
        IdempotencyRecord record = batch.idempotency();
        statement.setString(4, record == null ? null : record.key().value());
        statement.setString(5, record == null ? null : record.fingerprint());
        statement.setLong(6, record == null ? 0 : record.firstVersion());
        statement.setLong(7, record == null ? 0 : record.lastVersion());
        List<ReturnEvent> events = batch.events();
        statement.setString(8, events.get(0).type());
        dialect.setInstant(statement, 9, events.get(0).at());
        statement.setString(10, rows.payloads().get(0));
        setJson(statement, 11, laterEvents(events, rows.payloads()));
        setJson(statement, 12, links(rows.links()));
        dialect.setInstant(statement, 13, batch.nextDueAt());
        setJson(statement, 14, outbox(rows.outbox()));
    }

    /** {@code [type, at, payload]} per event after the first. */
    private static List<Object> laterEvents(List<ReturnEvent> events, List<String> payloads) {
        List<Object> rows = new ArrayList<>(events.size() - 1);
        for (int e = 1; e < events.size(); e++) {
            rows.add(Arrays.asList(events.get(e).type(), time(events.get(e).at()), payloads.get(e)));
        }
        return rows;
    }

    /** {@code [uniqueness_key, kind, scope, value, leg, superseded]} per link. */
    private static List<Object> links(List<NumberLink> links) {
        List<Object> rows = new ArrayList<>(links.size());
        for (NumberLink link : links) {
            rows.add(Arrays.asList(link.number().uniquenessKey(), link.number().kind().name(), link.number().scope(),
                    link.number().value(), link.leg() == null ? null : link.leg().value(), link.superseded() ? 1 : 0));
        }
        return rows;
    }

    /** {@code [version, effect, target, attempts, next_attempt_at, last_error, parked, lease_owner, lease_until]}. */
    private static List<Object> outbox(List<OutboxEntry> entries) {
        List<Object> rows = new ArrayList<>(entries.size());
        for (OutboxEntry entry : entries) {
            rows.add(Arrays.asList(entry.version(), entry.effect().name(), entry.target(), entry.attempts(),
                    time(entry.nextAttemptAt()), BatchRows.text(entry.lastError()), entry.parked() ? 1 : 0,
                    entry.leaseOwner(), time(entry.leaseUntil())));
        }
        return rows;
    }

    /** A JSON array of rows, or null for none (the procedure then skips the statement). */
    private static void setJson(PreparedStatement statement, int index, List<Object> rows) throws SQLException {
        if (rows.isEmpty()) {
            statement.setNull(index, Types.LONGVARCHAR);
        } else {
            statement.setString(index, Json.write(rows));
        }
    }

    private static String time(Instant instant) {
        return instant == null ? null : JSON_TIME.format(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
