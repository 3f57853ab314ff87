package dev.returnsync.core.domain;

import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.CaseStatus;
import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.Settlement;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.returnsync.core.domain.Fixtures.S1;
import static dev.returnsync.core.domain.Fixtures.S2;
import static dev.returnsync.core.domain.Fixtures.S3;
import static dev.returnsync.core.domain.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One request against three suppliers: the first leg is refunded (with a partial acceptance), the second
 * exchanged, the third declined. The case status and every quantity axis are checked after every step.
 */
class ThreeSupplierCaseTest {

    @Test
    void refundedExchangedAndDeclinedLegs() {
        Fixtures.Walk walk = submitted();
        assertEquals(3, walk.current.legs().size(), "one leg per supplier");
        assertEquals(List.of(S1, S2, S3), walk.current.legs().stream().map(Leg::supplier).toList());
        expect(walk, CaseStatus.IN_PROGRESS, LegState.REQUESTED, LegState.REQUESTED, LegState.REQUESTED);
        axes(walk, S1, "SHIRT-M", 3, 3, 0, 0, 0, 0);
        axes(walk, S1, "SOCKS", 5, 2, 0, 0, 0, 0);

        walk.open(S1);
        walk.open(S2);
        walk.open(S3);
        expect(walk, CaseStatus.IN_PROGRESS, LegState.NEGOTIATING, LegState.NEGOTIATING, LegState.NEGOTIATING);

        walk.agree(S1, OutcomeType.RETURN_AND_REFUND, LineQuantity.of("SHIRT-M", 3), LineQuantity.of("SOCKS", 1));
        axes(walk, S1, "SHIRT-M", 3, 3, 3, 0, 0, 0);
        axes(walk, S1, "SOCKS", 5, 2, 1, 0, 0, 0);
        walk.agree(S2, OutcomeType.EXCHANGE);
        axes(walk, S2, "SHOE-42", 1, 1, 1, 0, 0, 0);
        walk.decline(S3);
        axes(walk, S3, "CAP", 2, 1, 0, 0, 0, 0);
        expect(walk, CaseStatus.IN_PROGRESS, LegState.AGREED, LegState.AGREED, LegState.DECLINED);

        for (SupplierId leg : List.of(S1, S2)) {
            walk.apply(leg);
        }
        walk.issue(S1, "A-100");
        walk.issue(S2, "B-200");
        walk.share(S1);
        walk.share(S2);
        expect(walk, CaseStatus.IN_PROGRESS, LegState.AWAITING_SHIPMENT, LegState.AWAITING_SHIPMENT, LegState.DECLINED);

        walk.ship(S1, "SF", "SF1000000001");
        walk.ship(S2, "JD", "JD2000000002");
        walk.receive(S1, LineQuantity.of("SHIRT-M", 3), LineQuantity.of("SOCKS", 1));
        axes(walk, S1, "SHIRT-M", 3, 3, 3, 3, 0, 0);
        axes(walk, S1, "SOCKS", 5, 2, 1, 1, 0, 0);
        walk.receive(S2, LineQuantity.of("SHOE-42", 1));
        expect(walk, CaseStatus.IN_PROGRESS, LegState.RECEIVED, LegState.RECEIVED, LegState.DECLINED);

        // partial acceptance: one shirt is stained and rejected
        walk.inspect(S1, List.of(LineQuantity.of("SHIRT-M", 2), LineQuantity.of("SOCKS", 1)),
                List.of(LineQuantity.of("SHIRT-M", 1)));
        axes(walk, S1, "SHIRT-M", 3, 3, 3, 3, 2, 1);
        axes(walk, S1, "SOCKS", 5, 2, 1, 1, 1, 0);
        walk.inspect(S2, List.of(LineQuantity.of("SHOE-42", 1)), List.of());
        axes(walk, S2, "SHOE-42", 1, 1, 1, 1, 1, 0);
        assertTrue(walk.leg(S2).replacementDue());
        assertFalse(walk.leg(S1).replacementDue());

        ReturnEvent refund = walk.tellCustomer(S1);
        assertEquals(Money.of("CNY", "107.50"), ((ReturnEvent.ResultReportedToCustomer) refund).refund(),
                "2 x 49.00 + 1 x 9.50: rejected units are not refunded");
        walk.shipReplacement(S2, "JD", "JD3000000003");
        expect(walk, CaseStatus.IN_PROGRESS, LegState.RESULT_NOTIFIED, LegState.REPLACEMENT_SHIPPED, LegState.DECLINED);
        walk.tellCustomer(S2);
        walk.confirm(S1);
        expect(walk, CaseStatus.IN_PROGRESS, LegState.COMPLETED, LegState.RESULT_NOTIFIED, LegState.DECLINED);
        walk.confirm(S2);
        expect(walk, CaseStatus.PARTIALLY_COMPLETED, LegState.COMPLETED, LegState.COMPLETED, LegState.DECLINED);
        assertEquals(Money.of("CNY", "107.50"), walk.leg(S1).refund());
        assertEquals(Money.of("CNY", "0"), walk.leg(S2).refund());
        assertEquals(walk.events.size(), walk.current.version());
    }

