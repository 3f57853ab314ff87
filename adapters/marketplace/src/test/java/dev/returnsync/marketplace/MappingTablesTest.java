package dev.returnsync.marketplace;

import dev.returnsync.core.domain.CaseHeader;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.LegMoney;
import dev.returnsync.core.domain.LineState;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.Transition;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.ReturnShipping;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The tables as a whole: every leg state of every outcome has its row in both marketplaces, every status is shown
 * by some state, the way forward is the transition table's, and every status reported in every state answers with
 * commands the workflow accepts and that make the leg show the status.
 */
@Timeout(30)
class MappingTablesTest {
    private static final List<MarketplaceMapping<?>> MAPPINGS =
            List.of(MarketplaceMapping.taobao(), MarketplaceMapping.alibaba1688());
    private static final SupplierId SUPPLIER = SupplierId.of("sup-1");
    private static final TenantId SHOP = TenantId.of("shop-1");
    private static final Instant T0 = Instant.parse("2026-11-03T08:00:00Z");

    @Test
    void everyLegStateOfEveryOutcomeHasItsRowAndEveryStatusIsShownBySomeState() {
        for (MarketplaceMapping<?> mapping : MAPPINGS) {
            Set<Object> shown = new java.util.HashSet<>();
            for (OutcomeType outcome : OutcomeType.values()) {
                List<? extends OutboundStatus<?>> rows = mapping.outboundTable(outcome);
                assertEquals(List.of(LegState.values()), rows.stream().map(OutboundStatus::state).toList());
                rows.forEach(row -> row.shown().ifPresent(shown::add));
            }
            assertEquals(Set.of(mapping.statusType().getEnumConstants()), shown,
                    mapping.source() + ": every status is what some leg shows");
        }
    }

