package dev.returnsync.core.domain;

import dev.returnsync.spi.CaseStatus;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.returnsync.core.domain.Fixtures.CASE;
import static dev.returnsync.core.domain.Fixtures.S1;
import static dev.returnsync.core.domain.Fixtures.TENANT;
import static dev.returnsync.core.domain.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both seed tables, walked end to end on one leg, with the exact events and every number resolving. */
class SeedWalkthroughTest {

    @Test
    void bothSeedTablesInOrderWithExactEvents() {
        Fixtures.Walk walk = new Fixtures.Walk();
        // 文本1 ① / 文本2 ①: 客户提交退货申请 (carries the customer-side number)
        walk.submit(List.of(line("SKU-1", S1, 2, 3, "59.90")), OutcomeType.RETURN_AND_REFUND);
        assertEquals(LegState.REQUESTED, walk.state(S1));
        // 文本1 ② / 文本2 ②: 代发商与供应商协商
        walk.open(S1);
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        // 文本1 ③ / 文本2 ③: 代发商向供应商申请退货(单号)
        ReturnEvent applied = walk.apply(S1);
        assertEquals(ReturnNumber.resellerReturn(TENANT, "RS-0001"), ((ReturnEvent.ReturnApplied) applied).resellerNumber());
        // 文本2 ④: 供应商提供退货单号
        walk.issue(S1, "th-778899");
        // 文本2 ⑤: 代发商将退货单号告知客户
        walk.share(S1);
        assertTrue(walk.leg(S1).numberShared());
        // the parcel goes back, its tracking number linked and synced
        walk.ship(S1, "SF", "SF 1234 5678 90");
        // 文本1 ④: 供应商确认退货并处理
        walk.receive(S1, LineQuantity.of("SKU-1", 2));
        // 文本1 ⑤: 供应商向代发商确认退货处理结果
        walk.inspect(S1, List.of(LineQuantity.of("SKU-1", 2)), List.of());
        // 文本1 ⑥: 代发商向客户确认退货处理结果
        ReturnEvent told = walk.tellCustomer(S1);
        assertEquals(Money.of("CNY", "119.80"), ((ReturnEvent.ResultReportedToCustomer) told).refund());
        // 文本1 ⑦: 客户确认退货处理结果
        walk.confirm(S1);

        assertEquals(List.of("ReturnRequested", "NegotiationOpened", "SupplierAgreed", "ReturnApplied",
                        "SupplierNumberIssued", "NumberSharedWithCustomer", "ReturnShipped", "ReturnReceived",
                        "ResultReported", "ResultReportedToCustomer", "ResultConfirmed"),
                walk.events.stream().map(ReturnEvent::type).toList());
        assertEquals(11, walk.current.version());
        assertEquals(LegState.COMPLETED, walk.state(S1));
        assertEquals(CaseStatus.COMPLETED, walk.current.status());

        // every number of every kind resolves to this case, and leg numbers to the leg
        ReturnCase done = walk.current;
        assertLink(done, ReturnNumber.customerRequest(TENANT, "AS20261103001"), null);
        assertLink(done, ReturnNumber.resellerReturn(TENANT, "rs-0001"), null);
        assertLink(done, ReturnNumber.supplierReturn(S1, "TH-778899"), S1);
        assertLink(done, ReturnNumber.returnTracking("sf", "SF1234567890"), S1);
        assertEquals(4, done.links().size());
    }

    @Test
    void everySeedRowIsCarriedOutByATransitionOfTheTable() {
        WorkflowDefinition table = ReturnWorkflow.ofDefaults().definition();
        for (SeedStep step : SeedStep.values()) {
            for (CommandType command : step.commands()) {
                assertTrue(table.transitions().stream().anyMatch(row -> row.command() == command),
                        step + " names " + command + ", which has no row");
            }
        }
        assertEquals(7, EnumSet.allOf(SeedStep.class).stream().filter(s -> s.table().equals("文本1")).count());
        assertEquals(5, EnumSet.allOf(SeedStep.class).stream().filter(s -> s.table().equals("文本2")).count());
    }

