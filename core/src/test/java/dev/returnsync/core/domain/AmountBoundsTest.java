package dev.returnsync.core.domain;

import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static dev.returnsync.core.domain.Fixtures.CASE;
import static dev.returnsync.core.domain.Fixtures.CUSTOMER;
import static dev.returnsync.core.domain.Fixtures.DELIVERED;
import static dev.returnsync.core.domain.Fixtures.S1;
import static dev.returnsync.core.domain.Fixtures.T0;
import static dev.returnsync.core.domain.Fixtures.TENANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Large valid amounts: every sum and product of money is exact and checked, and a result out of range is a
 * refusal, never an escaping exception nor a wrapped-around number.
 */
@Timeout(10)
class AmountBoundsTest {
    /** 2^49 fen is a valid unit price; 2^15 units of it are 2^64 fen, which wraps to 0 in unchecked long arithmetic. */
    private static final Money WRAPPING_PRICE = new Money(Currency.getInstance("CNY"), 1L << 49);
    private static final int WRAPPING_UNITS = 1 << 15;

    private static ReturnLine wrappingLine() {
        return new ReturnLine(Sku.of("GOLD"), S1, WRAPPING_UNITS, WRAPPING_UNITS, WRAPPING_PRICE);
    }

    private static Command.SubmitReturn submit(ReturnLine... lines) {
        return new Command.SubmitReturn(IdempotencyKey.of("k"), Fixtures.customer(), null, null, CASE, CUSTOMER,
                OrderId.of("o-1"), ReturnNumber.customerRequest(TENANT, "AS-1"), ReturnNumber.resellerReturn(TENANT, "RS-1"),
                List.of(lines), Reason.of(ReasonCode.SIZE_OR_FIT, "too big"), OutcomeType.RETURN_AND_REFUND, DELIVERED);
    }

    /** A case as a stored history may hold it: opened by an event, not by a decided submission. */
    private static ReturnCase storedCase(ReturnLine line) {
        return ReturnWorkflow.evolve(Optional.empty(), new ReturnEvent.ReturnRequested(T0, Fixtures.customer(), CASE, CUSTOMER,
                OrderId.of("o-1"), ReturnNumber.customerRequest(TENANT, "AS-1"), ReturnNumber.resellerReturn(TENANT, "RS-1"),
                List.of(line), Reason.of(ReasonCode.SIZE_OR_FIT, "too big"), OutcomeType.RETURN_AND_REFUND, DELIVERED));
    }

    @Test
    void aSubmissionWorthMoreThanTheLargestAmountIsRefused() {
        Decision decision = ReturnWorkflow.ofDefaults().decide(Optional.empty(), submit(wrappingLine()), RuleContext.at(T0));
        Refusal refusal = ((Decision.Refused) decision).refusal();
        assertEquals(Refusal.Code.AMOUNT_OUT_OF_RANGE, refusal.code());
        assertTrue(refusal.reason().startsWith("lines:"), refusal.reason());
    }

    @Test
    void aSubmissionWhoseLinesAddUpToMoreThanTheLargestAmountIsRefused() {
        Money half = new Money(Currency.getInstance("CNY"), Money.MAX_MINOR / 2 + 1);
        Decision decision = ReturnWorkflow.ofDefaults().decide(Optional.empty(),
                submit(new ReturnLine(Sku.of("A"), S1, 1, 1, half), new ReturnLine(Sku.of("B"), S1, 1, 1, half)),
                RuleContext.at(T0));
        assertEquals(Refusal.Code.AMOUNT_OUT_OF_RANGE, ((Decision.Refused) decision).refusal().code());
    }

    @Test
    void aSubmissionAtTheLargestAmountIsAccepted() {
        ReturnLine line = new ReturnLine(Sku.of("A"), S1, 1, 1, new Money(Currency.getInstance("CNY"), Money.MAX_MINOR));
        assertTrue(ReturnWorkflow.ofDefaults().decide(Optional.empty(), submit(line), RuleContext.at(T0)).accepted());
    }

    @Test
    void maximumValueRefusesInsteadOfThrowing() {
        Guard guard = Guards.maximumValue(Money.of("CNY", "100"));
        Verdict verdict = guard.check(submit(wrappingLine()), Optional.empty(), RuleContext.at(T0));
        assertFalse(verdict.allowed());
        assertEquals("maximum-value", verdict.rule());
    }

    @Test
    void autoAgreeDoesNotAgreeToAReturnWhoseWorthWrapsAround() {
        ReturnCase opened = storedCase(wrappingLine());
        ReturnEvent.NegotiationOpened event = new ReturnEvent.NegotiationOpened(T0, Fixtures.reseller(), S1);
        ReturnCase negotiating = ReturnWorkflow.evolve(opened, event);
        List<Command> commands = Policies.autoAgreeUpTo(Money.of("CNY", "100"))
                .react(negotiating, event, RuleContext.at(T0));
        assertTrue(commands.isEmpty(), "a return worth 2^64 fen is not worth at most CNY 100: " + commands);
    }

    @Test
    void aRefundOutOfRangeIsARefusalNotAnEscapingException() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.current = storedCase(wrappingLine());
        walk.open(S1);
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        walk.apply(S1);
        walk.issue(S1, "RMA-1");
        walk.share(S1);
        walk.ship(S1, "SF", "SF1234567890");
        walk.receive(S1, LineQuantity.of("GOLD", WRAPPING_UNITS));
        walk.inspect(S1, List.of(LineQuantity.of("GOLD", WRAPPING_UNITS)), List.of());
        Refusal refusal = walk.refuse(new Command.ReportResultToCustomer(walk.key(), Fixtures.reseller(), null, null, CASE, S1,
                "refunded", null));
        assertEquals(Refusal.Code.AMOUNT_OUT_OF_RANGE, refusal.code());
    }
}
