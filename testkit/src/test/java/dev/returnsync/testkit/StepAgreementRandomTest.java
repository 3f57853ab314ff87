package dev.returnsync.testkit;

import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.Guards;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.core.domain.StepResult;
import dev.returnsync.spi.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's one-pass {@link ReturnWorkflow#step} and the replayable {@link ReturnWorkflow#decide} followed by
 * {@link ReturnWorkflow#evolve} agree on thousands of seeded random scenarios, walked with the random check's own
 * actions (submissions, commands of every type by every party with payloads leaning towards the edges, clock
 * moves to and around the deadlines): the same decision and the same case after every command.
 */
@Timeout(120)
class StepAgreementRandomTest {
    private static final Instant DELIVERED = Instant.parse("2026-03-02T00:00:00Z");
    private static final int SCENARIOS = 3_000;
    private static final int ACTIONS = 40;

    @Test
    void stepAgreesWithDecideThenEvolveOnRandomScenarios() {
        int accepted = 0;
        int refused = 0;
        for (ReturnWorkflow workflow : List.of(ReturnWorkflow.ofDefaults(),
                ReturnWorkflow.builder().guard(Guards.maximumValue(Money.of("CNY", "200.00"))).build())) {
            for (long seed = 0; seed < SCENARIOS; seed++) {
                SplittableRandom random = new SplittableRandom(seed);
                Optional<ReturnCase> current = Optional.empty();
                Instant now = DELIVERED;
                for (int i = 0; i < ACTIONS; i++) {
                    Action action = Generators.action(random, current, workflow, Parties.ofDefaults(), DELIVERED,
                            List.of());
                    if (action instanceof Action.Execute execute) {
                        RuleContext context = workflow.contextAt(now);
                        Decision decision = workflow.decide(current, execute.command(), context);
                        StepResult stepped = workflow.step(current, execute.command(), context);
                        String where = "seed " + seed + ", action " + i + ": " + action.describe();
                        assertEquals(decision, stepped.decision(), where);
                        if (decision instanceof Decision.Accepted ok) {
                            current = Optional.of(ReturnWorkflow.evolve(current, ok.events()));
                            assertEquals(current.get(), stepped.after(), where);
                            accepted++;
                        } else {
                            assertNull(stepped.after(), where);
                            refused++;
                        }
                    } else {
                        now = advance(action, now, current, workflow);
                    }
                }
            }
        }
        assertTrue(accepted > 20_000 && refused > 20_000, "accepted " + accepted + ", refused " + refused);
    }

    private static Instant advance(Action action, Instant now, Optional<ReturnCase> current, ReturnWorkflow workflow) {
        if (action instanceof Action.AdvanceBy by) {
            return now.plus(by.duration());
        }
        if (action instanceof Action.AdvanceToNextDue due) {
            Instant next = current.flatMap(c -> c.nextDueAt(workflow.deadlines())).orElse(null);
            Instant to = next == null ? now : next.plus(due.offset());
            return to.isAfter(now) ? to : now;
        }
        return ((Action.AdvanceTo) action).instant().isAfter(now) ? ((Action.AdvanceTo) action).instant() : now;
    }
}
