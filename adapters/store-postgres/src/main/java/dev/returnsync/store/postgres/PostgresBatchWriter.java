package dev.returnsync.store.postgres;

import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.store.jdbc.BatchRows;
import dev.returnsync.store.jdbc.BatchWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * A whole batch in one statement, auto-committed, so in one round trip: data-modifying CTEs insert the idempotency
 * record, the events, the links and the outbox entries and set or remove the due row, with the batch's lists bound as
 * arrays ({@code unnest}). The statement has one text per shape of batch (with or without an idempotency record,
 * links and outbox entries; a due time set or removed), {@value #SHAPES} in all, each planned once per connection:
 * a part the batch does not need is left out, so the server neither plans nor opens a table the batch does not
 * write.
 *
 * <p>The guards: the first event's version is null, which its column refuses, unless the case has the expected version
 * (or none is expected; checked once per append, through the events' primary key); a link that exists for another
 * case of the tenant is updated to a null case id, which the column refuses. A taken key or version fails on its
 * unique key. A link of this case that did not change, and a due time that did not move, are not written again.
 *
 * <p>The outbox entries are inserted plainly: an id stored already fails the statement on the outbox's primary key,
 * and the store, finding no check of the contract that failed, writes again with
 * {@code outboxIdsMayExist}, through the same shape with {@code ON CONFLICT (id) DO NOTHING}. So an append pays for
 * {@code ON CONFLICT}'s speculative insert (a lock and a second WAL record per row) only in that rare second write;
 * an engine's ids name the event's version, which the same statement inserts, so its appends never need it.
 */
final class PostgresBatchWriter implements BatchWriter {
    /** The shapes of batch: with an idempotency record, with links, with a due time, with outbox entries. */
    static final int SHAPES = 16;
    private static final int WITH_RECORD = 1;
    private static final int WITH_LINKS = 2;
    private static final int WITH_DUE = 4;
    private static final int WITH_OUTBOX = 8;

    private final String[] statements = new String[SHAPES];
    private final String[] ignoringStoredIds = new String[SHAPES];

    PostgresBatchWriter(PostgresDialect d) {
        for (int shape = 0; shape < SHAPES; shape++) {
            statements[shape] = statement(d, shape, "");
            ignoringStoredIds[shape] = statement(d, shape, " ON CONFLICT (id) DO NOTHING");
        }
    }

    private static String statement(PostgresDialect d, int shape, String onStoredId) {
        String events = d.table("events");
        String due = d.table("due_cases");
        StringBuilder sql = new StringBuilder("WITH b AS (SELECT CAST(? AS varchar) AS tenant,"
                + " CAST(? AS varchar) AS case_id, CAST(? AS bigint) AS expected, CAST(? AS timestamptz) AS due_at)");
        if ((shape & WITH_RECORD) != 0) {
            sql.append(", idem AS (INSERT INTO ").append(d.table("idempotency")).append(" (tenant, ")
                    .append(d.quote("key")).append(", fingerprint, case_id, first_version, last_version)"
                            + " SELECT b.tenant, CAST(? AS varchar), CAST(? AS text), b.case_id, CAST(? AS bigint),"
                            + " CAST(? AS bigint) FROM b)");
        }
        // evaluated once, so by the primary key (never as a hash of the whole table, per event)
        sql.append(", current AS MATERIALIZED (SELECT b.expected = 0 OR EXISTS (SELECT 1 FROM ").append(events)
                .append(" p WHERE p.tenant = b.tenant AND p.case_id = b.case_id AND p.version = b.expected)"
                        + " AS at_expected FROM b)")
                .append(", ev AS (INSERT INTO ").append(events).append(" (").append(BatchRows.EVENT_COLUMNS)
                .append(") SELECT b.tenant, b.case_id, CASE WHEN e.ord > 1 OR current.at_expected"
                        + " THEN b.expected + e.ord END, e.type, e.at, CAST(e.payload AS json)"
                        + " FROM b, current, unnest(CAST(? AS varchar[]), CAST(? AS timestamptz[]), CAST(? AS text[]))"
                        + " WITH ORDINALITY AS e(type, at, payload, ord))");
        if ((shape & WITH_LINKS) != 0) {
            sql.append(", lk AS (INSERT INTO ").append(d.table("number_links")).append(" AS x (")
                    .append(BatchRows.LINK_COLUMNS).append(") SELECT b.tenant, n.uniqueness_key, n.kind, n.scope,"
                            + " n.value, b.case_id, n.leg, n.superseded FROM b, unnest(CAST(? AS varchar[]),"
                            + " CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),"
                            + " CAST(? AS boolean[])) AS n(uniqueness_key, kind, scope, value, leg, superseded)"
                            + " ON CONFLICT (tenant, uniqueness_key) DO UPDATE SET case_id = CASE"
                            + " WHEN x.case_id = EXCLUDED.case_id THEN x.case_id END, kind = EXCLUDED.kind,"
                            + " scope = EXCLUDED.scope, value = EXCLUDED.value, leg = EXCLUDED.leg,"
                            + " superseded = EXCLUDED.superseded WHERE x.case_id <> EXCLUDED.case_id"
                            + " OR (x.kind, x.scope, x.value, x.leg, x.superseded) IS DISTINCT FROM"
                            + " (EXCLUDED.kind, EXCLUDED.scope, EXCLUDED.value, EXCLUDED.leg, EXCLUDED.superseded))");
        }
        if ((shape & WITH_DUE) != 0) {
            sql.append(", dueset AS (INSERT INTO ").append(due).append(" AS d (tenant, case_id, due_at)"
                    + " SELECT tenant, case_id, due_at FROM b ON CONFLICT (tenant, case_id)"
                    + " DO UPDATE SET due_at = EXCLUDED.due_at WHERE d.due_at <> EXCLUDED.due_at)");
        } else {
            sql.append(", unset AS (DELETE FROM ").append(due).append(" d USING b WHERE d.tenant = b.tenant"
                    + " AND d.case_id = b.case_id)");
        }
        if ((shape & WITH_OUTBOX) != 0) {
            sql.append(", ob AS (INSERT INTO ").append(d.table("outbox")).append(" (")
                    .append(BatchRows.OUTBOX_COLUMNS).append(") SELECT o.id, b.tenant, b.case_id, o.version,"
                            + " o.effect, o.target, o.attempts, o.next_attempt_at, o.last_error, o.parked,"
                            + " o.lease_owner, o.lease_until FROM b, unnest(CAST(? AS varchar[]), CAST(? AS bigint[]),"
                            + " CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS integer[]),"
                            + " CAST(? AS timestamptz[]), CAST(? AS text[]), CAST(? AS boolean[]), CAST(? AS text[]),"
                            + " CAST(? AS timestamptz[])) AS o(id, version, effect, target, attempts, next_attempt_at,"
                            + " last_error, parked, lease_owner, lease_until)").append(onStoredId).append(")");
        }
        return sql.append(" SELECT 1").toString();
    }

    /**
     * The statement of a shape of batch (a sum of the {@code WITH_} bits, below {@value #SHAPES}), for tests.
     *
     * @param shape the shape
     * @param ignoringStoredIds true for the statement that leaves out an outbox id stored already
     * @return the statement's text
     */
    String statement(int shape, boolean ignoringStoredIds) {
        return ignoringStoredIds ? this.ignoringStoredIds[shape] : statements[shape];
    }

    @Override
    public void write(Connection connection, AppendBatch batch, boolean outboxIdsMayExist) throws SQLException {
        BatchRows rows = new BatchRows(batch);
        IdempotencyRecord record = batch.idempotency();
        List<NumberLink> links = rows.links();
        List<OutboxEntry> outbox = rows.outbox();
        int shape = (record == null ? 0 : WITH_RECORD) | (links.isEmpty() ? 0 : WITH_LINKS)
                | (batch.nextDueAt() == null ? 0 : WITH_DUE) | (outbox.isEmpty() ? 0 : WITH_OUTBOX);
        try (PreparedStatement insert = connection.prepareStatement(statement(shape, outboxIdsMayExist))) {
            int p = 1;
            insert.setString(p++, batch.tenant().value());
            insert.setString(p++, batch.caseId().value());
            insert.setLong(p++, batch.expectedVersion());
            insert.setString(p++, time(batch.nextDueAt()));
            if (record != null) {
                insert.setString(p++, record.key().value());
                insert.setString(p++, record.fingerprint());
                insert.setLong(p++, record.firstVersion());
                insert.setLong(p++, record.lastVersion());
            }
            insert.setArray(p++, texts(connection, batch.events(), event -> event.type()));
            insert.setArray(p++, texts(connection, batch.events(), event -> time(event.at())));
            insert.setArray(p++, texts(connection, rows.payloads(), Function.identity()));
            if (!links.isEmpty()) {
                insert.setArray(p++, texts(connection, links, link -> link.number().uniquenessKey()));
                insert.setArray(p++, texts(connection, links, link -> link.number().kind().name()));
                insert.setArray(p++, texts(connection, links, link -> link.number().scope()));
                insert.setArray(p++, texts(connection, links, link -> link.number().value()));
                insert.setArray(p++, texts(connection, links, link -> link.leg() == null ? null : link.leg().value()));
                insert.setArray(p++, connection.createArrayOf("bool",
                        links.stream().map(NumberLink::superseded).toArray(Boolean[]::new)));
            }
            if (!outbox.isEmpty()) {
                insert.setArray(p++, texts(connection, outbox, OutboxEntry::id));
                insert.setArray(p++, connection.createArrayOf("int8",
                        outbox.stream().map(OutboxEntry::version).toArray(Long[]::new)));
                insert.setArray(p++, texts(connection, outbox, entry -> entry.effect().name()));
                insert.setArray(p++, texts(connection, outbox, OutboxEntry::target));
                insert.setArray(p++, connection.createArrayOf("int4",
                        outbox.stream().map(OutboxEntry::attempts).toArray(Integer[]::new)));
                insert.setArray(p++, texts(connection, outbox, entry -> time(entry.nextAttemptAt())));
                insert.setArray(p++, texts(connection, outbox, entry -> BatchRows.text(entry.lastError())));
                insert.setArray(p++, connection.createArrayOf("bool",
                        outbox.stream().map(OutboxEntry::parked).toArray(Boolean[]::new)));
                insert.setArray(p++, texts(connection, outbox, OutboxEntry::leaseOwner));
                insert.setArray(p, texts(connection, outbox, entry -> time(entry.leaseUntil())));
            }
            insert.execute();
        }
    }

    private static <T> java.sql.Array texts(Connection connection, List<T> items, Function<T, String> value)
            throws SQLException {
        String[] texts = new String[items.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = value.apply(items.get(i));
        }
        return connection.createArrayOf("text", texts);
    }

    /** A time as ISO-8601 text at microsecond precision, which the statement casts to {@code timestamptz}. */
    private static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
