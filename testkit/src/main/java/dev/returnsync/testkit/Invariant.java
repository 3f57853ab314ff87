package dev.returnsync.testkit;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.testkit.internal.Describe;

import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A named property that must hold after every decided command. The checker runs every invariant on every
 * {@link Step} it explores and reports the shortest trace that breaks one.
 *
 * <pre>{@code
 * Invariant.of("at most one leg disputed",
 *         c -> c.legs().stream().filter(l -> l.state() == LegState.DISPUTED).count() <= 1);
 * Invariant.forEachLeg("a refund needs an outcome", (c, leg) -> leg.refund() == null || leg.outcome() != null);
 * }</pre>
 *
 * <p>A broken invariant's message names the values involved: {@link #of} shows the case and every leg's
 * state, outcome, refund, numbers and quantities; {@link #forEachLeg} names the one leg that breaks it with its
 * values; the {@code ...Explained} factories add the reason the invariant itself gives.
 */
public interface Invariant {
    /** {@return the name, shown in the report} */
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
     *
     * @return true to skip the invariant on refused commands
     */
    default boolean stateOnly() {
        return false;
    }

    /**
     * An invariant of the case after each accepted command.
     *
     * @param name how a failure names the invariant
     * @param holds true when the case is as it should be
     * @return the invariant
     */
    static Invariant of(String name, Predicate<ReturnCase> holds) {
        Objects.requireNonNull(holds, "holds");
        return explained(name, c -> holds.test(c) ? Optional.empty()
                : Optional.of("does not hold of case " + Describe.caseDetail(c)));
    }

    /**
     * An invariant of every leg of the case after each accepted command; a failure names the first leg that
     * breaks it, with its values.
     *
     * @param name how a failure names the invariant
     * @param holds true when the leg, in its case, is as it should be
     * @return the invariant
     */
    static Invariant forEachLeg(String name, BiPredicate<ReturnCase, Leg> holds) {
        Objects.requireNonNull(holds, "holds");
        return explained(name, c -> c.legs().stream().filter(leg -> !holds.test(c, leg)).findFirst()
                .map(leg -> "does not hold of leg " + Describe.legDetail(leg)));
    }

    /**
     * An invariant of every leg of the case after each accepted command, which explains each violation; the
     * failure shows the leg with its values, then the explanation.
     *
     * @param name how a failure names the invariant
     * @param violation what is wrong with the leg, in words, or empty when nothing is
     * @return the invariant
     */
    static Invariant forEachLegExplained(String name, BiFunction<ReturnCase, Leg, Optional<String>> violation) {
        Objects.requireNonNull(violation, "violation");
        return explained(name, c -> {
            for (Leg leg : c.legs()) {
                Optional<String> why = violation.apply(c, leg);
                if (why.isPresent()) {
                    return Optional.of("leg " + Describe.legDetail(leg) + ": " + why.get());
                }
            }
            return Optional.empty();
        });
    }

    /**
     * An invariant of the case after each accepted command, which explains each violation.
     *
     * @param name how a failure names the invariant
     * @param violation what is wrong with the case, in words, or empty when nothing is
     * @return the invariant
     */
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
                return step.after().flatMap(violation);
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

    /**
     * An invariant of each step (accepted or refused).
     *
     * @param name how a failure names the invariant
     * @param holds true when the step is as it should be
     * @return the invariant
     */
    static Invariant onStep(String name, Predicate<Step> holds) {
        Objects.requireNonNull(holds, "holds");
        return onStepExplained(name, s -> holds.test(s) ? Optional.empty() : Optional.of(
                "does not hold of " + Describe.command(s.command()) + " by " + s.command().actor() + ", "
                        + Describe.decision(s.decision()) + s.after().map(c -> ", case after: " + Describe.caseDetail(c)).orElse("")));
    }

    /**
     * An invariant of each step (accepted or refused), which explains each violation.
     *
     * @param name how a failure names the invariant
     * @param violation what is wrong with the step, in words, or empty when nothing is
     * @return the invariant
     */
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
