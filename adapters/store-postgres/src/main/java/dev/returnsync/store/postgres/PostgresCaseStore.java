package dev.returnsync.store.postgres;

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
import dev.returnsync.spi.store.VersionConflictException;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@link CaseStore} on PostgreSQL (12 or later) over plain JDBC: the reference adapter that a host team can copy,
 * passing the testkit's {@code CaseStoreContract} against a real server.
 *
 * <p><b>Schema.</b> The store applies its own versioned SQL files ({@code schema/V1__case_store.sql}, ...) when it
 * is built, recording each in a {@code schema_version} table, in one transaction under a PostgreSQL advisory lock,
 * so several processes starting at once apply each file exactly once. See {@code docs/postgres.md}.
 *
 * <p><b>Keys.</b> Every key includes the tenant: a case is (tenant, case_id), a number (tenant, uniqueness_key), so
 * the same case id or number in two tenants are two independent rows, and a batch can only reach its own tenant's
 * case.
 *
 * <p><b>Transactions.</b> Every {@link #append} is one transaction at READ COMMITTED. Each contract check is backed
 * by a constraint, so no stronger isolation is needed: the idempotency key by the primary key (tenant, key), the
 * version by the primary key (tenant, case_id, version) of {@code events}, numbers by the unique (tenant,
 * uniqueness_key). The checks
 * run in the contract's order (idempotency, version, numbers) and the first failure rolls everything back. Rows are
 * locked in one global order (idempotency key, events of the case, numbers sorted by key, due row, outbox ids
 * sorted) so concurrent appends do not deadlock each other.
 *
 * <p><b>Claims.</b> {@link #claimOutbox} locks the rows it picks with {@code FOR UPDATE SKIP LOCKED}, and skips an
 * ordered send while an earlier unfinished, unparked ordered send of its case and target exists (a {@code NOT EXISTS}
 * on the partial index {@code outbox_ordered_sends}).
 *
 * <p><b>Several instances.</b> Any number of engines, in any number of processes, may share one database: every
 * guarantee comes from the database (constraints, row locks, {@code FOR UPDATE SKIP LOCKED}), none from memory of
 * this object, which holds no state beyond its configuration. It is thread-safe.
 *
 * <p><b>Connections.</b> The store takes a {@link DataSource} and borrows one connection per operation, closing it
 * after. In production pass the host's pooled data source; {@link #dataSource(String, String, String)} gives the
 * driver's non-pooling one (a new connection per operation), which is enough for tests and demos.
 *
 * <pre>{@code
 * CaseStore store = PostgresCaseStore.builder(PostgresCaseStore.dataSource(url, user, password)).build();
 * }</pre>
 */
public final class PostgresCaseStore implements CaseStore {
    /** The schema files, in order; file {@code i} brings the schema to version {@code i + 1}. */
    static final List<String> MIGRATIONS = List.of("V1__case_store.sql", "V2__tenant_scoped_keys.sql",
            "V3__number_values.sql");

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final String schema;
    final Sql sql;

    private PostgresCaseStore(Builder builder) {
        this.dataSource = builder.dataSource;
        this.schema = builder.schema;
        this.sql = new Sql(schema);
    }

    /** A builder for a store on this data source. */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * The driver's non-pooling data source: every {@link DataSource#getConnection()} opens a new connection.
     *
     * @param jdbcUrl e.g. {@code jdbc:postgresql://127.0.0.1:55432/returnsync}
     * @param user the user
     * @param password the password, or null
     */
    public static DataSource dataSource(String jdbcUrl, String user, String password) {
        Objects.requireNonNull(jdbcUrl, "jdbc url must not be null");
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(jdbcUrl);
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    /** The schema the store's tables live in. */
    public String schema() {
        return schema;
    }

    /** The version of the schema in the database, 0 when none was applied. */
    public int schemaVersion() {
        try (Connection connection = dataSource.getConnection()) {
            return readSchemaVersion(connection);
        } catch (SQLException e) {
            throw new PostgresStoreException("read the schema version", e);
        }
    }

    // --------------------------------------------------------------------------------------------- schema

    private void migrate() {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                    lock.setString(1, "returnsync.schema." + schema);
                    lock.execute();
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
                    statement.execute("CREATE TABLE IF NOT EXISTS " + schema + ".schema_version ("
                            + "version integer PRIMARY KEY, script text NOT NULL, "
                            + "applied_at timestamptz NOT NULL DEFAULT now())");
                }
                int current = readSchemaVersion(connection);
                if (current > MIGRATIONS.size()) {
                    throw new PostgresStoreException("the schema " + schema + " is at version " + current
                            + ", newer than this code knows (" + MIGRATIONS.size() + ")");
                }
                for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
                    String script = MIGRATIONS.get(version - 1);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute(readScript(script).replace("${schema}", schema));
                    }
                    try (PreparedStatement record = connection.prepareStatement(
                            "INSERT INTO " + schema + ".schema_version (version, script) VALUES (?, ?)")) {
                        record.setInt(1, version);
                        record.setString(2, script);
                        record.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new PostgresStoreException("apply the schema to " + schema, e);
        }
    }

    private int readSchemaVersion(Connection connection) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, schema + ".schema_version");
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(version), 0) FROM " + schema + ".schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String readScript(String name) {
        try (InputStream in = PostgresCaseStore.class.getResourceAsStream("schema/" + name)) {
            if (in == null) {
                throw new PostgresStoreException("schema file schema/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading schema file " + name, e);
        }
    }

    // --------------------------------------------------------------------------------------------- reads

    @Override
    public Optional<CaseHistory> load(TenantId tenant, CaseId caseId) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(caseId, "case id must not be null");
        return read("load case " + caseId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.loadEvents)) {
                select.setString(1, tenant.value());
                select.setString(2, caseId.value());
                try (ResultSet rs = select.executeQuery()) {
                    List<ReturnEvent> events = new ArrayList<>();
                    while (rs.next()) {
                        long version = rs.getLong("version");
                        if (version != events.size() + 1) {
                            throw new PostgresStoreException("case " + caseId + " has a gap before version " + version);
                        }
                        events.add(EventCodec.decode(rs.getString("payload")));
                    }
                    return events.isEmpty() ? Optional.empty() : Optional.of(new CaseHistory(tenant, caseId, events));
                }
            }
        });
    }

    @Override
    public List<ReturnEvent> loadAfter(TenantId tenant, CaseId caseId, long afterVersion) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(caseId, "case id must not be null");
        if (afterVersion < 0) {
            throw new IllegalArgumentException("version must be zero or more, was " + afterVersion);
        }
        return read("load case " + caseId + " after version " + afterVersion, connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.loadEventsAfter)) {
                select.setString(1, tenant.value());
                select.setString(2, caseId.value());
                select.setLong(3, afterVersion);
                try (ResultSet rs = select.executeQuery()) {
                    List<ReturnEvent> events = new ArrayList<>();
                    while (rs.next()) {
                        long version = rs.getLong("version");
                        if (version != afterVersion + events.size() + 1) {
                            throw new PostgresStoreException("case " + caseId + " has a gap before version " + version);
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
        return read("find a number", connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql.findNumber)) {
                select.setString(1, tenant.value());
                select.setString(2, number.uniquenessKey());
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.of(link(tenant, rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<NumberLink> findByValue(TenantId tenant, NumberKind kind, String value, int limit) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(value, "value must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, was " + limit);
        }
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
            try (PreparedStatement select = connection.prepareStatement(after == null ? sql.findDue
                    : sql.findDueAfter)) {
                int p = 1;
                select.setObject(p++, timestamp(dueAtOrBefore));
                if (after != null) {
                    select.setObject(p++, timestamp(after.dueAt()));
                    select.setString(p++, after.tenant().value());
                    select.setString(p++, after.caseId().value());
                }
                select.setInt(p, limit);
                try (ResultSet rs = select.executeQuery()) {
                    List<DueCase> due = new ArrayList<>();
                    while (rs.next()) {
                        due.add(new DueCase(TenantId.of(rs.getString("tenant")), CaseId.of(rs.getString("case_id")),
                                instant(rs, "due_at")));
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

    // --------------------------------------------------------------------------------------------- append

    @Override
    public void append(AppendBatch batch) {
        Objects.requireNonNull(batch, "batch must not be null");
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            try {
                appendIn(connection, batch);
                connection.commit();
                return;
            } catch (SQLException | RuntimeException e) {
                rollback(connection, e);
                if (!(e instanceof SQLException sqlError) || !isUniqueViolation(sqlError)) {
                    throw e;
                }
                // a concurrent append won a race that the constraint decided; rolled back, report it typed
                throw uniqueViolation(connection, batch, sqlError);
            }
        } catch (SQLException e) {
            throw new PostgresStoreException("append to case " + batch.caseId(), e);
        }
    }

    private void appendIn(Connection connection, AppendBatch batch) throws SQLException {
        // 1. idempotency: the key is inserted first; a taken key inserts nothing
        IdempotencyRecord record = batch.idempotency();
        if (record != null) {
            try (PreparedStatement insert = connection.prepareStatement(sql.insertIdempotency)) {
                insert.setString(1, record.tenant().value());
                insert.setString(2, record.key().value());
                insert.setString(3, record.fingerprint());
                insert.setString(4, record.caseId().value());
                insert.setLong(5, record.firstVersion());
                insert.setLong(6, record.lastVersion());
                if (insert.executeUpdate() == 0) {
                    throw new IdempotencyKeyTakenException(record.tenant(), record.key());
                }
            }
        }
        // 2. version: compare, then insert; a concurrent winner makes the insert violate events_pkey
        long actual = currentVersion(connection, batch.tenant(), batch.caseId());
        if (actual != batch.expectedVersion()) {
            throw new VersionConflictException(batch.caseId(), batch.expectedVersion(), actual);
        }
        try (PreparedStatement insert = connection.prepareStatement(sql.insertEvent)) {
            long version = batch.expectedVersion();
            for (ReturnEvent event : batch.events()) {
                insert.setString(1, batch.tenant().value());
                insert.setString(2, batch.caseId().value());
                insert.setLong(3, ++version);
                insert.setString(4, event.type());
                insert.setObject(5, timestamp(event.at()));
                insert.setString(6, EventCodec.encode(event));
                insert.executeUpdate();
            }
        }
        // 3. numbers: insert, or update a link of this same case; zero rows means another case holds it
        List<NumberLink> links = new ArrayList<>(batch.links());
        links.sort(Comparator.comparing(link -> link.number().uniquenessKey()));
        try (PreparedStatement upsert = connection.prepareStatement(sql.upsertLink)) {
            for (NumberLink link : links) {
                ReturnNumber number = link.number();
                upsert.setString(1, number.uniquenessKey());
                upsert.setString(2, number.kind().name());
                upsert.setString(3, number.scope());
                upsert.setString(4, number.value());
                upsert.setString(5, link.tenant().value());
                upsert.setString(6, link.caseId().value());
                upsert.setString(7, link.leg() == null ? null : link.leg().value());
                upsert.setBoolean(8, link.superseded());
                if (upsert.executeUpdate() == 0) {
                    throw new NumberAlreadyLinkedException(number);
                }
            }
        }
        // 4. due time: set, move or remove
        if (batch.nextDueAt() == null) {
            try (PreparedStatement delete = connection.prepareStatement(sql.deleteDue)) {
                delete.setString(1, batch.tenant().value());
                delete.setString(2, batch.caseId().value());
                delete.executeUpdate();
            }
        } else {
            try (PreparedStatement upsert = connection.prepareStatement(sql.upsertDue)) {
                upsert.setString(1, batch.tenant().value());
                upsert.setString(2, batch.caseId().value());
                upsert.setObject(3, timestamp(batch.nextDueAt()));
                upsert.executeUpdate();
            }
        }
        // 5. outbox: an id that exists already is ignored
        List<OutboxEntry> entries = new ArrayList<>(batch.outbox());
        entries.sort(Comparator.comparing(OutboxEntry::id));
        try (PreparedStatement insert = connection.prepareStatement(sql.insertOutbox)) {
            for (OutboxEntry entry : entries) {
                insert.setString(1, entry.id());
                insert.setString(2, entry.tenant().value());
                insert.setString(3, entry.caseId().value());
                insert.setLong(4, entry.version());
                insert.setString(5, entry.effect().name());
                insert.setString(6, entry.target());
                insert.setInt(7, entry.attempts());
                insert.setObject(8, timestamp(entry.nextAttemptAt()));
                insert.setString(9, text(entry.lastError()));
                insert.setBoolean(10, entry.parked());
                insert.setString(11, entry.leaseOwner());
                insert.setObject(12, entry.leaseUntil() == null ? null : timestamp(entry.leaseUntil()));
                insert.executeUpdate();
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

    private static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /**
     * Maps a unique violation (SQLState 23505) to the contract's exception, by the constraint that was violated.
     * Only the events key can be violated in practice (the other inserts use ON CONFLICT); the rest is defence.
     * The message names this batch only, never the case that holds the key.
     */
    private RuntimeException uniqueViolation(Connection connection, AppendBatch batch, SQLException e)
            throws SQLException {
        String constraint = null;
        if (e instanceof PSQLException psql) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            constraint = message == null ? null : message.getConstraint();
        }
        if ("events_pkey".equals(constraint)) {
            connection.setAutoCommit(true);
            return new VersionConflictException(batch.caseId(), batch.expectedVersion(),
                    currentVersion(connection, batch.tenant(), batch.caseId()));
        }
        if ("idempotency_pkey".equals(constraint) && batch.idempotency() != null) {
            return new IdempotencyKeyTakenException(batch.tenant(), batch.idempotency().key());
        }
        if ("number_links_uniqueness_key".equals(constraint)) {
            for (NumberLink link : batch.links()) {
                Optional<NumberLink> holder = findByNumber(batch.tenant(), link.number());
                if (holder.isPresent() && !holder.get().caseId().equals(batch.caseId())) {
                    return new NumberAlreadyLinkedException(link.number());
                }
            }
        }
        return new PostgresStoreException("append to case " + batch.caseId(), e);
    }

    // --------------------------------------------------------------------------------------------- outbox

    @Override
    public List<OutboxEntry> claimOutbox(String owner, Instant now, Duration lease, int limit) {
        requireOwner(owner);
        Objects.requireNonNull(now, "now must not be null");
        Objects.requireNonNull(lease, "lease must not be null");
        if (lease.isZero() || lease.isNegative()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
        requirePositive("limit", limit);
        return write("claim outbox entries", connection -> {
            try (PreparedStatement claim = connection.prepareStatement(sql.claimOutbox)) {
                claim.setObject(1, timestamp(now));
                claim.setObject(2, timestamp(now));
                claim.setInt(3, limit);
                claim.setString(4, owner);
                claim.setObject(5, timestamp(now.plus(lease)));
                List<OutboxEntry> claimed = outboxEntries(claim);
                claimed.sort(Comparator.comparing(OutboxEntry::nextAttemptAt).thenComparing(OutboxEntry::id));
                return claimed;
            }
        });
    }

    @Override
    public boolean renewOutbox(String entryId, String owner, Instant now, Duration lease) {
        Objects.requireNonNull(entryId, "entry id must not be null");
        requireOwner(owner);
        Objects.requireNonNull(now, "now must not be null");
        Objects.requireNonNull(lease, "lease must not be null");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, was " + lease);
        }
        return write("renew the lease of outbox entry " + entryId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql.renewOutbox)) {
                update.setObject(1, timestamp(now.plus(lease)));
                update.setString(2, entryId);
                update.setString(3, owner);
                update.setObject(4, timestamp(now));
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean completeOutbox(String entryId, String owner) {
        Objects.requireNonNull(entryId, "entry id must not be null");
        requireOwner(owner);
        return write("complete outbox entry " + entryId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(sql.completeOutbox)) {
                delete.setString(1, entryId);
                delete.setString(2, owner);
                return delete.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean failOutbox(String entryId, String owner, String error, Instant nextAttemptAt, boolean park) {
        Objects.requireNonNull(entryId, "entry id must not be null");
        requireOwner(owner);
        Objects.requireNonNull(nextAttemptAt, "next attempt must not be null");
        return write("record a failure of outbox entry " + entryId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql.failOutbox)) {
                update.setString(1, text(error));
                update.setObject(2, timestamp(nextAttemptAt));
                update.setBoolean(3, park);
                update.setString(4, entryId);
                update.setString(5, owner);
                return update.executeUpdate() == 1;
            }
        });
    }

    @Override
    public int retryParked(TenantId tenant, CaseId caseId, Instant now) {
        Objects.requireNonNull(tenant, "tenant must not be null");
        Objects.requireNonNull(caseId, "case id must not be null");
        Objects.requireNonNull(now, "now must not be null");
        return write("retry the parked outbox entries of case " + caseId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(sql.retryParked)) {
                update.setObject(1, timestamp(now));
                update.setString(2, tenant.value());
                update.setString(3, caseId.value());
                return update.executeUpdate();
            }
        });
    }

    private static List<OutboxEntry> outboxEntries(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            List<OutboxEntry> entries = new ArrayList<>();
            while (rs.next()) {
                Instant leaseUntil = rs.getObject("lease_until") == null ? null : instant(rs, "lease_until");
                entries.add(new OutboxEntry(rs.getString("id"), TenantId.of(rs.getString("tenant")),
                        CaseId.of(rs.getString("case_id")), rs.getLong("version"), Effect.valueOf(rs.getString("effect")),
                        rs.getString("target"), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                        rs.getString("last_error"), rs.getBoolean("parked"), rs.getString("lease_owner"), leaseUntil));
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

    /** One read, auto-committed: a single statement sees one snapshot. */
    private <T> T read(String operation, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw new PostgresStoreException(operation, e);
        }
    }

    /** One write statement, auto-committed: its own transaction. */
    private <T> T write(String operation, Work<T> work) {
        return read(operation, work);
    }

    /** Rolls back after a failure; a failing rollback is added to the failure instead of hiding it. */
    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** PostgreSQL text cannot hold U+0000; it is stored as U+FFFD. */
    private static String text(String value) {
        return value == null ? null : value.replace('\u0000', '\uFFFD');
    }

    private static void requireOwner(String owner) {
        Objects.requireNonNull(owner, "owner must not be null");
        if (owner.isBlank()) {
            throw new IllegalArgumentException("owner must not be blank");
        }
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be at least 1, was " + value);
        }
    }

    /**
     * The effects that are ordered sends, as an SQL list; the partial index {@code outbox_ordered_sends} of
     * {@code V2__tenant_scoped_keys.sql} has the same list, so the claim's {@code NOT EXISTS} can use it.
     */
    static final String ORDERED_SENDS = Arrays.stream(Effect.values()).filter(Effect::isOrderedSend)
            .map(effect -> "'" + effect.name() + "'").collect(Collectors.joining(", "));

    /** The statements, with the schema name filled in. */
    static final class Sql {
        final String loadEvents;
        final String loadEventsAfter;
        final String currentVersion;
        final String insertEvent;
        final String findNumber;
        final String findValue;
        final String upsertLink;
        final String insertIdempotency;
        final String findIdempotency;
        final String deleteDue;
        final String upsertDue;
        final String findDue;
        final String findDueAfter;
        final String insertOutbox;
        final String outboxOf;
        final String claimOutbox;
        final String renewOutbox;
        final String completeOutbox;
        final String failOutbox;
        final String retryParked;

        Sql(String s) {
            String outboxColumns = "id, tenant, case_id, version, effect, target, attempts, next_attempt_at, last_error,"
                    + " parked, lease_owner, lease_until";
            loadEvents = "SELECT version, payload FROM " + s + ".events WHERE tenant = ? AND case_id = ? ORDER BY version";
            loadEventsAfter = "SELECT version, payload FROM " + s + ".events WHERE tenant = ? AND case_id = ?"
                    + " AND version > ? ORDER BY version";
            currentVersion = "SELECT coalesce(max(version), 0) FROM " + s + ".events WHERE tenant = ? AND case_id = ?";
            insertEvent = "INSERT INTO " + s + ".events (tenant, case_id, version, type, at, payload)"
                    + " VALUES (?, ?, ?, ?, ?, ?::json)";
            findNumber = "SELECT kind, scope, value, case_id, leg, superseded FROM " + s + ".number_links"
                    + " WHERE tenant = ? AND uniqueness_key = ?";
            findValue = "SELECT kind, scope, value, case_id, leg, superseded FROM " + s + ".number_links"
                    + " WHERE tenant = ? AND value = ? AND kind IN (?, ?) ORDER BY uniqueness_key LIMIT ?";
            upsertLink = "INSERT INTO " + s + ".number_links AS l"
                    + " (uniqueness_key, kind, scope, value, tenant, case_id, leg, superseded)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (tenant, uniqueness_key) DO UPDATE SET kind = excluded.kind, scope = excluded.scope,"
                    + " value = excluded.value, leg = excluded.leg, superseded = excluded.superseded"
                    + " WHERE l.case_id = excluded.case_id";
            insertIdempotency = "INSERT INTO " + s + ".idempotency"
                    + " (tenant, key, fingerprint, case_id, first_version, last_version) VALUES (?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (tenant, key) DO NOTHING";
            findIdempotency = "SELECT fingerprint, case_id, first_version, last_version FROM " + s + ".idempotency"
                    + " WHERE tenant = ? AND key = ?";
            deleteDue = "DELETE FROM " + s + ".due_cases WHERE tenant = ? AND case_id = ?";
            upsertDue = "INSERT INTO " + s + ".due_cases (tenant, case_id, due_at) VALUES (?, ?, ?)"
                    + " ON CONFLICT (tenant, case_id) DO UPDATE SET due_at = excluded.due_at";
            findDue = "SELECT tenant, case_id, due_at FROM " + s + ".due_cases WHERE due_at <= ?"
                    + " ORDER BY due_at, tenant, case_id LIMIT ?";
            findDueAfter = "SELECT tenant, case_id, due_at FROM " + s + ".due_cases WHERE due_at <= ?"
                    + " AND (due_at, tenant, case_id) > (?, ?, ?) ORDER BY due_at, tenant, case_id LIMIT ?";
            insertOutbox = "INSERT INTO " + s + ".outbox (" + outboxColumns + ")"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
            outboxOf = "SELECT " + outboxColumns + " FROM " + s + ".outbox WHERE tenant = ? AND case_id = ?"
                    + " ORDER BY version, id";
            String orderedSend = "effect IN (" + ORDERED_SENDS + ")";
            claimOutbox = "WITH picked AS (SELECT o.id FROM " + s + ".outbox o"
                    + " WHERE NOT o.parked AND o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until <= ?)"
                    + " AND NOT (o." + orderedSend + " AND EXISTS (SELECT 1 FROM " + s + ".outbox e"
                    + " WHERE e.tenant = o.tenant AND e.case_id = o.case_id AND e.target = o.target"
                    + " AND e.version < o.version AND NOT e.parked AND e." + orderedSend + "))"
                    + " ORDER BY o.next_attempt_at, o.id LIMIT ? FOR UPDATE OF o SKIP LOCKED)"
                    + " UPDATE " + s + ".outbox o SET lease_owner = ?, lease_until = ? FROM picked"
                    + " WHERE o.id = picked.id RETURNING o.id, o.tenant, o.case_id, o.version, o.effect, o.target,"
                    + " o.attempts, o.next_attempt_at, o.last_error, o.parked, o.lease_owner, o.lease_until";
            renewOutbox = "UPDATE " + s + ".outbox SET lease_until = ? WHERE id = ? AND lease_owner = ?"
                    + " AND lease_until > ?";
            completeOutbox = "DELETE FROM " + s + ".outbox WHERE id = ? AND lease_owner = ?";
            failOutbox = "UPDATE " + s + ".outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
                    + " parked = ?, lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?";
            retryParked = "UPDATE " + s + ".outbox SET parked = false, attempts = 0, next_attempt_at = ?,"
                    + " lease_owner = NULL, lease_until = NULL WHERE tenant = ? AND case_id = ? AND parked";
        }
    }

    /** Builds a {@link PostgresCaseStore}; {@link #build()} applies the schema. */
    public static final class Builder {
        private final DataSource dataSource;
        private String schema = "returnsync";

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "data source must not be null");
        }

        /**
         * The schema for the store's tables; {@code returnsync} unless set. Lower-case letters, digits and
         * underscores, starting with a letter or underscore, at most 63 characters.
         */
        public Builder schema(String name) {
            Objects.requireNonNull(name, "schema must not be null");
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("schema must match " + IDENTIFIER.pattern() + ", was '" + name + "'");
            }
            this.schema = name;
            return this;
        }

        /**
         * Applies the schema files the database does not have yet, then returns the store.
         *
         * @throws PostgresStoreException if the database cannot be reached or the schema is newer than this code
         */
        public PostgresCaseStore build() {
            PostgresCaseStore store = new PostgresCaseStore(this);
            store.migrate();
            return store;
        }
    }
}
