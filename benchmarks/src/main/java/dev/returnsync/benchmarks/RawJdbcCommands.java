package dev.returnsync.benchmarks;

import dev.returnsync.core.engine.EngineConfig;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.core.notify.NoopNotifier;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.codec.EventCodec;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.OutboxEntry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A raw-JDBC baseline of the database benchmarks: per command the statements of a statement-by-statement append,
 * as {@code ReturnSyncEngine.execute} made the SQL stores ({@code PostgresCaseStore}, {@code MySqlCaseStore}) issue
 * them before an accepted command became one round trip, in the same order, on connections borrowed the same way,
 * written by hand with plain JDBC and nothing computed while it runs (what such a command costs the database):
 * <ol>
 *   <li>the case's events, on a connection of its own: for a new case the whole history ({@code SELECT version,
 *       payload FROM events WHERE tenant = ? AND case_id = ? ORDER BY version}), for a case the engine folded before only
 *       the events after its version ({@code ... AND version > ?}, {@code CaseStore.loadAfter}), every row read;</li>
 *   <li>the idempotency look-up ({@code SELECT ... FROM idempotency WHERE tenant = ? AND key = ?}; on PostgreSQL
 *       {@code ... FROM events WHERE tenant = ? AND idempotency_key = ?}), on a connection of its own,
 *       auto-committed;</li>
 *   <li>one READ COMMITTED transaction: insert the idempotency record (on PostgreSQL: with the first event, whose
 *       row keeps it), read the current version, insert each event, for every number link of the case sorted by
 *       uniqueness key lock its row ({@code SELECT ... FOR UPDATE}) and update it or insert it, delete the due row and
 *       insert the new one, insert the outbox entries sorted by id, commit.</li>
 * </ol>
 * The bind values ({@link RawCommand}) are what the engine would write: they are taken from the batches a
 * returnsync engine on an in-memory store appends for the same commands ({@link Source}), with the events
 * encoded to JSON beforehand. So the baseline leaves the same rows as the engine (a test checks it) and its cost
 * is the database's and the driver's alone.
 */
final class RawJdbcCommands {
    private final DataSource dataSource;
    private final String findIdempotency;
    private final String loadEvents;
    private final String loadEventsAfter;
    private final String insertIdempotency;
    private final String currentVersion;
    private final String insertEvent;
    private final String lockLink;
    private final String updateLink;
    private final String insertLink;
    private final String deleteDue;
    private final String insertDue;
    private final String insertOutbox;
    /** Whether the record is inserted with the first event, on its row, instead of in a table of its own. */
    private final boolean recordOnFirstEvent;

