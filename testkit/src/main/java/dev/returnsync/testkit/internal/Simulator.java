package dev.returnsync.testkit.internal;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.Policy;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.testkit.Action;
import dev.returnsync.testkit.Counterexample;
import dev.returnsync.testkit.Invariant;
import dev.returnsync.testkit.RecordedEvent;
import dev.returnsync.testkit.Step;
import dev.returnsync.testkit.TraceStep;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Applies actions to a state the way the engine would: decide, evolve, let the policies react, and check every
 * invariant after every decided command. Pure apart from its counters; safe to share between threads. Not API.
 */
public final class Simulator {
    /** The invariant name used when the workflow, a rule or an invariant throws. */
    public static final String NO_EXCEPTION = "no exception";
    private static final int CASCADE_LIMIT = 64;

    private final ReturnWorkflow workflow;
    private final List<Invariant> invariants;
    private final Map<String, String> settings;
    private final LongAdder decisions = new LongAdder();
    private final AtomicLongArray accepted = new AtomicLongArray(CommandType.values().length);

    /**
     * Creates a simulator.
     *
     * @param workflow the workflow under test
     * @param invariants the invariants to check after every decided command
     * @param settings the host settings every {@link RuleContext} carries
     */
    public Simulator(ReturnWorkflow workflow, List<Invariant> invariants, Map<String, String> settings) {
        this.workflow = workflow;
        this.invariants = List.copyOf(invariants);
        this.settings = Map.copyOf(settings);
    }

    /** The workflow under test. */
    public ReturnWorkflow workflow() {
        return workflow;
    }

    /**
     * A point of the explored space: the case (or none yet) and the clock.
     *
     * @param current the case, empty before the submission
     * @param now the clock
     */
    public record State(Optional<ReturnCase> current, Instant now) {
        /** Checks the fields. */
        public State {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(now, "now");
        }
    }

    /** A state together with the path that reached it. */
    public static final class Node {
        final State state;
        final Node parent;
        final Action action;
        final List<Step> steps;
        final List<RecordedEvent> history;
        final int depth;

        Node(State state, Node parent, Action action, List<Step> steps, List<RecordedEvent> history, int depth) {
            this.state = state;
            this.parent = parent;
            this.action = action;
            this.steps = steps;
            this.history = history;
            this.depth = depth;
        }

        /** A root: no case yet, the clock at {@code start}. */
        public static Node root(Instant start) {
            return new Node(new State(Optional.empty(), start), null, null, List.of(), List.of(), 0);
        }

        /** The state. */
        public State state() {
            return state;
        }

        /** The number of actions from the root. */
        public int depth() {
            return depth;
        }

        /** The actions from the root to here. */
        public List<Action> actions() {
            List<Action> actions = new ArrayList<>(depth);
            for (Node node = this; node.parent != null; node = node.parent) {
                actions.add(node.action);
            }
            Collections.reverse(actions);
            return actions;
        }

        /** The trace from the root to here. */
        public List<TraceStep> trace() {
            List<Node> path = new ArrayList<>(depth);
            for (Node node = this; node.parent != null; node = node.parent) {
                path.add(node);
            }
            Collections.reverse(path);
            List<TraceStep> trace = new ArrayList<>(path.size());
            for (int i = 0; i < path.size(); i++) {
                Node node = path.get(i);
                trace.add(new TraceStep(i + 1, node.action, node.state.now(), node.steps, node.state.current()));
            }
            return trace;
        }
    }

    /** What applying an action gave. */
    public sealed interface Result {
        /** The node reached (for a broken invariant: the state right after the offending command). */
        Node node();
    }

    /** Every invariant held. */
    public record Moved(Node node) implements Result {
    }

    /** An invariant broke, or something threw. */
    public record Broken(Node node, String invariant, String message, Throwable cause) implements Result {
        /** The counterexample, with the given replay instructions. */
        public Counterexample counterexample(String replay) {
            return new Counterexample(invariant, message, node.trace(), replay, cause);
        }
    }

    /** The commands decided so far, including the policies'. */
    public long decisions() {
        return decisions.sum();
    }

    /** How often each command type was accepted so far. */
    public Map<CommandType, Long> acceptedCounts() {
        Map<CommandType, Long> counts = new EnumMap<>(CommandType.class);
        for (CommandType type : CommandType.values()) {
            counts.put(type, accepted.get(type.ordinal()));
        }
        return counts;
    }

