package dev.returnsync.store.jdbc.testing;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.codec.EventCodec;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.store.VersionConflictException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The losing side of a real race, made deterministic: another transaction holds an uncommitted row that an append
 * needs (the next version of the case, a number), the append waits for its lock, and when the rival commits the
 * append fails on the key, rolls back, and reports the conflict the contract names, leaving nothing. A store module's
 * test extends this class and says where the tables are and how its database binds JSON and times.
 */
@Timeout(60)
public abstract class AppendRaceContract {
    private static final TenantId TENANT = TenantId.of("t-1");
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private CaseStore store;

    /** {@return the data source the store and the rival connection use} */
    protected abstract DataSource dataSource();

    /** {@return the store, on an empty database} */
    protected abstract CaseStore emptyStore();

    /**
     * A store table's name as a statement writes it, e.g. {@code returnsync_events}.
     *
     * @param name the table's unqualified name, e.g. {@code events}
     * @return the name as a statement writes it
     */
    protected abstract String table(String name);

    /** {@return the parameter marker of the JSON payload column, e.g. {@code ?::json}} */
    protected abstract String jsonParameter();

    /**
     * A time as the driver binds it to the database's time column.
     *
     * @param instant the time
     * @return the value to bind, e.g. a {@code Timestamp} or {@code OffsetDateTime}
     */
    protected abstract Object time(Instant instant);

    /**
     * Returns once the append waits for the rival's lock (at the latest after a while).
     *
     * @throws Exception if waiting fails or is interrupted
     */
    protected void awaitBlocked() throws Exception {
        Thread.sleep(500);
    }

    @BeforeEach
    void freshStore() {
        store = emptyStore();
    }

    private static AppendBatch open(String caseId, String customerNo) {
        return opened(caseId, customerNo, List.of());
    }

    private static AppendBatch opened(String caseId, String customerNo, List<OutboxEntry> outbox) {
        CustomerId customer = CustomerId.of("c-" + caseId);
        ReturnEvent.ReturnRequested event = new ReturnEvent.ReturnRequested(T0, Actor.customer(TENANT, customer),
                CaseId.of(caseId), customer, OrderId.of("o-1"), ReturnNumber.customerRequest(TENANT, customerNo),
                ReturnNumber.resellerReturn(TENANT, "R-" + caseId),
                List.of(new ReturnLine(Sku.of("sku-1"), SupplierId.of("s-1"), 1, 1, Money.of("CNY", "9.90"))),
                Reason.of(ReasonCode.SIZE_OR_FIT, "尺码偏小"), OutcomeType.RETURN_AND_REFUND, T0.minusSeconds(3600));
        return new AppendBatch(TENANT, CaseId.of(caseId), 0, List.of(event),
                List.of(new NumberLink(event.customerNumber(), TENANT, event.caseId(), null, false)), null, outbox, null);
    }

    private static OutboxEntry entry(String caseId, String target, Instant due) {
        return OutboxEntry.pending(TENANT, CaseId.of(caseId), 1, Effect.NOTIFY, target, due);
    }

