package dev.returnsync.marketplace;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.returnsync.marketplace.Host.SUPPLIER;
import static dev.returnsync.marketplace.TaobaoRefundStatus.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A Taobao refund driven through the mapping against a real engine: the statuses Taobao reports become commands,
 * the statuses the legs reach are what the host pushes back, and the refund version guards against late messages.
 */
@Timeout(20)
class TaobaoRefundWalkTest {
    private final MarketplaceMapping<TaobaoRefundStatus> taobao = MarketplaceMapping.taobao();
    private final Host host = new Host("case-tb-1");

    @AfterEach
    void close() {
        host.close();
    }

    private StatusChange<TaobaoRefundStatus> change(TaobaoRefundStatus status, long version) {
        return StatusChange.of(SUPPLIER, "TB-REFUND-1", status, version);
    }

    private Inbound inbound(StatusChange<TaobaoRefundStatus> change) {
        return taobao.inbound(host.current(), change);
    }

    private TaobaoRefundStatus shown() {
        return taobao.outbound(host.state(), SUPPLIER).status();
    }

    /** The supplier's part up to the shared number: the supplier and the reseller act in the library. */
    private CommandResult supplierAgreesAndTheNumberIsShared() {
        host.execute(host.asSupplier().agreeReturn().leg(SUPPLIER).outcome(OutcomeType.RETURN_AND_REFUND).build());
        assertEquals(WAIT_SELLER_AGREE, shown(), "agreed, but the buyer has no return number yet");
        host.execute(host.asReseller().applyForReturn().leg(SUPPLIER).build());
        host.execute(host.asSupplier().issueSupplierNumber().leg(SUPPLIER)
                .number(ReturnNumber.supplierReturn(SUPPLIER, "RMA-77")).build());
        return host.execute(host.asReseller().shareNumberWithCustomer().leg(SUPPLIER).build());
    }

    @Test
    void aRefundWithGoodsReturnedWalksFromWaitSellerAgreeToSuccess() {
        // 1. the buyer applies on Taobao: no case yet, the host submits with the refund's version
        CommandResult submitted = host.submit(inbound(change(WAIT_SELLER_AGREE, 1001)), OutcomeType.RETURN_AND_REFUND);
        assertEquals(Map.of(SUPPLIER, WAIT_SELLER_AGREE), taobao.changes(Optional.empty(), submitted.state(),
                submitted.events()));
        assertEquals(1001L, host.state().externalVersion(taobao.source("TB-REFUND-1")).getAsLong());
        assertInstanceOf(Inbound.Stale.class, inbound(change(WAIT_SELLER_AGREE, 1001)), "the same message again");

        // 2. the reseller negotiates with the supplier; Taobao still waits for the seller
        host.execute(host.asReseller().openNegotiation().leg(SUPPLIER).build());
        assertEquals(WAIT_SELLER_AGREE, shown());
        var before = host.state();
        CommandResult shared = supplierAgreesAndTheNumberIsShared();

        // 3. the number is shared: the host agrees on Taobao, which reports WAIT_BUYER_RETURN_GOODS back
        assertEquals(Map.of(SUPPLIER, WAIT_BUYER_RETURN_GOODS), taobao.changes(Optional.of(before), shared.state(),
                shared.events()));
        assertInstanceOf(Inbound.Shown.class, inbound(change(WAIT_BUYER_RETURN_GOODS, 1002)));

        // 4. the buyer ships: the customer's shipment, with the tracking number Taobao carries
        Inbound shipped = inbound(change(WAIT_SELLER_CONFIRM_GOODS, 1003).withTracking("SF", "SF1234567890"));
        Command ship = assertInstanceOf(Inbound.Run.class, shipped).commands().get(0);
        assertEquals(Role.CUSTOMER, ship.actor().role());
        assertEquals(taobao.source("TB-REFUND-1"), ship.externalVersion().source());
        host.run(shipped);
        host.expectState(LegState.SHIPPED);
        assertEquals(WAIT_SELLER_CONFIRM_GOODS, shown());
        assertEquals(1, host.run(shipped).stream().filter(CommandResult::replayed).count(),
                "the same answer run again replays, adds nothing");

        // a late message: the old version is stale, a newer one behind the case is recognized as such
        assertInstanceOf(Inbound.Stale.class, inbound(change(WAIT_BUYER_RETURN_GOODS, 1002)));
        assertEquals(new Inbound.Behind(WAIT_SELLER_CONFIRM_GOODS), inbound(change(WAIT_BUYER_RETURN_GOODS, 1004)));

        // 5. the supplier receives and inspects (its own steps, not Taobao's); the reseller tells the buyer
        host.execute(host.asSupplier().confirmReceipt().leg(SUPPLIER).received(LineQuantity.of("sku-1", 2)).build());
        Inbound early = inbound(change(SUCCESS, 1005));
        assertEquals(new Inbound.Wait(List.of(), dev.returnsync.core.domain.CommandType.REPORT_RESULT,
                ((Inbound.Wait) early).reason()), early, "Taobao does not report the supplier's inspection");
        host.execute(host.asSupplier().reportResult().leg(SUPPLIER).accepted(LineQuantity.of("sku-1", 2))
                .note("fine").build());
        host.execute(host.asReseller().reportResultToCustomer().leg(SUPPLIER).note("99.00 on the way").build());
        assertEquals(Fit.NEAREST, taobao.outbound(host.state(), SUPPLIER).fit());
        assertEquals(WAIT_SELLER_CONFIRM_GOODS, shown());

        // 6. the reseller pays on Taobao: SUCCESS stands for the customer's confirmation
        Inbound success = inbound(change(SUCCESS, 1005));
        assertEquals(List.of(Role.CUSTOMER), success.commands().stream().map(c -> c.actor().role()).toList());
        host.run(success);
        host.expectState(LegState.COMPLETED);
        assertEquals(SUCCESS, shown());
        assertEquals(Fit.EXACT, taobao.outbound(host.state(), SUPPLIER).fit());
    }

