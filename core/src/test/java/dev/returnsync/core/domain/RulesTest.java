package dev.returnsync.core.domain;

import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.returnsync.core.domain.Fixtures.CASE;
import static dev.returnsync.core.domain.Fixtures.CUSTOMER;
import static dev.returnsync.core.domain.Fixtures.DELIVERED;
import static dev.returnsync.core.domain.Fixtures.S1;
import static dev.returnsync.core.domain.Fixtures.S2;
import static dev.returnsync.core.domain.Fixtures.TENANT;
import static dev.returnsync.core.domain.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards, policies and deadlines: the parts a host configures. */
class RulesTest {

    private static Command.SubmitReturn submitWith(IdempotencyKey key, Reason reason) {
        return new Command.SubmitReturn(key, Fixtures.customer(), null, null, CASE, CUSTOMER, OrderId.of("o-1"),
                ReturnNumber.customerRequest(TENANT, "AS-1"), ReturnNumber.resellerReturn(TENANT, "RS-1"),
                List.of(line("SKU-1", S1, 1, 1, "100.00")), reason, OutcomeType.RETURN_AND_REFUND, DELIVERED);
    }

    @Test
    void noReasonWindowIsInclusiveAtItsBoundary() {
        ReturnWorkflow workflow = ReturnWorkflow.builder().guard(Guards.noReasonWindow(Duration.ofDays(7))).build();
        Reason noReason = Reason.of(ReasonCode.NO_REASON, "");
        Decision atBoundary = workflow.decide(Optional.empty(), submitWith(IdempotencyKey.of("a"), noReason),
                RuleContext.at(DELIVERED.plus(Duration.ofDays(7))));
        assertTrue(atBoundary.accepted(), "exactly 7 days after delivery is inside the window");
        Decision justAfter = workflow.decide(Optional.empty(), submitWith(IdempotencyKey.of("b"), noReason),
                RuleContext.at(DELIVERED.plus(Duration.ofDays(7)).plusSeconds(1)));
        Refusal refusal = ((Decision.Refused) justAfter).refusal();
        assertEquals(Refusal.Code.RULE, refusal.code());
        assertEquals("no-reason-window", refusal.rule());
        assertTrue(refusal.reason().startsWith("returns without a reason close 7 days after delivery"), refusal.reason());
        Decision withReason = workflow.decide(Optional.empty(), submitWith(IdempotencyKey.of("c"),
                Reason.of(ReasonCode.SIZE_OR_FIT, "too big")), RuleContext.at(DELIVERED.plus(Duration.ofDays(30))));
        assertTrue(withReason.accepted(), "the window only binds returns without a reason");
    }

    @Test
    void composedGuardsNameTheRuleThatRefused() {
        Guard both = Guards.evidenceForQualityComplaints().and(Guards.maximumValue(Money.of("CNY", "50")));
        ReturnWorkflow workflow = ReturnWorkflow.builder().guard(both).build();
        Refusal evidence = ((Decision.Refused) workflow.decide(Optional.empty(), submitWith(IdempotencyKey.of("a"),
                Reason.of(ReasonCode.QUALITY_ISSUE, "torn")), RuleContext.at(Fixtures.T0))).refusal();
        assertEquals("evidence-for-quality-complaints", evidence.rule());
        Refusal value = ((Decision.Refused) workflow.decide(Optional.empty(), submitWith(IdempotencyKey.of("b"),
                new Reason(ReasonCode.QUALITY_ISSUE, "torn", List.of(Evidence.of(EvidenceKind.PHOTO, "photo-1")))), RuleContext.at(Fixtures.T0))).refusal();
        assertEquals("maximum-value", value.rule());
        assertEquals("the return is worth CNY 100.00, above the limit of CNY 50.00", value.reason());
    }

    @Test
    void aSupplierWithoutExchangesCannotAgreeToOne() {
        Fixtures.Walk walk = new Fixtures.Walk(ReturnWorkflow.builder().guard(Guards.noExchangesFrom(Set.of(S1))).build());
        walk.submit(List.of(line("A", S1, 1, 1, "1.00"), line("B", S2, 1, 1, "1.00")), OutcomeType.EXCHANGE);
        walk.open(S1);
        walk.open(S2);
        Refusal refusal = walk.refuse(new Command.AgreeReturn(walk.key(), Fixtures.supplier(S1), null, null, CASE, S1,
                OutcomeType.EXCHANGE, List.of(), null, null, null, List.of()));
        assertEquals("no-exchanges", refusal.rule());
        assertEquals(LegState.NEGOTIATING, refusal.state());
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        walk.agree(S2, OutcomeType.EXCHANGE);
    }