    /**
     * The baseline on a data source, for the tables a store made.
     *
     * @param dataSource the side's pool
     * @param flavor how the database names and binds things
     * @param space the side's schema, where the database has schemas
     */
    RawJdbcCommands(DataSource dataSource, SqlFlavor flavor, String space) {
        this.dataSource = dataSource;
        String events = flavor.table(space, "events");
        String links = flavor.table(space, "number_links");
        String idempotency = flavor.table(space, "idempotency");
        String due = flavor.table(space, "due_cases");
        String outbox = flavor.table(space, "outbox");
        recordOnFirstEvent = flavor.recordOnFirstEvent();
        findIdempotency = recordOnFirstEvent
                ? "SELECT idempotency_fingerprint, case_id, idempotency_first_version, idempotency_last_version FROM "
                + events + " WHERE tenant = ? AND idempotency_key = ?"
                : "SELECT fingerprint, case_id, first_version, last_version FROM " + idempotency
                + " WHERE tenant = ? AND " + flavor.key() + " = ?";
        loadEvents = "SELECT version, payload FROM " + events + " WHERE tenant = ? AND case_id = ? ORDER BY version";
        loadEventsAfter = "SELECT version, payload FROM " + events + " WHERE tenant = ? AND case_id = ? AND version > ?"
                + " ORDER BY version";
        insertIdempotency = "INSERT INTO " + idempotency
                + " (tenant, " + flavor.key() + ", fingerprint, case_id, first_version, last_version) VALUES (?, ?, ?, ?, ?, ?)";
        currentVersion = "SELECT coalesce(max(version), 0) FROM " + events + " WHERE tenant = ? AND case_id = ?";
        insertEvent = "INSERT INTO " + events + " (tenant, case_id, version, type, at, payload"
                + (recordOnFirstEvent ? ", idempotency_key, idempotency_fingerprint, idempotency_first_version,"
                + " idempotency_last_version) VALUES (?, ?, ?, ?, ?, " + flavor.json() + ", ?, ?, ?, ?)"
                : ") VALUES (?, ?, ?, ?, ?, " + flavor.json() + ")");
        lockLink = "SELECT kind, scope, value, case_id, leg, superseded FROM " + links
                + " WHERE tenant = ? AND uniqueness_key = ? FOR UPDATE";
        updateLink = "UPDATE " + links + " SET kind = ?, scope = ?, value = ?, leg = ?, superseded = ?"
                + " WHERE tenant = ? AND uniqueness_key = ?";
        insertLink = "INSERT INTO " + links
                + " (tenant, uniqueness_key, kind, scope, value, case_id, leg, superseded) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
        deleteDue = "DELETE FROM " + due + " WHERE tenant = ? AND case_id = ?";
        insertDue = "INSERT INTO " + due + " (tenant, case_id, due_at) VALUES (?, ?, ?)";
        insertOutbox = "INSERT INTO " + outbox + " (tenant, case_id, version, effect, target, attempts,"
                + " next_attempt_at, last_error, parked, lease_owner, lease_until)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + flavor.unlessWorkPresent();
    }

    /** One event row. */
    record EventRow(long version, String type, Object at, String payload) {
    }

    /** One number link row. */
    record LinkRow(String uniquenessKey, String kind, String scope, String value, String tenant, String caseId,
                   String leg, boolean superseded) {
    }

    /** One outbox row. */
    record OutboxRow(String tenant, String caseId, long version, String effect, String target,
                     int attempts, Object nextAttemptAt, String lastError, boolean parked, String leaseOwner,
                     Object leaseUntil) {
    }

    /**
     * Everything one command writes, as bind values, links sorted by uniqueness key and outbox entries by id (the
     * store's lock order).
     */
    record RawCommand(String tenant, String key, String fingerprint, String caseId, long firstVersion,
                      long lastVersion, long expectedVersion, List<EventRow> events, List<LinkRow> links,
                      Object dueAt, List<OutboxRow> outbox) {
        /** The bind values of a batch, times as the flavor's driver binds them. */
        static RawCommand of(AppendBatch batch, SqlFlavor flavor) {
            IdempotencyRecord record = batch.idempotency();
            List<EventRow> events = new ArrayList<>(batch.events().size());
            long version = batch.expectedVersion();
            for (ReturnEvent event : batch.events()) {
                events.add(new EventRow(++version, event.type(), flavor.time(event.at()), EventCodec.encode(event)));
            }
            List<NumberLink> sortedLinks = new ArrayList<>(batch.links());
            sortedLinks.sort(Comparator.comparing(link -> link.number().uniquenessKey()));
            List<LinkRow> links = new ArrayList<>(sortedLinks.size());
            for (NumberLink link : sortedLinks) {
                links.add(new LinkRow(link.number().uniquenessKey(), link.number().kind().name(),
                        link.number().scope(), link.number().value(), link.tenant().value(), link.caseId().value(),
                        link.leg() == null ? null : link.leg().value(), link.superseded()));
            }
            List<OutboxEntry> sortedEntries = new ArrayList<>(batch.outbox());
            sortedEntries.sort(Comparator.comparing(OutboxEntry::id));
            List<OutboxRow> outbox = new ArrayList<>(sortedEntries.size());
            for (OutboxEntry e : sortedEntries) {
                outbox.add(new OutboxRow(e.tenant().value(), e.caseId().value(), e.version(), e.effect().name(),
                        e.target(), e.attempts(), flavor.time(e.nextAttemptAt()), e.lastError(), e.parked(),
                        e.leaseOwner(), e.leaseUntil() == null ? null : flavor.time(e.leaseUntil())));
            }
            return new RawCommand(batch.tenant().value(), record.key().value(), record.fingerprint(),
                    batch.caseId().value(), record.firstVersion(), record.lastVersion(), batch.expectedVersion(),
                    List.copyOf(events), List.copyOf(links),
                    batch.nextDueAt() == null ? null : flavor.time(batch.nextDueAt()), List.copyOf(outbox));
        }
    }