    @Test
    void aCommandWithAnOlderRefundVersionIsRefusedByTheCaseAndChangesNothing() {
        host.submit(inbound(change(WAIT_SELLER_AGREE, 10)), OutcomeType.RETURN_AND_REFUND);
        host.execute(host.asReseller().openNegotiation().leg(SUPPLIER).build());
        Inbound refused = inbound(change(SELLER_REFUSE_BUYER, 9));
        assertInstanceOf(Inbound.Stale.class, refused);

        // a host that computed its answer before a newer message landed: the case refuses the old token
        Inbound computedEarlier = taobao.inbound(host.current(), change(SELLER_REFUSE_BUYER, 12));
        host.run(inbound(change(CLOSED, 13)));
        long version = host.state().version();
        CommandRefusedException stale = assertThrows(CommandRefusedException.class,
                () -> host.execute(computedEarlier.commands().get(0)));
        assertEquals(Refusal.Code.STALE_EXTERNAL_VERSION, stale.refusal().code());
        assertEquals(version, host.state().version());
        host.expectState(LegState.CANCELLED);
    }

    @Test
    void theSellerRefusesOnTaobaoAndTheBuyerWithdraws() {
        host.submit(inbound(change(WAIT_SELLER_AGREE, 1)), OutcomeType.RETURN_AND_REFUND);

        Inbound refuse = inbound(change(SELLER_REFUSE_BUYER, 2));
        assertEquals(List.of("OPEN_NEGOTIATION", "DECLINE_RETURN"),
                refuse.commands().stream().map(c -> c.type().name()).toList(), "a refusal needs a negotiation");
        host.run(refuse);
        host.expectState(LegState.DECLINED);
        assertEquals(SELLER_REFUSE_BUYER, shown());
        assertInstanceOf(Inbound.Shown.class, inbound(change(SELLER_REFUSE_BUYER, 3)));

        assertInstanceOf(Inbound.NoCounterpart.class, inbound(change(CLOSED, 4)),
                "a declined leg is final: closing it again has no counterpart");
    }

    @Test
    void theBuyerWithdrawsBeforeShippingAndTheLegIsCancelledByTheCustomer() {
        host.submit(inbound(change(WAIT_SELLER_AGREE, 1)), OutcomeType.RETURN_AND_REFUND);
        host.execute(host.asReseller().openNegotiation().leg(SUPPLIER).build());
        supplierAgreesAndTheNumberIsShared();

        Inbound closed = inbound(change(CLOSED, 2));
        assertEquals(List.of(Role.CUSTOMER), closed.commands().stream().map(c -> c.actor().role()).toList());
        host.run(closed);
        host.expectState(LegState.CANCELLED);
        assertEquals(CLOSED, shown());
    }