    @Test
    void policiesProposeCommandsWithStableKeysThatTheWorkflowAccepts() {
        ReturnWorkflow workflow = ReturnWorkflow.builder()
                .policy(Policies.autoOpenNegotiation())
                .policy(Policies.autoAgreeUpTo(Money.of("CNY", "100.00")))
                .policy(Policies.autoApplyForReturn())
                .policy(Policies.autoShareSupplierNumber())
                .build();
        Fixtures.Walk walk = new Fixtures.Walk(workflow);
        ReturnEvent opened = walk.submit(List.of(line("A", S1, 1, 1, "100.00"), line("B", S2, 1, 1, "100.01")),
                OutcomeType.RETURN_AND_REFUND);
        List<Command> reactions = runPolicies(walk, opened);
        assertEquals(2, reactions.size(), "one negotiation per supplier");
        assertEquals(reactions, workflow.react(ReturnWorkflow.evolve(Optional.empty(), opened), opened, RuleContext.at(walk.now)),
                "the same event gives the same commands, keys included");
        assertEquals(Role.SYSTEM, reactions.get(0).actor().role());
        assertEquals(LegState.NUMBER_REQUESTED, walk.state(S1), "worth 100.00: agreed at once, then applied");
        assertEquals(LegState.NEGOTIATING, walk.state(S2), "worth 100.01: waits for the supplier");
        ReturnEvent issued = walk.issue(S1, "SN-9");
        runPolicies(walk, issued);
        assertEquals(LegState.AWAITING_SHIPMENT, walk.state(S1), "the number was shared with the customer");
    }

    /** Applies the policies' reactions to an event, and to the events those produce, until none are left. */
    private static List<Command> runPolicies(Fixtures.Walk walk, ReturnEvent event) {
        List<Command> first = walk.workflow.react(walk.current, event, RuleContext.at(walk.now));
        for (Command command : first) {
            ReturnEvent next = walk.accept(command);
            runPolicies(walk, next);
        }
        return first;
    }

    @Test
    void deadlinePolicyValidatesItsSettings() {
        DeadlinePolicy.Builder builder = DeadlinePolicy.builder();
        assertEquals("a terminal state has no deadline: COMPLETED", assertThrows(IllegalArgumentException.class,
                () -> builder.on(LegState.COMPLETED, Duration.ofDays(1), TimeoutAction.EXPIRE)).getMessage());
        assertEquals("AUTO_CONFIRM is only possible in RESULT_NOTIFIED, not in SHIPPED",
                assertThrows(IllegalArgumentException.class,
                        () -> builder.on(LegState.SHIPPED, Duration.ofDays(1), TimeoutAction.AUTO_CONFIRM)).getMessage());
        assertEquals("deadline duration must be positive, was PT0S", assertThrows(IllegalArgumentException.class,
                () -> builder.on(LegState.SHIPPED, Duration.ZERO, TimeoutAction.ESCALATE)).getMessage());
        DeadlinePolicy shorter = DeadlinePolicy.ofDefaults().toBuilder()
                .on(LegState.AWAITING_SHIPMENT, Duration.ofDays(3), TimeoutAction.EXPIRE).without(LegState.SHIPPED).build();
        assertEquals(Optional.of(new DeadlinePolicy.Deadline(Duration.ofDays(3), TimeoutAction.EXPIRE)),
                shorter.deadline(LegState.AWAITING_SHIPMENT));
        assertEquals(Optional.empty(), shorter.deadline(LegState.SHIPPED));
        assertTrue(ReturnWorkflow.builder().deadlines(shorter).build().definition().rows(CommandType.FIRE_DEADLINE,
                LegState.SHIPPED).isEmpty(), "the table follows the policy");
    }

