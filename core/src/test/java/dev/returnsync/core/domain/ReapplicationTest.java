package dev.returnsync.core.domain;

import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.CaseStatus;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static dev.returnsync.core.domain.Fixtures.S1;
import static dev.returnsync.core.domain.Fixtures.S2;
import static dev.returnsync.core.domain.Fixtures.customer;
import static dev.returnsync.core.domain.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Re-application after a decline (Taobao: the buyer changes a refused refund and submits it again under the same
 * refund id): a new negotiation round on the same case and customer number, within the window and the round limit.
 */
@Timeout(10)
class ReapplicationTest {

    private static Fixtures.Walk declined() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("SKU-1", S1, 2, 2, "30.00"), line("SKU-2", S2, 1, 1, "10.00")),
                OutcomeType.RETURN_AND_REFUND);
        walk.open(S1);
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND, LineQuantity.of("SKU-1", 1));
        walk.apply(S1);
        walk.issue(S1, "SN-ROUND-1");
        walk.share(S1);
        walk.decline(S1);
        return walk;
    }

    private static dev.returnsync.core.domain.Command.Reapply reapply(Fixtures.Walk walk) {
        return Commands.as(customer()).key(walk.key()).onCase(Fixtures.CASE).reapply().leg(S1)
                .reason(ReasonCode.QUALITY_ISSUE, "photos attached").build();
    }

    @Test
    void aReapplicationOpensANewRoundOnTheSameCaseAndCustomerNumberFromScratch() {
        Fixtures.Walk walk = declined();
        ReturnNumber customerNumber = walk.current.customerNumber();
        assertEquals(CaseStatus.IN_PROGRESS, walk.current.status(), "the other leg still runs");
        walk.advance(Duration.ofDays(3));
        ReturnEvent.ReturnReapplied event = (ReturnEvent.ReturnReapplied) walk.reapply(S1);
        assertEquals(2, event.round());
        Leg leg = walk.leg(S1);
        assertEquals(LegState.NEGOTIATING, leg.state());
        assertEquals(2, leg.round());
        assertNull(leg.outcome(), "the new round agrees anew");
        assertEquals(0, leg.lines().get(0).authorized());
        assertNull(leg.supplierNumber());
        assertFalse(leg.numberShared());
        assertEquals(customerNumber, walk.current.customerNumber(), "the same customer request number");
        assertEquals(1, walk.leg(S2).round(), "the other leg's round is its own");
        // the history keeps both rounds: the first decline and the re-application
        assertEquals(1, walk.events.stream().filter(e -> e instanceof ReturnEvent.SupplierDeclined).count());
        assertEquals(1, walk.events.stream().filter(e -> e instanceof ReturnEvent.ReturnReapplied).count());
    }

    @Test
    void theSupplierNumberOfAnEarlierRoundStaysResolvableMarkedSuperseded() {
        Fixtures.Walk walk = declined();
        ReturnNumber first = ReturnNumber.supplierReturn(S1, "SN-ROUND-1");
        walk.reapply(S1);
        NumberLink old = walk.current.resolve(first).orElseThrow();
        assertEquals(S1, old.leg());
        assertTrue(old.superseded());
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        walk.apply(S1);
        Refusal reused = walk.refuse(Commands.as(Fixtures.supplier(S1)).key(walk.key()).onCase(Fixtures.CASE)
                .issueSupplierNumber().number(first).build());
        assertEquals(Refusal.Code.NUMBER_TAKEN, reused.code(), reused.toString());
        walk.issue(S1, "SN-ROUND-2");
        assertTrue(walk.current.resolve(first).orElseThrow().superseded(), "still resolvable after a new number");
        assertFalse(walk.current.resolve(ReturnNumber.supplierReturn(S1, "SN-ROUND-2")).orElseThrow().superseded());
    }

    @Test
    void theWindowIsCheckedAtDecideTheLastInstantIsInAndOneLaterIsOut() {
        Fixtures.Walk atEnd = declined();
        atEnd.advance(ReapplicationPolicy.ofDefaults().window());
        atEnd.accept(reapply(atEnd));
        Fixtures.Walk late = declined();
        late.advance(ReapplicationPolicy.ofDefaults().window().plusNanos(1));
        ReturnCase before = late.current;
        Refusal refusal = late.refuse(reapply(late));
        assertEquals(Refusal.Code.REAPPLICATION_CLOSED, refusal.code());
        assertEquals(LegState.DECLINED, refusal.state());
        assertTrue(refusal.reason().contains("window closed"), refusal.reason());
        assertEquals(before, late.current, "a refusal changes nothing");
    }

    @Test
    void theRoundsAreBoundedAfterTheLastRoundTheDeclineIsFinal() {
        Fixtures.Walk walk = declined();
        walk.reapply(S1);
        walk.decline(S1);
        walk.reapply(S1);
        assertEquals(3, walk.leg(S1).round());
        walk.decline(S1);
        Refusal refusal = walk.refuse(reapply(walk));
        assertEquals(Refusal.Code.REAPPLICATION_CLOSED, refusal.code());
        assertTrue(refusal.reason().contains("3 negotiation rounds"), refusal.reason());
    }

    @Test
    void aPolicyOfNoReapplicationKeepsEveryDeclineFinal() {
        Fixtures.Walk walk = new Fixtures.Walk(ReturnWorkflow.builder().reapplication(ReapplicationPolicy.none()).build());
        walk.submit(List.of(line("SKU-1", S1, 1, 1, "30.00")), OutcomeType.REFUND_ONLY);
        walk.open(S1);
        walk.decline(S1);
        assertEquals(CaseStatus.DECLINED, walk.current.status());
        assertEquals(Refusal.Code.REAPPLICATION_CLOSED, walk.refuse(reapply(walk)).code());
    }

    @Test
    void onlyADeclinedLegIsReappliedOnAndOnlyByTheCustomerOrTheReseller() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("SKU-1", S1, 1, 1, "30.00")), OutcomeType.REFUND_ONLY);
        walk.open(S1);
        assertEquals(Refusal.Code.ILLEGAL_TRANSITION, walk.refuse(reapply(walk)).code());
        walk.decline(S1);
        Refusal bySupplier = walk.refuse(Commands.as(Fixtures.supplier(S1)).key(walk.key()).onCase(Fixtures.CASE)
                .reapply().reason(ReasonCode.OTHER, "").buildUnchecked());
        assertEquals(Refusal.Code.ROLE_NOT_ALLOWED, bySupplier.code());
        walk.accept(Commands.as(Fixtures.reseller()).key(walk.key()).onCase(Fixtures.CASE).reapply().leg(S1)
                .reason(ReasonCode.OTHER, "for the customer, by phone").build());
        assertEquals(2, walk.leg(S1).round());
    }

    @Test
    void evolveRefusesARoundThatDoesNotFollowTheLegs() {
        Fixtures.Walk walk = declined();
        ReturnEvent skipped = new ReturnEvent.ReturnReapplied(walk.now, customer(), S1, 3,
                dev.returnsync.spi.Reason.of(ReasonCode.OTHER, ""));
        IllegalEventException e = assertThrows(IllegalEventException.class,
                () -> ReturnWorkflow.evolve(walk.current, skipped));
        assertTrue(e.getMessage().contains("round"), e.getMessage());
    }

    @Test
    void thePolicyValidatesItsWindowAndRounds() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new ReapplicationPolicy(Duration.ZERO, 3));
        assertTrue(zero.getMessage().startsWith("re-application window must be positive"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReapplicationPolicy(Duration.ofDays(3651), 3));
        IllegalArgumentException rounds = assertThrows(IllegalArgumentException.class,
                () -> new ReapplicationPolicy(Duration.ofDays(7), ReapplicationPolicy.MAX_ROUNDS + 1));
        assertTrue(rounds.getMessage().startsWith("re-application maxRounds must be 1 to 10"), rounds.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ReapplicationPolicy(Duration.ofDays(7), 0));
        assertThrows(NullPointerException.class, () -> new ReapplicationPolicy(null, 3));
        assertThrows(NullPointerException.class, () -> ReturnWorkflow.builder().reapplication(null));
    }
}
