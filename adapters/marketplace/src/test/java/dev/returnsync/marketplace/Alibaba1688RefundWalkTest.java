package dev.returnsync.marketplace;

import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Optional;

import static dev.returnsync.marketplace.Alibaba1688RefundStatus.*;
import static dev.returnsync.marketplace.Host.SUPPLIER;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A 1688 dropship refund driven through the mapping against a real engine: the reseller's purchase refund at the
 * supplier, whose statuses stand for the supplier's side of the leg.
 */
@Timeout(20)
class Alibaba1688RefundWalkTest {
    private final MarketplaceMapping<Alibaba1688RefundStatus> alibaba = MarketplaceMapping.alibaba1688();
    private final Host host = new Host("case-1688-1");

    @AfterEach
    void close() {
        host.close();
    }

    private StatusChange<Alibaba1688RefundStatus> change(Alibaba1688RefundStatus status, long version) {
        return StatusChange.of(SUPPLIER, "TQ20261103001", status, version);
    }

    private Inbound inbound(StatusChange<Alibaba1688RefundStatus> change) {
        return alibaba.inbound(host.current(), change);
    }

    private OutboundStatus<Alibaba1688RefundStatus> shown() {
        return alibaba.outbound(host.state(), SUPPLIER);
    }

    private List<String> steps(Inbound answer) {
        return answer.commands().stream().map(c -> c.type() + " by " + c.actor().role()).toList();
    }

    private void opened() {
        host.submit(new Inbound.Open(dev.returnsync.spi.ExternalVersion.of("taobao", 1)), OutcomeType.RETURN_AND_REFUND);
        assertEquals(Fit.NONE, shown().fit(), "no 1688 refund before the reseller asks the supplier");
        assertEquals(Optional.empty(), shown().shown());
    }

    @Test
    void aDropshipRefundWalksFromWaitSellerAgreeToRefundSuccess() {
        opened();

        // the reseller applies for the refund on 1688
        Inbound applied = inbound(change(WAIT_SELLER_AGREE, 100));
        assertEquals(List.of("OPEN_NEGOTIATION by RESELLER"), steps(applied));
        host.run(applied);
        assertEquals(WAIT_SELLER_AGREE, shown().status());
        assertEquals(100L, host.state().externalVersion(alibaba.source("TQ20261103001")).getAsLong());
        assertEquals(1L, host.state().externalVersion("taobao").getAsLong(), "sources are independent");

        // the supplier agrees on 1688
        Inbound agreed = inbound(change(WAIT_BUYER_SEND, 200));
        assertEquals(List.of("AGREE_RETURN by SUPPLIER"), steps(agreed));
        host.run(agreed);
        assertEquals(Fit.NEAREST, shown().fit());
        assertEquals(WAIT_BUYER_SEND, shown().status());

        // the parcel is on its way: the 1688 refund id stands for the supplier's return number
        Inbound sent = inbound(change(WAIT_SELLER_RECEIVE, 300).withTracking("ZTO", "ZT7700112233"));
        assertEquals(List.of("APPLY_FOR_RETURN by RESELLER", "ISSUE_SUPPLIER_NUMBER by SUPPLIER",
                "SHARE_NUMBER_WITH_CUSTOMER by RESELLER", "REPORT_SHIPMENT by RESELLER"), steps(sent));
        host.run(sent);
        host.expectState(LegState.SHIPPED);
        assertEquals(ReturnNumber.supplierReturn(SUPPLIER, "TQ20261103001"),
                host.state().leg(SUPPLIER).orElseThrow().supplierNumber());
        assertEquals(WAIT_SELLER_RECEIVE, shown().status());

        // the supplier receives, inspects and refunds the reseller
        Inbound refunded = inbound(change(REFUND_SUCCESS, 400));
        assertEquals(List.of("CONFIRM_RECEIPT by SUPPLIER", "REPORT_RESULT by SUPPLIER"), steps(refunded));
        host.run(refunded);
        host.expectState(LegState.RESULT_REPORTED);
        assertEquals(2, host.state().leg(SUPPLIER).orElseThrow().totalAccepted(), "everything received is accepted");
        assertEquals(OutboundStatus.exact(LegState.RESULT_REPORTED, REFUND_SUCCESS), shown());

        // the customer's side goes on in the library; 1688 keeps showing the supplier's refund
        host.execute(host.asReseller().reportResultToCustomer().leg(SUPPLIER).note("refund on its way").build());
        assertEquals(REFUND_SUCCESS, shown().status());
        assertInstanceOf(Inbound.Shown.class, inbound(change(REFUND_SUCCESS, 401)));
        assertInstanceOf(Inbound.Stale.class, inbound(change(WAIT_SELLER_RECEIVE, 300)));
        assertEquals(new Inbound.Behind(REFUND_SUCCESS), inbound(change(WAIT_BUYER_SEND, 500)));
    }