    @Test
    void deadlinesFallDueFromTheEventThatEnteredTheStateAndNotBefore() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("A", S1, 1, 1, "1.00")), OutcomeType.RETURN_AND_REFUND);
        assertEquals(Optional.empty(), walk.current.nextDueAt(DeadlinePolicy.ofDefaults()), "REQUESTED has no deadline");
        walk.advance(Duration.ofHours(5)).open(S1);
        assertEquals(Optional.of(walk.now.plus(Duration.ofHours(48))), walk.current.nextDueAt(DeadlinePolicy.ofDefaults()));
        walk.advance(Duration.ofHours(48)).advance(Duration.ofSeconds(-1));
        Refusal early = walk.refuse(new Command.FireDeadline(walk.key(), Fixtures.system(), null, null, CASE, S1));
        assertEquals(Refusal.Code.NOT_DUE, early.code());
        walk.advance(Duration.ofSeconds(1));
        ReturnEvent escalated = walk.fire(S1);
        assertEquals(new ReturnEvent.LegEscalated(walk.now, Fixtures.system(), S1, LegState.NEGOTIATING), escalated);
        assertTrue(walk.current.needsAttention());
        assertEquals(Optional.empty(), walk.current.nextDueAt(DeadlinePolicy.ofDefaults()), "escalates once per state");
        assertEquals(Refusal.Code.NOT_DUE,
                walk.refuse(new Command.FireDeadline(walk.key(), Fixtures.system(), null, null, CASE, S1)).code());
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND);
        assertEquals(false, walk.current.needsAttention(), "moving on clears the escalation");
    }

    @Test
    void expectedVersionIsChecked() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("A", S1, 1, 1, "1.00")), OutcomeType.RETURN_AND_REFUND);
        Refusal stale = walk.refuse(new Command.OpenNegotiation(walk.key(), Fixtures.reseller(), 0L, null, CASE, S1));
        assertEquals(Refusal.Code.VERSION_MISMATCH, stale.code());
        assertEquals("expected version 0 but the case is at version 1", stale.reason());
        walk.accept(new Command.OpenNegotiation(walk.key(), Fixtures.reseller(), 1L, null, CASE, S1));
    }

    @Test
    void payloadsThatDoNotFitTheLegAreRefusedNamingTheField() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("A", S1, 2, 2, "1.00")), OutcomeType.RETURN_AND_REFUND);
        walk.open(S1);
        assertEquals("authorized: SKU Z is not a line of this leg", walk.refuse(new Command.AgreeReturn(walk.key(),
                Fixtures.supplier(S1), null, null, CASE, S1, OutcomeType.RETURN_AND_REFUND,
                List.of(dev.returnsync.spi.LineQuantity.of("Z", 1)), null, null, null, List.of())).reason());
        assertEquals("authorized: quantity of A (3) is above the requested quantity (2)", walk.refuse(
                new Command.AgreeReturn(walk.key(), Fixtures.supplier(S1), null, null, CASE, S1, OutcomeType.RETURN_AND_REFUND,
                        List.of(dev.returnsync.spi.LineQuantity.of("A", 3)), null, null, null, List.of())).reason());
        walk.agree(S1, OutcomeType.RETURN_AND_REFUND, dev.returnsync.spi.LineQuantity.of("A", 1));
        walk.apply(S1);
        Refusal wrongScope = walk.refuse(new Command.IssueSupplierNumber(walk.key(), Fixtures.supplier(S1), null, null, CASE, S1,
                ReturnNumber.supplierReturn(S2, "X-1")));
        assertEquals("number must be scoped to sup-1, was scoped to sup-2", wrongScope.reason());
        walk.issue(S1, "X-1");
        walk.share(S1);
        walk.ship(S1, "SF", "SF00000001");
        assertEquals("received: quantity of A (2) is above the authorized quantity (1)", walk.refuse(
                new Command.ConfirmReceipt(walk.key(), Fixtures.supplier(S1), null, null, CASE, S1,
                        List.of(dev.returnsync.spi.LineQuantity.of("A", 2)))).reason());
        walk.receive(S1, dev.returnsync.spi.LineQuantity.of("A", 1));
        assertEquals("accepted + rejected of A (0 + 0) must equal the received quantity (1)", walk.refuse(
                new Command.ReportResult(walk.key(), Fixtures.supplier(S1), null, null, CASE, S1, List.of(), List.of(), "", null, List.of()))
                .reason());
    }
}
