package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.ReapplicationPolicy;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.testsupport.InMemoryNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Re-application and evidence through the engine: the round in every party's view, an earlier round's supplier
 * number found by every party that could see it and by nobody else, the window on the engine's clock, and evidence
 * in each party's history.
 */
@Timeout(10)
class ReapplicationEngineTest {
    private static final CaseId CASE = CaseId.of("case-rounds");
    private static final Evidence SEAM = Evidence.of(EvidenceKind.PHOTO, "https://img.example/seam.jpg");
    private static final Evidence QC = Evidence.of(EvidenceKind.INSPECTION_REPORT, "QC-42");

    private final TestClock clock = new TestClock(T0);
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
            .notifier(new InMemoryNotifier()).clock(clock)
            .workflow(ReturnWorkflow.builder().reapplication(new ReapplicationPolicy(Duration.ofDays(3), 2)).build())
            .build();

    @AfterEach
    void close() {
        engine.close();
    }

    /** S1 agreed, issued SN-1, told the customer, then declined; S2 untouched. */
    private void declinedAfterTheNumberWasShared() {
        engine.execute(submit(CASE, "TB-REFUND-1",
                List.of(line("SKU-1", S1, 1, 1, "10.00"), line("SKU-2", S2, 1, 1, "20.00"))));
        engine.execute(open(CASE, S1));
        engine.execute(Commands.as(supplier(S1)).key(key()).onCase(CASE).agreeReturn()
                .outcome(dev.returnsync.spi.OutcomeType.RETURN_AND_REFUND).evidence(QC).build());
        engine.execute(apply(CASE, S1));
        engine.execute(issue(CASE, S1, "SN-1"));
        engine.execute(share(CASE, S1));
        engine.execute(Commands.as(supplier(S1)).key(key()).onCase(CASE).declineReturn()
                .reason(ReasonCode.OTHER, "worn, not as delivered", QC).build());
    }

    private dev.returnsync.core.domain.Command.Reapply reapply() {
        return Commands.as(customer()).key(key()).onCase(CASE).reapply().leg(S1)
                .reason(ReasonCode.QUALITY_ISSUE, "it arrived torn", SEAM).build();
    }

    @Test
    void theRoundIsInEveryPartysViewAndTheOldNumberResolvesForThoseWhoCouldSeeIt() {
        declinedAfterTheNumberWasShared();
        clock.advance(Duration.ofDays(1));
        engine.execute(reapply());
        assertEquals(2, engine.caseView(customer(), CASE).state().leg(S1).orElseThrow().round());
        assertEquals(2, engine.caseView(supplier(S1), CASE).state().leg(S1).orElseThrow().round());
        assertEquals(2, engine.caseView(reseller(), CASE).state().leg(S1).orElseThrow().round());
        assertEquals("TB-REFUND-1", engine.caseView(customer(), CASE).state().customerNumber().value());

        ReturnNumber old = ReturnNumber.supplierReturn(S1, "SN-1");
        for (var asker : List.of(customer(), reseller(), supplier(S1))) {
            NumberLink link = engine.findByNumber(asker, old).orElseThrow(() -> new AssertionError(asker + " lost it"));
            assertTrue(link.superseded(), asker.toString());
            assertEquals(S1, link.leg());
        }
        assertTrue(engine.findByNumber(supplier(S2), old).isEmpty(), "another supplier learns nothing");
        assertTrue(engine.lookup(supplier(S2), "SN-1").isEmpty());
        assertFalse(engine.lookup(customer(), "sn-1").isEmpty(), "the raw look-up finds it too");
    }

    @Test
    void evidenceIsInTheAuditTrailOfThePartiesThatSeeTheStep() {
        declinedAfterTheNumberWasShared();
        engine.execute(reapply());
        List<ReturnEvent> customerSees = engine.history(customer(), CASE);
        ReturnEvent.SupplierAgreed agreed = customerSees.stream().filter(e -> e instanceof ReturnEvent.SupplierAgreed)
                .map(e -> (ReturnEvent.SupplierAgreed) e).findFirst().orElseThrow();
        assertEquals(List.of(QC), agreed.evidence());
        ReturnEvent.ReturnReapplied reapplied = engine.history(supplier(S1), CASE).stream()
                .filter(e -> e instanceof ReturnEvent.ReturnReapplied).map(e -> (ReturnEvent.ReturnReapplied) e)
                .findFirst().orElseThrow();
        assertEquals(List.of(SEAM), reapplied.reason().evidence());
        assertTrue(engine.history(supplier(S2), CASE).stream().noneMatch(e -> e instanceof ReturnEvent.ReturnReapplied),
                "another supplier does not see this leg's rounds");
    }

    @Test
    void theWindowRunsOnTheEngineClockAndTheRoundLimitHolds() {
        declinedAfterTheNumberWasShared();
        clock.advance(Duration.ofDays(3).plusSeconds(1));
        CommandRefusedException late = assertThrows(CommandRefusedException.class, () -> engine.execute(reapply()));
        assertEquals(Refusal.Code.REAPPLICATION_CLOSED, late.code());

        CaseId other = CaseId.of("case-rounds-2");
        engine.execute(submit(other, "TB-REFUND-2", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        engine.execute(open(other, S1));
        engine.execute(Commands.as(supplier(S1)).key(key()).onCase(other).declineReturn().reason(ReasonCode.OTHER, "")
                .build());
        engine.execute(Commands.as(customer()).key(key()).onCase(other).reapply().leg(S1)
                .reason(ReasonCode.OTHER, "again").build());
        engine.execute(Commands.as(supplier(S1)).key(key()).onCase(other).declineReturn().reason(ReasonCode.OTHER, "")
                .build());
        CommandRefusedException spent = assertThrows(CommandRefusedException.class, () -> engine.execute(
                Commands.as(customer()).key(key()).onCase(other).reapply().leg(S1).reason(ReasonCode.OTHER, "3rd")
                        .build()));
        assertEquals(Refusal.Code.REAPPLICATION_CLOSED, spent.code());
    }
}
