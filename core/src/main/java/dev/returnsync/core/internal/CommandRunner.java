package dev.returnsync.core.internal;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.engine.CommandResult;

import java.time.Instant;

/**
 * Runs a command through the engine's pipeline at a given time: how the outbox loop (policy reactions, supplier
 * replies) and the deadline runner act. Not API.
 */
@FunctionalInterface
public interface CommandRunner {
    /** Runs the command decided at {@code now}; throws what the pipeline throws. */
    CommandResult run(Command command, Instant now);
}
