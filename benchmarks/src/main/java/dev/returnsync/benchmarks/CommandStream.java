package dev.returnsync.benchmarks;

import dev.returnsync.core.domain.Command;

import java.util.function.IntFunction;

/**
 * An endless stream of realistic commands, each on its own case: a ring of {@code slots} cases, each at its own
 * step of the {@link Scenario}'s eleven; {@link #next()} is the next step of the next case in the ring, with the
 * version the caller saw. When a case has taken its last step, its slot starts a new case (a new scenario index),
 * so the mix is the eleven steps in equal parts, new submissions included. Not thread-safe: one per thread.
 *
 * <p>Scenario indexes are {@code first}, {@code first + stride}, {@code first + 2 * stride}, ..., so streams
 * with the same stride and different {@code first} below it never share a case.
 */
final class CommandStream {
    private final Scenario[] cases;
    private final int[] steps;
    private final long[] versions;
    private final int stride;
    private final IntFunction<Scenario> scenarios;
    private int nextIndex;
    private int cursor;
    private int slot = -1;
    private long issued;

    /**
     * A stream over {@code slots} cases.
     *
     * @param first the first scenario index
     * @param stride the distance between two scenario indexes of this stream
     * @param slots how many cases are in flight at once
     * @param scenarios makes the scenario of an index (so {@link Scenario#of})
     */
    CommandStream(int first, int stride, int slots, IntFunction<Scenario> scenarios) {
        if (slots < 1 || stride < 1 || first < 0) {
            throw new IllegalArgumentException("slots and stride must be positive, first zero or more");
        }
        this.cases = new Scenario[slots];
        this.steps = new int[slots];
        this.versions = new long[slots];
        this.stride = stride;
        this.scenarios = scenarios;
        this.nextIndex = first;
    }

    /** A stream over {@code slots} cases of {@link Scenario#of}. */
    CommandStream(int first, int stride, int slots) {
        this(first, stride, slots, Scenario::of);
    }

    /** How many cases are in flight at once. */
    int slots() {
        return cases.length;
    }

    /** How many commands {@link #next()} has made. */
    long issued() {
        return issued;
    }

    /**
     * The next command: the next step of the next case of the ring. Call {@link #accepted} with the case's new
     * version once it is accepted; a command that is not accepted is made again next round.
     */
    Command next() {
        slot = cursor;
        cursor = cursor + 1 == cases.length ? 0 : cursor + 1;
        return commandAt(slot);
    }

    /** The scenario of the case the last {@link #next()} was for. */
    Scenario scenario() {
        return cases[slot];
    }

    /** The step the last {@link #next()} was for. */
    Step step() {
        return Step.all().get(steps[slot]);
    }

    /** The case of the last {@link #next()} is now at {@code version}: its slot moves to the next step. */
    void accepted(long version) {
        versions[slot] = version;
        steps[slot]++;
    }

    /**
     * Makes the commands that bring slot {@code i} to step {@code i % 11} (so the ring holds cases at every step),
     * handing each to {@code run}, which returns the case's new version. Slot {@code i} gets scenario index
     * {@code first + i * stride}.
     */
    void populate(java.util.function.ToLongFunction<Command> run) {
        for (int i = 0; i < cases.length; i++) {
            ensureCase(i);
            int target = i % Step.all().size();
            for (int done = 0; done < target; done++) {
                Command command = commandAt(i);
                slot = i;
                accepted(run.applyAsLong(command));
            }
        }
        slot = -1;
    }

    /** Gives slot {@code i} a new case if it has none or its case is closed. */
    private void ensureCase(int i) {
        if (cases[i] == null || steps[i] == Step.all().size()) {
            cases[i] = scenarios.apply(nextIndex);
            nextIndex += stride;
            steps[i] = 0;
            versions[i] = 0;
        }
    }

    private Command commandAt(int i) {
        ensureCase(i);
        issued++;
        int step = steps[i];
        return ReturnsyncFlow.command(step == 0 ? null : versions[i], cases[i], Step.all().get(step));
    }
}
