package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.internal.Fingerprint;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.ReturnSyncException;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.ForwardingCaseStore;
import dev.returnsync.spi.store.OutboxEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The engine's edges: what a non-party learns (nothing more than about a missing case), what each party sees,
 * how store failures and taken numbers reach the host, the idempotency fingerprint and the twin replay.
 */
@Timeout(20)
class EdgeTrustTest {
    private static final CaseId CASE = CaseId.of("case-edge");
    private static final CustomerId STRANGER = CustomerId.of("c-stranger");

    private final TestClock clock = new TestClock(T0);
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final ReturnSyncEngine engine = engine(store);
    /** An engine whose store has no case at all: what a missing case answers. */
    private final ReturnSyncEngine empty = engine(new InMemoryCaseStore());

    private ReturnSyncEngine engine(CaseStore s) {
        return ReturnSyncEngine.builder().store(s).notifier(new InMemoryNotifier()).clock(clock).build();
    }

    @AfterEach
    void close() {
        engine.close();
        empty.close();
    }

    /** A case with legs of S1 and S2, both with supplier numbers, at a version well above 1. */
    private String twoLegCase() {
        engine.execute(submit(CASE, "AS-EDGE", List.of(line("SKU-1", S1, 1, 1, "10.00"),
                line("SKU-2", S2, 1, 1, "99.00"))));
        for (var s : List.of(S1, S2)) {
            engine.execute(open(CASE, s));
            engine.execute(agree(CASE, s));
            engine.execute(apply(CASE, s));
            engine.execute(issue(CASE, s, s.value().toUpperCase() + "-SECRET-NR"));
        }
        return engine.caseView(reseller(), CASE).state().resellerNumber().value();
    }

    /** Runs the same call against the engine with the case and against the empty one: same type, code, message. */
    private void assertAnsweredAsMissing(java.util.function.Function<ReturnSyncEngine, Object> call) {
        Throwable missing = assertThrows(Throwable.class, () -> call.apply(empty));
        Throwable foreign = assertThrows(Throwable.class, () -> call.apply(engine));
        assertEquals(missing.getClass(), foreign.getClass(), foreign.toString());
        assertInstanceOf(CaseNotFoundException.class, foreign, foreign.toString());
        assertEquals(missing.getMessage(), foreign.getMessage());
        assertEquals(((CommandRefusedException) missing).code(), ((CommandRefusedException) foreign).code());
    }

    @Test
    void aStrangerLearnsNeitherExistenceNorVersion() {
        twoLegCase();
        Command.ConfirmResult stranger = new Command.ConfirmResult(key(), Actor.customer(TENANT, STRANGER), 99L, null,
                CASE, S1);
        assertAnsweredAsMissing(e -> e.execute(stranger));
        Command.IssueSupplierNumber noLeg = new Command.IssueSupplierNumber(key(), supplier(S3), 99L, null, CASE, S3,
                ReturnNumber.supplierReturn(S3, "S3-1"));
        assertAnsweredAsMissing(e -> e.execute(noLeg));
        Command.OpenNegotiation otherTenant = new Command.OpenNegotiation(key(), Actor.reseller(OTHER_TENANT, "x"),
                99L, null, CASE, S1);
        assertAnsweredAsMissing(e -> e.execute(otherTenant));
    }

    @Test
    void aForeignCustomerAndASupplierWithoutALegAreAnsweredAsForAMissingCase() {
        twoLegCase();
        Command.CancelReturn cancel = new Command.CancelReturn(key(), Actor.customer(TENANT, STRANGER), null, null, CASE, S1);
        assertAnsweredAsMissing(e -> e.execute(cancel));
        Command.AgreeReturn agree = new Command.AgreeReturn(key(), supplier(S3), null, null, CASE, S3,
                dev.returnsync.spi.OutcomeType.RETURN_AND_REFUND, List.of(), null, null, null, List.of());
        assertAnsweredAsMissing(e -> e.execute(agree));
    }

