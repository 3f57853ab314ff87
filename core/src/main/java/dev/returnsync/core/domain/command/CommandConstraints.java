package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException.Violation;

import java.util.AbstractList;
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
    private static final Comparator<Violation> ORDER =
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
            if (!CompiledConstraints.check(command, StopAtFirst.INSTANCE)) {
                return null;
            }
            return List.of();
        } catch (StopAtFirst.Found found) {
            List<Violation> violations = new ArrayList<>();
            CompiledConstraints.check(command, violations);
            violations.sort(ORDER);
            return violations;
        }
    }

    /**
     * A list that takes no element: the first violation ends the check, so a valid command needs no list of its
     * own. Holds nothing, so it is shared by every thread.
     */
    private static final class StopAtFirst extends AbstractList<Violation> {
        static final StopAtFirst INSTANCE = new StopAtFirst();

        /** Thrown at the first violation; carries no state and no stack trace, so one instance serves all. */
        static final class Found extends RuntimeException {
            private static final long serialVersionUID = 1L;
            static final Found INSTANCE = new Found();

            private Found() {
                super(null, null, false, false);
            }
        }

        @Override
        public boolean add(Violation violation) {
            throw Found.INSTANCE;
        }

        @Override
        public Violation get(int index) {
            throw new IndexOutOfBoundsException(index);
        }

        @Override
        public int size() {
            return 0;
        }
    }
}
