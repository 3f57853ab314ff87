package dev.returnsync.core.domain;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Optional;

import static dev.returnsync.core.domain.Fixtures.CASE;
import static dev.returnsync.core.domain.Fixtures.CUSTOMER;
import static dev.returnsync.core.domain.Fixtures.DELIVERED;
import static dev.returnsync.core.domain.Fixtures.S1;
import static dev.returnsync.core.domain.Fixtures.S2;
import static dev.returnsync.core.domain.Fixtures.STRANGER;
import static dev.returnsync.core.domain.Fixtures.T0;
import static dev.returnsync.core.domain.Fixtures.TENANT;
import static dev.returnsync.core.domain.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ReturnWorkflow#evolve} folds only what the transition table allows, and says what it refused. */
@Timeout(10)
class StrictEvolveTest {

    private static ReturnCase requested() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("A", S1, 1, 1, "10.00"), line("B", S2, 1, 1, "5.00")), OutcomeType.RETURN_AND_REFUND);
        return walk.current;
    }

    private static IllegalEventException refused(ReturnCase current, ReturnEvent event) {
        return refused(Optional.of(current), event);
    }

    private static IllegalEventException refused(Optional<ReturnCase> current, ReturnEvent event) {
        return assertThrows(IllegalEventException.class, () -> ReturnWorkflow.evolve(current, event));
    }

    @Test
    void aLegCannotJumpFromRequestedToCompleted() {
        IllegalEventException e = refused(requested(),
                new ReturnEvent.ResultConfirmed(T0, Fixtures.customer(), S1, false));
        assertEquals(LegState.REQUESTED, e.state());
        assertEquals("ResultConfirmed", e.eventType());
    }

    @Test
    void aNumberCannotBeIssuedBeforeItWasAskedFor() {
        IllegalEventException e = refused(requested(), new ReturnEvent.SupplierNumberIssued(T0, Fixtures.supplier(S1),
                S1, ReturnNumber.supplierReturn(S1, "RMA-1")));
        assertEquals(LegState.REQUESTED, e.state());
    }

    @Test
    void anEventForAMissingLegOrBeforeTheCaseIsTyped() {
        IllegalEventException missing = refused(requested(), new ReturnEvent.NegotiationOpened(T0, Fixtures.reseller(),
                STRANGER));
        assertNull(missing.state());
        assertEquals("NegotiationOpened", missing.eventType());
        refused(Optional.empty(), new ReturnEvent.NegotiationOpened(T0, Fixtures.reseller(), S1));
    }

    @Test
    void aSecondOpeningIsRefusedEvenForAnotherCaseId() {
        ReturnEvent.ReturnRequested again = new ReturnEvent.ReturnRequested(T0, Fixtures.customer(), CaseId.of("other"),
                CUSTOMER, OrderId.of("o"), ReturnNumber.customerRequest(TENANT, "AS-2"),
                ReturnNumber.resellerReturn(TENANT, "RS-2"), List.of(line("A", S1, 1, 1, "1.00")),
                Reason.of(ReasonCode.OTHER, ""), OutcomeType.RETURN_AND_REFUND, DELIVERED);
        assertEquals("ReturnRequested", refused(requested(), again).eventType());
    }

    @Test
    void anAgreementMustAuthorizeWithinTheRequestAndNameAnOutcome() {
        ReturnCase negotiating = ReturnWorkflow.evolve(requested(), new ReturnEvent.NegotiationOpened(T0,
                Fixtures.reseller(), S1));
        refused(negotiating, new ReturnEvent.SupplierAgreed(T0, Fixtures.supplier(S1), S1, OutcomeType.EXCHANGE,
                List.of(LineQuantity.of("A", 5)), dev.returnsync.spi.ReturnShipping.none(java.util.Currency.getInstance("CNY"), ReasonCode.OTHER), List.of()));
        refused(negotiating, new ReturnEvent.SupplierAgreed(T0, Fixtures.supplier(S1), S1, OutcomeType.EXCHANGE,
                List.of(LineQuantity.of("UNKNOWN", 1)), dev.returnsync.spi.ReturnShipping.none(java.util.Currency.getInstance("CNY"), ReasonCode.OTHER), List.of()));
    }

    @Test
    void aReplacementMustReplaceTheCurrentNumber() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("A", S1, 1, 1, "10.00")), OutcomeType.RETURN_AND_REFUND);
        walk.open(S1);
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        walk.apply(S1);
        walk.issue(S1, "RMA-1");
        refused(walk.current, new ReturnEvent.SupplierNumberReplaced(T0, Fixtures.supplier(S1), S1,
                ReturnNumber.supplierReturn(S1, "RMA-OTHER"), ReturnNumber.supplierReturn(S1, "RMA-2")));
        refused(walk.current, new ReturnEvent.ResultReportedToCustomer(T0, Fixtures.reseller(), S1,
                dev.returnsync.spi.Settlement.zero(java.util.Currency.getInstance("CNY")), "x"));
    }

    @Test
    void aRestockingFeeAboveTheRefundForTheGoodsDoesNotFit() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("A", S1, 1, 1, "10.00")), OutcomeType.RETURN_AND_REFUND);
        walk.open(S1);
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        walk.apply(S1);
        walk.issue(S1, "RMA-1");
        walk.share(S1);
        walk.ship(S1, "SF", "SF1234567890");
        walk.receive(S1, LineQuantity.of("A", 1));
        IllegalStateException e = refused(walk.current, new ReturnEvent.ResultReported(T0, Fixtures.supplier(S1), S1,
                List.of(LineQuantity.of("A", 1)), List.of(), null, Money.of("CNY", "10.01"), List.of()));
        assertTrue(e.getMessage().contains("restocking fee is above the refund for the goods"), e.getMessage());
    }

    @Test
    void everyAmountOfAnEventMustBeInTheCurrencyOfTheCase() {
        ReturnCase negotiating = ReturnWorkflow.evolve(requested(), new ReturnEvent.NegotiationOpened(T0,
                Fixtures.reseller(), S1));
        IllegalStateException agreed = refused(negotiating, new ReturnEvent.SupplierAgreed(T0, Fixtures.supplier(S1),
                S1, OutcomeType.RETURN_AND_REFUND, List.of(), new dev.returnsync.spi.ReturnShipping(
                        Money.of("USD", "5.00"), dev.returnsync.spi.FeeBearer.SUPPLIER, null), List.of()));
        assertTrue(agreed.getMessage().contains("shipping fee is in another currency"), agreed.getMessage());
        refused(negotiating, new ReturnEvent.PartialRefundOffered(T0, Fixtures.supplier(S1), S1, Money.of("USD", "1"),
                1, ""));
        refused(negotiating, new ReturnEvent.PartialRefundOffered(T0, Fixtures.supplier(S1), S1, Money.of("CNY", "1"),
                2, ""));
    }

    @Test
    void theExceptionIsAnIllegalStateException() {
        IllegalStateException e = refused(requested(), new ReturnEvent.LegExpired(T0, Fixtures.system(), S1,
                LegState.SHIPPED));
        assertEquals(IllegalEventException.class, e.getClass());
    }
}
