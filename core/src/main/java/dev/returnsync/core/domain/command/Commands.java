package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.spi.Actor;

/**
 * Where every command starts: who fires it. The {@link CommandHeader} that {@link #as} returns takes the
 * idempotency key, the case and (optionally) the version the caller saw; its step methods, named after the
 * commands, return the builder of that step.
 *
 * <pre>{@code
 * CommandHeader reseller = Commands.as(Actor.reseller(shop, "staff-1")).onCase(caseId);
 * Command open = reseller.key("open-1").openNegotiation().leg(supplier).build();
 * Command apply = reseller.key("apply-1").expectedVersion(3L).applyForReturn().leg(supplier).build();
 * }</pre>
 *
 * <p>A header is immutable, so one header can start any number of commands. {@code build()} checks the whole
 * command and names every missing or bad field, and an actor whose role can never fire the command, in one
 * {@link dev.returnsync.core.domain.InvalidCommandException}; what a build cannot know (the case's state, whether a
 * customer is the case's own) is left to the workflow's decision.
 */
public final class Commands {
    private Commands() {
    }

    /**
     * The header of commands fired by {@code actor}.
     *
     * @param actor who fires the commands; {@code null} is named as a missing {@code actor} when a command is built
     * @return a header with no key, no case and any version
     */
    public static CommandHeader as(Actor actor) {
        return new CommandHeader(actor, null, null, null, null);
    }

    /**
     * The header of an existing command: its actor, key, case, expected version and external version. A start for a command that
     * differs from another in its payload only, e.g. a smaller quantity.
     *
     * @param command the command
     * @return a header with the command's actor, key, case, expected version and external version
     */
    public static CommandHeader headerOf(Command command) {
        return new CommandHeader(command.actor(), command.key(), command.expectedVersion(),
                command.externalVersion(), command.caseId());
    }
}
