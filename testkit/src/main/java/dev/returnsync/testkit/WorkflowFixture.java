package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.spi.ReturnEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Given / when / then for one rule: bring a case into a state (from events, or from commands that must be
 * accepted), decide one command, and check the events it yields or the refusal. The workflow decides exactly as
 * the engine would, at the fixture's time; nothing is stored. Failures are {@link AssertionError}s that show
 * the command, the decision and the case with every leg's values.
 *
 * <pre>{@code
 * WorkflowFixture.of(workflow)
 *         .givenAccepted(submit, openNegotiation)
 *         .when(agreeToAnExchange)
 *         .thenRefusedByRule("no-exchanges");
 * }</pre>
 *
 * <p>The time starts at 2026-03-02T00:00:00Z unless set with {@link #at}; {@link #advance} moves it between
 * the given steps. Policies do not run on their own: {@link Outcome#thenPoliciesPropose} shows what they would
 * propose after the command. A fixture is a mutable builder for one test; not thread-safe.
 */
public final class WorkflowFixture {
    private static final Instant DEFAULT_START = Instant.parse("2026-03-02T00:00:00Z");

    private final ReturnWorkflow workflow;
    private final List<ReturnEvent> history = new ArrayList<>();
    private Optional<ReturnCase> current = Optional.empty();
    private Instant now = DEFAULT_START;
    private Map<String, String> settings;

    private WorkflowFixture(ReturnWorkflow workflow) {
        this.workflow = Objects.requireNonNull(workflow, "workflow");
        this.settings = workflow.settings();
    }

    /**
     * A fixture of a workflow, with no case yet.
     *
     * @param workflow the rules under test
     * @return the fixture
     */
    public static WorkflowFixture of(ReturnWorkflow workflow) {
        return new WorkflowFixture(workflow);
    }

    /**
     * Sets the time the next commands are decided at.
     *
     * @param time the decision time
     * @return this fixture
     */
    public WorkflowFixture at(Instant time) {
        this.now = Objects.requireNonNull(time, "time");
        return this;
    }

    /**
     * Moves the time forward.
     *
     * @param by how far to move the time, not negative
     * @return this fixture
     * @throws IllegalArgumentException if the duration is negative
     */
    public WorkflowFixture advance(Duration by) {
        Objects.requireNonNull(by, "by");
        if (by.isNegative()) {
            throw new IllegalArgumentException("the fixture's time only moves forward; use at(...) to set it");
        }
        now = now.plus(by);
        return this;
    }

    /**
     * The host settings every rule context carries; the workflow's own settings unless set.
     *
     * @param hostSettings the settings, by name
     * @return this fixture
     */
    public WorkflowFixture settings(Map<String, String> hostSettings) {
        this.settings = Map.copyOf(hostSettings);
        return this;
    }

    /**
     * Folds events into the case, as if they had been recorded; no rule runs.
     *
     * @param events the events, oldest first; the first opens the case
     * @return this fixture
     */
    public WorkflowFixture given(ReturnEvent... events) {
        for (ReturnEvent event : events) {
            current = Optional.of(ReturnWorkflow.evolve(current, Objects.requireNonNull(event, "event")));
            history.add(event);
        }
        return this;
    }

    /**
     * Decides each command at the current time and folds its events into the case.
     *
     * @param commands the commands, in order; each must be accepted
     * @return this fixture
     * @throws AssertionError if one is refused: the setup itself is wrong
     */
    public WorkflowFixture givenAccepted(Command... commands) {
        for (Command command : commands) {
            Decision decision = decide(command);
            if (!(decision instanceof Decision.Accepted accepted)) {
                throw new AssertionError("given: expected " + FixtureText.command(command) + " to be accepted, but "
                        + FixtureText.decision(decision) + "\n" + FixtureText.state(current));
            }
            given(accepted.events().toArray(ReturnEvent[]::new));
        }
        return this;
    }

    /**
     * Decides a command against the case as it now stands; the case itself does not change.
     *
     * @param command the command under test
     * @return the events it produced, or its refusal, to assert on
     */
    public Outcome when(Command command) {
        Optional<ReturnCase> before = current;
        Decision decision = decide(command);
        Optional<ReturnCase> after = decision instanceof Decision.Accepted accepted
                ? Optional.of(ReturnWorkflow.evolve(before, accepted.events())) : before;
        return new Outcome(workflow, command, context(), before, decision, after);
    }

    /** {@return the case as the given steps left it, empty before the first} */
    public Optional<ReturnCase> current() {
        return current;
    }

    /** {@return every event given or accepted so far, oldest first} */
    public List<ReturnEvent> history() {
        return List.copyOf(history);
    }

    private Decision decide(Command command) {
        return workflow.decide(current, Objects.requireNonNull(command, "command"), context());
    }

    private RuleContext context() {
        return new RuleContext(now, settings);
    }

    /** What {@link #when} decided, with assertions that return the outcome so they chain. */
    public static final class Outcome {
        private final ReturnWorkflow workflow;
        private final Command command;
        private final RuleContext context;
        private final Optional<ReturnCase> before;
        private final Decision decision;
        private final Optional<ReturnCase> after;

        private Outcome(ReturnWorkflow workflow, Command command, RuleContext context, Optional<ReturnCase> before,
                        Decision decision, Optional<ReturnCase> after) {
            this.workflow = workflow;
            this.command = command;
            this.context = context;
            this.before = before;
            this.decision = decision;
            this.after = after;
        }

        /** {@return the decision} */
        public Decision decision() {
            return decision;
        }

        /** {@return the events the command yielded; empty when it was refused} */
        public List<ReturnEvent> events() {
            return decision instanceof Decision.Accepted accepted ? accepted.events() : List.of();
        }

        /** {@return the case after the command: the case before when it was refused (empty for a refused submission)} */
        public Optional<ReturnCase> after() {
            return after;
        }

        /**
         * Checks that the command was accepted and yielded events of exactly these types, in order.
         *
         * @param types the event types expected, in order
         * @return this outcome, for further checks
         * @throws AssertionError otherwise
         */
        @SafeVarargs
        public final Outcome thenEvents(Class<? extends ReturnEvent>... types) {
            List<Class<?>> expected = List.of(types);
            List<Class<?>> actual = events().stream().<Class<?>>map(Object::getClass).toList();
            if (!decision.accepted() || !expected.equals(actual)) {
                fail("expected events " + expected.stream().map(Class::getSimpleName).toList());
            }
            return this;
        }

        /**
         * Checks that the command was accepted and its events satisfy a condition.
         *
         * @param description what the condition says, shown when it fails
         * @param condition the condition on the events
         * @return this outcome, for further checks
         * @throws AssertionError otherwise
         */
        public Outcome thenEventsMatch(String description, Predicate<List<ReturnEvent>> condition) {
            if (!decision.accepted() || !condition.test(events())) {
                fail("expected events where " + description);
            }
            return this;
        }

        /**
         * Checks that the command was refused with this code.
         *
         * @param code the refusal code expected
         * @return this outcome, for further checks
         * @throws AssertionError otherwise
         */
        public Outcome thenRefused(Refusal.Code code) {
            Objects.requireNonNull(code, "code");
            if (!(decision instanceof Decision.Refused refused) || refused.refusal().code() != code) {
                fail("expected a refusal " + code);
            }
            return this;
        }

        /**
         * Checks that a custom rule of this name refused the command.
         *
         * @param rule the rule's name, as the guard declares it
         * @return this outcome, for further checks
         * @throws AssertionError otherwise
         */
        public Outcome thenRefusedByRule(String rule) {
            Objects.requireNonNull(rule, "rule");
            if (!(decision instanceof Decision.Refused refused)
                    || refused.refusal().code() != Refusal.Code.RULE
                    || !rule.equals(refused.refusal().rule())) {
                fail("expected a refusal by rule '" + rule + "'");
            }
            return this;
        }

        /**
         * Checks that, after the command's events, the policies propose commands of exactly these types, in order.
         *
         * @param types the command types expected, in order
         * @return this outcome, for further checks
         * @throws AssertionError otherwise
         */
        @SafeVarargs
        public final Outcome thenPoliciesPropose(Class<? extends Command>... types) {
            List<Class<?>> expected = List.of(types);
            List<Command> proposed = proposals();
            if (!decision.accepted() || !expected.equals(proposed.stream().<Class<?>>map(Object::getClass).toList())) {
                fail("expected the policies to propose " + expected.stream().map(Class::getSimpleName).toList()
                        + ", they propose " + proposed.stream().map(FixtureText::command).toList());
            }
            return this;
        }

        private List<Command> proposals() {
            List<Command> proposed = new ArrayList<>();
            Optional<ReturnCase> state = before;
            for (ReturnEvent event : events()) {
                ReturnCase next = ReturnWorkflow.evolve(state, event);
                proposed.addAll(workflow.react(next, event, context));
                state = Optional.of(next);
            }
            return proposed;
        }

        private void fail(String expectation) {
            throw new AssertionError(expectation + ", but " + FixtureText.command(command) + " at "
                    + context.now() + " was " + FixtureText.decision(decision) + "\nbefore: "
                    + FixtureText.state(before) + "\nafter: " + FixtureText.state(after));
        }
    }
}
