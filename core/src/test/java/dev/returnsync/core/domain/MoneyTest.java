package dev.returnsync.core.domain;

import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.CaseStatus;
import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.ReturnShipping;
import dev.returnsync.spi.Settlement;
import dev.returnsync.spi.SupplierId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static dev.returnsync.core.domain.Fixtures.CASE;
import static dev.returnsync.core.domain.Fixtures.CUSTOMER;
import static dev.returnsync.core.domain.Fixtures.DELIVERED;
import static dev.returnsync.core.domain.Fixtures.S1;
import static dev.returnsync.core.domain.Fixtures.S2;
import static dev.returnsync.core.domain.Fixtures.TENANT;
import static dev.returnsync.core.domain.Fixtures.customer;
import static dev.returnsync.core.domain.Fixtures.line;
import static dev.returnsync.core.domain.Fixtures.reseller;
import static dev.returnsync.core.domain.Fixtures.supplier;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fees, their bearers, compensation and partial refunds, computed exactly over several lines and legs; every
 * amount in the case's currency, every sum within {@link Money#MAX_MINOR}, and every refusal typed and naming its
 * field without echoing the amount.
 */
@Timeout(10)
class MoneyTest {
    private static Money cny(String amount) {
        return Money.of("CNY", amount);
    }

    /** A walk whose request gives a reason, over lines of two suppliers. */
    private static Fixtures.Walk submitted(ReasonCode reason, ReturnWorkflow workflow, ReturnLine... lines) {
        Fixtures.Walk walk = new Fixtures.Walk(workflow);
        walk.accept(Commands.as(customer()).key(walk.key()).onCase(CASE).submitReturn().customer(CUSTOMER)
                .order(OrderId.of("order-9")).customerNumber(ReturnNumber.customerRequest(TENANT, "AS-M1"))
                .resellerNumber(ReturnNumber.resellerReturn(TENANT, "RS-M1")).lines(List.of(lines))
                .reason(reason, "").wanted(OutcomeType.RETURN_AND_REFUND).deliveredAt(DELIVERED).build());
        return walk;
    }

    private static Fixtures.Walk submitted(ReasonCode reason, ReturnLine... lines) {
        return submitted(reason, ReturnWorkflow.ofDefaults(), lines);
    }

    private static void toInspection(Fixtures.Walk walk, SupplierId leg, LineQuantity... received) {
        walk.apply(leg);
        walk.issue(leg, "RMA-" + leg.value());
        walk.share(leg);
        walk.ship(leg, "SF", "SF00000" + leg.value().hashCode() % 1000 + "00");
        walk.receive(leg, received);
    }

    @Test
    void aQualityComplaintRefundsGoodsLessRestockingPlusShippingAndCompensationOverTwoLegs() {
        Fixtures.Walk walk = submitted(ReasonCode.QUALITY_ISSUE, line("SHIRT", S1, 2, 2, "59.90"),
                line("SOCKS", S1, 1, 3, "10.00"), line("CAP", S2, 3, 3, "5.00"));
        walk.open(S1);
        ReturnEvent agreed = walk.accept(Commands.as(supplier(S1)).key(walk.key()).onCase(CASE).agreeReturn()
                .outcome(OutcomeType.RETURN_AND_REFUND).shippingFee(cny("12.00")).build());
        assertEquals(new ReturnShipping(cny("12.00"), FeeBearer.SUPPLIER, null),
                ((ReturnEvent.SupplierAgreed) agreed).shipping(), "a complaint about the goods: the supplier pays");
        toInspection(walk, S1, LineQuantity.of("SHIRT", 2), LineQuantity.of("SOCKS", 1));
        ReturnEvent inspected = walk.accept(Commands.as(supplier(S1)).key(walk.key()).onCase(CASE).reportResult()
                .accepted(LineQuantity.of("SHIRT", 1), LineQuantity.of("SOCKS", 1))
                .rejected(LineQuantity.of("SHIRT", 1)).restockingFee(cny("5.00")).build());
        assertEquals(cny("5.00"), ((ReturnEvent.ResultReported) inspected).restockingFee());
        ReturnEvent told = walk.accept(Commands.as(reseller()).key(walk.key()).onCase(CASE).reportResultToCustomer()
                .leg(S1).compensation(cny("3.00")).build());

        // goods 59.90 + 10.00 = 69.90; refund 69.90 - 5.00 + 12.00 + 3.00; the supplier owes 69.90 - 5.00 + 12.00
        Settlement s1 = new Settlement(cny("69.90"), cny("5.00"), cny("12.00"), cny("3.00"), cny("79.90"),
                cny("76.90"));
        assertEquals(s1, ((ReturnEvent.ResultReportedToCustomer) told).settlement());
        assertEquals(s1, walk.leg(S1).settlement());
        assertEquals(cny("79.90"), walk.leg(S1).refund());

        // the second leg settles by a partial refund: the reseller's offer is rejected, the supplier's accepted
        walk.open(S2);
        walk.accept(Commands.as(reseller()).key(walk.key()).onCase(CASE).offerPartialRefund().leg(S2)
                .amount(cny("4.00")).build());
        walk.rejectOffer(S2);
        assertEquals(LegState.NEGOTIATING, walk.state(S2));
        walk.offer(S2, "6.00");
        ReturnEvent accepted = walk.acceptOffer(S2);
        Settlement s2 = new Settlement(cny("6.00"), cny("0"), cny("0"), cny("0"), cny("6.00"), cny("6.00"));
        assertEquals(s2, ((ReturnEvent.PartialRefundAccepted) accepted).settlement());
        assertEquals(LegState.COMPLETED, walk.state(S2));
        assertEquals(OutcomeType.REFUND_ONLY, walk.leg(S2).outcome(), "refund only: the goods stay with the customer");
        assertEquals(2, walk.leg(S2).money().offers());

        walk.confirm(S1);
        assertEquals(CaseStatus.COMPLETED, walk.current.status());
        assertEquals(new Settlement(cny("75.90"), cny("5.00"), cny("12.00"), cny("3.00"), cny("85.90"), cny("82.90")),
                walk.current.settlement(), "the case adds its legs up part by part");
    }

