package dev.returnsync.core.domain;

import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static dev.returnsync.core.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A supplier adapter may answer the reseller's application (代发商向供应商申请退货) with a refusal; the workflow
 * must be able to record it, else the refusal could never become a command.
 */
class DeclineOnApplicationTest {
    @Test
    void supplierMayDeclineWhileTheNumberIsRequested() {
        ReturnWorkflow workflow = ReturnWorkflow.ofDefaults();
        ReturnCase c = ReturnWorkflow.evolve(Optional.empty(), List.of(
                new ReturnEvent.ReturnRequested(T0, customer(), CASE, CUSTOMER, dev.returnsync.spi.OrderId.of("o"),
                        dev.returnsync.spi.ReturnNumber.customerRequest(TENANT, "AS1"),
                        dev.returnsync.spi.ReturnNumber.resellerReturn(TENANT, "RS-1"),
                        List.of(line("SKU-1", S1, 1, 1, "9.90")), Reason.of(ReasonCode.OTHER, ""),
                        OutcomeType.RETURN_AND_REFUND, DELIVERED),
                new ReturnEvent.NegotiationOpened(T0, reseller(), S1),
                new ReturnEvent.SupplierAgreed(T0, supplier(S1), S1, OutcomeType.RETURN_AND_REFUND, List.of(), dev.returnsync.spi.ReturnShipping.none(java.util.Currency.getInstance("CNY"), ReasonCode.OTHER), List.of()),
                new ReturnEvent.ReturnApplied(T0, reseller(), S1, dev.returnsync.spi.ReturnNumber.resellerReturn(TENANT, "RS-1"))));
        assertEquals(LegState.NUMBER_REQUESTED, c.legs().get(0).state());

        Decision decision = workflow.decide(c, new Command.DeclineReturn(IdempotencyKey.of("d"), supplier(S1), null, null,
                CASE, S1, Reason.of(ReasonCode.OTHER, "out of stock for exchange")), RuleContext.at(T0));

        Decision.Accepted accepted = assertInstanceOf(Decision.Accepted.class, decision);
        assertTrue(accepted.events().get(0) instanceof ReturnEvent.SupplierDeclined);
        assertEquals(LegState.DECLINED, ReturnWorkflow.evolve(c, accepted.events()).legs().get(0).state());

        Decision stranger = workflow.decide(c, new Command.DeclineReturn(IdempotencyKey.of("d2"), supplier(S2), null, null,
                CASE, S1, Reason.of(ReasonCode.OTHER, "not mine")), RuleContext.at(T0));
        assertEquals(Refusal.Code.NOT_A_PARTY, assertInstanceOf(Decision.Refused.class, stranger).refusal().code());
    }
}