    @Test
    void apiNamesRoundTrip() {
        for (TaobaoRefundStatus status : TaobaoRefundStatus.values()) {
            assertEquals(status, TaobaoRefundStatus.ofApiName(status.apiName()));
        }
        for (Alibaba1688RefundStatus status : Alibaba1688RefundStatus.values()) {
            assertEquals(status, Alibaba1688RefundStatus.ofApiName(status.apiName()));
        }
        assertEquals("waitbuyermodify", Alibaba1688RefundStatus.WAIT_BUYER_MODIFY.apiName());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Alibaba1688RefundStatus.ofApiName("WAIT_SELLER_AGREE"));
        assertTrue(unknown.getMessage().contains("waitselleragree"), unknown.getMessage());
    }

    @Test
    void theWayForwardIsTheTransitionTables() {
        var table = ReturnWorkflow.ofDefaults().definition();
        for (OutcomeType outcome : OutcomeType.values()) {
            for (LegState state : LegState.values()) {
                Forward.Step step = Forward.from(new LegFacts(state, outcome, false));
                if (state.isTerminal()) {
                    assertNull(step, state + " leads nowhere");
                    continue;
                }
                assertNotNull(step, state + " of a " + outcome + " leg leads on");
                List<LegState> targets = table.rows(step.command(), state).stream().map(Transition::to).toList();
                assertTrue(targets.contains(step.next().state()),
                        state + " --" + step.command() + "--> " + step.next().state() + " is no row of the table");
            }
        }
    }

    /** Every status, reported in every state of every outcome, with every piece of data the steps may need. */
    @Test
    void everyAnswerInEveryStateIsAcceptedByTheWorkflowAndShowsTheStatus() {
        int runs = checkAll(MarketplaceMapping.taobao()) + checkAll(MarketplaceMapping.alibaba1688());
        assertTrue(runs > 50, "the cross product runs commands: " + runs);
    }

    private static <S extends Enum<S> & RefundStatus> int checkAll(MarketplaceMapping<S> mapping) {
        int runs = 0;
        for (OutcomeType outcome : OutcomeType.values()) {
            for (LegState state : LegState.values()) {
                for (S status : mapping.statusType().getEnumConstants()) {
                    runs += check(mapping, caseIn(state, outcome), status);
                }
            }
        }
        return runs;
    }

    private static <S extends Enum<S> & RefundStatus> int check(MarketplaceMapping<S> mapping, ReturnCase current,
                                                                S status) {
        StatusChange<S> change = StatusChange.of(SUPPLIER, "R-1", status, 50).withTracking("SF", "SF5550001111")
                .withReplacementTracking("SF", "SF5550002222").withSupplierNumber("RMA-9");
        String where = mapping.source() + " " + status + " in " + current.legs().get(0).state() + " of "
                + current.wanted();
        Inbound answer = mapping.inbound(Optional.of(current), change);
        ReturnCase after = current;
        Instant now = T0.plusSeconds(3600);
        for (Command command : answer.commands()) {
            Decision decision = ReturnWorkflow.ofDefaults().decide(after, command,
                    ReturnWorkflow.ofDefaults().contextAt(now));
            assertTrue(decision.accepted(), where + ": " + command + " refused: " + decision);
            after = ReturnWorkflow.evolve(after, decision.eventsOrThrow());
        }
        if (answer instanceof Inbound.Run) {
            assertEquals(status, mapping.outbound(after, SUPPLIER).status(), where + ": the run shows the status");
        } else if (answer instanceof Inbound.Shown) {
            assertEquals(status, mapping.outbound(current, SUPPLIER).status(), where);
        } else {
            assertTrue(answer instanceof Inbound.Wait || answer instanceof Inbound.Behind
                    || answer instanceof Inbound.NoCounterpart, where + ": " + answer);
        }
        return answer.commands().isEmpty() ? 0 : 1;
    }

    /** A one-leg case whose leg stands in a state, with the quantities and numbers that state implies. */
    private static ReturnCase caseIn(LegState state, OutcomeType outcome) {
        Set<LegState> agreed = EnumSet.complementOf(EnumSet.of(LegState.REQUESTED, LegState.NEGOTIATING,
                LegState.DECLINED, LegState.CANCELLED));
        Set<LegState> numbered = EnumSet.of(LegState.NUMBER_ISSUED, LegState.AWAITING_SHIPMENT,
                LegState.AWAITING_RESULT, LegState.SHIPPED, LegState.RECEIVED, LegState.RESULT_REPORTED,
                LegState.REPLACEMENT_SHIPPED, LegState.RESULT_NOTIFIED, LegState.DISPUTED, LegState.COMPLETED);
        Set<LegState> back = EnumSet.of(LegState.SHIPPED, LegState.RECEIVED, LegState.RESULT_REPORTED,
                LegState.REPLACEMENT_SHIPPED, LegState.RESULT_NOTIFIED, LegState.DISPUTED, LegState.COMPLETED);
        Set<LegState> inspected = EnumSet.of(LegState.RESULT_REPORTED, LegState.REPLACEMENT_SHIPPED,
                LegState.RESULT_NOTIFIED, LegState.DISPUTED, LegState.COMPLETED);
        OutcomeType reaching = Reachable.outcomeReaching(state, outcome);
        if (reaching != outcome) {
            return caseIn(state, reaching);
        }
        boolean goods = outcome.shipsGoodsBack();
        int authorized = agreed.contains(state) ? 2 : 0;
        int received = goods && back.contains(state) && state != LegState.SHIPPED ? 2 : 0;
        int accepted = goods && inspected.contains(state) ? 2 : 0;
        LineState line = new LineState(Sku.of("sku-1"), Money.of("CNY", "10.00"), 2, 2, authorized, received,
                accepted, 0);
        Leg leg = new Leg(SUPPLIER, state, T0, agreed.contains(state) ? outcome : null, List.of(line),
                numbered.contains(state) ? ReturnNumber.supplierReturn(SUPPLIER, "RMA-1") : null, List.of(),
                goods && back.contains(state) ? ReturnNumber.returnTracking("YTO", "YT0000000001") : null,
                state == LegState.REPLACEMENT_SHIPPED || outcome == OutcomeType.EXCHANGE && inspected.contains(state)
                        && state != LegState.RESULT_REPORTED ? ReturnNumber.replacementTracking("YTO", "YT0000000002") : null,
                numbered.contains(state) && state != LegState.NUMBER_ISSUED, null,
                EnumSet.of(LegState.RESULT_NOTIFIED, LegState.DISPUTED, LegState.COMPLETED).contains(state)
                        ? Money.of("CNY", "20.00") : null, money(state), 1);
        return new ReturnCase(new CaseHeader(CaseId.of("case-1"), SHOP, CustomerId.of("c-1"), OrderId.of("o-1"),
                ReturnNumber.customerRequest(SHOP, "TB-1"), ReturnNumber.resellerReturn(SHOP, "RS-1"),
                Reason.of(ReasonCode.QUALITY_ISSUE, "broken"), outcome, T0.minusSeconds(86400), T0), List.of(leg), 5,
                Map.of());
    }

    /** No fees; a partial refund offered by the supplier when the leg stands in that offer. */
    private static LegMoney money(LegState state) {
        Money zero = Money.of("CNY", "0");
        boolean offered = state == LegState.PARTIAL_REFUND_OFFERED;
        return new LegMoney(ReturnShipping.none(zero.currency(), ReasonCode.QUALITY_ISSUE), zero, zero,
                offered ? Money.of("CNY", "5.00") : null, offered ? Role.SUPPLIER : null, offered ? 1 : 0, false);
    }
}
