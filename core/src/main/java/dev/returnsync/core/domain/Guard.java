package dev.returnsync.core.domain;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A custom rule that allows or refuses a command, with a reason. Guards run after the library's own
 * checks (state, role, party, payload) have passed, in the order they were installed; the first refusal
 * wins. A guard is a pure function of the command, the case and the context: no I/O, no clock.
 *
 * <pre>{@code
 * Guard window = Guard.named("7-day-no-reason-window").on(Command.SubmitReturn.class)
 *         .refuseWhen((submit, current, ctx) -> submit.reason().code() == ReasonCode.NO_REASON
 *                         && ctx.now().isAfter(submit.deliveredAt().plus(Duration.ofDays(7))),
 *                 "no-reason returns close 7 days after delivery")
 *         .withHorizons(Duration.ofDays(7));
 * }</pre>
 *
 * <p>{@link #named} starts a guard; {@link Builder#refuseWhen} refuses when a condition holds,
 * {@link Builder#allowOnlyWhen} refuses when it does not; the reason is fixed or {@linkplain Explanation explained}
 * from what the guard saw. For anything else, implement {@link #check} and answer a {@link Verdict}.
 *
 * <p>A guard that compares times declares the durations it measures with {@link #withHorizons}, so that the
 * testkit's rule checker moves its clock to just before and just after each of them. The ready-made {@link Guards}
 * declare theirs.
 */
public interface Guard {
    /** {@return the rule's name, shown in refusals} */
    String name();

    /**
     * Allows or refuses a command.
     *
     * @param command the command, already checked by the library
     * @param current the case before the command; empty only for {@link Command.SubmitReturn}
     * @param context the time of the decision and the host's settings
     * @return the verdict
     */
    Verdict check(Command command, Optional<ReturnCase> current, RuleContext context);

    /**
     * The durations this guard measures (e.g. a 7-day window counted from the delivery or from when a leg
     * entered its state); empty unless declared. Only tests read them: the decision never does.
     *
     * @return the horizons, never null
     */
    default Set<Duration> horizons() {
        return Set.of();
    }

    /**
     * This guard, declaring the durations it measures beside those it already declares (see {@link #horizons()}).
     *
     * @param durations positive durations
     * @return a guard that decides as this one and declares the horizons
     * @throws IllegalArgumentException if a duration is not positive
     */
    default Guard withHorizons(Duration... durations) {
        Set<Duration> all = Horizons.union(horizons(), List.of(durations));
        Guard self = this;
        return new Guard() {
            @Override
            public String name() {
                return self.name();
            }

            @Override
            public Verdict check(Command command, Optional<ReturnCase> current, RuleContext context) {
                return self.check(command, current, context);
            }

            @Override
            public Set<Duration> horizons() {
                return all;
            }

            @Override
            public String toString() {
                return self.toString();
            }
        };
    }

    /**
     * When a guard applies: a pure test of the command, the case (empty for {@link Command.SubmitReturn}) and the
     * context.
     *
     * @param <C> the command type the guard looks at
     */
    @FunctionalInterface
    interface Condition<C extends Command> {
        /**
         * Tests the condition.
         *
         * @param command the command, already checked by the library
         * @param current the case before the command; empty only for {@link Command.SubmitReturn}
         * @param context the time of the decision and the host's settings
         * @return true when the condition holds
         */
        boolean test(C command, Optional<ReturnCase> current, RuleContext context);
    }

    /**
     * The reason a guard gives when it refuses, computed from what it saw (e.g. naming a limit and a value).
     *
     * @param <C> the command type the guard looks at
     */
    @FunctionalInterface
    interface Explanation<C extends Command> {
        /**
         * Explains a refusal.
         *
         * @param command the refused command
         * @param current the case before the command; empty only for {@link Command.SubmitReturn}
         * @param context the time of the decision and the host's settings
         * @return the reason, in words, without personal data
         */
        String reason(C command, Optional<ReturnCase> current, RuleContext context);
    }

    /**
     * Starts a guard with a name, shown in its refusals: {@code Guard.named("max-lines").on(Command.SubmitReturn.class)
     * .refuseWhen((submit, current, ctx) -> submit.lines().size() > 20, "at most 20 lines")}.
     *
     * @param name the rule's name; not null, not blank
     * @return a builder that looks at every command
     * @throws IllegalArgumentException if the name is blank
     */
    static Builder<Command> named(String name) {
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("a guard needs a name");
        }
        return new Builder<>(name, Command.class);
    }

    /**
     * A guard under construction: its name and the command type it looks at (every command unless narrowed with
     * {@link #on}). Every other command is allowed.
     *
     * @param <C> the command type the guard looks at
     */
    final class Builder<C extends Command> {
        private final String name;
        private final Class<C> type;

        private Builder(String name, Class<C> type) {
            this.name = name;
            this.type = type;
        }

        /**
         * The same guard, looking only at commands of this type.
         *
         * @param <D> the command type the guard looks at
         * @param commandType the class of that command type; not null
         * @return a builder with the same name, narrowed to that type
         */
        public <D extends Command> Builder<D> on(Class<D> commandType) {
            return new Builder<>(name, Objects.requireNonNull(commandType, "command type"));
        }

        /**
         * A guard that refuses, with this reason, the commands for which the condition holds.
         *
         * @param when the condition; not null
         * @param reason the reason of the refusal, in words, without personal data; not null
         * @return the guard
         */
        public Guard refuseWhen(Condition<? super C> when, String reason) {
            Objects.requireNonNull(reason, "reason");
            return refuseWhen(when, (command, current, context) -> reason);
        }

        /**
         * A guard that refuses, with the explained reason, the commands for which the condition holds.
         *
         * @param when the condition; not null
         * @param reason what explains the refusal from what the guard saw; not null
         * @return the guard
         */
        public Guard refuseWhen(Condition<? super C> when, Explanation<? super C> reason) {
            Objects.requireNonNull(when, "condition");
            Objects.requireNonNull(reason, "reason");
            return new ConditionGuard<>(name, type, when, reason);
        }

        /**
         * A guard that refuses, with this reason, the commands for which the condition does not hold.
         *
         * @param when the condition that allows; not null
         * @param reason the reason of the refusal, in words, without personal data; not null
         * @return the guard
         */
        public Guard allowOnlyWhen(Condition<? super C> when, String reason) {
            Objects.requireNonNull(reason, "reason");
            return allowOnlyWhen(when, (command, current, context) -> reason);
        }

        /**
         * A guard that refuses, with the explained reason, the commands for which the condition does not hold.
         *
         * @param when the condition that allows; not null
         * @param reason what explains the refusal from what the guard saw; not null
         * @return the guard
         */
        public Guard allowOnlyWhen(Condition<? super C> when, Explanation<? super C> reason) {
            Objects.requireNonNull(when, "condition");
            return refuseWhen((command, current, context) -> !when.test(command, current, context), reason);
        }
    }

    /**
     * A guard that runs the given guards in order; the first refusal wins and keeps its own rule name.
     *
     * @param name the combined guard's name; not null
     * @param guards the guards, in order; not null, no null element
     * @return the combined guard, declaring every horizon of the guards
     */
    static Guard allOf(String name, List<Guard> guards) {
        List<Guard> all = List.copyOf(guards);
        Objects.requireNonNull(name, "name");
        return new Guard() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Verdict check(Command command, Optional<ReturnCase> current, RuleContext context) {
                for (Guard guard : all) {
                    Verdict verdict = guard.check(command, current, context);
                    if (!verdict.allowed()) {
                        return verdict;
                    }
                }
                return Verdict.allow();
            }

            @Override
            public Set<Duration> horizons() {
                Set<Duration> horizons = new LinkedHashSet<>();
                all.forEach(guard -> horizons.addAll(guard.horizons()));
                return Set.copyOf(horizons);
            }

            @Override
            public String toString() {
                return "Guard[" + name + all + "]";
            }
        };
    }

    /**
     * This guard, then the other.
     *
     * @param other the guard that runs after this one; not null
     * @return the combined guard, named after both
     */

    default Guard and(Guard other) {
        return allOf(name() + "+" + other.name(), List.of(this, other));
    }
}
