package dev.returnsync.core.internal.pipeline;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.StepResult;
import dev.returnsync.core.engine.CaseNotFoundException;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.spi.ReturnEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules-and-decide stage: the workflow decides the command (roles, state, payload, custom rules) and moves the
 * case in one pass ({@link ReturnWorkflow#step}) at a time that never lies before the case's last event, and a
 * refusal becomes a {@link CommandRefusedException}. Not API.
 */
final class Decider {
    private static final Logger log = LoggerFactory.getLogger(Decider.class);

    /**
     * The accepted events and the case after them.
     *
     * @param before the case the command was decided against, empty for a new case
     * @param events the events
     * @param after the case after the events
     */
    record Decided(Optional<ReturnCase> before, List<ReturnEvent> events, ReturnCase after) {
        /** The version the append expects. */
        long expectedVersion() {
            return before.map(ReturnCase::version).orElse(0L);
        }

        /** The time of the last event. */
        Instant lastEventAt() {
            return events.get(events.size() - 1).at();
        }
    }

    private final ReturnWorkflow workflow;

    Decider(ReturnWorkflow workflow) {
        this.workflow = workflow;
    }

    /**
     * Decides a command.
     *
     * @param current the case, already authorized for the command's actor, or empty
     * @param last the time of the case's last event, null without a case
     * @throws CommandRefusedException if the workflow refuses
     */
    Decided decide(Optional<ReturnCase> current, Instant last, Command command, Instant now) {
        // An instance whose clock lags, or a command re-decided after losing a race, must not date its event
        // before the case's last one: event times of a case only move forward.
        Instant decidedAt = last != null && last.isAfter(now) ? last : now;
        StepResult result = workflow.step(current, command, workflow.contextAt(decidedAt));
        if (result instanceof StepResult.Refused refused) {
            throw refusal(refused.refusal(), command);
        }
        StepResult.Accepted accepted = (StepResult.Accepted) result;
        return new Decided(current, accepted.events(), accepted.after());
    }

    private static CommandRefusedException refusal(Refusal refusal, Command command) {
        if (log.isDebugEnabled()) {
            log.debug("command {} by {} on case {} refused: {}", command.type(), command.actor().role(),
                    command.caseId(), refusal.code());
        }
        return refusal.code() == Refusal.Code.CASE_NOT_FOUND
                ? CaseNotFoundException.forCommand(command.caseId(), command.type())
                : new CommandRefusedException(refusal);
    }
}