    @Test
    void queriesNameNoCommandAndAnswerForeignAsMissing() {
        twoLegCase();
        assertAnsweredAsMissing(e -> e.caseView(Actor.customer(TENANT, STRANGER), CASE));
        assertAnsweredAsMissing(e -> e.history(supplier(S3), CASE));
        CaseNotFoundException notFound = assertThrows(CaseNotFoundException.class,
                () -> engine.caseView(supplier(S3), CASE));
        assertFalse(notFound.getMessage().contains("SUBMIT_RETURN"), notFound.getMessage());
    }

    @Test
    void aCallbackOfASupplierWithoutALegIsAnsweredAsAnUnknownNumber() {
        String resellerNumber = twoLegCase();
        String unknown = "RS-000000-ZZZZZ";
        List<java.util.function.BiFunction<String, String, Object>> callbacks = List.of(
                (number, id) -> engine.supplierCallbacks(TENANT, S3).forReturn(number).numberIssued("S3-1",
                        IdempotencyKey.of(id)),
                (number, id) -> engine.supplierCallbacks(TENANT, S3).forReturn(number).declined(
                        Reason.of(ReasonCode.OTHER, "no"), IdempotencyKey.of(id)),
                (number, id) -> engine.supplierCallbacks(TENANT, S3).forReturn(number).received(
                        List.of(LineQuantity.of("SKU-1", 1)), IdempotencyKey.of(id)));
        List<String> named = List.of("ISSUE_SUPPLIER_NUMBER", "DECLINE_RETURN", "CONFIRM_RECEIPT");
        for (int i = 0; i < callbacks.size(); i++) {
            var callback = callbacks.get(i);
            int n = i;
            CommandRefusedException onUnknown = assertThrows(CommandRefusedException.class,
                    () -> callback.apply(unknown, "evt-u" + n));
            CommandRefusedException onForeign = assertThrows(CommandRefusedException.class,
                    () -> callback.apply(resellerNumber, "evt-f" + n));
            assertEquals(onUnknown.getClass(), onForeign.getClass());
            assertEquals(Refusal.Code.CASE_NOT_FOUND, onForeign.code());
            assertEquals(onUnknown.getMessage(), onForeign.getMessage(), "byte for byte");
            assertFalse(onForeign.getMessage().contains(CASE.value()), onForeign.getMessage());
            assertNull(onForeign.caseId(), "no case id to a non-party");
            assertTrue(onForeign.getMessage().contains(named.get(i)), onForeign.getMessage());
        }
    }

    @Test
    void aSupplierSeesItsOwnLegAndOutboxOnlyAndACustomerNoOutboxDetail() {
        twoLegCase();
        CaseView s1 = engine.caseView(supplier(S1), CASE);
        assertEquals(List.of(S1), s1.state().legs().stream().map(Leg::supplier).toList());
        for (OutboxEntry entry : concat(s1.pending(), s1.parked())) {
            assertEquals(S1.value(), entry.target(), "an entry that concerns another party: " + entry);
        }
        assertFalse(s1.toString().contains("S2-SECRET-NR") || s1.toString().contains("SKU-2"), s1.toString());
        assertFalse(engine.history(supplier(S1), CASE).toString().contains("SKU-2"),
                "the request's lines of another supplier");
        CaseView customer = engine.caseView(customer(), CASE);
        assertEquals(2, customer.state().legs().size(), "the customer sees every leg of their return");
        assertEquals(List.of(), concat(customer.pending(), customer.parked()), "no outbox detail for a customer");
        CaseView reseller = engine.caseView(reseller(), CASE);
        assertEquals(2, reseller.state().legs().size());
        assertFalse(reseller.pending().isEmpty(), "the reseller sees the work still to do");
    }