    @Test
    void feesCompensationAndAPartialRefundAddUpOverThreeLegs() {
        Fixtures.Walk walk = submitted();
        for (SupplierId leg : List.of(S1, S2, S3)) {
            walk.open(leg);
        }
        // a size problem: the customer would bear the fee, but the reseller takes it on in the negotiation
        walk.accept(Commands.as(Fixtures.reseller()).key(walk.key())
                .onCase(Fixtures.CASE).agreeReturn().leg(S1).outcome(OutcomeType.RETURN_AND_REFUND)
                .shippingFee(Money.of("CNY", "12.00")).feeBearer(FeeBearer.RESELLER).build());
        walk.accept(Commands.as(Fixtures.supplier(S2)).key(walk.key())
                .onCase(Fixtures.CASE).agreeReturn().outcome(OutcomeType.EXCHANGE)
                .shippingFee(Money.of("CNY", "20.00")).feeBearer(FeeBearer.SUPPLIER).build());
        walk.offer(S3, "10.00");
        walk.acceptOffer(S3);
        for (SupplierId leg : List.of(S1, S2)) {
            walk.apply(leg);
            walk.issue(leg, "N-" + leg.value());
            walk.share(leg);
            walk.ship(leg, "SF", "SF10000" + (leg.equals(S1) ? "1" : "2") + "0000");
        }
        walk.receive(S1, LineQuantity.of("SHIRT-M", 3), LineQuantity.of("SOCKS", 2));
        walk.accept(Commands.as(Fixtures.supplier(S1)).key(walk.key())
                .onCase(Fixtures.CASE).reportResult()
                .accepted(LineQuantity.of("SHIRT-M", 2), LineQuantity.of("SOCKS", 2))
                .rejected(LineQuantity.of("SHIRT-M", 1)).restockingFee(Money.of("CNY", "8.00")).build());
        walk.receive(S2, LineQuantity.of("SHOE-42", 1));
        walk.inspect(S2, List.of(LineQuantity.of("SHOE-42", 1)), List.of());
        walk.shipReplacement(S2, "JD", "JD3000000003");
        walk.tellCustomer(S1);
        walk.tellCustomer(S2);

        // S1: goods 2 x 49.00 + 2 x 9.50 = 117.00; refund 117.00 - 8.00 + 12.00; the supplier owes 117.00 - 8.00
        assertEquals(new Settlement(Money.of("CNY", "117.00"), Money.of("CNY", "8.00"),
                Money.of("CNY", "12.00"), Money.of("CNY", "0"), Money.of("CNY", "121.00"), Money.of("CNY", "109.00")),
                walk.leg(S1).settlement());
        // S2: an exchange refunds no goods; the supplier bears the fee, refunds it and owes it
        assertEquals(new Settlement(Money.of("CNY", "0"), Money.of("CNY", "0"),
                Money.of("CNY", "20.00"), Money.of("CNY", "0"), Money.of("CNY", "20.00"), Money.of("CNY", "20.00")),
                walk.leg(S2).settlement());
        assertEquals(Money.of("CNY", "10.00"), walk.leg(S3).settlement().refund());
        Settlement total = walk.current.settlement();
        assertEquals(Money.of("CNY", "151.00"), total.refund());
        assertEquals(Money.of("CNY", "139.00"), total.supplierOwes());
        walk.confirm(S1);
        walk.confirm(S2);
        expect(walk, CaseStatus.COMPLETED, LegState.COMPLETED, LegState.COMPLETED, LegState.COMPLETED);
    }

