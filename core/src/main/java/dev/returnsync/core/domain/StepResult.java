package dev.returnsync.core.domain;

import java.util.Objects;

/**
 * What {@link ReturnWorkflow#step} answers: the decision and, when the command is accepted, the case after its
 * events, exactly as {@link ReturnWorkflow#evolve} would fold them.
 *
 * @param decision the events of the command, or why it was refused
 * @param after the case after the events; {@code null} when the command was refused
 */
public record StepResult(Decision decision, ReturnCase after) {
    /**
     * Checks that an accepted decision comes with its case and a refusal without one.
     *
     * @param decision the events of the command, or why it was refused; not null
     * @param after the case after the events; not null when accepted, null when refused
     */
    public StepResult {
        Objects.requireNonNull(decision, "decision");
        if (decision.accepted() != (after != null)) {
            throw new IllegalArgumentException("after: the case after the events comes with an accepted decision only");
        }
    }

    /** {@return true when the command was accepted} */
    public boolean accepted() {
        return after != null;
    }
}
