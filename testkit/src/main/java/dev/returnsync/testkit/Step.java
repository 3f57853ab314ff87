package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.spi.ReturnEvent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One decided command, as an {@link Invariant} sees it: the case before, the command, the decision and the case
 * after, with the history that led there.
 *
 * @param workflow the workflow under test
 * @param command the command
 * @param policy the policy that proposed the command, or {@code null} when a party (or the timer) sent it
 * @param context the time and settings the command was decided with
 * @param before the case before, empty when none existed
 * @param decision what the workflow decided
 * @param after the case after: {@code before} itself when the command was refused (so empty only for a refused
 *     submission)
 * @param history every event folded into {@code after}, oldest first, with its origin
 */
public record Step(ReturnWorkflow workflow, Command command, String policy, RuleContext context,
                   Optional<ReturnCase> before, Decision decision, Optional<ReturnCase> after,
                   List<RecordedEvent> history) {
    /**
     * Checks the mandatory fields and copies the history.
     *
     * @param workflow the workflow under test
     * @param command the command
     * @param policy the policy that proposed the command, or {@code null} when a party (or the timer) sent it
     * @param context the time and settings the command was decided with
     * @param before the case before, empty when none existed
     * @param decision what the workflow decided
     * @param after the case after: {@code before} itself when the command was refused (so empty only for a refused
     *     submission)
     * @param history every event folded into {@code after}, oldest first, with its origin
     */
    public Step {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(after, "after");
        history = List.copyOf(history);
    }

    /** {@return true when the command was accepted} */
    public boolean accepted() {
        return decision.accepted();
    }

    /** {@return the events the command yielded; empty when it was refused} */
    public List<ReturnEvent> events() {
        return decision instanceof Decision.Accepted accepted ? accepted.events() : List.of();
    }

    /** {@return the policy that proposed the command, if one did} */
    public Optional<String> byPolicy() {
        return Optional.ofNullable(policy);
    }

    /** {@return the events of {@link #history()} without their origin} */
    public List<ReturnEvent> historyEvents() {
        return history.stream().map(RecordedEvent::event).toList();
    }
}