    @Test
    void theNegotiationOfStepTwoMaySettleByAPartialRefundInsteadOfAReturn() {
        for (SeedStep step : List.of(SeedStep.FLOW_2, SeedStep.NUMBER_2)) {
            assertTrue(step.commands().containsAll(List.of(CommandType.OFFER_PARTIAL_REFUND,
                    CommandType.ACCEPT_PARTIAL_REFUND, CommandType.REJECT_PARTIAL_REFUND)), step.text());
        }
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("SKU-1", S1, 1, 1, "80.00")), OutcomeType.RETURN_AND_REFUND);   // 文本1 ①
        walk.open(S1);                                                                          // 文本1 ②
        walk.offer(S1, "10.00");
        walk.rejectOffer(S1);
        walk.offer(S1, "15.00");
        walk.acceptOffer(S1);
        assertEquals(List.of("ReturnRequested", "NegotiationOpened", "PartialRefundOffered", "PartialRefundRejected",
                "PartialRefundOffered", "PartialRefundAccepted"), walk.events.stream().map(ReturnEvent::type).toList());
        assertEquals(CaseStatus.COMPLETED, walk.current.status());
        assertEquals(Money.of("CNY", "15.00"), walk.leg(S1).refund());
        assertNull(walk.leg(S1).supplierNumber(), "nothing ships back: no supplier return number is needed");
        assertEquals(2, walk.current.links().size(), "the customer's and the reseller's numbers only");
    }

    @Test
    void exchangeLinksTheReplacementParcelAndSupersededNumbersStillResolve() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("SKU-1", S1, 1, 1, "80.00")), OutcomeType.EXCHANGE);
        walk.open(S1);
        walk.agree(S1, OutcomeType.EXCHANGE);
        walk.apply(S1);
        walk.issue(S1, "OLD-1");
        walk.accept(new Command.ReplaceSupplierNumber(walk.key(), Fixtures.supplier(S1), null, null, CASE, S1,
                ReturnNumber.supplierReturn(S1, "NEW-2")));
        walk.share(S1);
        walk.ship(S1, "YTO", "YT0000000001");
        walk.receive(S1, LineQuantity.of("SKU-1", 1));
        walk.inspect(S1, List.of(LineQuantity.of("SKU-1", 1)), List.of());
        Refusal early = walk.refuse(new Command.ReportResultToCustomer(walk.key(), Fixtures.reseller(), null, null, CASE, S1, "x", null));
        assertEquals(Refusal.Code.CONDITION_NOT_MET, early.code(), "the replacement must ship before the customer is told");
        walk.shipReplacement(S1, "YTO", "YT0000000002");
        ReturnEvent told = walk.tellCustomer(S1);
        assertEquals(0, ((ReturnEvent.ResultReportedToCustomer) told).refund().minor(), "an exchange refunds nothing");
        walk.confirm(S1);

        ReturnCase done = walk.current;
        NumberLink old = assertLink(done, ReturnNumber.supplierReturn(S1, "old-1"), S1);
        assertTrue(old.superseded());
        assertFalse(assertLink(done, ReturnNumber.supplierReturn(S1, "NEW-2"), S1).superseded());
        assertLink(done, ReturnNumber.returnTracking("YTO", "YT0000000001"), S1);
        NumberLink replacement = assertLink(done, ReturnNumber.replacementTracking("yto", "yt0000000002"), S1);
        assertEquals(NumberKind.REPLACEMENT_TRACKING, replacement.number().kind());
        assertEquals(Set.of(NumberKind.values()),
                Set.copyOf(done.links().stream().map(l -> l.number().kind()).toList()), "every kind is linked");
    }

    @Test
    void aDeclineIsFollowedByARenewedRequestUnderTheSameNumberAndTheSeedTablesRunAgain() {
        Fixtures.Walk walk = new Fixtures.Walk();
        // 文本1 ① / 文本2 ①, then ②: the supplier declines after issuing its number
        walk.submit(List.of(line("SKU-1", S1, 1, 1, "59.90")), OutcomeType.RETURN_AND_REFUND);
        ReturnNumber customerNumber = walk.current.customerNumber();
        walk.open(S1);
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        walk.apply(S1);
        walk.issue(S1, "SN-1");
        walk.decline(S1);
        // 文本1 ① / 文本2 ① again: the customer changes the request and submits it once more (a new round)
        walk.reapply(S1);
        assertTrue(SeedStep.FLOW_1.commands().contains(CommandType.REAPPLY));
        // ② to ⑦ / ② to ⑤ of the new round
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        walk.apply(S1);
        walk.issue(S1, "SN-2");
        walk.share(S1);
        walk.ship(S1, "SF", "SF0000000009");
        walk.receive(S1, LineQuantity.of("SKU-1", 1));
        walk.inspect(S1, List.of(LineQuantity.of("SKU-1", 1)), List.of());
        walk.tellCustomer(S1);
        walk.confirm(S1);
        assertEquals(CaseStatus.COMPLETED, walk.current.status());
        assertEquals(customerNumber, walk.current.customerNumber(), "one customer request number for both rounds");
        assertEquals(2, walk.leg(S1).round());
        assertTrue(assertLink(walk.current, ReturnNumber.supplierReturn(S1, "SN-1"), S1).superseded(),
                "the first round's number still resolves");
        assertFalse(assertLink(walk.current, ReturnNumber.supplierReturn(S1, "SN-2"), S1).superseded());
    }

    private static NumberLink assertLink(ReturnCase c, ReturnNumber number, dev.returnsync.spi.SupplierId leg) {
        NumberLink link = c.resolve(number).orElseThrow(() -> new AssertionError(number + " does not resolve"));
        assertEquals(CASE, link.caseId());
        assertEquals(TENANT, link.tenant());
        if (leg == null) {
            assertNull(link.leg(), number + " belongs to the whole case");
        } else {
            assertEquals(leg, link.leg());
        }
        return link;
    }
}