    private static List<OutboxEntry> concat(List<OutboxEntry> a, List<OutboxEntry> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    @Test
    void aStoreFailureReachesTheHostTypedWithItsCause() {
        AtomicBoolean broken = new AtomicBoolean();
        AtomicBoolean appendBroken = new AtomicBoolean();
        IllegalStateException cause = new IllegalStateException("connection reset");
        CaseStore flaky = new ForwardingCaseStore(store) {
            @Override
            public Optional<CaseHistory> load(dev.returnsync.spi.TenantId tenant, CaseId caseId) {
                if (broken.get()) {
                    throw cause;
                }
                return super.load(tenant, caseId);
            }

            @Override
            public Optional<dev.returnsync.spi.NumberLink> findByNumber(dev.returnsync.spi.TenantId tenant, ReturnNumber number) {
                if (broken.get()) {
                    throw cause;
                }
                return super.findByNumber(tenant, number);
            }

            @Override
            public void append(AppendBatch batch) {
                if (appendBroken.get()) {
                    throw cause;
                }
                super.append(batch);
            }
        };
        ReturnSyncEngine host = ReturnSyncEngine.builder().store(flaky).notifier(new InMemoryNotifier()).clock(clock)
                .engineConfig(EngineConfig.custom().foldCacheSize(0).build()).build();
        host.execute(submit(CASE, "AS-1", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        String resellerNumber = host.caseView(reseller(), CASE).state().resellerNumber().value();
        appendBroken.set(true);
        assertCausedByTheStore(cause, () -> host.execute(open(CASE, S1)));
        appendBroken.set(false);
        broken.set(true);
        List<Executable> calls = List.of(
                () -> host.execute(open(CASE, S1)),
                () -> host.caseView(reseller(), CASE),
                () -> host.history(reseller(), CASE),
                () -> host.findByNumber(reseller(), ReturnNumber.customerRequest(TENANT, "AS-1")),
                () -> host.lookup(customer(), "AS-1"),
                () -> host.supplierCallbacks(TENANT, S1).forReturn(resellerNumber)
                        .declined(Reason.of(ReasonCode.OTHER, "no"),
                        IdempotencyKey.of("evt-store")));
        for (Executable call : calls) {
            assertCausedByTheStore(cause, call);
        }
        appendBroken.set(true);   // a submission reads nothing before its append
        assertCausedByTheStore(cause,
                () -> host.execute(submit(CaseId.of("case-2"), "AS-2", List.of(line("SKU-1", S1, 1, 1, "1.00")))));
        host.close();
    }

    @Test
    void storedDataThatCannotBeReadIsAStoreFailureThatARetryCannotMend() {
        dev.returnsync.spi.codec.EventCodecException corrupt =
                new dev.returnsync.spi.codec.EventCodecException("lines[0]", "must not be null");
        CaseStore damaged = new ForwardingCaseStore(store) {
            @Override
            public Optional<CaseHistory> load(dev.returnsync.spi.TenantId tenant, CaseId caseId) {
                throw corrupt;
            }
        };
        ReturnSyncEngine host = ReturnSyncEngine.builder().store(damaged).notifier(new InMemoryNotifier())
                .clock(clock).build();
        StoreException e = assertThrows(StoreException.class, () -> host.caseView(reseller(), CASE));
        assertSame(corrupt, e.getCause());
        assertFalse(e.retryable());
        assertFalse(ReturnSyncErrors.retryable(e));
        host.close();
        assertFalse(ReturnSyncErrors.retryable(assertThrows(InvalidCommandException.class, () -> engine.execute(
                new Command.OpenNegotiation(key(), reseller(), -1L, null, CASE, S1)))));
        assertFalse(ReturnSyncErrors.retryable(new IllegalStateException("a bug")));
    }

    private static void assertCausedByTheStore(Throwable cause, Executable call) {
        ReturnSyncException e = assertThrows(ReturnSyncException.class, call);
        assertSame(cause, e.getCause());
        StoreException typed = assertInstanceOf(StoreException.class, e);
        assertTrue(typed.retryable());
        assertTrue(ReturnSyncErrors.retryable(e));
        assertFalse(e.getMessage().contains("connection reset"), "the store's message is not echoed");
    }

    @Test
    void aTakenNumberIsARefusalNamingTheAskersOwnNumber() {
        twoLegCase();
        CaseId other = CaseId.of("case-other");
        engine.execute(submit(other, "AS-OTHER", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        engine.execute(open(other, S1));
        engine.execute(agree(other, S1));
        engine.execute(apply(other, S1));
        CommandRefusedException e = assertThrows(CommandRefusedException.class,
                () -> engine.execute(issue(other, S1, "SUP-1-SECRET-NR")));
        assertEquals(Refusal.Code.NUMBER_TAKEN, e.code());
        assertEquals(other, e.caseId());
        assertTrue(e.getMessage().contains("SUP-1-SECRET-NR"), e.getMessage());
        assertFalse(e.getMessage().contains(CASE.value()) || e.getMessage().contains("AS-EDGE"), e.getMessage());
        assertFalse(ReturnSyncErrors.retryable(e));
    }

    private static Evidence doc(String reference) {
        return Evidence.of(EvidenceKind.DOCUMENT, reference);
    }

    @Test
    void theFingerprintIsSha256OverAnUnambiguousEncoding() {
        Command.DeclineReturn a = new Command.DeclineReturn(IdempotencyKey.of("k"), supplier(S1), null, null, CASE, S1,
                new Reason(ReasonCode.OTHER, "ab", List.of(doc("c"))));
        Command.DeclineReturn b = new Command.DeclineReturn(IdempotencyKey.of("k"), supplier(S1), null, null, CASE, S1,
                new Reason(ReasonCode.OTHER, "a", List.of(doc("bc"))));
        String fa = Fingerprint.of(a);
        assertTrue(fa.matches("[0-9a-f]{64}"), "256 bits: " + fa);
        assertNotEquals(fa, Fingerprint.of(b));
        assertEquals(fa, Fingerprint.of(new Command.DeclineReturn(IdempotencyKey.of("k"), supplier(S1), null, null, CASE,
                S1, new Reason(ReasonCode.OTHER, "ab", List.of(doc("c"))))), "stable");
    }

    @Test
    void aReplayWhoseEventsLagGivesUpQuicklyWithARetryableError() {
        AtomicInteger loads = new AtomicInteger();
        AtomicBoolean lagging = new AtomicBoolean();
        CaseStore lag = new ForwardingCaseStore(store) {
            @Override
            public Optional<CaseHistory> load(dev.returnsync.spi.TenantId tenant, CaseId caseId) {
                loads.incrementAndGet();
                Optional<CaseHistory> real = super.load(tenant, caseId);
                if (lagging.get() && real.isPresent()) {
                    List<dev.returnsync.spi.ReturnEvent> events = real.get().events();
                    return Optional.of(new CaseHistory(real.get().tenant(), caseId, events.subList(0, events.size() - 1)));
                }
                return real;
            }
        };
        ReturnSyncEngine host = ReturnSyncEngine.builder().store(lag).notifier(new InMemoryNotifier()).clock(clock)
                .engineConfig(EngineConfig.custom().foldCacheSize(0).build()).build();
        host.execute(submit(CASE, "AS-1", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        Command.OpenNegotiation open = open(CASE, S1);
        host.execute(open);
        lagging.set(true);
        loads.set(0);
        ReturnSyncException e = assertThrows(ReturnSyncException.class, () -> host.execute(open));
        assertTrue(loads.get() <= 10, "bounded re-reads, not a spin: " + loads.get());
        assertTrue(ReturnSyncErrors.retryable(e), e.toString());
        lagging.set(false);
        assertTrue(host.execute(open).replayed(), "the retry replays once the events are visible");
        host.close();
    }
}
