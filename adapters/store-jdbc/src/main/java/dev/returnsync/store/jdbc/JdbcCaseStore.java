package dev.returnsync.store.jdbc;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.codec.EventCodec;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.DueCase;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.IdempotencyKeyTakenException;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.store.OutboxIds;
import dev.returnsync.spi.store.OutboxStats;
import dev.returnsync.spi.store.VersionConflictException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link CaseStore} over plain JDBC, shared by the SQL stores: each store module adds its {@link Dialect} and a
 * builder. The store holds no state beyond its configuration: every guarantee comes from the database, so any number
 * of stores, in any number of processes, may share one schema. It is thread-safe.
 *
 * <p><b>Connections.</b> The store borrows one connection from the host's {@link DataSource} per operation and
 * closes it after; pass the host's pool.
 *
 * <p><b>Appends.</b> An {@link #append} is one write of the whole batch, atomic, in one round trip where the product
 * and the connection allow it (see the dialect's {@link BatchWriter}): it reads nothing first. Each contract check is
 * backed by a key or a guard that makes the write fail, so no isolation stronger than READ COMMITTED is needed: the
 * idempotency key, the version (the events' primary key tenant, case, version, and a guard that version
 * {@code expectedVersion} exists) and the numbers (tenant, uniqueness key, and a guard against another case's link).
 * Only when the write fails does the store read, in the contract's order (idempotency, version, numbers), which check
 * failed, and report it as the contract names it; when none failed (an outbox id stored already, which the contract
 * ignores, or a concurrent winner that rolled back), it writes again, leaving stored outbox ids out. A write the
 * database ended for a deadlock or a serialization failure is retried, a few times, from the start.
 *
 * <p><b>Other writes.</b> An outbox claim is one transaction at READ COMMITTED, set on the connection for that
 * transaction; the other operations are single auto-committed statements.
 *
 * <p><b>Claims.</b> {@link #claimOutbox} locks the rows it picks with {@code FOR UPDATE SKIP LOCKED}, and skips an
 * ordered send while an earlier unfinished, unparked ordered send of its case and target exists.
 */
public abstract class JdbcCaseStore implements CaseStore {
    private static final int ATTEMPTS = 8;

    private final DataSource dataSource;
    private final Dialect dialect;
    private final Statements sql;
    private final Migrations migrations;
    private final BatchWriter writer;

    /**
     * Builds the store: applies or verifies the schema as {@code setup} says, then checks the server.
     *
     * @param dataSource the host's data source
     * @param dialect the database product's dialect
     * @param setup who brings the schema to the version the store needs
     * @throws SchemaVersionException if the schema is not at the version the store needs
     * @throws ServerSetupException if the server or the schema does not behave as the store needs
     * @throws JdbcStoreException if the database cannot be reached
     */
    protected JdbcCaseStore(DataSource dataSource, Dialect dialect, SchemaSetup setup) {
        this.dataSource = Objects.requireNonNull(dataSource, "data source must not be null");
        this.dialect = Objects.requireNonNull(dialect, "dialect must not be null");
        Objects.requireNonNull(setup, "schema setup must not be null");
        this.sql = new Statements(dialect);
        this.migrations = new Migrations(dataSource, dialect, dialect.describeSchema());
        if (setup == SchemaSetup.APPLY) {
            migrations.apply();
        }
        migrations.verify();
        this.writer = read("check the server", connection -> {
            dialect.checkServer(connection);
            return dialect.batchWriter(connection);
        });
    }

    /** {@return the version of the schema in the database, 0 when none was applied} */
    public int schemaVersion() {
        return migrations.current();
    }

    /** {@return the schema version this store needs: the number of migration files it ships} */
    public int requiredSchemaVersion() {
        return migrations.required();
    }

    /** The statements, for tests of their query plans. */
    Statements statements() {
        return sql;
    }

    // --------------------------------------------------------------------------------------------- reads

    @Override
    public Optional<CaseHistory> load(TenantId tenant, CaseId caseId) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(caseId, "case id must not be null");
        List<ReturnEvent> events = events("load case " + caseId, sql.loadEvents, tenant, caseId, 0);
        return events.isEmpty() ? Optional.empty() : Optional.of(new CaseHistory(tenant, caseId, events));
    }

    @Override
    public List<ReturnEvent> loadAfter(TenantId tenant, CaseId caseId, long afterVersion) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(caseId, "case id must not be null");
        if (afterVersion < 0) {
            throw new IllegalArgumentException("version must be zero or more, was " + afterVersion);
        }
        return events("load case " + caseId + " after version " + afterVersion, sql.loadEventsAfter, tenant, caseId,
                afterVersion);
    }

    private List<ReturnEvent> events(String operation, String statement, TenantId tenant, CaseId caseId,
                                     long afterVersion) {
        return read(operation, connection -> {
            try (PreparedStatement select = connection.prepareStatement(statement)) {
                select.setString(1, tenant.value());
                select.setString(2, caseId.value());
                if (statement.equals(sql.loadEventsAfter)) {
                    select.setLong(3, afterVersion);
                }
                try (ResultSet rs = select.executeQuery()) {
                    List<ReturnEvent> events = new ArrayList<>();
                    while (rs.next()) {
                        long version = rs.getLong("version");
                        if (version != afterVersion + events.size() + 1) {
                            throw new JdbcStoreException(dialect.product(), "case " + caseId
                                    + " has a gap before version " + version);
                        }
                        events.add(EventCodec.decode(rs.getString("payload")));
                    }
                    return List.copyOf(events);
                }
            }
        });
    }

    @Override
    public Optional<NumberLink> findByNumber(TenantId tenant, ReturnNumber number) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(number, "number must not be null");
        return read("find a number", connection -> findNumber(connection, sql.findNumber, tenant, number));
    }

    private Optional<NumberLink> findNumber(Connection connection, String statement, TenantId tenant,
                                            ReturnNumber number) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(statement)) {
            select.setString(1, tenant.value());
            select.setString(2, number.uniquenessKey());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(link(tenant, rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<NumberLink> findByValue(TenantId tenant, NumberKind kind, String value, int limit) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(value, "value must not be null");
        requirePositive("limit", limit);
        List<String> kinds = new ArrayList<>(2);
        for (NumberKind each : NumberKind.values()) {
            if (each.namespace().equals(kind.namespace())) {
                kinds.add(each.name());
            }
        }
        return read("find a number by value", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.findValue)) {
                select.setString(1, tenant.value());
                select.setString(2, value);
                select.setString(3, kinds.get(0));
                select.setString(4, kinds.get(kinds.size() - 1));
                select.setInt(5, limit);
                List<NumberLink> links = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        links.add(link(tenant, rs));
                    }
                }
                return links;
            }
        });
    }

    private static NumberLink link(TenantId tenant, ResultSet rs) throws SQLException {
        ReturnNumber stored = new ReturnNumber(NumberKind.valueOf(rs.getString("kind")), rs.getString("scope"),
                rs.getString("value"));
        String leg = rs.getString("leg");
        return new NumberLink(stored, tenant, CaseId.of(rs.getString("case_id")), leg == null ? null : SupplierId.of(leg),
                rs.getBoolean("superseded"));
    }

    @Override
    public Optional<IdempotencyRecord> findIdempotency(TenantId tenant, IdempotencyKey key) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(key, "key must not be null");
        return read("find an idempotency key", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.findIdempotency)) {
                select.setString(1, tenant.value());
                select.setString(2, key.value());
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new IdempotencyRecord(tenant, key, rs.getString("fingerprint"),
                            CaseId.of(rs.getString("case_id")), rs.getLong("first_version"), rs.getLong("last_version")));
                }
            }
        });
    }

    @Override
    public List<DueCase> findDue(Instant dueAtOrBefore, DueCase after, int limit) {
        Objects.requireNonNull(dueAtOrBefore, "due time must not be null");
        requirePositive("limit", limit);
        return read("find due cases", connection -> {
            try (PreparedStatement select = connection.prepareStatement(after == null ? sql.findDue : sql.findDueAfter)) {
                int p = 1;
                dialect.setInstant(select, p++, dueAtOrBefore);
                if (after != null) {
                    dialect.setInstant(select, p++, after.dueAt());
                    select.setString(p++, after.tenant().value());
                    select.setString(p++, after.caseId().value());
                }
                select.setInt(p, limit);
                try (ResultSet rs = select.executeQuery()) {
                    List<DueCase> due = new ArrayList<>();
                    while (rs.next()) {
                        due.add(new DueCase(TenantId.of(rs.getString("tenant")), CaseId.of(rs.getString("case_id")),
                                dialect.getInstant(rs, "due_at")));
                    }
                    return due;
                }
            }
        });
    }

    @Override
    public List<OutboxEntry> outboxOf(TenantId tenant, CaseId caseId) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(caseId, "case id must not be null");
        return read("list the outbox of case " + caseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.outboxOf)) {
                select.setString(1, tenant.value());
                select.setString(2, caseId.value());
                return outboxEntries(select);
            }
        });
    }

    /** Counts the outbox (done entries are deleted, so it holds only what waits) in one grouped query. */
    @Override
    public Optional<OutboxStats> outboxStats() {
        return Optional.of(read("count the outbox", connection -> {
            long pending = 0;
            long parked = 0;
            Instant oldest = null;
            try (PreparedStatement select = connection.prepareStatement(sql.outboxStats);
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean("parked")) {
                        parked = rs.getLong("entries");
                    } else {
                        pending = rs.getLong("entries");
                        oldest = dialect.getInstant(rs, "oldest");
                    }
                }
            }
            return new OutboxStats(pending, parked, oldest);
        }));
    }

    // --------------------------------------------------------------------------------------------- append

    @Override
    public void append(AppendBatch batch) {
        Objects.requireNonNull(batch, "batch must not be null");
        String operation = "append to case " + batch.caseId();
        boolean outboxIdsMayExist = false;
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try {
                    writer.write(connection, batch, outboxIdsMayExist);
                    return;
                } catch (SQLException e) {
                    if (!dialect.isConflict(e)) {
                        throw e;
                    }
                    // a key or a guard refused the batch: report the check that failed as the contract names it
                    RuntimeException conflict = conflict(connection, batch);
                    if (conflict != null) {
                        throw conflict;
                    }
                    // none shows: an outbox id stored already (ignored, so the next write leaves it out), or a
                    // concurrent winner that rolled back meanwhile
                    outboxIdsMayExist = true;
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                }
            } catch (SQLException e) {
                if (!dialect.isTransient(e) || attempt == ATTEMPTS) {
                    throw new JdbcStoreException(dialect.product(), operation, e);
                }
            }
            pause(attempt);
        }
    }

    private boolean findIdempotencyIn(Connection connection, TenantId tenant, IdempotencyKey key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql.findIdempotency)) {
            select.setString(1, tenant.value());
            select.setString(2, key.value());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    private long currentVersion(Connection connection, TenantId tenant, CaseId caseId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql.currentVersion)) {
            select.setString(1, tenant.value());
            select.setString(2, caseId.value());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * After a key or a guard refused the batch: the conflict the contract names, checked in its order (idempotency,
     * version, numbers) against what is committed, or null when none shows (a concurrent winner rolled back
     * meanwhile), and the append is worth another try. The message names this batch only, never the case that
     * holds a key.
     */
    private RuntimeException conflict(Connection connection, AppendBatch batch) throws SQLException {
        IdempotencyRecord record = batch.idempotency();
        if (record != null && findIdempotencyIn(connection, record.tenant(), record.key())) {
            return new IdempotencyKeyTakenException(record.tenant(), record.key());
        }
        long actual = currentVersion(connection, batch.tenant(), batch.caseId());
        if (actual != batch.expectedVersion()) {
            return new VersionConflictException(batch.caseId(), batch.expectedVersion(), actual);
        }
        for (NumberLink link : batch.links()) {
            Optional<NumberLink> held = findNumber(connection, sql.findNumber, link.tenant(), link.number());
            if (held.isPresent() && !held.get().caseId().equals(link.caseId())) {
                return new NumberAlreadyLinkedException(link.number());
            }
        }
        return null;
    }

    // --------------------------------------------------------------------------------------------- outbox

    @Override
    public List<OutboxEntry> claimOutbox(String owner, Instant now, Duration lease, int limit) {
        requireOwner(owner);
        Objects.requireNonNull(now, "now must not be null");
        requirePositive("lease", lease);
        requirePositive("limit", limit);
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MICROS);   // as the column keeps it
        return retried("claim outbox entries", connection -> {
            List<OutboxEntry> claimed = new ArrayList<>();
            transaction(connection, () -> {
                claimed.clear();
                try (PreparedStatement pick = connection.prepareStatement(sql.pickOutbox)) {
                    dialect.setInstant(pick, 1, now);
                    dialect.setInstant(pick, 2, now);
                    pick.setInt(3, limit);
                    claimed.addAll(outboxEntries(pick));
                }
                try (PreparedStatement update = connection.prepareStatement(sql.leaseOutbox)) {
                    for (OutboxEntry entry : claimed) {
                        update.setString(1, owner);
                        dialect.setInstant(update, 2, until);
                        bindWork(update, 3, entry.tenant(), entry.caseId(), entry.version(), entry.effect(),
                                entry.target());
                        update.addBatch();
                    }
                    if (!claimed.isEmpty()) {
                        update.executeBatch();
                    }
                }
            });
            return claimed.stream().map(entry -> leased(entry, owner, until))
                    .sorted(Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(OutboxEntry::id))
                    .toList();
        });
    }

    @Override
    public boolean renewOutbox(String entryId, String owner, Instant now, Duration lease) {
        Objects.requireNonNull(entryId, "entry id must not be null");
        requireOwner(owner);
        Objects.requireNonNull(now, "now must not be null");
        requirePositive("lease", lease);
        OutboxIds.Work work = OutboxIds.parse(entryId).orElse(null);
        if (work == null) {
            return false;
        }
        return retried("renew the lease of outbox entry " + entryId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql.renewOutbox)) {
                dialect.setInstant(update, 1, now.plus(lease));
                int next = bindWork(update, 2, work);
                update.setString(next, owner);
                dialect.setInstant(update, next + 1, now);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean completeOutbox(String entryId, String owner) {
        Objects.requireNonNull(entryId, "entry id must not be null");
        requireOwner(owner);
        OutboxIds.Work work = OutboxIds.parse(entryId).orElse(null);
        if (work == null) {
            return false;
        }
        return retried("complete outbox entry " + entryId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(sql.completeOutbox)) {
                delete.setString(bindWork(delete, 1, work), owner);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean failOutbox(String entryId, String owner, String error, Instant nextAttemptAt, boolean park) {
        Objects.requireNonNull(entryId, "entry id must not be null");
        requireOwner(owner);
        Objects.requireNonNull(nextAttemptAt, "next attempt must not be null");
        OutboxIds.Work work = OutboxIds.parse(entryId).orElse(null);
        if (work == null) {
            return false;
        }
        return retried("record a failure of outbox entry " + entryId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql.failOutbox)) {
                update.setString(1, BatchRows.text(error));
                dialect.setInstant(update, 2, nextAttemptAt);
                update.setBoolean(3, park);
                update.setString(bindWork(update, 4, work), owner);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int retryParked(TenantId tenant, CaseId caseId, Instant now) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(caseId, "case id must not be null");
        Objects.requireNonNull(now, "now must not be null");
        return retried("retry the parked outbox entries of case " + caseId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql.retryParked)) {
                dialect.setInstant(update, 1, now);
                update.setString(2, tenant.value());
                update.setString(3, caseId.value());
                return update.executeUpdate();
            }
        });
    }

    /** Binds the work an outbox id names from {@code index} on; returns the index after it. */
    private static int bindWork(PreparedStatement statement, int index, OutboxIds.Work work) throws SQLException {
        return bindWork(statement, index, work.tenant(), work.caseId(), work.version(), work.effect(), work.target());
    }

    /** Binds an entry's work (tenant, case, version, effect, target) from {@code index} on; returns the next index. */
    private static int bindWork(PreparedStatement statement, int index, TenantId tenant, CaseId caseId, long version,
                                Effect effect, String target) throws SQLException {
        statement.setString(index, tenant.value());
        statement.setString(index + 1, caseId.value());
        statement.setLong(index + 2, version);
        statement.setString(index + 3, effect.name());
        statement.setString(index + 4, target);
        return index + 5;
    }

    private static OutboxEntry leased(OutboxEntry entry, String owner, Instant until) {
        return new OutboxEntry(entry.tenant(), entry.caseId(), entry.version(), entry.effect(),
                entry.target(), entry.attempts(), entry.nextAttemptAt(), entry.lastError(), entry.parked(), owner, until);
    }

    private List<OutboxEntry> outboxEntries(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            List<OutboxEntry> entries = new ArrayList<>();
            while (rs.next()) {
                entries.add(new OutboxEntry(TenantId.of(rs.getString("tenant")),
                        CaseId.of(rs.getString("case_id")), rs.getLong("version"), Effect.valueOf(rs.getString("effect")),
                        rs.getString("target"), rs.getInt("attempts"), dialect.getInstant(rs, "next_attempt_at"),
                        rs.getString("last_error"), rs.getBoolean("parked"), rs.getString("lease_owner"),
                        dialect.getInstant(rs, "lease_until")));
            }
            return entries;
        }
    }

    // --------------------------------------------------------------------------------------------- plumbing

    /** Work on one borrowed connection. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work inside a transaction. */
    @FunctionalInterface
    private interface TransactionBody {
        void run() throws SQLException;
    }

    /** One read, auto-committed: a single statement sees one snapshot. */
    private <T> T read(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw new JdbcStoreException(dialect.product(), operation, e);
        }
    }

    /** A write, retried from the start when the database ended it for a deadlock or a serialization failure. */
    private <T> T retried(String operation, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                return work.run(connection);
            } catch (SQLException e) {
                if (!dialect.isTransient(e) || attempt == ATTEMPTS) {
                    throw new JdbcStoreException(dialect.product(), operation, e);
                }
            }
            pause(attempt);
        }
    }

    /** Runs the body in one READ COMMITTED transaction: commits it, or rolls it back and rethrows. */
    private static void transaction(Connection connection, TransactionBody body) throws SQLException {
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        try {
            body.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            Migrations.rollback(connection, e);
            throw e;
        } finally {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
        }
    }

    /** A short, growing, jittered pause before another attempt, so that the racers do not meet again. */
    private static void pause(int attempt) {
        long millis = (long) (Math.random() * 5 * attempt) + 1;
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a transaction", e);
        }
    }

    private static void requireOwner(String owner) {
        Objects.requireNonNull(owner, "owner must not be null");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("owner must not be blank");
        }
    }

    private static void requirePositive(String what, Duration value) {
        Objects.requireNonNull(value, what + " must not be null");
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, was " + value);
        }
    }
}