    @Test
    void aRefundClosedAfterTheGoodsWereShippedIsClosedByTheReseller() {
        host.submit(inbound(change(WAIT_SELLER_AGREE, 1)), OutcomeType.RETURN_AND_REFUND);
        host.execute(host.asReseller().openNegotiation().leg(SUPPLIER).build());
        supplierAgreesAndTheNumberIsShared();
        host.run(inbound(change(WAIT_SELLER_CONFIRM_GOODS, 2).withTracking("YTO", "YT9876543210")));

        Inbound closed = inbound(change(CLOSED, 3));
        assertEquals(List.of("CLOSE_LEG"), closed.commands().stream().map(c -> c.type().name()).toList());
        host.run(closed);
        host.expectState(LegState.CLOSED);
        assertEquals(Fit.NEAREST, taobao.outbound(host.state(), SUPPLIER).fit());
    }

    @Test
    void theBuyersShipmentWithoutATrackingNumberWaitsForIt() {
        host.submit(inbound(change(WAIT_SELLER_AGREE, 1)), OutcomeType.RETURN_AND_REFUND);
        host.execute(host.asReseller().openNegotiation().leg(SUPPLIER).build());
        supplierAgreesAndTheNumberIsShared();

        Inbound.Wait wait = assertInstanceOf(Inbound.Wait.class, inbound(change(WAIT_SELLER_CONFIRM_GOODS, 2)));
        assertEquals(dev.returnsync.core.domain.CommandType.REPORT_SHIPMENT, wait.step());
        assertTrue(wait.reason().contains("withTracking"), wait.reason());
        assertEquals(List.of(), wait.commands());
    }

    @Test
    void theSellerAgreesOnTaobaoBeforeTheSupplierIssuedItsNumber() {
        host.submit(inbound(change(WAIT_SELLER_AGREE, 1)), OutcomeType.RETURN_AND_REFUND);
        host.execute(host.asReseller().openNegotiation().leg(SUPPLIER).build());

        Inbound.Wait wait = assertInstanceOf(Inbound.Wait.class, inbound(change(WAIT_BUYER_RETURN_GOODS, 2)));

        assertEquals(List.of("AGREE_RETURN", "APPLY_FOR_RETURN"),
                wait.commands().stream().map(c -> c.type().name()).toList());
        assertEquals(dev.returnsync.core.domain.CommandType.ISSUE_SUPPLIER_NUMBER, wait.step(),
                "the supplier's number comes from the supplier, not from Taobao");
        wait.commands().forEach(host::execute);
        host.expectState(LegState.NUMBER_REQUESTED);
    }

    /**
     * SELLER_REFUSE_BUYER, then the buyer changes the request and applies again under the same refund id, and the
     * refund ends in SUCCESS.
     */
    @Test
    void aRefusedRefundIsReappliedAndEndsInSuccess() {
        host.submit(inbound(change(WAIT_SELLER_AGREE, 1)), OutcomeType.RETURN_AND_REFUND);
        host.execute(host.asReseller().openNegotiation().leg(SUPPLIER).build());
        host.execute(host.asSupplier().declineReturn().leg(SUPPLIER)
                .reason(dev.returnsync.spi.ReasonCode.OTHER, "not ours").build());
        assertEquals(SELLER_REFUSE_BUYER, shown());
        assertInstanceOf(Inbound.Shown.class, inbound(change(SELLER_REFUSE_BUYER, 2)));

        // the buyer applies again under the same refund id: a second negotiation round
        Inbound reapplied = inbound(change(WAIT_SELLER_AGREE, 3));
        host.run(reapplied);
        host.expectState(LegState.NEGOTIATING);
        assertEquals(WAIT_SELLER_AGREE, shown());

        supplierAgreesAndTheNumberIsShared();
        host.run(inbound(change(WAIT_SELLER_CONFIRM_GOODS, 4).withTracking("SF", "SF1234567891")));
        host.execute(host.asSupplier().confirmReceipt().leg(SUPPLIER).received(LineQuantity.of("sku-1", 2)).build());
        host.execute(host.asSupplier().reportResult().leg(SUPPLIER).accepted(LineQuantity.of("sku-1", 2))
                .note("fine").build());
        host.execute(host.asReseller().reportResultToCustomer().leg(SUPPLIER).note("refund").build());
        host.run(inbound(change(SUCCESS, 5)));
        assertEquals(SUCCESS, shown());
    }
}
