package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.internal.CommandRunner;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * {@code REACT}: asks the workflow's policies what to do about the event (the case folded at its version) and runs
 * their commands through the pipeline. Policies key their commands stably, so a reaction tried again after a
 * failure or a crash applies each command once.
 *
 * <p>A refused command is final: the case moved on, and the command is dropped. A number linked to another case
 * parks the entry. Anything else (a store that failed for a moment, contention) propagates, and the whole reaction
 * is tried again later: commands it applied already are then replayed, not repeated.
 */
final class ReactHandler implements EffectHandler {
    private static final Logger log = LoggerFactory.getLogger(ReactHandler.class);

    private final ReturnWorkflow workflow;
    private final CommandRunner runner;

    ReactHandler(ReturnWorkflow workflow, CommandRunner runner) {
        this.workflow = workflow;
        this.runner = runner;
    }

    @Override
    public Outcome handle(Work work) {
        ReturnCase after = work.atEvent();
        List<Command> commands = workflow.react(after, work.event(), workflow.contextAt(work.now()));
        for (Command command : commands) {
            try {
                CommandResult result = runner.run(command, work.now());
                log.debug("policy command {} on case {}: version {}{}", command.type(), command.caseId(),
                        result.version(), result.replayed() ? " (replayed)" : "");
            } catch (CommandRefusedException e) {
                log.debug("policy command {} on case {} refused: {}", command.type(), command.caseId(), e.code());
            } catch (NumberAlreadyLinkedException e) {
                return Outcome.park("policy command " + command.type() + " uses a number linked to another return");
            }
        }
        return Outcome.DONE;
    }
}