    @Test
    void aNoReasonReturnLeavesTheShippingToTheCustomerUnlessFreightInsurancePays() {
        Fixtures.Walk walk = submitted(ReasonCode.NO_REASON, line("SHIRT", S1, 1, 1, "59.90"),
                line("CAP", S2, 1, 1, "5.00"));
        walk.open(S1);
        walk.open(S2);
        walk.accept(Commands.as(supplier(S1)).key(walk.key()).onCase(CASE).agreeReturn()
                .outcome(OutcomeType.RETURN_AND_REFUND).shippingFee(cny("12.00")).build());
        assertEquals(FeeBearer.CUSTOMER, walk.leg(S1).money().shipping().bearer(), "七天无理由: the customer pays");
        walk.accept(Commands.as(supplier(S2)).key(walk.key()).onCase(CASE).agreeReturn()
                .outcome(OutcomeType.RETURN_AND_REFUND).shippingFee(cny("8.00")).feeBearer(FeeBearer.FREIGHT_INSURANCE)
                .insuranceClaim("运费险-2026-001").build());
        assertEquals(new ReturnShipping(cny("8.00"), FeeBearer.FREIGHT_INSURANCE, "运费险-2026-001"),
                walk.leg(S2).money().shipping());
        for (SupplierId leg : List.of(S1, S2)) {
            toInspection(walk, leg, LineQuantity.of(leg.equals(S1) ? "SHIRT" : "CAP", 1));
            walk.inspect(leg, List.of(LineQuantity.of(leg.equals(S1) ? "SHIRT" : "CAP", 1)), List.of());
            walk.tellCustomer(leg);
        }
        assertEquals(cny("59.90"), walk.leg(S1).settlement().refund(), "the customer's own fee is not refunded");
        assertEquals(cny("59.90"), walk.leg(S1).settlement().supplierOwes());
        assertEquals(cny("5.00"), walk.leg(S2).settlement().refund(), "the insurer pays the fee, not the refund");
        assertEquals(cny("0"), walk.leg(S2).settlement().shippingRefund());
    }

    @Test
    void aResellerBearingTheFeeRefundsItWithoutChargingTheSupplier() {
        Fixtures.Walk walk = submitted(ReasonCode.SIZE_OR_FIT, line("SHOE", S1, 1, 1, "299.00"));
        walk.open(S1);
        walk.accept(Commands.as(reseller()).key(walk.key()).onCase(CASE).agreeReturn().leg(S1)
                .outcome(OutcomeType.RETURN_AND_REFUND).shippingFee(cny("15.00")).feeBearer(FeeBearer.RESELLER).build());
        toInspection(walk, S1, LineQuantity.of("SHOE", 1));
        walk.inspect(S1, List.of(LineQuantity.of("SHOE", 1)), List.of());
        assertEquals(new Settlement(cny("299.00"), cny("0"), cny("15.00"), cny("0"), cny("314.00"), cny("299.00")),
                walk.leg(S1).settlement());
    }

