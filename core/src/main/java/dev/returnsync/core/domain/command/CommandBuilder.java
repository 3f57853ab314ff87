package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.DeadlinePolicy;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.core.domain.InvalidCommandException.Violation;
import dev.returnsync.core.domain.WorkflowDefinition;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds one command from its {@link CommandHeader} and the fields of its step. Not thread-safe; a builder may be
 * built more than once, each build making a new command from the fields as they are then.
 *
 * @param <C> the command built
 */
public abstract class CommandBuilder<C extends Command> {
    /** The roles of the transition table; the deadline policy only adds rows for the system. */
    private static final WorkflowDefinition TABLE = WorkflowDefinition.of(DeadlinePolicy.ofDefaults());

    final CommandHeader header;
    private final CommandType type;

    CommandBuilder(CommandHeader header, CommandType type) {
        this.header = header;
        this.type = type;
    }

    /**
     * The command, checked as a whole: every field the record requires and lacks, every field out of its range,
     * an actor whose role may never fire the command (by the transition table), and a field that contradicts the
     * actor are named together.
     *
     * @return the command
     * @throws InvalidCommandException naming every bad field, sorted by path; the message never repeats a value
     */
    public final C build() {
        C command = make();
        try {
            // a valid command, the common case, is checked without a list of its own
            check(command, FirstViolation.INSTANCE);
            return command;
        } catch (FirstViolation.Found found) {
            List<Violation> violations = new ArrayList<>();
            check(command, violations);
            violations.sort(CommandConstraints.ORDER);
            throw new InvalidCommandException(type, violations);
        }
    }

    /** Adds every violation of the command to the list: its constraints, then its actor's role and party. */
    private void check(C command, List<Violation> violations) {
        Constraints.check(command, violations);
        Actor actor = command.actor();
        if (actor != null) {
            Set<Role> allowed = TABLE.roles(type);
            if (!allowed.contains(actor.role())) {
                violations.add(new Violation("actor", "must be " + allowed.stream().map(role -> "a " + role)
                        .collect(Collectors.joining(" or ")) + " to fire " + type));
            }
            checkParty(command, actor, violations);
        }
    }

    /**
     * The command exactly as set, without the checks of {@link #build()}: missing fields stay {@code null} and any
     * actor is taken. Only for tools that must show that the workflow or the engine refuses what a build refuses
     * (a rule checker fires every command by every role); everything else calls {@link #build()}.
     *
     * @return the command, possibly invalid
     * @throws NullPointerException if a list holds a null element, naming the field and the index
     * @throws IllegalArgumentException if a note holds characters that text may not hold
     */
    public final C buildUnchecked() {
        return make();
    }

    /** {@return the type of the command built} */
    final CommandType type() {
        return type;
    }

    /** {@return what this builder fills in for the fields left unset, field by field, in record order} */
    final List<FieldDefault> defaults() {
        List<FieldDefault> defaults = new ArrayList<>();
        defaults.add(new FieldDefault("expectedVersion", "any version"));
        defaults.add(new FieldDefault("externalVersion", "none"));
        addDefaults(defaults);
        return defaults;
    }

    /** Adds the defaults of the step's own fields, stated next to the code that fills them in; none by default. */
    void addDefaults(List<FieldDefault> defaults) {
    }

    /** {@return the record, from the header and the fields as set; missing fields stay null} */
    abstract C make();

    /** Adds a violation for each field that contradicts the actor; none unless overridden. */
    void checkParty(C command, Actor actor, List<Violation> violations) {
    }
}
