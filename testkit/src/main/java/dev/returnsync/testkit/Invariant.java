package dev.returnsync.testkit;

import dev.returnsync.core.domain.ReturnCase;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named property that must hold after every decided command. The checker runs every invariant on every
 * {@link Step} it explores and reports the shortest trace that breaks one.
 *
 * <pre>{@code
 * Invariant.of("at most one leg disputed",
 *         c -> c.legs().stream().filter(l -> l.state() == LegState.DISPUTED).count() <= 1);
 * }</pre>
 */
public interface Invariant {
    /** The name, shown in the report. */
    String name();

    /**
     * Checks one step.
     *
     * @param step the decided command
     * @return why the invariant is broken, or empty when it holds
     */
    Optional<String> check(Step step);

    /**
     * True when the invariant looks only at {@link Step#after()}: the checker then skips it on refused
     * commands, which leave the case as it was.
     */
    default boolean stateOnly() {
        return false;
    }

    /** An invariant of the case after each accepted command. */
    static Invariant of(String name, Predicate<ReturnCase> holds) {
        Objects.requireNonNull(holds, "holds");
        return explained(name, c -> holds.test(c) ? Optional.empty() : Optional.of("does not hold of the case"));
    }

    /** An invariant of the case after each accepted command, which explains each violation. */
    static Invariant explained(String name, Function<ReturnCase, Optional<String>> violation) {
        requireName(name);
        Objects.requireNonNull(violation, "violation");
        return new Invariant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> check(Step step) {
                return step.after() == null ? Optional.empty() : violation.apply(step.after());
            }

            @Override
            public boolean stateOnly() {
                return true;
            }

            @Override
            public String toString() {
                return "Invariant[" + name + "]";
            }
        };
    }

    /** An invariant of each step (accepted or refused). */
    static Invariant onStep(String name, Predicate<Step> holds) {
        Objects.requireNonNull(holds, "holds");
        return onStepExplained(name, s -> holds.test(s) ? Optional.empty() : Optional.of("does not hold of the step"));
    }

    /** An invariant of each step (accepted or refused), which explains each violation. */
    static Invariant onStepExplained(String name, Function<Step, Optional<String>> violation) {
        requireName(name);
        Objects.requireNonNull(violation, "violation");
        return new Invariant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Optional<String> check(Step step) {
                return violation.apply(step);
            }

            @Override
            public String toString() {
                return "Invariant[" + name + "]";
            }
        };
    }

    private static void requireName(String name) {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("an invariant needs a name");
        }
    }
}
