package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Guard;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.ForwardingCaseStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Cases that stay in the due index after a run (a refused or failed deadline, an index entry that no leg backs) sit
 * at the head of the index; the runner must still reach every due case behind them, in the same run.
 */
@Timeout(10)
class DeadlinePagingTest {
    private static final int PAGE = 2;
    private static final EngineConfig SMALL_PAGES = EngineConfig.custom().deadlineBatchSize(PAGE).build();
    private static final List<CaseId> HEAD = List.of(CaseId.of("case-head-1"), CaseId.of("case-head-2"),
            CaseId.of("case-head-3"));
    private static final CaseId BEHIND = CaseId.of("case-behind");

    private final TestClock clock = new TestClock(T0);
    private final CaseStore store = new InMemoryCaseStore();

    @Test
    void refusedDeadlinesAtTheHeadOfTheIndexDoNotStarveTheCasesBehindThem() {
        Guard holdHead = Guard.named("hold-head").on(Command.FireDeadline.class)
                .refuseWhen((fire, current, ctx) -> HEAD.contains(fire.caseId()), "held by the host");
        ReturnWorkflow workflow = ReturnWorkflow.builder().guard(holdHead).build();
        try (ReturnSyncEngine engine = engine(workflow)) {
            openHeadThenBehind(engine);
            clock.advance(Duration.ofHours(48));

            DeadlineReport report = engine.runDue();

            assertEquals(new DeadlineReport(1, HEAD.size(), 0, 0), report);
            assertEquals(LegState.NEGOTIATING, escalatedIn(engine, BEHIND), "the case behind the held ones fired");
            for (CaseId c : HEAD) {
                assertNull(escalatedIn(engine, c));
            }
            assertEquals(new DeadlineReport(0, HEAD.size(), 0, 0), engine.runDue(), "each held case once a run");
        }
    }

    @Test
    void indexEntriesThatNoLegBacksAreCountedAndDoNotStarveTheCasesBehindThem() {
        // the head cases are only submitted (no leg waits for anything), yet the index says they are due first
        CaseStore staleHead = new ForwardingCaseStore(store) {
            @Override
            public void append(AppendBatch b) {
                super.append(HEAD.contains(b.caseId()) ? new AppendBatch(b.tenant(), b.caseId(), b.expectedVersion(),
                        b.events(), b.links(), T0, b.outbox(), b.idempotency()) : b);
            }
        };
        try (ReturnSyncEngine engine = ReturnSyncEngine.builder().store(staleHead).notifier(new InMemoryNotifier())
                .clock(clock).engineConfig(SMALL_PAGES).build()) {
            for (CaseId c : HEAD) {
                engine.execute(submit(c, "AS-" + c, List.of(line("SKU-1", S1, 1, 1, "10.00"))));
            }
            engine.execute(submit(BEHIND, "AS-BEHIND", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
            engine.execute(open(BEHIND, S1));
            clock.advance(Duration.ofHours(48));

            DeadlineReport report = engine.runDue();

            assertEquals(new DeadlineReport(1, 0, 0, HEAD.size()), report, "every entry without a due leg counted");
            assertEquals(LegState.NEGOTIATING, escalatedIn(engine, BEHIND), "the case behind the stale ones fired");
        }
    }

    @Test
    void casesWhoseStoreFailsAtTheHeadOfTheIndexDoNotStarveTheCasesBehindThem() {
        AtomicBoolean headUnreadable = new AtomicBoolean();
        CaseStore failingHead = new ForwardingCaseStore(store) {
            @Override
            public Optional<CaseHistory> load(TenantId tenant, CaseId caseId) {
                if (headUnreadable.get() && HEAD.contains(caseId)) {
                    throw new IllegalStateException("the store failed for a moment");
                }
                return super.load(tenant, caseId);
            }

            @Override
            public List<ReturnEvent> loadAfter(TenantId tenant, CaseId caseId, long afterVersion) {
                if (headUnreadable.get() && HEAD.contains(caseId)) {
                    throw new IllegalStateException("the store failed for a moment");
                }
                return super.loadAfter(tenant, caseId, afterVersion);
            }
        };
        try (ReturnSyncEngine engine = ReturnSyncEngine.builder().store(failingHead).notifier(new InMemoryNotifier())
                .clock(clock).engineConfig(SMALL_PAGES).build()) {
            openHeadThenBehind(engine);
            clock.advance(Duration.ofHours(48));
            headUnreadable.set(true);

            assertEquals(new DeadlineReport(1, 0, HEAD.size(), 0), engine.runDue());
            assertEquals(LegState.NEGOTIATING, escalatedIn(engine, BEHIND), "the case behind the failing ones fired");

            headUnreadable.set(false);
            assertEquals(new DeadlineReport(HEAD.size(), 0, 0, 0), engine.runDue(), "the failed ones fire next run");
        }
    }

    private void openHeadThenBehind(ReturnSyncEngine engine) {
        for (CaseId c : HEAD) {
            engine.execute(submit(c, "AS-" + c, List.of(line("SKU-1", S1, 1, 1, "10.00"))));
            engine.execute(open(c, S1));
            clock.advance(Duration.ofSeconds(1));
        }
        engine.execute(submit(BEHIND, "AS-BEHIND", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        engine.execute(open(BEHIND, S1));
    }

    private ReturnSyncEngine engine(ReturnWorkflow workflow) {
        return ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier()).clock(clock)
                .workflow(workflow).engineConfig(SMALL_PAGES).build();
    }

    private static LegState escalatedIn(ReturnSyncEngine engine, CaseId c) {
        return engine.caseView(reseller(), c).state().leg(S1).orElseThrow().escalatedIn();
    }
}
