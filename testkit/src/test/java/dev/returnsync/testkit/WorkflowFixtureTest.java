package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Guards;
import dev.returnsync.core.domain.Policies;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rule tests written with {@link WorkflowFixture}, and what its failures say. */
@Timeout(30)
class WorkflowFixtureTest {
    static final Parties PARTIES = Parties.ofDefaults();
    static final IdempotencyKey KEY = IdempotencyKey.of("k");
    static final Instant DELIVERED = Instant.parse("2026-03-02T00:00:00Z");
    static final Command.SubmitReturn SUBMIT = Submission.singleLeg(OutcomeType.EXCHANGE)
            .command(PARTIES, Commands.as(PARTIES.ownCustomer()).key(KEY), DELIVERED).build();
    static final SupplierId S1 = SUBMIT.lines().get(0).supplier();
    static final Command.OpenNegotiation OPEN = as(PARTIES.reseller()).openNegotiation().leg(S1).build();

    static CommandHeader as(Actor actor) {
        return Commands.as(actor).key(KEY).onCase(SUBMIT.caseId());
    }

    static Command.AgreeReturn agree(OutcomeType outcome) {
        return as(PARTIES.supplier(S1)).agreeReturn().outcome(outcome).build();
    }

    static final ReturnWorkflow NO_EXCHANGES = ReturnWorkflow.builder().guard(Guards.noExchangesFrom(Set.of(S1))).build();

    @Test
    void aGuardRefusesAnExchangeAndLetsARefundThrough() {
        WorkflowFixture fixture = WorkflowFixture.of(NO_EXCHANGES).givenAccepted(SUBMIT, OPEN);
        fixture.when(agree(OutcomeType.EXCHANGE)).thenRefusedByRule("no-exchanges").thenRefused(Refusal.Code.RULE);
        fixture.when(agree(OutcomeType.RETURN_AND_REFUND)).thenEvents(ReturnEvent.SupplierAgreed.class)
                .thenEventsMatch("the supplier agreed to a refund", events ->
                        ((ReturnEvent.SupplierAgreed) events.get(0)).outcome() == OutcomeType.RETURN_AND_REFUND);
    }

    @Test
    void theRulesSeeTheWorkflowsOwnSettingsUnlessTheFixtureSetsOthers() {
        ReturnWorkflow strict = ReturnWorkflow.builder().setting("exchanges", "off")
                .guard(dev.returnsync.core.domain.Guard.named("exchanges-setting").on(Command.AgreeReturn.class)
                        .refuseWhen((command, current, context) -> command.outcome() == OutcomeType.EXCHANGE
                                && context.setting("exchanges", "on").equals("off"), "exchanges are off"))
                .build();
        WorkflowFixture.of(strict).givenAccepted(SUBMIT, OPEN).when(agree(OutcomeType.EXCHANGE))
                .thenRefusedByRule("exchanges-setting");
        WorkflowFixture.of(strict).settings(java.util.Map.of("exchanges", "on")).givenAccepted(SUBMIT, OPEN)
                .when(agree(OutcomeType.EXCHANGE)).thenEvents(ReturnEvent.SupplierAgreed.class);
    }

    @Test
    void givenEventsStandForAcceptedCommands() {
        WorkflowFixture accepted = WorkflowFixture.of(NO_EXCHANGES).givenAccepted(SUBMIT, OPEN);
        WorkflowFixture given = WorkflowFixture.of(NO_EXCHANGES).given(accepted.history().toArray(ReturnEvent[]::new));
        assertEquals(accepted.current(), given.current());
        given.when(agree(OutcomeType.EXCHANGE)).thenRefusedByRule("no-exchanges");
    }

    @Test
    void aPolicyTestSeesWhatThePoliciesPropose() {
        ReturnWorkflow workflow = ReturnWorkflow.builder().policy(Policies.autoShareSupplierNumber()).build();
        Command.ApplyForReturn apply = as(PARTIES.reseller()).applyForReturn().leg(S1).build();
        Command.IssueSupplierNumber issue = as(PARTIES.supplier(S1)).issueSupplierNumber()
                .number(ReturnNumber.supplierReturn(S1, "RMA-1")).build();
        WorkflowFixture.of(workflow).givenAccepted(SUBMIT, OPEN, agree(OutcomeType.EXCHANGE), apply)
                .advance(Duration.ofHours(1))
                .when(issue)
                .thenEvents(ReturnEvent.SupplierNumberIssued.class)
                .thenPoliciesPropose(Command.ShareNumberWithCustomer.class);
    }

    @Test
    void aFailureShowsTheCommandTheDecisionAndTheCase() {
        WorkflowFixture fixture = WorkflowFixture.of(NO_EXCHANGES).givenAccepted(SUBMIT, OPEN);
        AssertionError error = assertThrows(AssertionError.class,
                () -> fixture.when(agree(OutcomeType.EXCHANGE)).thenEvents(ReturnEvent.SupplierAgreed.class));
        String message = error.getMessage();
        System.out.println(message);
        assertTrue(message.startsWith("expected events [SupplierAgreed], but "), message);
        assertTrue(message.contains("refused RULE[no-exchanges]"), message);
        assertTrue(message.contains("before: case " + SUBMIT.caseId()), message);
        assertTrue(message.contains(S1 + " (NEGOTIATING"), message);
    }

    @Test
    void aRefusedSetupStepFailsAtOnce() {
        AssertionError error = assertThrows(AssertionError.class,
                () -> WorkflowFixture.of(NO_EXCHANGES).givenAccepted(OPEN));
        assertTrue(error.getMessage().contains("to be accepted, but refused CASE_NOT_FOUND"), error.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> WorkflowFixture.of(NO_EXCHANGES).advance(Duration.ofSeconds(-1)));
    }
}