    @Test
    void aCompensationGrantedBeforeADisputeStaysUnlessTheNewReportSetsAnother() {
        Fixtures.Walk walk = submitted(ReasonCode.SIZE_OR_FIT, line("SHOE", S1, 1, 1, "100.00"));
        walk.open(S1);
        walk.agree(S1, OutcomeType.REFUND_ONLY);
        walk.apply(S1);
        walk.issue(S1, "RMA-1");
        walk.share(S1);
        walk.inspect(S1, List.of(), List.of());
        walk.accept(Commands.as(reseller()).key(walk.key()).onCase(CASE).reportResultToCustomer().leg(S1)
                .compensation(cny("2.00")).build());
        walk.dispute(S1);
        ReturnEvent again = walk.tellCustomer(S1);
        assertEquals(cny("102.00"), ((ReturnEvent.ResultReportedToCustomer) again).refund());
        walk.dispute(S1);
        walk.accept(Commands.as(reseller()).key(walk.key()).onCase(CASE).reportResultToCustomer().leg(S1)
                .compensation(cny("10.00")).build());
        assertEquals(cny("110.00"), walk.leg(S1).refund());
    }

    @Test
    void everyAmountInAnotherCurrencyIsRefusedNamingItsField() {
        Fixtures.Walk walk = submitted(ReasonCode.QUALITY_ISSUE, line("SHIRT", S1, 1, 1, "59.90"),
                line("CAP", S2, 1, 1, "5.00"));
        walk.open(S1);
        walk.open(S2);
        Money usd = Money.of("USD", "1.00");
        expectRefused(walk, Refusal.Code.CURRENCY_MISMATCH, "shippingFee: must be in CNY", Commands.as(supplier(S1))
                .key(walk.key()).onCase(CASE).agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND).shippingFee(usd)
                .build());
        expectRefused(walk, Refusal.Code.CURRENCY_MISMATCH, "amount: must be in CNY", Commands.as(supplier(S2))
                .key(walk.key()).onCase(CASE).offerPartialRefund().amount(usd).build());
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        toInspection(walk, S1, LineQuantity.of("SHIRT", 1));
        expectRefused(walk, Refusal.Code.CURRENCY_MISMATCH, "restockingFee: must be in CNY", Commands.as(supplier(S1))
                .key(walk.key()).onCase(CASE).reportResult().accepted(LineQuantity.of("SHIRT", 1)).restockingFee(usd)
                .build());
        walk.inspect(S1, List.of(LineQuantity.of("SHIRT", 1)), List.of());
        expectRefused(walk, Refusal.Code.CURRENCY_MISMATCH, "compensation: must be in CNY", Commands.as(reseller())
                .key(walk.key()).onCase(CASE).reportResultToCustomer().leg(S1).compensation(usd).build());
    }

    @Test
    void feesAndOffersOutsideTheirBoundsAreRefused() {
        Fixtures.Walk walk = submitted(ReasonCode.QUALITY_ISSUE, line("SHIRT", S1, 2, 2, "59.90"),
                line("CAP", S2, 1, 1, "5.00"));
        walk.open(S1);
        walk.open(S2);
        expectRefused(walk, Refusal.Code.INVALID_PAYLOAD, "feeBearer: the customer does not bear", Commands
                .as(supplier(S1)).key(walk.key()).onCase(CASE).agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND)
                .shippingFee(cny("12.00")).feeBearer(FeeBearer.CUSTOMER).build());
        expectRefused(walk, Refusal.Code.INVALID_PAYLOAD, "insuranceClaim: needed exactly when", Commands
                .as(supplier(S1)).key(walk.key()).onCase(CASE).agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND)
                .feeBearer(FeeBearer.FREIGHT_INSURANCE).build());
        expectRefused(walk, Refusal.Code.INVALID_PAYLOAD, "insuranceClaim: needed exactly when", Commands
                .as(supplier(S1)).key(walk.key()).onCase(CASE).agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND)
                .insuranceClaim("YX-1").build());
        expectRefused(walk, Refusal.Code.INVALID_PAYLOAD, "shippingFee: a refund-only leg", Commands.as(supplier(S1))
                .key(walk.key()).onCase(CASE).agreeReturn().outcome(OutcomeType.REFUND_ONLY).shippingFee(cny("1"))
                .build());
        expectRefused(walk, Refusal.Code.AMOUNT_OUT_OF_RANGE, "shippingFee: the leg's worth plus the fee", Commands
                .as(supplier(S1)).key(walk.key()).onCase(CASE).agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND)
                .shippingFee(new Money(cny("1").currency(), Money.MAX_MINOR)).build());
        for (String amount : List.of("0", "5.01")) {
            expectRefused(walk, Refusal.Code.INVALID_PAYLOAD, "amount: must be more than zero and at most", Commands
                    .as(supplier(S2)).key(walk.key()).onCase(CASE).offerPartialRefund().amount(cny(amount)).build());
        }
        walk.offer(S2, "5.00");

        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        toInspection(walk, S1, LineQuantity.of("SHIRT", 2));
        expectRefused(walk, Refusal.Code.INVALID_PAYLOAD, "restockingFee: must be at most the refund for the goods",
                Commands.as(supplier(S1)).key(walk.key()).onCase(CASE).reportResult()
                        .accepted(LineQuantity.of("SHIRT", 1)).rejected(LineQuantity.of("SHIRT", 1))
                        .restockingFee(cny("59.91")).build());
        walk.accept(Commands.as(supplier(S1)).key(walk.key()).onCase(CASE).reportResult()
                .accepted(LineQuantity.of("SHIRT", 1)).rejected(LineQuantity.of("SHIRT", 1))
                .restockingFee(cny("59.90")).build());
        assertEquals(cny("0"), walk.leg(S1).settlement().refund(), "a restocking fee may take the whole refund");
        expectRefused(walk, Refusal.Code.INVALID_PAYLOAD, "compensation: must be at most what the leg's", Commands
                .as(reseller()).key(walk.key()).onCase(CASE).reportResultToCustomer().leg(S1)
                .compensation(cny("119.81")).build());
    }

    @Test
    void offersAreBoundedInRoundsAndEachHasItsOwnDeadline() {
        ReturnWorkflow twoRounds = ReturnWorkflow.builder().partialRefundRounds(2).build();
        Fixtures.Walk walk = submitted(ReasonCode.SIZE_OR_FIT, twoRounds, line("SHOE", S1, 1, 1, "100.00"));
        walk.open(S1);
        walk.offer(S1, "10.00");
        assertEquals(walk.now.plus(Duration.ofHours(48)), walk.leg(S1).dueAt(twoRounds.deadlines()).orElseThrow());
        walk.advance(Duration.ofHours(48));
        ReturnEvent escalated = walk.fire(S1);
        assertEquals(new ReturnEvent.LegEscalated(walk.now, Fixtures.system(), S1, LegState.PARTIAL_REFUND_OFFERED),
                escalated);
        assertTrue(walk.current.needsAttention());
        walk.rejectOffer(S1);
        walk.advance(Duration.ofHours(1));
        walk.offer(S1, "20.00");
        assertEquals(walk.now.plus(Duration.ofHours(48)), walk.leg(S1).dueAt(twoRounds.deadlines()).orElseThrow(),
                "the second offer has a deadline of its own");
        assertFalse(walk.current.needsAttention());
        walk.rejectOffer(S1);
        Refusal third = expectRefused(walk, Refusal.Code.LIMIT_REACHED, "at most 2 partial refund offers",
                Commands.as(supplier(S1)).key(walk.key()).onCase(CASE).offerPartialRefund().amount(cny("30.00"))
                        .build());
        assertEquals(LegState.NEGOTIATING, third.state());
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        assertNull(walk.leg(S1).refund());
    }

    @Test
    void theCustomerMayCancelWhileAnOfferWaitsAndOnlyTheCustomerAnswersIt() {
        Fixtures.Walk walk = submitted(ReasonCode.SIZE_OR_FIT, line("SHOE", S1, 1, 1, "100.00"));
        walk.open(S1);
        walk.offer(S1, "10.00");
        Refusal byReseller = walk.refuse(Commands.as(reseller()).key(walk.key()).onCase(CASE).acceptPartialRefund()
                .leg(S1).buildUnchecked());
        assertEquals(Refusal.Code.ROLE_NOT_ALLOWED, byReseller.code());
        walk.cancel(S1);
        assertEquals(CaseStatus.CANCELLED, walk.current.status());
    }

    @Test
    void refusalsNeverEchoTheAmount() {
        Fixtures.Walk walk = submitted(ReasonCode.SIZE_OR_FIT, line("SHOE", S1, 1, 1, "100.00"));
        walk.open(S1);
        Refusal refusal = walk.refuse(Commands.as(supplier(S1)).key(walk.key()).onCase(CASE).offerPartialRefund()
                .amount(cny("123456.78")).build());
        assertFalse(refusal.reason().contains("123456"), refusal.reason());
    }

    private static Refusal expectRefused(Fixtures.Walk walk, Refusal.Code code, String reason, Command command) {
        ReturnCase before = walk.current;
        Refusal refusal = walk.refuse(command);
        assertEquals(code, refusal.code(), refusal.toString());
        assertTrue(refusal.reason().startsWith(reason) || refusal.reason().contains(reason), refusal.reason());
        assertEquals(before, walk.current, "a refused command changes nothing");
        return refusal;
    }
}
