package dev.returnsync.core.domain;

import dev.returnsync.spi.ReturnSyncException;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A command broke its constraints (a missing or out-of-range field, or an actor the command cannot have). Thrown by
 * the command builders ({@link dev.returnsync.core.domain.command.Commands}) before a command exists, and by the
 * engine's validation before anything is read or changed. Each violation names the field path, e.g.
 * {@code lines[0].requested} or {@code actor}; the message never repeats the bad value. Not retryable: the input
 * must change.
 */
public final class InvalidCommandException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** The type of the command. */
    private final CommandType command;
    /** The broken constraints, sorted by path. */
    private final List<Violation> violations;

    /**
     * One broken constraint.
     *
     * @param path the field path within the command, e.g. {@code expectedVersion}
     * @param message what is wrong, e.g. {@code must not be null}
     */
    public record Violation(String path, String message) {
        /**
         * Validates the violation.
         *
         * @param path the field path within the command, e.g. {@code expectedVersion}
         * @param message what is wrong, e.g. {@code must not be null}
         */
        public Violation {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return path + " " + message;
        }
    }

    /**
     * Creates the exception.
     *
     * @param command the type of the command
     * @param violations the broken constraints, at least one, sorted by path
     */
    public InvalidCommandException(CommandType command, List<Violation> violations) {
        super("invalid " + command + " command: " + violations.stream().map(Violation::toString)
                .collect(Collectors.joining("; ")));
        this.command = command;
        this.violations = List.copyOf(violations);
    }

    /** {@return the type of the command} */
    public CommandType command() {
        return command;
    }

    /** {@return the broken constraints, sorted by path} */
    public List<Violation> violations() {
        return violations;
    }

    /** {@return the paths of the bad fields, sorted} */
    public List<String> paths() {
        return violations.stream().map(Violation::path).distinct().toList();
    }
}
