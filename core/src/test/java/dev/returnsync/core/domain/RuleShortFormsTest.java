package dev.returnsync.core.domain;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Optional;

import static dev.returnsync.core.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Guards that refuse when a condition holds, or allow only when it holds; policies that react to an event type. */
@Timeout(10)
class RuleShortFormsTest {
    private static final RuleContext NOW = RuleContext.at(T0);

    private static Command.SubmitReturn submit(int lines) {
        List<dev.returnsync.spi.ReturnLine> all = new java.util.ArrayList<>();
        for (int i = 0; i < lines; i++) {
            all.add(line("SKU-" + i, S1, 1, 1, "10.00"));
        }
        return Fixtures.submit(IdempotencyKey.of("k-" + lines), customer(), all, OutcomeType.RETURN_AND_REFUND);
    }

    @Test
    void aGuardBuiltWithRefuseWhenRefusesWithItsReasonWhenTheConditionHolds() {
        Guard guard = Guard.named("at-most-two-lines").on(Command.SubmitReturn.class)
                .refuseWhen((submit, current, ctx) -> submit.lines().size() > 2, "at most two lines per return");

        Verdict refused = guard.check(submit(3), Optional.empty(), NOW);
        assertFalse(refused.allowed());
        assertEquals("at-most-two-lines", refused.rule());
        assertEquals("at most two lines per return", refused.reason());
        assertTrue(guard.check(submit(2), Optional.empty(), NOW).allowed());
        Command other = new Command.OpenNegotiation(IdempotencyKey.of("o"), reseller(), null, null, CASE, S1);
        assertTrue(guard.check(other, Optional.empty(), NOW).allowed(), "other command types pass");
    }

    @Test
    void aGuardBuiltWithAllowOnlyWhenRefusesWhenTheConditionFails() {
        Guard guard = Guard.named("customers-submit").allowOnlyWhen(
                (command, current, ctx) -> command.actor().role() == Role.CUSTOMER,
                (command, current, ctx) -> "a " + command.actor().role() + " may not submit here");

        assertTrue(guard.check(submit(1), Optional.empty(), NOW).allowed());
        Command.SubmitReturn byReseller = Fixtures.submit(IdempotencyKey.of("r"), reseller(),
                List.of(line("A", S1, 1, 1, "1.00")), OutcomeType.RETURN_AND_REFUND);
        Verdict refused = guard.check(byReseller, Optional.empty(), NOW);
        assertEquals("a RESELLER may not submit here", refused.reason());
        assertEquals("customers-submit", refused.rule());
    }

    @Test
    void aGuardNeedsANameAndATypeAndACondition() {
        assertThrows(IllegalArgumentException.class, () -> Guard.named(" "));
        assertThrows(NullPointerException.class, () -> Guard.named("x").on(null));
        assertThrows(NullPointerException.class, () -> Guard.named("x").refuseWhen(null, "why"));
    }

    @Test
    void aPolicyBuiltWithTheShortFormFiresTheCommandWithTheDefaultHeaderAndADeterministicKey() {
        Policy policy = Policy.on(ReturnEvent.NegotiationOpened.class, "auto-apply", (after, opened, ctx) ->
                List.of(ctx.header(opened.leg().value()).applyForReturn().leg(opened.leg()).build()));
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("A", S1, 1, 1, "1.00")), OutcomeType.RETURN_AND_REFUND);
        ReturnEvent opened = walk.open(S1);

        List<Command> fired = policy.react(walk.current, opened, NOW);
        List<Command> again = policy.react(walk.current, opened, NOW);

        assertEquals(1, fired.size());
        Command.ApplyForReturn apply = (Command.ApplyForReturn) fired.get(0);
        assertEquals(S1, apply.leg());
        assertEquals(CASE, apply.caseId());
        assertEquals(Actor.system(TENANT, "auto-apply"), apply.actor());
        assertNull(apply.expectedVersion(), "a policy's command runs on whatever version the case has");
        assertEquals(fired, again, "the same policy reacting to the same event proposes the same key");
        Command other = Policy.on(ReturnEvent.NegotiationOpened.class, "other", (after, e, ctx) ->
                List.of(ctx.header(e.leg().value()).applyForReturn().leg(e.leg()).build()))
                .react(walk.current, opened, NOW).get(0);
        assertNotEquals(apply.key(), other.key(), "another policy gets another key");
    }

    @Test
    void aPolicyIgnoresOtherEventTypes() {
        Policy policy = Policy.on(ReturnEvent.SupplierAgreed.class, "p", (after, e, ctx) ->
                List.of(ctx.header("x").applyForReturn().leg(e.leg()).build()));
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(List.of(line("A", S1, 1, 1, "1.00")), OutcomeType.RETURN_AND_REFUND);
        assertEquals(List.of(), policy.react(walk.current, walk.open(S1), NOW));
    }
}