    @Test
    void losing_the_primary_key_race_is_a_version_conflict() throws Exception {
        store.append(open("case-1", "C-1"));
        ReturnEvent next = new ReturnEvent.NegotiationOpened(T0.plusSeconds(1), Actor.reseller(TENANT, "u"),
                SupplierId.of("s-1"));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection rival = dataSource().getConnection()) {
            rival.setAutoCommit(false);
            try (PreparedStatement insert = rival.prepareStatement("INSERT INTO " + table("events")
                    + " (tenant, case_id, version, type, at, payload) VALUES (?, ?, ?, ?, ?, " + jsonParameter() + ")")) {
                insert.setString(1, TENANT.value());
                insert.setString(2, "case-1");
                insert.setLong(3, 2);
                insert.setString(4, next.type());
                insert.setObject(5, time(next.at()));
                insert.setString(6, EventCodec.encode(next));
                insert.executeUpdate();
            }
            Future<?> loser = pool.submit(() -> store.append(new AppendBatch(TENANT, CaseId.of("case-1"), 1,
                    List.of(next), List.of(), null, List.of(), null)));
            awaitBlocked();
            assertFalse(loser.isDone(), "the append waits for the rival's row lock");
            rival.commit();
            ExecutionException e = assertThrows(ExecutionException.class, () -> loser.get(30, TimeUnit.SECONDS));
            VersionConflictException conflict = assertInstanceOf(VersionConflictException.class, e.getCause());
            assertEquals(1, conflict.expectedVersion());
            assertEquals(2, conflict.actualVersion());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, store.load(TENANT, CaseId.of("case-1")).orElseThrow().version());
    }

    @Test
    void losing_the_number_race_is_a_number_conflict_that_names_no_other_case() throws Exception {
        ReturnNumber number = ReturnNumber.customerRequest(TENANT, "C-1");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection rival = dataSource().getConnection()) {
            rival.setAutoCommit(false);
            try (PreparedStatement insert = rival.prepareStatement("INSERT INTO " + table("number_links")
                    + " (tenant, uniqueness_key, kind, scope, value, case_id, leg, superseded)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, TENANT.value());
                insert.setString(2, number.uniquenessKey());
                insert.setString(3, number.kind().name());
                insert.setString(4, number.scope());
                insert.setString(5, number.value());
                insert.setString(6, "secret-case");
                insert.setString(7, null);
                insert.setBoolean(8, false);
                insert.executeUpdate();
            }
            Future<?> loser = pool.submit(() -> store.append(open("case-1", "C-1")));
            awaitBlocked();
            assertFalse(loser.isDone(), "the append waits for the rival's row lock");
            rival.commit();
            ExecutionException e = assertThrows(ExecutionException.class, () -> loser.get(30, TimeUnit.SECONDS));
            NumberAlreadyLinkedException taken = assertInstanceOf(NumberAlreadyLinkedException.class, e.getCause());
            assertEquals(number, taken.number());
            assertFalse(taken.getMessage().contains("secret"), taken.getMessage());
        } finally {
            pool.shutdownNow();
        }
        assertTrue(store.load(TENANT, CaseId.of("case-1")).isEmpty(), "the losing append left nothing");
    }

    @Test
    void losing_the_outbox_work_race_leaves_the_entry_out_and_appends_the_rest() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection rival = dataSource().getConnection()) {
            rival.setAutoCommit(false);
            try (PreparedStatement insert = rival.prepareStatement("INSERT INTO " + table("outbox")
                    + " (tenant, case_id, version, effect, target, attempts, next_attempt_at, last_error, parked,"
                    + " lease_owner, lease_until) VALUES (?, ?, 1, ?, ?, 0, ?, 'rival', ?, NULL, NULL)")) {
                insert.setString(1, TENANT.value());
                insert.setString(2, "case-1");
                insert.setString(3, Effect.NOTIFY.name());
                insert.setString(4, "CUSTOMER:c-1");
                insert.setObject(5, time(T0));
                insert.setBoolean(6, false);
                insert.executeUpdate();
            }
            Future<?> append = pool.submit(() -> store.append(opened("case-1", "C-1",
                    List.of(entry("case-1", "CUSTOMER:c-1", T0), entry("case-1", "CUSTOMER:c-2", T0)))));
            awaitBlocked();
            assertFalse(append.isDone(), "the append waits for the rival's row lock");
            rival.commit();
            append.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, store.load(TENANT, CaseId.of("case-1")).orElseThrow().version());
        List<OutboxEntry> stored = store.outboxOf(TENANT, CaseId.of("case-1"));
        assertEquals(List.of("CUSTOMER:c-1", "CUSTOMER:c-2"), stored.stream().map(OutboxEntry::target).toList());
        assertEquals("rival", stored.get(0).lastError(), "an entry whose work is stored already is ignored");
        assertEquals(null, stored.get(1).lastError(), "the rest is appended");
    }

    @Test
    void an_id_repeated_in_one_batch_is_stored_once_as_its_first_entry() {
        store.append(opened("case-1", "C-1", List.of(entry("case-1", "x", T0), entry("case-1", "w", T0),
                entry("case-1", "x", T0.plusSeconds(1)))));
        List<OutboxEntry> stored = store.outboxOf(TENANT, CaseId.of("case-1"));
        assertEquals(List.of("w", "x"), stored.stream().map(OutboxEntry::target).sorted().toList());
        assertTrue(stored.stream().anyMatch(e -> e.target().equals("x") && e.nextAttemptAt().equals(T0)),
                stored.toString());
    }

    @Test
    void a_twin_append_is_a_version_conflict_and_leaves_no_outbox_row() {
        OutboxEntry entry = entry("case-1", "CUSTOMER:c-1", T0);
        AppendBatch batch = opened("case-1", "C-1", List.of(entry));
        store.append(batch);
        assertEquals(1, store.claimOutbox("owner", T0, Duration.ofMinutes(1), 10).size());
        assertTrue(store.completeOutbox(entry.id(), "owner"), "the entry is done and its row deleted");

        VersionConflictException twin = assertThrows(VersionConflictException.class, () -> store.append(batch));
        assertEquals(1, twin.actualVersion());
        assertEquals(List.of(), store.outboxOf(TENANT, CaseId.of("case-1")), "the refused twin wrote no outbox row");
        assertEquals(1, store.load(TENANT, CaseId.of("case-1")).orElseThrow().version());
    }
}