    @Test
    void theDeclinedLegIsReappliedOnWhileTheOthersRunAndMessagesMoveNoLeg() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("SHIRT-M", S1, 1, 1, "49.00"), line("SHOE-42", S2, 1, 1, "299.00"),
                line("CAP", S3, 1, 1, "35.00")), OutcomeType.RETURN_AND_REFUND);
        for (SupplierId leg : List.of(S1, S2, S3)) {
            walk.open(leg);
        }
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        walk.agree(S2, OutcomeType.REFUND_ONLY);
        walk.decline(S3);
        walk.message(S2, Fixtures.reseller(), dev.returnsync.spi.Role.SUPPLIER, "please refund without the return");
        walk.message(S1, Fixtures.supplier(S1), dev.returnsync.spi.Role.RESELLER, "label printed");
        expect(walk, CaseStatus.IN_PROGRESS, LegState.AGREED, LegState.AGREED, LegState.DECLINED);

        walk.advance(java.time.Duration.ofDays(2));
        walk.reapply(S3);
        expect(walk, CaseStatus.IN_PROGRESS, LegState.AGREED, LegState.AGREED, LegState.NEGOTIATING);
        assertEquals(List.of(1, 1, 2), walk.current.legs().stream().map(Leg::round).toList());
        walk.agree(S3, OutcomeType.REFUND_ONLY);
        walk.apply(S3);
        walk.issue(S3, "C-300");
        walk.share(S3);
        walk.inspect(S3, List.of(), List.of());
        ReturnEvent refund = walk.tellCustomer(S3);
        assertEquals(Money.of("CNY", "35.00"), ((ReturnEvent.ResultReportedToCustomer) refund).settlement().refund(),
                "the second round refunds what it authorized");
        walk.confirm(S3);
        expect(walk, CaseStatus.IN_PROGRESS, LegState.AGREED, LegState.AGREED, LegState.COMPLETED);
        assertEquals(2, walk.events.stream().filter(e -> e instanceof ReturnEvent.MessageSent).count());
        assertEquals(walk.events.size(), walk.current.version(), "a message is a version of its own");
    }

    @Test
    void statusIsDerivedFromTheLegs() {
        Fixtures.Walk cancelled = new Fixtures.Walk();
        cancelled.submit(List.of(line("A", S1, 1, 1, "1.00"), line("B", S2, 1, 1, "1.00")), OutcomeType.REFUND_ONLY);
        cancelled.cancel(S1);
        assertEquals(CaseStatus.IN_PROGRESS, cancelled.current.status());
        cancelled.cancel(S2);
        assertEquals(CaseStatus.CANCELLED, cancelled.current.status());

        Fixtures.Walk mixed = new Fixtures.Walk();
        mixed.submit(List.of(line("A", S1, 1, 1, "1.00"), line("B", S2, 1, 1, "1.00")), OutcomeType.REFUND_ONLY);
        mixed.cancel(S1);
        mixed.close(S2);
        assertEquals(CaseStatus.CLOSED, mixed.current.status());

        Fixtures.Walk declined = new Fixtures.Walk();
        declined.submit(List.of(line("A", S1, 1, 1, "1.00")), OutcomeType.REFUND_ONLY);
        declined.open(S1);
        declined.decline(S1);
        assertEquals(CaseStatus.DECLINED, declined.current.status());
    }

    /** Two lines of S1, one of S2, one of S3. */
    private static Fixtures.Walk submitted() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(
                line("SHIRT-M", S1, 3, 3, "49.00"),
                line("SOCKS", S1, 2, 5, "9.50"),
                line("SHOE-42", S2, 1, 1, "299.00"),
                line("CAP", S3, 1, 2, "35.00")), OutcomeType.RETURN_AND_REFUND);
        return walk;
    }

    private static void expect(Fixtures.Walk walk, CaseStatus status, LegState s1, LegState s2, LegState s3) {
        assertEquals(List.of(s1, s2, s3), walk.current.legs().stream().map(Leg::state).toList());
        assertEquals(status, walk.current.status());
    }

    private static void axes(Fixtures.Walk walk, SupplierId leg, String sku, int delivered, int requested,
                             int authorized, int received, int accepted, int rejected) {
        LineState line = walk.leg(leg).line(Sku.of(sku)).orElseThrow();
        assertEquals(List.of(delivered, requested, authorized, received, accepted, rejected),
                List.of(line.delivered(), line.requested(), line.authorized(), line.received(), line.accepted(),
                        line.rejected()), sku + " delivered/requested/authorized/received/accepted/rejected");
    }
}