    @Test
    void anInspectionThatAcceptsNothingShowsAsWaitingForTheBuyerToModify() {
        opened();
        host.run(inbound(change(WAIT_SELLER_AGREE, 1)));
        host.run(inbound(change(WAIT_BUYER_SEND, 2)));
        host.run(inbound(change(WAIT_SELLER_RECEIVE, 3).withTracking("ZTO", "ZT7700112234")));

        Inbound refused = inbound(change(WAIT_BUYER_MODIFY, 4));
        assertInstanceOf(Inbound.NoCounterpart.class, refused, "after shipping, a refusal is an inspection");
        host.execute(host.asSupplier().confirmReceipt().leg(SUPPLIER).received(LineQuantity.of("sku-1", 2)).build());
        host.execute(host.asSupplier().reportResult().leg(SUPPLIER).rejected(LineQuantity.of("sku-1", 2))
                .note("used").build());

        assertEquals(WAIT_BUYER_MODIFY, shown().status());
        assertInstanceOf(Inbound.Shown.class, inbound(change(WAIT_BUYER_MODIFY, 5)));
    }

    @Test
    void theSupplierRefusesOn1688() {
        opened();
        host.run(inbound(change(WAIT_SELLER_AGREE, 1)));

        Inbound refused = inbound(change(WAIT_BUYER_MODIFY, 2).withReason(
                dev.returnsync.spi.Reason.of(dev.returnsync.spi.ReasonCode.NO_REASON, "past the 7 days")));
        assertEquals(List.of("DECLINE_RETURN by SUPPLIER"), steps(refused));
        host.run(refused);
        host.expectState(LegState.DECLINED);
        assertEquals(WAIT_BUYER_MODIFY, shown().status());
    }

    @Test
    void theResellerClosesTheRefundOn1688() {
        opened();
        host.run(inbound(change(WAIT_SELLER_AGREE, 1)));

        Inbound closed = inbound(change(REFUND_CLOSED, 2));
        assertEquals(List.of("CANCEL_RETURN by RESELLER"), steps(closed));
        host.run(closed);
        assertEquals(OutboundStatus.exact(LegState.CANCELLED, REFUND_CLOSED), shown());
    }

    @Test
    void aRefundOnlyLegIsRefundedByTheSuppliersResult() {
        host.submit(new Inbound.Open(dev.returnsync.spi.ExternalVersion.of("taobao", 1)), OutcomeType.REFUND_ONLY);
        host.run(inbound(change(WAIT_SELLER_AGREE, 1)));

        Inbound refunded = inbound(change(REFUND_SUCCESS, 3).withOutcome(OutcomeType.REFUND_ONLY));
        assertEquals(List.of("AGREE_RETURN by SUPPLIER", "APPLY_FOR_RETURN by RESELLER",
                "ISSUE_SUPPLIER_NUMBER by SUPPLIER", "SHARE_NUMBER_WITH_CUSTOMER by RESELLER",
                "REPORT_RESULT by SUPPLIER"), steps(refunded));
        host.run(refunded);
        host.expectState(LegState.RESULT_REPORTED);
        assertEquals(REFUND_SUCCESS, shown().status());
    }

    @Test
    void aStatusThatNoStateOnTheWayShowsRunsNothingInsteadOfWalkingPastIt() {
        host.submit(new Inbound.Open(dev.returnsync.spi.ExternalVersion.of("taobao", 1)), OutcomeType.REFUND_ONLY);
        host.run(inbound(change(WAIT_SELLER_AGREE, 1)));

        Inbound answer = inbound(change(WAIT_BUYER_SEND, 2).withOutcome(OutcomeType.REFUND_ONLY));

        assertInstanceOf(Inbound.NoCounterpart.class, answer, "a refund-only leg never waits for a parcel");
        assertEquals(List.of(), answer.commands());
    }

    @Test
    void aStatusWithoutACaseOpensNothingButTheOpeningOne() {
        assertEquals(new Inbound.Open(dev.returnsync.spi.ExternalVersion.of(alibaba.source("TQ20261103001"), 7)),
                alibaba.inbound(Optional.empty(), change(WAIT_SELLER_AGREE, 7)));
        assertInstanceOf(Inbound.NoCounterpart.class, alibaba.inbound(Optional.empty(), change(REFUND_SUCCESS, 7)));
    }
}
