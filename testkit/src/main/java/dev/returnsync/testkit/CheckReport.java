package dev.returnsync.testkit;

import dev.returnsync.core.domain.CommandType;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a check explored and what it found.
 *
 * @param mode {@code "exhaustive"} or {@code "random"}
 * @param states distinct states visited (case and clock)
 * @param transitions actions applied (commands, including refused ones, and clock moves)
 * @param decisions commands decided, including the policies' commands
 * @param depth the deepest level explored (exhaustive) or the longest scenario run (random)
 * @param scenarios the random scenarios run; 0 for an exhaustive check
 * @param elapsed wall time
 * @param accepted how often each command type was accepted: a type never accepted is a sign that the rules or the
 *     domain of payloads block it, so the check says little about what follows it
 * @param complete false when the exploration stopped at the state limit before reaching its depth
 * @param counterexample the shortest trace breaking an invariant, if one was found
 */
public record CheckReport(String mode, long states, long transitions, long decisions, int depth, int scenarios,
                          Duration elapsed, Map<CommandType, Long> accepted, boolean complete,
                          Optional<Counterexample> counterexample) {
    /**
     * Checks the fields and copies the counts.
     *
     * @param mode {@code "exhaustive"} or {@code "random"}
     * @param states distinct states visited (case and clock)
     * @param transitions actions applied (commands, including refused ones, and clock moves)
     * @param decisions commands decided, including the policies' commands
     * @param depth the deepest level explored (exhaustive) or the longest scenario run (random)
     * @param scenarios the random scenarios run; 0 for an exhaustive check
     * @param elapsed wall time
     * @param accepted how often each command type was accepted: a type never accepted is a sign that the rules or the
     *     domain of payloads block it, so the check says little about what follows it
     * @param complete false when the exploration stopped at the state limit before reaching its depth
     * @param counterexample the shortest trace breaking an invariant, if one was found
     */
    public CheckReport {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(elapsed, "elapsed");
        EnumMap<CommandType, Long> copy = new EnumMap<>(CommandType.class);
        copy.putAll(accepted);
        accepted = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(counterexample, "counterexample");
    }

    /** {@return true when no invariant was broken} */
    public boolean passed() {
        return counterexample.isEmpty();
    }

    /** {@return the command types never accepted during the check} */
    public Set<CommandType> neverAccepted() {
        EnumSet<CommandType> never = EnumSet.allOf(CommandType.class);
        accepted.forEach((type, count) -> {
            if (count > 0) {
                never.remove(type);
            }
        });
        return never;
    }

    /** {@return the statistics in one line} */
    public String summary() {
        return mode + " check: " + states + " states, " + transitions + " transitions, " + decisions
                + " decisions, depth " + depth + (scenarios > 0 ? ", " + scenarios + " scenarios" : "")
                + (complete ? "" : " (stopped at the state limit)") + ", " + elapsed.toMillis() + " ms"
                + (neverAccepted().isEmpty() ? "" : "; never accepted: " + neverAccepted());
    }

    /**
     * Passes when no invariant was broken.
     *
     * @return this report
     * @throws RuleViolation with the counterexample otherwise
     */
    public CheckReport assertPassed() {
        counterexample.ifPresent(found -> {
            throw new RuleViolation(this, found);
        });
        return this;
    }
}
