package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.CaseStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.Mockito;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;

/** Deadlines fire at their due time under a test clock, not a moment before, as the SYSTEM actor. */
@Timeout(10)
class DeadlineRunnerTest {
    private final TestClock clock = new TestClock(T0);
    private final CaseStore store = Mockito.spy(new InMemoryCaseStore());
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
            .clock(clock).build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void escalateExpireAndAutoConfirmAtTheirDueTimeAndNotBefore() {
        CaseId c = CaseId.of("case-deadlines");
        engine.execute(submit(c, "AS-D", List.of(line("SKU-1", S1, 1, 1, "10.00"), line("SKU-2", S2, 1, 1, "20.00"))));
        Instant opened = clock.instant();
        engine.execute(open(c, S1));

        // negotiation: the supplier must answer within 48 h, else the leg is escalated to the reseller
        clock.set(opened.plus(Duration.ofHours(48)).minusSeconds(1));
        assertEquals(new DeadlineReport(0, 0, 0, 0), engine.runDue());
        assertEquals(LegState.NEGOTIATING, leg(c, S1).state());
        assertNull(leg(c, S1).escalatedIn());

        clock.set(opened.plus(Duration.ofHours(48)));
        assertEquals(new DeadlineReport(1, 0, 0, 0), engine.runDue());
        assertEquals(LegState.NEGOTIATING, leg(c, S1).escalatedIn());
        ReturnEvent last = lastEvent(c);
        assertInstanceOf(ReturnEvent.LegEscalated.class, last);
        assertEquals(Role.SYSTEM, last.actor().role());
        assertEquals(clock.instant(), last.at());
        assertTrue(engine.caseView(reseller(), c).needsAttention());
        assertEquals(new DeadlineReport(0, 0, 0, 0), engine.runDue(), "an escalation fires once");

        // the customer must ship within 7 days of getting the number, else the leg expires
        engine.execute(agree(c, S1));
        engine.execute(apply(c, S1));
        engine.execute(issue(c, S1, "SR-D1"));
        engine.execute(share(c, S1));
        Instant shared = clock.instant();
        clock.set(shared.plus(Duration.ofDays(7)).minusMillis(1));
        engine.runDue();
        assertEquals(LegState.AWAITING_SHIPMENT, leg(c, S1).state());
        clock.set(shared.plus(Duration.ofDays(7)));
        assertEquals(1, engine.runDue().fired());
        assertEquals(LegState.EXPIRED, leg(c, S1).state());

        // the customer must confirm the result within 7 days, else it is confirmed automatically
        SupplierId s2 = S2;
        engine.execute(open(c, s2));
        engine.execute(agree(c, s2));
        engine.execute(apply(c, s2));
        engine.execute(issue(c, s2, "SR-D2"));
        engine.execute(share(c, s2));
        engine.execute(ship(c, s2, "SF", "SF987654321"));
        engine.execute(receive(c, s2, "SKU-2", 1));
        engine.execute(result(c, s2, "SKU-2", 1, 0));
        engine.execute(tell(c, s2));
        Instant told = clock.instant();
        clock.set(told.plus(Duration.ofDays(7)).minusNanos(1));
        assertEquals(0, engine.runDue().fired());
        clock.set(told.plus(Duration.ofDays(7)));
        assertEquals(1, engine.runDue().fired());
        assertEquals(LegState.COMPLETED, leg(c, s2).state());
        ReturnEvent.ResultConfirmed confirmed = assertInstanceOf(ReturnEvent.ResultConfirmed.class, lastEvent(c));
        assertTrue(confirmed.automatic());
        assertTrue(store.findDue(Instant.MAX, 10).isEmpty(), "nothing is due any more");

        // due cases come from the due index, never from a scan
        Mockito.verify(store, Mockito.atLeastOnce()).findDue(any(), any(), anyInt());
    }

    @Test
    void aDeadlineFiredByHandTooEarlyIsRefusedAndChangesNothing() {
        CaseId c = CaseId.of("case-early");
        engine.execute(submit(c, "AS-E", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        engine.execute(open(c, S1));
        long version = store.load(TENANT, c).orElseThrow().version();
        CommandRefusedException early = assertThrows(CommandRefusedException.class, () -> engine.execute(
                new Command.FireDeadline(key(), dev.returnsync.spi.Actor.system(TENANT, "timer"), null, null, c, S1)));
        assertEquals(dev.returnsync.core.domain.Refusal.Code.NOT_DUE, early.code());
        assertEquals(version, store.load(TENANT, c).orElseThrow().version());
    }

    @Test
    void aTransientFailureOnOneCaseDoesNotStopTheOthersAndIsRetriedNextRun() {
        ReactionRetryTest.FlakyStore flaky = new ReactionRetryTest.FlakyStore(new InMemoryCaseStore(),
                ReturnEvent.LegEscalated.class);
        ReturnSyncEngine runner = ReturnSyncEngine.builder().store(flaky).notifier(new InMemoryNotifier())
                .clock(clock).build();
        List<CaseId> cases = List.of(CaseId.of("case-due-1"), CaseId.of("case-due-2"), CaseId.of("case-due-3"));
        for (CaseId c : cases) {
            runner.execute(submit(c, "AS-" + c, List.of(line("SKU-1", S1, 1, 1, "10.00"))));
            runner.execute(open(c, S1));
        }
        clock.advance(Duration.ofHours(48));

        DeadlineReport first = assertDoesNotThrow(() -> runner.runDue());
        assertEquals(1, flaky.failures.get());
        assertEquals(new DeadlineReport(2, 0, 1, 0), first);
        long escalated = cases.stream().filter(c -> runner.caseView(reseller(), c).state().leg(S1).orElseThrow()
                .escalatedIn() != null).count();
        assertEquals(2, escalated, "the other cases' deadlines fired");

        assertEquals(new DeadlineReport(1, 0, 0, 0), runner.runDue(), "the failed one fires on the next run");
        for (CaseId c : cases) {
            assertEquals(LegState.NEGOTIATING, runner.caseView(reseller(), c).state().leg(S1).orElseThrow().escalatedIn());
        }
        runner.close();
    }

    private dev.returnsync.core.domain.Leg leg(CaseId c, SupplierId s) {
        return engine.caseView(reseller(), c).state().leg(s).orElseThrow();
    }

    private ReturnEvent lastEvent(CaseId c) {
        List<ReturnEvent> events = engine.history(reseller(), c);
        return events.get(events.size() - 1);
    }
}
