package dev.returnsync.store.postgres;

import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.DueCase;
import dev.returnsync.spi.store.ForwardingCaseStore;
import dev.returnsync.spi.store.IdempotencyKeyTakenException;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.store.VersionConflictException;
import dev.returnsync.testkit.contract.CaseStoreContract;
import dev.returnsync.testkit.contract.ContractRun;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that {@link CaseStoreContract} can fail: it runs the suite, through the JUnit Platform launcher, against
 * deliberately broken stores (the PostgreSQL store with one guarantee knocked out by a wrapper) and asserts that
 * the tests aimed at that guarantee fail; and against the intact wrapper, which must pass everything, so the
 * failures come from the breakage and nothing else.
 *
 * <p>The broken suites are static nested classes, which Surefire does not run by itself.
 */
class BrokenStoreDetectionTest {
    private static final String SCHEMA = "broken_store_test";
    private static HikariDataSource dataSource;
    private static PostgresCaseStore real;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.postgres().pool(8);
        real = PostgresCaseStore.builder(dataSource).schema(SCHEMA).build();
    }

    @AfterAll
    static void closePool() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    static Stream<Arguments> brokenStores() {
        return Stream.of(
                Arguments.of(NoVersionCheck.class, Set.of("wrongExpectedVersionIsRefused", "unknownCaseIsAtVersionZero",
                        "concurrentAppendsExactlyOneWins", "concurrentCreationExactlyOneWins", "versionCheckedBeforeNumbers")),
                Arguments.of(SupersededNumbersLost.class, Set.of("findByNumberForEveryKind",
                        "supersedeUpdatesTheLinkOnTheSameCase")),
                Arguments.of(LeasesIgnored.class, Set.of("claimTakesDueEntriesAndLeasesThem", "expiredLeaseIsReclaimable")),
                Arguments.of(IdempotencyLeftBehind.class, Set.of("wrongExpectedVersionIsRefused",
                        "numberTakenLeavesNothing", "numberTakenOnExistingCaseLeavesItUnchanged")),
                Arguments.of(CompletedByAnyone.class, Set.of("completeOnlyByOwner", "expiredLeaseIsReclaimable")),
                Arguments.of(DueNeverRemoved.class, Set.of("dueTimeSetMovedRemoved")),
                Arguments.of(DueCursorIgnored.class, Set.of("duePagesContinueAfterTheCursor",
                        "duePagesSkipNothingAndRepeatNothing")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenStores")
    void the_contract_catches_a_broken_store(Class<? extends CaseStoreContract> suite, Set<String> mustFail) {
        Map<String, TestExecutionResult> results = ContractRun.run(suite);
        Set<String> failed = ContractRun.failed(results);
        System.out.println(suite.getSimpleName() + ": the contract failed " + failed);
        assertTrue(failed.containsAll(mustFail), suite.getSimpleName() + ": expected failures " + mustFail
                + " but failed were " + failed);
    }

    @Test
    void the_intact_wrapper_passes_every_contract_test() {
        Map<String, TestExecutionResult> results = ContractRun.run(Intact.class);
        assertEquals(Set.of(), ContractRun.failed(results), "failures of the intact store");
        long declared = Arrays.stream(CaseStoreContract.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(Test.class)).count();
        assertTrue(declared >= 30, "the contract has its tests: " + declared);
        assertEquals(declared, results.size(), "every contract test ran: " + results.keySet());
        results.forEach((name, result) -> assertEquals(TestExecutionResult.Status.SUCCESSFUL, result.getStatus(), name));
    }

    /** A fresh (emptied) real store, wrapped. */
    static CaseStore fresh(Function<CaseStore, CaseStore> wrapper) {
        PostgresTestStores.empty(dataSource, SCHEMA);
        return wrapper.apply(real);
    }

    private static void sql(String statement, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement prepared = connection.prepareStatement(statement.replace("${s}", SCHEMA))) {
            for (int i = 0; i < parameters.length; i++) {
                prepared.setObject(i + 1, parameters[i]);
            }
            prepared.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // --------------------------------------------------------------------------------------- the wrappers

    /** Passes everything on; the base of the broken stores. */
    static class Forwarding extends ForwardingCaseStore {
        final CaseStore delegate;

        Forwarding(CaseStore delegate) {
            super(delegate);
            this.delegate = delegate;
        }
    }

    /** Last writer wins: a version conflict is retried at the stored version. */
    static final class NoVersionCheckStore extends Forwarding {
        NoVersionCheckStore(CaseStore delegate) {
            super(delegate);
        }

        @Override
        public void append(AppendBatch batch) {
            AppendBatch attempt = batch;
            for (int i = 0; ; i++) {
                try {
                    delegate.append(attempt);
                    return;
                } catch (VersionConflictException e) {
                    if (i == 20) {
                        throw e;
                    }
                    attempt = new AppendBatch(batch.tenant(), batch.caseId(), e.actualVersion(), batch.events(),
                            batch.links(), batch.nextDueAt(), batch.outbox(), batch.idempotency());
                }
            }
        }
    }

    /** Superseded numbers no longer resolve. */
    static final class SupersededNumbersLostStore extends Forwarding {
        SupersededNumbersLostStore(CaseStore delegate) {
            super(delegate);
        }

        @Override
        public Optional<NumberLink> findByNumber(TenantId tenant, ReturnNumber number) {
            return delegate.findByNumber(tenant, number).filter(link -> !link.superseded());
        }
    }

    /** Claims take entries whatever their lease. */
    static final class LeasesIgnoredStore extends Forwarding {
        LeasesIgnoredStore(CaseStore delegate) {
            super(delegate);
        }

        @Override
        public List<OutboxEntry> claimOutbox(String owner, Instant now, Duration lease, int limit) {
            sql("UPDATE ${s}.outbox SET lease_owner = NULL, lease_until = NULL");
            return delegate.claimOutbox(owner, now, lease, limit);
        }
    }

    /**
     * Not atomic: a failed append still keeps its idempotency record (the schema keeps a record on its first event's
     * row, so the records left behind are kept beside the store).
     */
    static final class IdempotencyLeftBehindStore extends Forwarding {
        private final Map<IdempotencyKey, IdempotencyRecord> leftBehind = new ConcurrentHashMap<>();

        IdempotencyLeftBehindStore(CaseStore delegate) {
            super(delegate);
        }

        @Override
        public void append(AppendBatch batch) {
            try {
                delegate.append(batch);
            } catch (RuntimeException e) {
                IdempotencyRecord r = batch.idempotency();
                if (r != null && !(e instanceof IdempotencyKeyTakenException)) {
                    leftBehind.putIfAbsent(r.key(), r);
                }
                throw e;
            }
        }

        @Override
        public Optional<IdempotencyRecord> findIdempotency(TenantId tenant, IdempotencyKey key) {
            IdempotencyRecord r = leftBehind.get(key);
            return r != null && r.tenant().equals(tenant) ? Optional.of(r) : delegate.findIdempotency(tenant, key);
        }
    }

    /** Anyone may complete an entry, lease or not. */
    static final class CompletedByAnyoneStore extends Forwarding {
        CompletedByAnyoneStore(CaseStore delegate) {
            super(delegate);
        }

        @Override
        public boolean completeOutbox(String entryId, String owner) {
            boolean exists = hasEntry(entryId);
            sql("DELETE FROM ${s}.outbox WHERE id = ?", entryId);
            return exists;
        }

        private static boolean hasEntry(String id) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + SCHEMA + ".outbox WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A batch without a due time leaves the old one in place. */
    static final class DueNeverRemovedStore extends Forwarding {
        DueNeverRemovedStore(CaseStore delegate) {
            super(delegate);
        }

        @Override
        public void append(AppendBatch batch) {
            Instant kept = null;
            if (batch.nextDueAt() == null) {
                try (Connection connection = dataSource.getConnection();
                     PreparedStatement select = connection.prepareStatement(
                             "SELECT due_at FROM " + SCHEMA + ".due_cases WHERE case_id = ?")) {
                    select.setString(1, batch.caseId().value());
                    try (ResultSet rs = select.executeQuery()) {
                        kept = rs.next() ? rs.getObject(1, OffsetDateTime.class).toInstant() : null;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
            delegate.append(kept == null ? batch : new AppendBatch(batch.tenant(), batch.caseId(),
                    batch.expectedVersion(), batch.events(), batch.links(), kept, batch.outbox(), batch.idempotency()));
        }
    }

    /** Every page of the due index is the first page: the cursor is ignored. */
    static final class DueCursorIgnoredStore extends Forwarding {
        DueCursorIgnoredStore(CaseStore delegate) {
            super(delegate);
        }

        @Override
        public List<DueCase> findDue(Instant dueAtOrBefore, DueCase after, int limit) {
            return delegate.findDue(dueAtOrBefore, null, limit);
        }
    }

    // --------------------------------------------------------------------------------------- the suites

    static class Intact extends CaseStoreContract {
        @Override
        protected CaseStore createStore() {
            return fresh(Forwarding::new);
        }
    }

    static class NoVersionCheck extends CaseStoreContract {
        @Override
        protected CaseStore createStore() {
            return fresh(NoVersionCheckStore::new);
        }
    }

    static class SupersededNumbersLost extends CaseStoreContract {
        @Override
        protected CaseStore createStore() {
            return fresh(SupersededNumbersLostStore::new);
        }
    }

    static class LeasesIgnored extends CaseStoreContract {
        @Override
        protected CaseStore createStore() {
            return fresh(LeasesIgnoredStore::new);
        }
    }

    static class IdempotencyLeftBehind extends CaseStoreContract {
        @Override
        protected CaseStore createStore() {
            return fresh(IdempotencyLeftBehindStore::new);
        }
    }

    static class CompletedByAnyone extends CaseStoreContract {
        @Override
        protected CaseStore createStore() {
            return fresh(CompletedByAnyoneStore::new);
        }
    }

    static class DueNeverRemoved extends CaseStoreContract {
        @Override
        protected CaseStore createStore() {
            return fresh(DueNeverRemovedStore::new);
        }
    }

    static class DueCursorIgnored extends CaseStoreContract {
        @Override
        protected CaseStore createStore() {
            return fresh(DueCursorIgnoredStore::new);
        }
    }
}
