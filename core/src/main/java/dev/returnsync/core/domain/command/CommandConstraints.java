package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException.Violation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Jakarta constraints of a command's record, checked by plain code generated from its annotations (no
 * reflection, nothing allocated for a command that breaks none): the same violations, in the same words, as
 * Jakarta Validation gives, cascade included (a cascaded value whose type carries a constraint leaves its record
 * uncompiled, so that record is checked in full by a validator instead). For the engine, which checks every
 * command it is given, however it was made; a build already checks the same constraints.
 */
public final class CommandConstraints {
    /** The order violations are named in: by path, then message. */
    static final Comparator<Violation> ORDER =
            Comparator.comparing(Violation::path).thenComparing(Violation::message);

    private CommandConstraints() {
    }

    /**
     * The constraints a command's record breaks, by its compiled rules.
     *
     * @param command the command
     * @return the violations sorted by path, then message: empty (and nothing allocated) when there are none;
     *     {@code null} when the record has no compiled rules, to be checked in full by a validator
     */
    public static List<Violation> compiledViolations(Command command) {
        try {
            if (!CompiledConstraints.check(command, FirstViolation.INSTANCE)) {
                return null;
            }
            return List.of();
        } catch (FirstViolation.Found found) {
            List<Violation> violations = new ArrayList<>();
            CompiledConstraints.check(command, violations);
            violations.sort(ORDER);
            return violations;
        }
    }
}