    /** Applies an action to a node. */
    public Result apply(Node from, Action action) {
        State state = from.state;
        if (action instanceof Action.Execute execute) {
            return execute(from, action, execute.command());
        }
        Instant target;
        if (action instanceof Action.AdvanceTo to) {
            target = to.instant();
        } else if (action instanceof Action.AdvanceBy by) {
            target = state.now().plus(by.duration());
        } else {
            Action.AdvanceToNextDue due = (Action.AdvanceToNextDue) action;
            target = state.current().flatMap(c -> c.nextDueAt(workflow.deadlines())).map(at -> at.plus(due.offset()))
                    .orElse(state.now());
        }
        Instant now = target.isAfter(state.now()) ? target : state.now();
        return new Moved(new Node(new State(state.current(), now), from, action, List.of(), from.history, from.depth + 1));
    }

    private record Pending(Command command, String policy) {
    }

    private Result execute(Node from, Action action, Command command) {
        Instant now = from.state.now();
        RuleContext context = new RuleContext(now, settings);
        Optional<ReturnCase> current = from.state.current();
        List<RecordedEvent> history = from.history;
        List<Step> steps = new ArrayList<>(2);
        Deque<Pending> queue = new ArrayDeque<>();
        queue.add(new Pending(command, null));
        int count = 0;
        while (!queue.isEmpty()) {
            Pending pending = queue.poll();
            if (++count > CASCADE_LIMIT) {
                return broken(from, action, steps, current, history, NO_EXCEPTION, "the policies do not settle: more than "
                        + CASCADE_LIMIT + " automatic commands after one step", null);
            }
            Decision decision;
            try {
                decision = workflow.decide(current, pending.command, context);
            } catch (RuntimeException e) {
                return broken(from, action, steps, current, history, NO_EXCEPTION, "decide threw " + e, e);
            }
            decisions.increment();
            if (decision instanceof Decision.Accepted accept) {
                ReturnCase next;
                try {
                    next = ReturnWorkflow.evolve(current, accept.events());
                } catch (RuntimeException e) {
                    return broken(from, action, steps, current, history, NO_EXCEPTION, "evolve threw " + e, e);
                }
                accepted.incrementAndGet(pending.command.type().ordinal());
                List<RecordedEvent> longer = new ArrayList<>(history.size() + accept.events().size());
                longer.addAll(history);
                for (ReturnEvent event : accept.events()) {
                    longer.add(new RecordedEvent(event, pending.policy));
                }
                List<RecordedEvent> nextHistory = List.copyOf(longer);
                Step step = new Step(workflow, pending.command, pending.policy, context, current, decision,
                        Optional.of(next), nextHistory);
                steps.add(step);
                current = Optional.of(next);
                history = nextHistory;
                Optional<Broken> broken = check(from, action, steps, current, history, step);
                if (broken.isPresent()) {
                    return broken.get();
                }
                for (ReturnEvent event : accept.events()) {
                    for (Policy policy : workflow.policies()) {
                        List<Command> proposed;
                        try {
                            proposed = policy.react(next, event, context);
                        } catch (RuntimeException e) {
                            return broken(from, action, steps, current, history, NO_EXCEPTION,
                                    "policy '" + policy.name() + "' threw " + e, e);
                        }
                        for (Command next2 : proposed) {
                            queue.add(new Pending(next2, policy.name()));
                        }
                    }
                }
            } else {
                Step step = new Step(workflow, pending.command, pending.policy, context, current, decision, current, history);
                steps.add(step);
                Optional<Broken> broken = check(from, action, steps, current, history, step);
                if (broken.isPresent()) {
                    return broken.get();
                }
            }
        }
        return new Moved(new Node(new State(current, now), from, action, List.copyOf(steps), history, from.depth + 1));
    }

    private Optional<Broken> check(Node from, Action action, List<Step> steps, Optional<ReturnCase> current,
                                   List<RecordedEvent> history, Step step) {
        boolean refused = !step.accepted();
        for (Invariant invariant : invariants) {
            if (refused && invariant.stateOnly()) {
                continue;
            }
            Optional<String> violation;
            try {
                violation = invariant.check(step);
            } catch (RuntimeException e) {
                return Optional.of(broken(from, action, steps, current, history, invariant.name(),
                        "the invariant threw " + e, e));
            }
            if (violation.isPresent()) {
                return Optional.of(broken(from, action, steps, current, history, invariant.name(), violation.get(), null));
            }
        }
        return Optional.empty();
    }

    private static Broken broken(Node from, Action action, List<Step> steps, Optional<ReturnCase> current,
                                 List<RecordedEvent> history, String invariant, String message, Throwable cause) {
        Node node = new Node(new State(current, from.state.now()), from, action, List.copyOf(steps), history,
                from.depth + 1);
        return new Broken(node, invariant, message, cause);
    }
}
