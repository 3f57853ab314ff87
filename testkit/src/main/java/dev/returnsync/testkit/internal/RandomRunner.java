package dev.returnsync.testkit.internal;

import dev.returnsync.testkit.Action;
import dev.returnsync.testkit.CheckReport;
import dev.returnsync.testkit.Counterexample;
import dev.returnsync.testkit.Generators;
import dev.returnsync.testkit.Parties;
import dev.returnsync.testkit.Submission;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.IdempotencyKey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Seeded random scenarios: scenario {@code i} of seed {@code s} is generated from its own
 * {@link SplittableRandom} seeded with {@link #scenarioSeed(long, int)}, step by step from the state reached,
 * so the same seed always gives the same scenarios. Half of the submissions are the configured ones, half are
 * generated. A failing scenario is shrunk (fewer actions, then smaller
 * values) by replaying candidates from scratch. Not API.
 */
public final class RandomRunner {
    private static final IdempotencyKey KEY = IdempotencyKey.of("random");
    private final Simulator simulator;
    private final Supplier<Simulator> replayer;
    private final Parties parties;
    private final List<Submission> submissions;
    private final Instant start;
    private final List<Duration> boundaries;
    private final long seed;
    private final int scenarios;
    private final int steps;
    private final int shrinkBudget;

    /**
     * Creates a runner.
     *
     * @param simulator runs the generated scenarios (its counters make the statistics)
     * @param replayer makes a simulator for replays while shrinking
     * @param parties the cast
     * @param submissions the configured submissions, used for half of the submissions (the others are generated)
     * @param start the delivery instant and the clock at the start
     * @param boundaries durations the generated waits lean towards
     * @param seed the seed
     * @param scenarios how many scenarios
     * @param steps the most actions per scenario
     * @param shrinkBudget the most replays while shrinking
     */
    public RandomRunner(Simulator simulator, Supplier<Simulator> replayer, Parties parties,
                        List<Submission> submissions, Instant start,
                        List<Duration> boundaries, long seed, int scenarios, int steps, int shrinkBudget) {
        this.simulator = simulator;
        this.replayer = replayer;
        this.parties = parties;
        this.submissions = List.copyOf(submissions);
        this.start = start;
        this.boundaries = List.copyOf(boundaries);
        this.seed = seed;
        this.scenarios = scenarios;
        this.steps = steps;
        this.shrinkBudget = shrinkBudget;
    }

    /** The seed of scenario {@code index} of a run seeded with {@code seed} (a SplitMix64 mix of both). */
    public static long scenarioSeed(long seed, int index) {
        long z = seed + 0x9E3779B97F4A7C15L * (index + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Generates the actions of one scenario, running them as it goes; stops early at a broken invariant. */
    public record Scenario(List<Action> actions, Simulator.Result last) {
    }

    /** Generates and runs scenario {@code index}. */
    public Scenario generate(Simulator runner, int index, Set<Simulator.State> seen) {
        SplittableRandom random = new SplittableRandom(scenarioSeed(seed, index));
        Simulator.Node node = Simulator.Node.root(start);
        List<Action> actions = new ArrayList<>();
        Simulator.Result result = new Simulator.Moved(node);
        for (int i = 0; i < steps; i++) {
            Action action;
            if (node.state().current().isEmpty() && !submissions.isEmpty() && Generators.chance(random, 0.5)) {
                action = new Action.Execute(Generators.oneOf(random, submissions).command(parties,
                        Commands.as(parties.ownCustomer()).key(KEY), start).build());
            } else {
                action = Generators.action(random, node.state().current(), runner.workflow(), parties, start,
                        boundaries);
            }
            actions.add(action);
            result = runner.apply(node, action);
            if (seen != null) {
                seen.add(result.node().state());
            }
            if (result instanceof Simulator.Broken) {
                break;
            }
            node = result.node();
        }
        return new Scenario(actions, result);
    }

    /** Runs every scenario, shrinking the first failure. */
    public CheckReport run() {
        long began = System.nanoTime();
        Set<Simulator.State> seen = new HashSet<>();
        long transitions = 0;
        int longest = 0;
        int ran = 0;
        Counterexample found = null;
        for (int i = 0; i < scenarios; i++) {
            Scenario scenario = generate(simulator, i, seen);
            ran++;
            transitions += scenario.actions().size();
            longest = Math.max(longest, scenario.actions().size());
            if (scenario.last() instanceof Simulator.Broken broken) {
                found = shrink(i, scenario.actions(), broken);
                break;
            }
        }
        return new CheckReport("random", seen.size(), transitions, simulator.decisions(), longest, ran,
                Duration.ofNanos(System.nanoTime() - began), simulator.acceptedCounts(), true,
                Optional.ofNullable(found));
    }

    private Counterexample shrink(int index, List<Action> actions, Simulator.Broken original) {
        String invariant = original.invariant();
        Shrinker.Shrunk<Action> shrunk = Shrinker.shrink(actions,
                candidate -> replay(candidate) instanceof Simulator.Broken b && b.invariant().equals(invariant),
                Simplify::candidates, Simplify::merge, shrinkBudget);
        Simulator.Broken smallest = (Simulator.Broken) replay(shrunk.value());
        return smallest.counterexample("seed " + seed + ", scenario " + index + " of " + scenarios + " (scenario seed "
                + scenarioSeed(seed, index) + "); shrunk from " + actions.size() + " to " + smallest.node().depth()
                + " steps in " + shrunk.attempts() + " replays. The same seed replays the same failure.");
    }

    /** Replays actions from the root; stops at the first broken invariant. */
    public Simulator.Result replay(List<Action> actions) {
        Simulator runner = replayer.get();
        Simulator.Node node = Simulator.Node.root(start);
        Simulator.Result result = new Simulator.Moved(node);
        for (Action action : actions) {
            result = runner.apply(node, action);
            if (result instanceof Simulator.Broken) {
                return result;
            }
            node = result.node();
        }
        return result;
    }
}