    /**
     * Runs one command's statements.
     *
     * @return the case's version after it
     * @throws IllegalStateException if the key was seen or the case is not at the expected version (the baseline
     *                               has no replay and no retry: its commands never race)
     */
    long execute(RawCommand command) throws SQLException {
        // the engine's case read: a case it folded before (every case but a new one) is read after its version
        long loaded = command.expectedVersion();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            boolean whole = command.expectedVersion() == 0;
            try (PreparedStatement select = connection.prepareStatement(whole ? loadEvents : loadEventsAfter)) {
                select.setString(1, command.tenant());
                select.setString(2, command.caseId());
                if (!whole) {
                    select.setLong(3, command.expectedVersion());
                }
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        loaded = rs.getLong("version");
                        rs.getString("payload");
                    }
                }
            }
        }
        if (loaded != command.expectedVersion()) {
            throw new IllegalStateException("case " + command.caseId() + " is at version " + loaded + ", not "
                    + command.expectedVersion());
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement select = connection.prepareStatement(findIdempotency)) {
                select.setString(1, command.tenant());
                select.setString(2, command.key());
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalStateException("key " + command.key() + " was used before");
                    }
                }
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                append(connection, command);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return command.lastVersion();
    }

    private void append(Connection connection, RawCommand command) throws SQLException {
        if (!recordOnFirstEvent) {
            try (PreparedStatement insert = connection.prepareStatement(insertIdempotency)) {
                insert.setString(1, command.tenant());
                insert.setString(2, command.key());
                insert.setString(3, command.fingerprint());
                insert.setString(4, command.caseId());
                insert.setLong(5, command.firstVersion());
                insert.setLong(6, command.lastVersion());
                insert.executeUpdate();
            }
        }
        try (PreparedStatement select = connection.prepareStatement(currentVersion)) {
            select.setString(1, command.tenant());
            select.setString(2, command.caseId());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != command.expectedVersion()) {
                    throw new IllegalStateException("case " + command.caseId() + " moved on");
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(insertEvent)) {
            for (EventRow event : command.events()) {
                insert.setString(1, command.tenant());
                insert.setString(2, command.caseId());
                insert.setLong(3, event.version());
                insert.setString(4, event.type());
                insert.setObject(5, event.at());
                insert.setString(6, event.payload());
                if (recordOnFirstEvent) {
                    boolean first = event.version() == command.expectedVersion() + 1;
                    insert.setString(7, first ? command.key() : null);
                    insert.setString(8, first ? command.fingerprint() : null);
                    insert.setObject(9, first ? command.firstVersion() : null, Types.BIGINT);
                    insert.setObject(10, first ? command.lastVersion() : null, Types.BIGINT);
                }
                insert.executeUpdate();
            }
        }
        for (LinkRow link : command.links()) {
            boolean exists;
            try (PreparedStatement lock = connection.prepareStatement(lockLink)) {
                lock.setString(1, link.tenant());
                lock.setString(2, link.uniquenessKey());
                try (ResultSet rs = lock.executeQuery()) {
                    exists = rs.next();
                    if (exists && !rs.getString("case_id").equals(link.caseId())) {
                        throw new IllegalStateException(link.uniquenessKey() + " is linked to another case");
                    }
                }
            }
            if (exists) {
                try (PreparedStatement update = connection.prepareStatement(updateLink)) {
                    update.setString(1, link.kind());
                    update.setString(2, link.scope());
                    update.setString(3, link.value());
                    update.setString(4, link.leg());
                    update.setBoolean(5, link.superseded());
                    update.setString(6, link.tenant());
                    update.setString(7, link.uniquenessKey());
                    update.executeUpdate();
                }
            } else {
                try (PreparedStatement insert = connection.prepareStatement(insertLink)) {
                    insert.setString(1, link.tenant());
                    insert.setString(2, link.uniquenessKey());
                    insert.setString(3, link.kind());
                    insert.setString(4, link.scope());
                    insert.setString(5, link.value());
                    insert.setString(6, link.caseId());
                    insert.setString(7, link.leg());
                    insert.setBoolean(8, link.superseded());
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement(deleteDue)) {
            delete.setString(1, command.tenant());
            delete.setString(2, command.caseId());
            delete.executeUpdate();
        }
        if (command.dueAt() != null) {
            try (PreparedStatement insert = connection.prepareStatement(insertDue)) {
                insert.setString(1, command.tenant());
                insert.setString(2, command.caseId());
                insert.setObject(3, command.dueAt());
                insert.executeUpdate();
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(insertOutbox)) {
            for (OutboxRow entry : command.outbox()) {
                insert.setString(1, entry.tenant());
                insert.setString(2, entry.caseId());
                insert.setLong(3, entry.version());
                insert.setString(4, entry.effect());
                insert.setString(5, entry.target());
                insert.setInt(6, entry.attempts());
                insert.setObject(7, entry.nextAttemptAt());
                insert.setString(8, entry.lastError());
                insert.setBoolean(9, entry.parked());
                insert.setString(10, entry.leaseOwner());
                insert.setObject(11, entry.leaseUntil());
                insert.executeUpdate();
            }
        }
    }

    /**
     * The baseline's commands, in the order a {@link CommandStream} makes them: a returnsync engine on an in-memory
     * store runs each command and the batch it appends becomes a {@link RawCommand}. Made ahead in chunks, so the
     * baseline computes nothing per operation except, once every {@value #CHUNK} commands, the next chunk (about
     * 10 µs per command, against about a millisecond of database work).
     */
    static final class Source {
        static final int CHUNK = 10_000;

        private final CommandStream stream;
        private final SqlFlavor flavor;
        private final RecordingStore store = new RecordingStore(new InMemoryCaseStore(1024));
        private final ReturnSyncEngine engine;
        private final ArrayDeque<RawCommand> ready = new ArrayDeque<>();

        /** Commands for a stream, decided at the clock's time, with the flavor's bind values. */
        Source(CommandStream stream, Clock clock, SqlFlavor flavor) {
            this.stream = stream;
            this.flavor = flavor;
            this.engine = ReturnSyncEngine.builder().store(store).notifier(NoopNotifier.instance()).clock(clock)
                    .engineConfig(EngineConfig.custom().foldCacheSize(1_000_000).build()).build();
        }

        /**
         * Brings the stream's cases to their steps (see {@link CommandStream#populate}), running each command
         * with {@code raw}.
         */
        void populate(SqlFunction raw) {
            stream.populate(command -> {
                engine.execute(command);
                try {
                    return raw.apply(RawCommand.of(store.takeLast(), flavor));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        /** The next command. */
        RawCommand next() {
            if (ready.isEmpty()) {
                for (int i = 0; i < CHUNK; i++) {
                    long version = engine.execute(stream.next()).state().version();
                    ready.add(RawCommand.of(store.takeLast(), flavor));
                    stream.accepted(version);
                }
            }
            return ready.poll();
        }

        /** Makes {@code count} commands now. */
        void prepare(int count) {
            while (ready.size() < count) {
                long version = engine.execute(stream.next()).state().version();
                ready.add(RawCommand.of(store.takeLast(), flavor));
                stream.accepted(version);
            }
        }

        /** Closes the engine. */
        void close() {
            engine.close();
        }
    }

    /** A JDBC step that returns the case's new version. */
    @FunctionalInterface
    interface SqlFunction {
        long apply(RawCommand command) throws SQLException;
    }
}
