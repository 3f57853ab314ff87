package dev.returnsync.store.postgres;

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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * A whole batch in one statement, auto-committed, so in one round trip: data-modifying CTEs insert the events (the
 * first of them carrying the idempotency record), the links and the outbox entries and set or remove the due row,
 * with the batch's lists bound as arrays ({@code unnest}), or, for a part of one row (most often: a command's one
 * event, one outbox entry, one link), as plain parameters, which spares the driver an array per column and the server
 * its decoding and a function scan. The case's tenant and id are bound to each part, so that no part joins another.
 * The statement has one text per shape of batch (with or without an idempotency record, links and outbox
 * entries; one event, link or outbox entry, or several; a due time set or removed), each made and planned once per
 * connection when first needed: a part the batch does not need is left out, so the server neither plans nor opens a
 * table the batch does not write.
 *
 * <p>The guards: the first event's version is null, which its column refuses, unless the case has the expected version
 * (or none is expected; checked once per append, through the events' primary key); a link that exists for another
 * case of the tenant is updated to a null case id, which the column refuses. A taken version fails on the events'
 * primary key, a taken idempotency key on their partial unique index {@code events_idempotency}. A link of this case
 * that did not change, and a due time that did not move, are not written again.
 *
 * <p>The outbox entries are inserted plainly: an entry whose work is stored already fails the statement on the
 * outbox's primary key (the work), and the store, finding no check of the contract that failed, writes again with
 * {@code outboxIdsMayExist}, through the same shape with {@code ON CONFLICT} on that key {@code DO NOTHING}. So an
 * append pays for {@code ON CONFLICT}'s speculative insert (a lock and a second WAL record per row) only in that rare
 * second write; an engine's entries name the event's version, which the same statement inserts, so its appends never
 * need it.
 */
final class PostgresBatchWriter implements BatchWriter {
    /** The shapes of batch, sums of the bits below: what the batch has, and which of its parts have several rows. */
    static final int SHAPES = 128;
    static final int WITH_RECORD = 1;
    static final int WITH_LINKS = 2;
    static final int WITH_DUE = 4;
    static final int WITH_OUTBOX = 8;
    static final int MANY_EVENTS = 16;
    static final int MANY_LINKS = 32;
    static final int MANY_OUTBOX = 64;

    /** The second write's handling of an entry whose work is stored already: left out, through the primary key. */
    private static final String ON_STORED_WORK = " ON CONFLICT (tenant, case_id, target, version, effect) DO NOTHING";

    /** The idempotency record's columns of the events, set on the row of the batch's first event only. */
    private static final String RECORD_COLUMNS = ", idempotency_key, idempotency_fingerprint,"
            + " idempotency_first_version, idempotency_last_version";
    private static final String RECORD_VALUES = ", CASE WHEN e.ord = 1 THEN CAST(? AS varchar) END,"
            + " CASE WHEN e.ord = 1 THEN CAST(? AS text) END, CASE WHEN e.ord = 1 THEN CAST(? AS bigint) END,"
            + " CASE WHEN e.ord = 1 THEN CAST(? AS bigint) END";

    private final PostgresDialect dialect;
    /** Each made when first needed (a benign race: two threads may make the same text). */
    private final String[] statements = new String[SHAPES];
    private final String[] ignoringStoredIds = new String[SHAPES];

    PostgresBatchWriter(PostgresDialect dialect) {
        this.dialect = dialect;
    }

    private static String statement(PostgresDialect d, int shape, String onStoredId) {
        String events = d.table("events");
        String due = d.table("due_cases");
        String tenant = "CAST(? AS varchar)";
        String caseId = "CAST(? AS varchar)";
        StringBuilder sql = new StringBuilder("WITH ");
        // evaluated once, so by the primary key (never as a hash of the whole table, per event)
        sql.append("current AS MATERIALIZED (SELECT CAST(? AS bigint) = 0 OR EXISTS (SELECT 1 FROM ").append(events)
                .append(" p WHERE p.tenant = ").append(tenant).append(" AND p.case_id = ").append(caseId)
                .append(" AND p.version = CAST(? AS bigint)) AS at_expected)")
                .append(", ev AS (INSERT INTO ").append(events).append(" (").append(BatchRows.EVENT_COLUMNS)
                .append((shape & WITH_RECORD) != 0 ? RECORD_COLUMNS : "")
                .append(") SELECT ").append(tenant).append(", ").append(caseId)
                .append(", CASE WHEN e.ord > 1 OR current.at_expected THEN CAST(? AS bigint) + e.ord END, e.type,"
                        + " e.at, CAST(e.payload AS json)")
                .append((shape & WITH_RECORD) != 0 ? RECORD_VALUES : "").append(" FROM current, ")
                .append(rows((shape & MANY_EVENTS) != 0, true, "e", "type varchar", "at timestamptz", "payload text"))
                .append(")");
        if ((shape & WITH_LINKS) != 0) {
            sql.append(", lk AS (INSERT INTO ").append(d.table("number_links")).append(" AS x (")
                    .append(BatchRows.LINK_COLUMNS).append(") SELECT ").append(tenant)
                    .append(", n.uniqueness_key, n.kind, n.scope, n.value, ").append(caseId)
                    .append(", n.leg, n.superseded FROM ")
                    .append(rows((shape & MANY_LINKS) != 0, false, "n", "uniqueness_key varchar", "kind varchar",
                            "scope varchar", "value varchar", "leg varchar", "superseded boolean"))
                    .append(" ON CONFLICT (tenant, uniqueness_key) DO UPDATE SET case_id = CASE"
                            + " WHEN x.case_id = EXCLUDED.case_id THEN x.case_id END, kind = EXCLUDED.kind,"
                            + " scope = EXCLUDED.scope, value = EXCLUDED.value, leg = EXCLUDED.leg,"
                            + " superseded = EXCLUDED.superseded WHERE x.case_id <> EXCLUDED.case_id"
                            + " OR (x.kind, x.scope, x.value, x.leg, x.superseded) IS DISTINCT FROM"
                            + " (EXCLUDED.kind, EXCLUDED.scope, EXCLUDED.value, EXCLUDED.leg, EXCLUDED.superseded))");
        }
        if ((shape & WITH_DUE) != 0) {
            sql.append(", dueset AS (INSERT INTO ").append(due).append(" AS d (tenant, case_id, due_at) VALUES (")
                    .append(tenant).append(", ").append(caseId).append(", CAST(? AS timestamptz))"
                            + " ON CONFLICT (tenant, case_id) DO UPDATE SET due_at = EXCLUDED.due_at"
                            + " WHERE d.due_at <> EXCLUDED.due_at)");
        } else {
            sql.append(", unset AS (DELETE FROM ").append(due).append(" d WHERE d.tenant = ").append(tenant)
                    .append(" AND d.case_id = ").append(caseId).append(")");
        }
        if ((shape & WITH_OUTBOX) != 0) {
            sql.append(", ob AS (INSERT INTO ").append(d.table("outbox")).append(" (")
                    .append(BatchRows.OUTBOX_COLUMNS).append(") SELECT ").append(tenant).append(", ")
                    .append(caseId).append(", o.version, o.effect, o.target, o.attempts, o.next_attempt_at,"
                            + " o.last_error, o.parked, o.lease_owner, o.lease_until FROM ")
                    .append(rows((shape & MANY_OUTBOX) != 0, false, "o", "version bigint",
                            "effect varchar", "target varchar", "attempts integer", "next_attempt_at timestamptz",
                            "last_error text", "parked boolean", "lease_owner text", "lease_until timestamptz"))
                    .append(onStoredId).append(")");
        }
        return sql.append(" SELECT 1").toString();
    }

    /**
     * A part's rows as a from-item {@code alias(names)}: several rows as {@code unnest} of one array parameter per
     * column; one row as a sub-select of plain parameters, which the planner folds into the statement.
     *
     * @param many whether the part has several rows
     * @param ordinal whether to add the row's number (from 1) as column {@code ord}
     * @param alias the from-item's name
     * @param columns each column's name and type, {@code "name type"}
     */
    private static String rows(boolean many, boolean ordinal, String alias, String... columns) {
        StringJoiner values = new StringJoiner(", ");
        StringJoiner names = new StringJoiner(", ");
        for (String column : columns) {
            String name = column.substring(0, column.indexOf(' '));
            String type = column.substring(column.indexOf(' ') + 1);
            values.add(many ? "CAST(? AS " + type + "[])" : "CAST(? AS " + type + ") AS " + name);
            names.add(name);
        }
        if (ordinal) {
            names.add("ord");
        }
        if (many) {
            return "unnest(" + values + ")" + (ordinal ? " WITH ORDINALITY" : "") + " AS " + alias + "(" + names + ")";
        }
        return "(SELECT " + values + (ordinal ? ", CAST(1 AS bigint) AS ord" : "") + ") AS " + alias;
    }

    /**
     * The statement of a shape of batch (a sum of the shape bits, below {@value #SHAPES}), made when first needed.
     *
     * @param shape the shape
     * @param ignoringStoredIds true for the statement that leaves out an outbox entry whose work is stored already
     * @return the statement's text
     */
    String statement(int shape, boolean ignoringStoredIds) {
        String[] texts = ignoringStoredIds ? this.ignoringStoredIds : statements;
        String text = texts[shape];
        if (text == null) {
            text = statement(dialect, shape, ignoringStoredIds ? ON_STORED_WORK : "");
            texts[shape] = text;
        }
        return text;
    }

    /** {@return the shape of a batch with these rows} */
    private static int shape(AppendBatch batch, List<NumberLink> links, List<OutboxEntry> outbox) {
        return (batch.idempotency() == null ? 0 : WITH_RECORD)
                | (links.isEmpty() ? 0 : WITH_LINKS) | (links.size() > 1 ? MANY_LINKS : 0)
                | (batch.nextDueAt() == null ? 0 : WITH_DUE)
                | (outbox.isEmpty() ? 0 : WITH_OUTBOX) | (outbox.size() > 1 ? MANY_OUTBOX : 0)
                | (batch.events().size() > 1 ? MANY_EVENTS : 0);
    }

    @Override
    public void write(Connection connection, AppendBatch batch, boolean outboxIdsMayExist) throws SQLException {
        BatchRows rows = new BatchRows(batch);
        IdempotencyRecord record = batch.idempotency();
        List<ReturnEvent> events = batch.events();
        List<NumberLink> links = rows.links();
        List<OutboxEntry> outbox = rows.outbox();
        try (PreparedStatement insert = connection.prepareStatement(
                statement(shape(batch, links, outbox), outboxIdsMayExist))) {
            Parameters p = new Parameters(connection, insert);
            String tenant = batch.tenant().value();
            String caseId = batch.caseId().value();
            p.number(batch.expectedVersion());
            p.text(tenant);
            p.text(caseId);
            p.number(batch.expectedVersion());
            p.text(tenant);
            p.text(caseId);
            p.number(batch.expectedVersion());
            if (record != null) {
                p.text(record.key().value());
                p.text(record.fingerprint());
                p.number(record.firstVersion());
                p.number(record.lastVersion());
            }
            p.texts(events, ReturnEvent::type);
            p.texts(events, event -> time(event.at()));
            p.texts(rows.payloads(), Function.identity());
            if (!links.isEmpty()) {
                p.text(tenant);
                p.text(caseId);
                p.texts(links, link -> link.number().uniquenessKey());
                p.texts(links, link -> link.number().kind().name());
                p.texts(links, link -> link.number().scope());
                p.texts(links, link -> link.number().value());
                p.texts(links, link -> link.leg() == null ? null : link.leg().value());
                p.booleans(links, NumberLink::superseded);
            }
            p.text(tenant);
            p.text(caseId);
            if (batch.nextDueAt() != null) {
                p.text(time(batch.nextDueAt()));
            }
            if (!outbox.isEmpty()) {
                p.text(tenant);
                p.text(caseId);
                p.longs(outbox, OutboxEntry::version);
                p.texts(outbox, entry -> entry.effect().name());
                p.texts(outbox, OutboxEntry::target);
                p.ints(outbox, OutboxEntry::attempts);
                p.texts(outbox, entry -> time(entry.nextAttemptAt()));
                p.texts(outbox, entry -> BatchRows.text(entry.lastError()));
                p.booleans(outbox, OutboxEntry::parked);
                p.texts(outbox, OutboxEntry::leaseOwner);
                p.texts(outbox, entry -> time(entry.leaseUntil()));
            }
            insert.execute();
        }
    }

    /**
     * Binds the statement's parameters in order: a column of a part of one row as a plain parameter, of several
     * rows as an array.
     */
    private static final class Parameters {
        private final Connection connection;
        private final PreparedStatement statement;
        private int index;

        Parameters(Connection connection, PreparedStatement statement) {
            this.connection = connection;
            this.statement = statement;
        }

        private int next() {
            return ++index;
        }

        void number(long value) throws SQLException {
            statement.setLong(next(), value);
        }

        void text(String value) throws SQLException {
            statement.setString(next(), value);
        }

        <T> void texts(List<T> rows, Function<T, String> value) throws SQLException {
            if (rows.size() == 1) {
                text(value.apply(rows.get(0)));
                return;
            }
            String[] texts = new String[rows.size()];
            for (int i = 0; i < texts.length; i++) {
                texts[i] = value.apply(rows.get(i));
            }
            statement.setArray(next(), connection.createArrayOf("text", texts));
        }

        <T> void longs(List<T> rows, ToLongFunction<T> value) throws SQLException {
            if (rows.size() == 1) {
                statement.setLong(next(), value.applyAsLong(rows.get(0)));
                return;
            }
            Long[] longs = new Long[rows.size()];
            for (int i = 0; i < longs.length; i++) {
                longs[i] = value.applyAsLong(rows.get(i));
            }
            statement.setArray(next(), connection.createArrayOf("int8", longs));
        }

        <T> void ints(List<T> rows, ToIntFunction<T> value) throws SQLException {
            if (rows.size() == 1) {
                statement.setInt(next(), value.applyAsInt(rows.get(0)));
                return;
            }
            Integer[] ints = new Integer[rows.size()];
            for (int i = 0; i < ints.length; i++) {
                ints[i] = value.applyAsInt(rows.get(i));
            }
            statement.setArray(next(), connection.createArrayOf("int4", ints));
        }

        <T> void booleans(List<T> rows, Predicate<T> value) throws SQLException {
            if (rows.size() == 1) {
                statement.setBoolean(next(), value.test(rows.get(0)));
                return;
            }
            Boolean[] booleans = new Boolean[rows.size()];
            for (int i = 0; i < booleans.length; i++) {
                booleans[i] = value.test(rows.get(i));
            }
            statement.setArray(next(), connection.createArrayOf("bool", booleans));
        }
    }

    /** A time as ISO-8601 text at microsecond precision, which the statement casts to {@code timestamptz}. */
    private static String time(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).toString();
    }
}
