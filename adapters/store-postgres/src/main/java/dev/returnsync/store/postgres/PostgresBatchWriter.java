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
 * record, the events, the links and the outbox entries and set the due row, with the batch's lists bound as arrays
 * ({@code unnest}), so the statement's text never changes and the server plans it once per connection.
 *
 * <p>The guards: the first event's version is null, which its column refuses, unless the case has the expected version
 * (or none is expected); a link that exists for another case of the tenant is updated to a null case id, which the
 * column refuses. A taken key or version fails on its unique key. A link of this case that did not change, and a due
 * time that did not move, are not written again.
 */
final class PostgresBatchWriter implements BatchWriter {
    private final String statement;

    PostgresBatchWriter(PostgresDialect d) {
        String events = d.table("events");
        String links = d.table("number_links");
        String due = d.table("due_cases");
        statement = "WITH b AS (SELECT CAST(? AS varchar) AS tenant, CAST(? AS varchar) AS case_id,"
                + " CAST(? AS bigint) AS expected, CAST(? AS timestamptz) AS due_at),"
                + " idem AS (INSERT INTO " + d.table("idempotency") + " (tenant, " + d.quote("key")
                + ", fingerprint, case_id, first_version, last_version)"
                + " SELECT b.tenant, k.key, k.fingerprint, b.case_id, k.first_version, k.last_version FROM b,"
                + " (SELECT CAST(? AS varchar) AS key, CAST(? AS text) AS fingerprint, CAST(? AS bigint) AS first_version,"
                + " CAST(? AS bigint) AS last_version) k WHERE k.key IS NOT NULL),"
                + " ev AS (INSERT INTO " + events + " (" + BatchRows.EVENT_COLUMNS + ")"
                + " SELECT b.tenant, b.case_id, CASE WHEN e.ord > 1 OR b.expected = 0 OR EXISTS (SELECT 1 FROM " + events
                + " p WHERE p.tenant = b.tenant AND p.case_id = b.case_id AND p.version = b.expected)"
                + " THEN b.expected + e.ord END, e.type, e.at, CAST(e.payload AS json)"
                + " FROM b, unnest(CAST(? AS varchar[]), CAST(? AS timestamptz[]), CAST(? AS text[]))"
                + " WITH ORDINALITY AS e(type, at, payload, ord)),"
                + " l AS (SELECT b.tenant, n.uniqueness_key, n.kind, n.scope, n.value, b.case_id, n.leg, n.superseded"
                + " FROM b, unnest(CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS varchar[]),"
                + " CAST(? AS varchar[]), CAST(? AS boolean[])) AS n(uniqueness_key, kind, scope, value, leg, superseded)),"
                + " lk AS (INSERT INTO " + links + " AS x (" + BatchRows.LINK_COLUMNS + ") SELECT * FROM l"
                + " ON CONFLICT (tenant, uniqueness_key) DO UPDATE SET case_id = CASE WHEN x.case_id = EXCLUDED.case_id"
                + " THEN x.case_id END, kind = EXCLUDED.kind, scope = EXCLUDED.scope, value = EXCLUDED.value,"
                + " leg = EXCLUDED.leg, superseded = EXCLUDED.superseded"
                + " WHERE x.case_id <> EXCLUDED.case_id OR (x.kind, x.scope, x.value, x.leg, x.superseded)"
                + " IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.scope, EXCLUDED.value, EXCLUDED.leg, EXCLUDED.superseded)),"
                + " unset AS (DELETE FROM " + due + " d USING b WHERE b.due_at IS NULL AND d.tenant = b.tenant"
                + " AND d.case_id = b.case_id),"
                + " dueset AS (INSERT INTO " + due + " AS d (tenant, case_id, due_at)"
                + " SELECT tenant, case_id, due_at FROM b WHERE due_at IS NOT NULL"
                + " ON CONFLICT (tenant, case_id) DO UPDATE SET due_at = EXCLUDED.due_at WHERE d.due_at <> EXCLUDED.due_at),"
                + " ob AS (INSERT INTO " + d.table("outbox") + " (" + BatchRows.OUTBOX_COLUMNS + ")"
                + " SELECT o.id, b.tenant, b.case_id, o.version, o.effect, o.target, o.attempts, o.next_attempt_at,"
                + " o.last_error, o.parked, o.lease_owner, o.lease_until FROM b, unnest(CAST(? AS varchar[]),"
                + " CAST(? AS bigint[]), CAST(? AS varchar[]), CAST(? AS varchar[]), CAST(? AS integer[]),"
                + " CAST(? AS timestamptz[]), CAST(? AS text[]), CAST(? AS boolean[]), CAST(? AS text[]),"
                + " CAST(? AS timestamptz[])) AS o(id, version, effect, target, attempts, next_attempt_at, last_error, parked,"
                + " lease_owner, lease_until)"
                + " ON CONFLICT (id) DO NOTHING)"
                + " SELECT 1";
    }

    @Override
    public void write(Connection connection, AppendBatch batch) throws SQLException {
        BatchRows rows = new BatchRows(batch);
        IdempotencyRecord record = batch.idempotency();
        try (PreparedStatement insert = connection.prepareStatement(statement)) {
            int p = 1;
            insert.setString(p++, batch.tenant().value());
            insert.setString(p++, batch.caseId().value());
            insert.setLong(p++, batch.expectedVersion());
            insert.setString(p++, time(batch.nextDueAt()));
            insert.setString(p++, record == null ? null : record.key().value());
            insert.setString(p++, record == null ? null : record.fingerprint());
            insert.setLong(p++, record == null ? 0 : record.firstVersion());
            insert.setLong(p++, record == null ? 0 : record.lastVersion());
            insert.setArray(p++, texts(connection, batch.events(), event -> event.type()));
            insert.setArray(p++, texts(connection, batch.events(), event -> time(event.at())));
            insert.setArray(p++, texts(connection, rows.payloads(), Function.identity()));
            List<NumberLink> links = rows.links();
            insert.setArray(p++, texts(connection, links, link -> link.number().uniquenessKey()));
            insert.setArray(p++, texts(connection, links, link -> link.number().kind().name()));
            insert.setArray(p++, texts(connection, links, link -> link.number().scope()));
            insert.setArray(p++, texts(connection, links, link -> link.number().value()));
            insert.setArray(p++, texts(connection, links, link -> link.leg() == null ? null : link.leg().value()));
            insert.setArray(p++, connection.createArrayOf("bool",
                    links.stream().map(NumberLink::superseded).toArray(Boolean[]::new)));
            List<OutboxEntry> outbox = rows.outbox();
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
