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
 * Guard window = Guard.on(Command.SubmitReturn.class, "7-day-no-reason-window", (submit, current, ctx) ->
 *         submit.reason().code() == ReasonCode.NO_REASON
 *                 && ctx.now().isAfter(submit.deliveredAt().plus(Duration.ofDays(7)))
 *                 ? Optional.of("no-reason returns close 7 days after delivery")
 *                 : Optional.empty());
 * }</pre>
 *
 * <p>A guard that compares times declares the durations it measures with {@link #withHorizons}, so that the
 * testkit's rule checker moves its clock to just before and just after each of them:
 * {@code Guard.on(...).withHorizons(Duration.ofDays(7))}. The ready-made {@link Guards} declare theirs.
 */
public interface Guard {
    /** The rule's name, shown in refusals. */
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

    /** The body of a guard: the reason to refuse, or empty to allow. */
    @FunctionalInterface
    interface Check<C extends Command> {
        /** The reason to refuse, or empty to allow. */
        Optional<String> refusal(C command, Optional<ReturnCase> current, RuleContext context);
    }

    /** A guard that looks at every command. */
    static Guard of(String name, Check<Command> check) {
        return on(Command.class, name, check);
    }

    /** A guard that looks only at commands of one type and allows every other command. */
    static <C extends Command> Guard on(Class<C> type, String name, Check<? super C> check) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(check, "check");
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("a guard needs a name");
        }
        return new Guard() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Verdict check(Command command, Optional<ReturnCase> current, RuleContext context) {
                if (!type.isInstance(command)) {
                    return Verdict.allow();
                }
                return check.refusal(type.cast(command), current, context)
                        .map(reason -> Verdict.refuse(name, reason))
                        .orElse(Verdict.allow());
            }

            @Override
            public String toString() {
                return "Guard[" + name + "]";
            }
        };
    }

    /** A guard that runs the given guards in order; the first refusal wins and keeps its own rule name. */
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

    /** This guard, then the other. */
    default Guard and(Guard other) {
        return allOf(name() + "+" + other.name(), List.of(this, other));
    }
}
