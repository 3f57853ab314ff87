package dev.returnsync.testkit;

import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.testkit.internal.Describe;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a counterexample: the action, the clock after it, every command decided because of it (the
 * action's own command first, then the policies' commands) and the case after it.
 *
 * @param number the position in the trace, from 1
 * @param action what happened
 * @param at the clock after the step
 * @param decisions the decided commands, in order; empty for a clock move
 * @param after the case after the step, empty while no case exists
 */
public record TraceStep(int number, Action action, Instant at, List<Step> decisions, Optional<ReturnCase> after) {
    /**
     * Checks the fields and copies the decisions.
     *
     * @param number the position in the trace, from 1
     * @param action what happened
     * @param at the clock after the step
     * @param decisions the decided commands, in order; empty for a clock move
     * @param after the case after the step, empty while no case exists
     */
    public TraceStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(after, "after");
        decisions = List.copyOf(decisions);
    }

    /** {@return the step as text: one line for the action, one per decided command, the leg states after} */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%3d. @%s  %s%n", number, at, action.describe()));
        for (int i = 0; i < decisions.size(); i++) {
            Step step = decisions.get(i);
            if (i > 0 || step.policy() != null) {
                out.append("       policy '").append(step.policy()).append("' -> ").append(step.command().actor())
                        .append(' ').append(Describe.command(step.command())).append('\n');
            }
            out.append("       ").append(step.decision() instanceof Decision.Accepted ? "=> " : "=x ")
                    .append(Describe.decision(step.decision())).append('\n');
        }
        out.append("       legs: ").append(Describe.legs(after)).append('\n');
        return out.toString();
    }
}
