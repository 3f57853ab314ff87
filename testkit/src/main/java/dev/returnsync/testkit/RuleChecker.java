package dev.returnsync.testkit;

import dev.returnsync.core.domain.DeadlinePolicy;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.testkit.internal.Explorer;
import dev.returnsync.testkit.internal.Moves;
import dev.returnsync.testkit.internal.RandomRunner;
import dev.returnsync.testkit.internal.Simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Property-tests a {@link ReturnWorkflow} with custom guards, policies and deadlines: explores what parties can
 * do to a return case and checks invariants after every decided command. Plain JUnit Jupiter: {@code check()}
 * throws a {@link RuleViolation} (an {@link AssertionError}) with the shortest trace that breaks an invariant.
 *
 * <pre>{@code
 * RuleChecker.forWorkflow(workflow)
 *         .invariant("never refund more than paid", c -> ...)
 *         .exhaustive(8)
 *         .check();
 * RuleChecker.forWorkflow(workflow).random(42).scenarios(500).steps(30).check();
 * }</pre>
 *
 * <p>The clock visits one second before, the instant of, and one second after every time boundary it can know
 * of: each pending deadline, the closing re-application window of each declined leg, each {@link #window window}
 * and each duration the workflow's guards and policies
 * declare through {@code horizons()} ({@link dev.returnsync.core.domain.Guard#withHorizons}), counted from the
 * delivery and from when each leg entered its state. A custom rule that compares times must declare its
 * durations, or the checker cannot know where its boundaries lie.
 *
 * <p>Every check runs the built-in {@link Invariants#all()} beside the given ones unless
 * {@link #withoutBuiltInInvariants()} is called. Orders are delivered at the start instant, and the clock only
 * moves forward from there. A checker is a mutable builder: configure it, then run it; not thread-safe.
 */
public final class RuleChecker {
    private static final Instant DEFAULT_START = Instant.parse("2026-03-02T00:00:00Z");

    private final ReturnWorkflow workflow;
    private final List<Invariant> invariants = new ArrayList<>();
    private boolean builtIns = true;
    private final Set<String> skipped = new LinkedHashSet<>();
    private List<Submission> submissions = Submission.defaults();
    private final Set<Duration> windows = new LinkedHashSet<>();
    private final Set<Duration> advances = new LinkedHashSet<>();
    private Parties parties = Parties.ofDefaults();
    private Map<String, String> settings;
    private Instant start = DEFAULT_START;

    private RuleChecker(ReturnWorkflow workflow) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.settings = workflow.settings();
    }

    /**
     * A checker of a workflow (with its guards, policies and deadlines).
     *
     * @param workflow the rules under test
     * @return the checker, with the built-in invariants
     */
    public static RuleChecker forWorkflow(ReturnWorkflow workflow) {
        return new RuleChecker(workflow);
    }

    /**
     * Adds an invariant of the case after every accepted command.
     *
     * @param name how a failure names the invariant
     * @param holds true when the case is as it should be
     * @return this checker
     */
    public RuleChecker invariant(String name, Predicate<ReturnCase> holds) {
        return invariant(Invariant.of(name, holds));
    }

    /**
     * Adds an invariant.
     *
     * @param invariant the invariant
     * @return this checker
     */
    public RuleChecker invariant(Invariant invariant) {
        invariants.add(Objects.requireNonNull(invariant, "invariant"));
        return this;
    }

    /**
     * Adds invariants.
     *
     * @param more the invariants
     * @return this checker
     */
    public RuleChecker invariants(Collection<Invariant> more) {
        more.forEach(this::invariant);
        return this;
    }

    /**
     * Checks only the invariants given here, not the built-in {@link Invariants#all()}.
     *
     * @return this checker
     */
    public RuleChecker withoutBuiltInInvariants() {
        builtIns = false;
        return this;
    }

    /**
     * Leaves out one built-in invariant, named as in {@link Invariants} (e.g. when a policy of yours may
     * legitimately act for the supplier, {@code "a result is settled only after the supplier itself reported it"}).
     *
     * @param name the built-in invariant's name
     * @return this checker
     * @throws IllegalArgumentException if no built-in invariant has that name
     */
    public RuleChecker skipBuiltIn(String name) {
        Objects.requireNonNull(name, "name");
        if (Invariants.all().stream().noneMatch(invariant -> invariant.name().equals(name))) {
            throw new IllegalArgumentException("no built-in invariant is named '" + name + "'; the names are "
                    + Invariants.all().stream().map(Invariant::name).toList());
        }
        skipped.add(name);
        return this;
    }

    /**
     * The initial submissions the exhaustive exploration starts from, and half of the submissions of the random
     * check (the other half is generated); {@link Submission#defaults()} unless set.
     *
     * @param starts the submissions, at least one
     * @return this checker
     * @throws IllegalArgumentException if none is given
     */
    public RuleChecker submissions(Submission... starts) {
        return submissions(List.of(starts));
    }

    /**
     * The initial submissions; see {@link #submissions(Submission...)}.
     *
     * @param starts the submissions, at least one
     * @return this checker
     */
    public RuleChecker submissions(List<Submission> starts) {
        if (starts.isEmpty()) {
            throw new IllegalArgumentException("at least one submission is needed");
        }
        this.submissions = List.copyOf(starts);
        return this;
    }

    /**
     * An extra return window counted from the delivery (e.g. 7 days): the clock visits one second before, the
     * instant of, and one second after its end, before and after the submission. Not needed for durations the
     * rules declare as horizons; they are visited anyway.
     *
     * @param window the window's length, positive
     * @return this checker
     * @throws IllegalArgumentException if the window is not positive
     */
    public RuleChecker window(Duration window) {
        windows.add(positive(window, "window"));
        return this;
    }

    /**
     * Extra clock moves the exhaustive exploration tries from every state (e.g. 1 day).
     *
     * @param durations the moves, each positive
     * @return this checker
     */
    public RuleChecker advanceBy(Duration... durations) {
        for (Duration duration : durations) {
            advances.add(positive(duration, "advance"));
        }
        return this;
    }

    /**
     * The cast; {@link Parties#ofDefaults()} unless set.
     *
     * @param cast who acts
     * @return this checker
     */
    public RuleChecker parties(Parties cast) {
        this.parties = Objects.requireNonNull(cast, "parties");
        return this;
    }

    /**
     * The host settings every rule context carries; the workflow's own settings unless set.
     *
     * @param hostSettings the settings, by name
     * @return this checker
     */
    public RuleChecker settings(Map<String, String> hostSettings) {
        this.settings = Map.copyOf(hostSettings);
        return this;
    }

    /**
     * The delivery instant, where the clock starts; 2026-03-02T00:00:00Z unless set.
     *
     * @param instant the delivery instant
     * @return this checker
     */
    public RuleChecker startingAt(Instant instant) {
        this.start = Objects.requireNonNull(instant, "start");
        return this;
    }

    /**
     * Explores every action sequence up to {@code depth} actions (the submission and clock moves count).
     *
     * @param depth the most actions per sequence, 1 or more
     * @return the exhaustive check, to tune and run
     * @throws IllegalArgumentException if depth is below 1
     */
    public Exhaustive exhaustive(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, was " + depth);
        }
        return new Exhaustive(depth);
    }

    /**
     * Runs seeded random scenarios; the same seed gives the same scenarios and the same failure.
     *
     * @param seed the seed
     * @return the random check, to tune and run
     */
    public Randomized random(long seed) {
        return new Randomized(seed);
    }

    private List<Invariant> allInvariants() {
        List<Invariant> all = new ArrayList<>(invariants);
        if (builtIns) {
            Invariants.all().stream().filter(invariant -> !skipped.contains(invariant.name())).forEach(all::add);
        }
        return all;
    }

    private Simulator simulator() {
        return new Simulator(workflow, allInvariants(), settings);
    }

    /** The durations the workflow's guards and policies declare, in installation order. */
    private List<Duration> horizons() {
        Set<Duration> all = new LinkedHashSet<>();
        workflow.guards().forEach(guard -> all.addAll(new TreeSet<>(guard.horizons())));
        workflow.policies().forEach(policy -> all.addAll(new TreeSet<>(policy.horizons())));
        return List.copyOf(all);
    }

    private List<Duration> boundaries() {
        Set<Duration> all = new LinkedHashSet<>(windows);
        all.addAll(horizons());
        for (DeadlinePolicy.Deadline deadline : workflow.deadlines().deadlines().values()) {
            all.add(deadline.after());
        }
        all.add(workflow.reapplication().window());
        all.addAll(advances);
        return List.copyOf(all);
    }

    private static Duration positive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive, was " + duration);
        }
        return duration;
    }

    /** The exhaustive, breadth-first check; the first broken invariant it finds has the shortest trace. */
    public final class Exhaustive {
        private final int depth;
        private long maxStates = 3_000_000;
        private int threads = Math.min(2, Runtime.getRuntime().availableProcessors());

        private Exhaustive(int depth) {
            this.depth = depth;
        }

        /**
         * Stops after visiting this many states (the report then says it is not complete); 3 000 000 unless set.
         *
         * @param limit the most states, positive
         * @return this check
         * @throws IllegalArgumentException if not positive
         */
        public Exhaustive maxStates(long limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("maxStates must be positive, was " + limit);
            }
            this.maxStates = limit;
            return this;
        }

        /**
         * How many threads expand a level; up to 2 unless set. The result does not depend on it.
         *
         * @param count the number of threads, 1 or more
         * @return this check
         * @throws IllegalArgumentException if below 1
         */
        public Exhaustive threads(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("threads must be at least 1, was " + count);
            }
            this.threads = count;
            return this;
        }

        /**
         * Runs the exploration and reports, without throwing on a broken invariant.
         *
         * @return the report, with the counterexample if one was found
         */
        public CheckReport run() {
            Moves moves = new Moves(workflow, parties, submissions, List.copyOf(windows), horizons(),
                    List.copyOf(advances), start);
            return new Explorer(simulator(), moves, depth, maxStates, threads, start).run();
        }

        /**
         * Runs the exploration.
         *
         * @return the report, when every invariant held
         * @throws RuleViolation with the shortest counterexample otherwise
         */
        public CheckReport check() {
            return run().assertPassed();
        }
    }

    /** The random check: seeded scenarios, shrunk on failure. */
    public final class Randomized {
        private final long seed;
        private int scenarios = 200;
        private int steps = 30;
        private int shrinkBudget = 2_000;

        private Randomized(long seed) {
            this.seed = seed;
        }

        /**
         * How many scenarios; 200 unless set.
         *
         * @param count the number of scenarios, 1 or more
         * @return this check
         * @throws IllegalArgumentException if below 1
         */
        public Randomized scenarios(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("scenarios must be at least 1, was " + count);
            }
            this.scenarios = count;
            return this;
        }

        /**
         * The most actions per scenario (the submission and clock moves count); 30 unless set.
         *
         * @param count the most actions, 1 or more
         * @return this check
         * @throws IllegalArgumentException if below 1
         */
        public Randomized steps(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("steps must be at least 1, was " + count);
            }
            this.steps = count;
            return this;
        }

        /**
         * The most replays while shrinking a failure; 2 000 unless set.
         *
         * @param replays the most replays, 0 or more
         * @return this check
         * @throws IllegalArgumentException if negative
         */
        public Randomized shrinkBudget(int replays) {
            if (replays < 0) {
                throw new IllegalArgumentException("shrinkBudget must be zero or more, was " + replays);
            }
            this.shrinkBudget = replays;
            return this;
        }

        /**
         * Runs the scenarios and reports, without throwing on a broken invariant.
         *
         * @return the report, with the counterexample if one was found
         */
        public CheckReport run() {
            return new RandomRunner(simulator(), RuleChecker.this::simulator, parties, submissions, start, boundaries(), seed,
                    scenarios, steps, shrinkBudget).run();
        }

        /**
         * Runs the scenarios.
         *
         * @return the report, when every invariant held
         * @throws RuleViolation with the shrunk counterexample and the seed otherwise
         */
        public CheckReport check() {
            return run().assertPassed();
        }
    }
}
