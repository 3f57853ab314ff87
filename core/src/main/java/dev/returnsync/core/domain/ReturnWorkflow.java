package dev.returnsync.core.domain;

import dev.returnsync.core.domain.Command.LegCommand;
import dev.returnsync.core.domain.Refusal.Code;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.InvalidAmountException;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnEvent.LegEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Settlement;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TimeWindow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The return workflow as a pure decider: {@link #decide} turns a command into events or a refusal,
 * {@link #evolve} folds an event into the case, {@link #react} asks the policies for automatic commands. A command
 * that carries an {@link Command#externalVersion() external version} yields its event and then an
 * {@link ReturnEvent.ExternalVersionRecorded}; every other accepted command yields exactly one event.
 * Immutable and thread-safe; holds the deadline policy, the custom guards and policies, and the settings those
 * rules read.
 *
 * <p>"No case yet" is always {@link Optional#empty()}, never {@code null}: a case starts from
 * {@link #initialState()}, which {@link #decide} and {@link #evolve} take as an {@code Optional<ReturnCase>}, as
 * guards receive it; an existing case may be passed as itself.
 *
 * <pre>{@code
 * ReturnWorkflow workflow = ReturnWorkflow.builder().guard(myGuard).setting("max-lines", "20").build();
 * List<ReturnEvent> events = workflow.decide(workflow.initialState(), submit, workflow.contextAt(now)).eventsOrThrow();
 * ReturnCase opened = ReturnWorkflow.evolve(workflow.initialState(), events);
 * Decision next = workflow.decide(opened, command, workflow.contextAt(later));
 * }</pre>
 */
public final class ReturnWorkflow {
    private static final ReturnWorkflow DEFAULTS = builder().build();

    private final DeadlinePolicy deadlines;
    private final ReapplicationPolicy reapplication;
    private final WorkflowDefinition definition;
    private final List<Guard> guards;
    private final List<Policy> policies;
    private final Map<String, String> settings;
    private final int partialRefundRounds;

    private ReturnWorkflow(Builder builder) {
        this.deadlines = builder.deadlines;
        this.reapplication = builder.reapplication;
        this.definition = WorkflowDefinition.of(deadlines);
        this.guards = List.copyOf(builder.guards);
        this.policies = List.copyOf(builder.policies);
        this.settings = Map.copyOf(builder.settings);
        this.partialRefundRounds = builder.partialRefundRounds;
    }

    /** {@return the workflow with the default deadlines and no custom rules} */
    public static ReturnWorkflow ofDefaults() {
        return DEFAULTS;
    }

    /** {@return a builder that starts from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the deadline policy} */
    public DeadlinePolicy deadlines() {
        return deadlines;
    }

    /** {@return the re-application policy: how long and how often a customer may re-apply after a decline} */
    public ReapplicationPolicy reapplication() {
        return reapplication;
    }

    /** {@return the transition table} */
    public WorkflowDefinition definition() {
        return definition;
    }

    /** {@return the custom guards, in order} */
    public List<Guard> guards() {
        return guards;
    }

    /** {@return the custom policies, in order} */
    public List<Policy> policies() {
        return policies;
    }

    /** {@return how many partial refund offers a leg takes (协商部分退款), 3 unless set} */
    public int partialRefundRounds() {
        return partialRefundRounds;
    }

    /** {@return the settings the custom rules read from their {@link RuleContext}; empty unless set} */
    public Map<String, String> settings() {
        return settings;
    }

    /**
     * The context to decide and react with at {@code now}: that time and this workflow's {@link #settings()}.
     *
     * @param now the time of the decision; not null
     * @return the context at that time
     * @throws IllegalArgumentException if {@code now} lies outside {@link TimeWindow}
     */
    public RuleContext contextAt(Instant now) {
        return new RuleContext(now, settings);
    }

    /**
     * The state before a case's first event: no case. {@link #decide} takes it for a {@link Command.SubmitReturn}
     * and {@link #evolve} folds a history from it.
     *
     * @return {@link Optional#empty()}
     */
    public Optional<ReturnCase> initialState() {
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------ evolve

    /**
     * Folds one event into a case.
     *
     * @param current the case, or {@link #initialState()} before its first event
     * @param event an event of this case, as {@link #decide} produced it
     * @return the new case, with the version one higher
     * @throws IllegalEventException (an {@link IllegalStateException}) if the event does not fit the case: a
     *     second opening, a leg event before the opening or for a leg the case does not have, a step the
     *     transition table has no row for from the leg's state, or a payload that does not fit the leg (a
     *     corrupt or reordered history); it names the leg's state and the event type
     */
    public static ReturnCase evolve(Optional<ReturnCase> current, ReturnEvent event) {
        return foldOne(notNull(current).orElse(null), event);
    }

    /**
     * Folds one event into an existing case.
     *
     * @param current the case; not null
     * @param event an event of this case, as {@link #decide} produced it
     * @return the new case, with the version one higher
     * @throws IllegalEventException if the event does not fit the case, see {@link #evolve(Optional, ReturnEvent)}
     */
    public static ReturnCase evolve(ReturnCase current, ReturnEvent event) {
        return foldOne(existing(current), event);
    }

    private static ReturnCase foldOne(ReturnCase current, ReturnEvent event) {
        Objects.requireNonNull(event, "event must not be null");
        if (event instanceof ReturnEvent.ReturnRequested requested) {
            EventFit.checkOpening(current, requested);
            return open(requested);
        }
        if (current == null) {
            throw new IllegalEventException(null, event.type(), "a case starts with ReturnRequested");
        }
        if (event instanceof ReturnEvent.ExternalVersionRecorded recorded) {
            EventFit.checkExternalVersion(current, recorded);
            return current.withExternalVersion(recorded.version());
        }
        LegEvent legEvent = (LegEvent) event;
        Leg leg = current.legOrNull(legEvent.leg());
        if (leg == null) {
            throw new IllegalEventException(null, event.type(), "the case has no leg of this supplier");
        }
        EventFit.check(current, leg, legEvent);
        return current.withLeg(nextLeg(leg, legEvent));
    }

    /**
     * The leg after one of its events, as {@link LegSteps} moves it, for {@link #evolve} (replay) and {@link #step}
     * (the one-pass decision). The event is known to fit the leg.
     */
    private static Leg nextLeg(Leg leg, LegEvent event) {
        try {
            return LegSteps.next(leg, event);
        } catch (IllegalArgumentException e) {
            // a line's axes out of order: more authorized, received or inspected than the leg allows
            throw new IllegalEventException(leg.state(), event.type(), "the quantities do not fit the leg's lines");
        }
    }

    /**
     * Folds events in order into a case, or into {@link #initialState()}.
     *
     * @param current the case, or {@link #initialState()} before its first event
     * @param events the events of this case, oldest first
     * @return the case after the last event
     * @throws IllegalArgumentException if there is neither a case nor an event
     * @throws IllegalEventException at the first event that does not fit, see {@link #evolve(Optional, ReturnEvent)}
     */
    public static ReturnCase evolve(Optional<ReturnCase> current, List<? extends ReturnEvent> events) {
        ReturnCase state = fold(notNull(current).orElse(null), events);
        if (state == null) {
            throw new IllegalArgumentException("events: folding no event into no case gives no case");
        }
        return state;
    }

    /**
     * Folds events in order into an existing case.
     *
     * @param current the case; not null
     * @param events the events of this case, oldest first; none gives the case back
     * @return the case after the last event
     * @throws IllegalEventException at the first event that does not fit, see {@link #evolve(Optional, ReturnEvent)}
     */
    public static ReturnCase evolve(ReturnCase current, List<? extends ReturnEvent> events) {
        return fold(existing(current), events);
    }

    private static ReturnCase fold(ReturnCase current, List<? extends ReturnEvent> events) {
        ReturnCase state = current;
        for (ReturnEvent event : events) {
            state = foldOne(state, event);
        }
        return state;
    }

    private static ReturnCase existing(ReturnCase current) {
        return Objects.requireNonNull(current, "current must not be null; before the first event pass initialState()");
    }

    private static Optional<ReturnCase> notNull(Optional<ReturnCase> current) {
        return Objects.requireNonNull(current, "current must not be null; before the first event pass initialState()");
    }

    /**
     * The case a request opens: one leg per supplier, in the order of the suppliers' first lines. Plain loops over a
     * request's few lines, no map: a case is opened once, often on a cold JVM.
     */
    private static ReturnCase open(ReturnEvent.ReturnRequested e) {
        List<ReturnLine> lines = e.lines();
        int count = lines.size();
        boolean[] placed = new boolean[count];
        Leg[] legs = new Leg[count];
        int legCount = 0;
        LineState[] legLines = new LineState[count];
        LegMoney money = LegMoney.initial(lines.get(0).unitPrice().currency(), e.reason().code());
        for (int first = 0; first < count; first++) {
            if (placed[first]) {
                continue;
            }
            SupplierId supplier = lines.get(first).supplier();
            int lineCount = 0;
            for (int i = first; i < count; i++) {
                ReturnLine line = lines.get(i);
                if (!placed[i] && line.supplier().equals(supplier)) {
                    placed[i] = true;
                    legLines[lineCount++] = new LineState(line.sku(), line.unitPrice(), line.delivered(),
                            line.requested(), 0, 0, 0, 0);
                }
            }
            legs[legCount++] = Leg.requested(supplier, e.at(), Leg.listOf(legLines, lineCount), money);
        }
        CaseHeader header = new CaseHeader(e.caseId(), e.actor().tenant(), e.customer(), e.order(),
                e.customerNumber(), e.resellerNumber(), e.reason(), e.wanted(), e.deliveredAt(), e.at());
        return legCount == 1 ? new ReturnCase(header, legs[0], 1, Map.of())
                : new ReturnCase(header, Leg.listOf(legs, legCount), 1, Map.of());
    }

    // ------------------------------------------------------------------------------------------ decide

    /**
     * Decides a command against a case. Pure: the same inputs always give the same decision.
     *
     * <p>Checks, in order: a submission has its case id and reseller number (which the engine fills in); the case
     * exists in the actor's tenant (or, for a submission, does not exist yet);
     * the expected version; the actor's role may fire the command at all; the actor is a party of the case
     * (the customer their own case, a supplier its own leg); the leg exists; the table has a row for the
     * command from the leg's state, for the role, whose condition holds; the payload fits the case; the
     * custom guards. The first failing check is the refusal.
     *
     * @param current the case, or {@link #initialState()} when none exists yet
     * @param command the command, already validated for nulls and ranges (the engine does that)
     * @param context the time of the decision and the host's settings
     * @return the events, or the refusal
     */
    public Decision decide(Optional<ReturnCase> current, Command command, RuleContext context) {
        return decision(judge(notNull(current).orElse(null), current, command, context), command);
    }

    /**
     * Decides a command against an existing case; see {@link #decide(Optional, Command, RuleContext)}.
     *
     * @param current the case, not null
     * @param command the command, already validated for nulls and ranges (the engine does that)
     * @param context the time of the decision and the host's settings
     * @return the events, or the refusal
     */
    public Decision decide(ReturnCase current, Command command, RuleContext context) {
        return decision(judge(existing(current), null, command, context), command);
    }

    private static Decision decision(Object judged, Command command) {
        return judged instanceof Refusal refusal ? new Decision.Refused(refusal)
                : new Decision.Accepted(events((ReturnEvent) judged, command));
    }

    // ------------------------------------------------------------------------------------------ step

    /**
     * Decides a command and, when it is accepted, moves the case in the same pass: what {@link #decide} followed
     * by {@link #evolve} give, without checking the new event against the case a second time. The engine decides
     * this way; {@link #decide} and {@link #evolve} remain for replaying a history and for the rule checker.
     *
     * @param current the case, or {@link #initialState()} when none exists yet
     * @param command the command, already validated for nulls and ranges (the engine does that)
     * @param context the time of the decision and the host's settings
     * @return the events and the case after them, or the refusal
     * @throws IllegalStateException if the table row the command took and the leg its event builds disagree on
     *     the state the leg moves to (a defect of the workflow, never of the input)
     */
    public StepResult step(Optional<ReturnCase> current, Command command, RuleContext context) {
        return step(notNull(current).orElse(null), current, command, context);
    }

    /**
     * Decides a command against an existing case and moves it; see {@link #step(Optional, Command, RuleContext)}.
     *
     * @param current the case, not null
     * @param command the command, already validated for nulls and ranges (the engine does that)
     * @param context the time of the decision and the host's settings
     * @return the events and the case after them, or the refusal
     */
    public StepResult step(ReturnCase current, Command command, RuleContext context) {
        return step(existing(current), null, command, context);
    }

    private StepResult step(ReturnCase current, Optional<ReturnCase> before, Command command, RuleContext context) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(context, "context");
        if (!(command instanceof LegCommand legCommand)) {
            Object judged = judge(current, before, command, context);
            if (judged instanceof Refusal refusal) {
                return new StepResult.Refused(refusal);
            }
            ReturnEvent event = (ReturnEvent) judged;
            return accepted(event, command.externalVersion(), command.actor(),
                    open((ReturnEvent.ReturnRequested) event));
        }
        // each of the command's parts read once: the commands are many record types, so every read through the
        // interface is a call the compiler cannot inline where they are mixed, as they are in an engine
        CommandType type = command.type();
        Actor actor = command.actor();
        ExternalVersion external = command.externalVersion();
        Leg leg = current == null ? null : current.legOrNull(legCommand.leg());
        Object judged = judgeLeg(current, before, legCommand, leg, type, actor, external, context);
        if (judged instanceof Refusal refusal) {
            return new StepResult.Refused(refusal);
        }
        // the event is of the leg judgeLeg found; the row is the one it found, an array look-up
        LegEvent event = (LegEvent) judged;
        Transition row = definition.row(type, leg, actor.role());
        Leg next = nextLeg(leg, event);
        if (next.state() != row.to()) {
            throw new IllegalStateException("the row " + row.command() + " from " + row.from() + " leads to "
                    + row.to() + " but its event " + event.type() + " moves the leg to " + next.state());
        }
        return accepted(event, external, actor, current.withLeg(next));
    }

    /** The accepted step: the event, the record of the external version if the command carries one, the case. */
    private static StepResult accepted(ReturnEvent event, ExternalVersion external, Actor actor, ReturnCase after) {
        ReturnEvent.ExternalVersionRecorded recorded = externalVersionRecord(event, external, actor);
        return new StepResult.Accepted(event, recorded, recorded == null ? after : foldOne(after, recorded));
    }

    /**
     * The checks, the event and the custom guards: the decision {@link #decide} and {@link #step} share, answered as
     * the command's event (a {@link ReturnEvent}) or the {@link Refusal}, so that each of them builds its own answer
     * around it and nothing in between. {@code before} is the case as the caller passed it, or null when it passed
     * the case itself: the guards' {@code Optional} is then made only when there are guards to receive it.
     */
    private Object judge(ReturnCase current, Optional<ReturnCase> before, Command command, RuleContext context) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(context, "context");
        if (command instanceof Command.SubmitReturn submit) {
            Refusal refusal = checkSubmission(current, submit, context);
            return refusal != null ? refusal : guarded(submissionEvent(submit, context), current, before, command,
                    null, context);
        }
        LegCommand legCommand = (LegCommand) command;
        Leg leg = current == null ? null : current.legOrNull(legCommand.leg());
        return judgeLeg(current, before, legCommand, leg, command.type(), command.actor(), command.externalVersion(),
                context);
    }

    /**
     * {@link #judge} for a command about a leg, with the command's type, actor and external version as read once by
     * the caller, and the case's leg of the command ({@code null} when there is no case or no such leg).
     */
    private Object judgeLeg(ReturnCase current, Optional<ReturnCase> before, LegCommand command, Leg leg,
                            CommandType type, Actor actor, ExternalVersion external, RuleContext context) {
        Refusal refusal = checkLegCommand(current, command, leg, type, actor, external);
        if (refusal == null && definition.row(type, leg, actor.role()) == null) {
            refusal = noRow(command, leg);
        }
        if (refusal != null) {
            return refusal;
        }
        Object judged = legEvent(current, leg, command, type, actor, context);
        // cast to LegEvent, as step casts it: on this JDK a class remembers the one interface it was last checked
        // against, so checking one event against two interfaces in turn would scan its interfaces every time
        return judged instanceof Refusal ? judged
                : guarded((LegEvent) judged, current, before, command, leg.state(), context);
    }

    /** The event if every custom guard allows the command, or the refusal of the first that does not. */
    private Object guarded(ReturnEvent event, ReturnCase current, Optional<ReturnCase> before, Command command,
                           LegState state, RuleContext context) {
        if (guards.isEmpty()) {
            return event;
        }
        Optional<ReturnCase> seen = before != null ? before : Optional.of(current);
        for (Guard guard : guards) {
            Verdict verdict = guard.check(command, seen, context);
            if (!verdict.allowed()) {
                return new Refusal(Code.RULE, command.caseId(), state, command.type(), verdict.reason(),
                        verdict.rule());
            }
        }
        return event;
    }

    /** The accepted command's events: its event, then the record of the external version if it carries one. */
    private static List<ReturnEvent> events(ReturnEvent event, Command command) {
        ReturnEvent.ExternalVersionRecorded recorded = externalVersionRecord(event, command.externalVersion(),
                command.actor());
        return recorded == null ? List.of(event) : List.of(event, recorded);
    }

    /** The record of the command's external version, after its event; null when it carries none. */
    private static ReturnEvent.ExternalVersionRecorded externalVersionRecord(ReturnEvent event,
                                                                             ExternalVersion external, Actor actor) {
        return external == null ? null : new ReturnEvent.ExternalVersionRecorded(event.at(), actor, external);
    }

    /**
     * Asks every policy which commands to run after an event. The commands still go through
     * {@link #decide} like any other.
     *
     * @param after the case after the event
     * @param event the event the policies react to
     * @param context the time and settings the policies read
     * @return the commands to run, in policy order; empty if none
     */
    public List<Command> react(ReturnCase after, ReturnEvent event, RuleContext context) {
        if (policies.isEmpty()) {
            return List.of();
        }
        List<Command> commands = new ArrayList<>();
        for (Policy policy : policies) {
            commands.addAll(policy.react(after, event, context));
        }
        return commands;
    }

    private Refusal checkSubmission(ReturnCase current, Command.SubmitReturn submit, RuleContext context) {
        Actor actor = submit.actor();
        String ungenerated = submit.caseId() == null ? "caseId" : submit.resellerNumber() == null ? "resellerNumber" : null;
        if (ungenerated != null) {
            return refuse(Code.INVALID_PAYLOAD, submit, null,
                    ungenerated + ": needed to decide; the engine generates one when it is missing");
        }
        if (current != null) {
            return refuse(Code.CASE_EXISTS, submit, null, "a case with this id already exists");
        }
        if (submit.expectedVersion() != null && submit.expectedVersion() != 0L) {
            return refuse(Code.VERSION_MISMATCH, submit, null,
                    "expected version " + submit.expectedVersion() + " but the case does not exist yet (version 0)");
        }
        Set<Role> allowed = definition.roles(CommandType.SUBMIT_RETURN);
        if (!allowed.contains(actor.role())) {
            return refuse(Code.ROLE_NOT_ALLOWED, submit, null, "a " + actor.role() + " may not submit a return; allowed: " + allowed);
        }
        if (actor.role() == Role.CUSTOMER && !actor.is(submit.customer())) {
            return refuse(Code.NOT_A_PARTY, submit, null, "a customer may only submit returns of their own");
        }
        if (!TimeWindow.contains(submit.deliveredAt())) {
            return refuse(Code.INVALID_PAYLOAD, submit, null,
                    "deliveredAt must lie in [" + TimeWindow.START + ", " + TimeWindow.END + ")");
        }
        if (context.now().isBefore(submit.deliveredAt())) {
            return refuse(Code.INVALID_PAYLOAD, submit, null, "deliveredAt " + submit.deliveredAt()
                    + " lies after the time of the request " + context.now());
        }
        Refusal numbers = firstNonNull(
                checkNumber(submit, null, "customerNumber", submit.customerNumber(), NumberKind.CUSTOMER_REQUEST,
                        actor.tenant().value()),
                checkNumber(submit, null, "resellerNumber", submit.resellerNumber(), NumberKind.RESELLER_RETURN,
                        actor.tenant().value()));
        if (numbers != null) {
            return numbers;
        }
        if (submit.lines().isEmpty()) {
            return refuse(Code.INVALID_PAYLOAD, submit, null, "lines: at least one line is needed");
        }
        if (submit.lines().size() > ReturnLine.MAX_LINES) {
            return refuse(Code.INVALID_PAYLOAD, submit, null, "lines: at most " + ReturnLine.MAX_LINES + " lines");
        }
        java.util.Currency currency = submit.lines().get(0).unitPrice().currency();
        for (int i = 0; i < submit.lines().size(); i++) {
            ReturnLine line = submit.lines().get(i);
            if (repeatsEarlierSku(submit.lines(), i)) {
                return refuse(Code.INVALID_PAYLOAD, submit, null, "lines: SKU " + line.sku() + " is listed twice");
            }
            if (!line.unitPrice().currency().equals(currency)) {
                return refuse(Code.INVALID_PAYLOAD, submit, null, "lines: unit price of " + line.sku() + " is in "
                        + line.unitPrice().currency() + ", other lines in " + currency);
            }
        }
        return worthInRange(submit);
    }

    /**
     * Every refund of the case is at most what its lines are worth, so a case whose requested units times unit
     * prices add up to at most {@link Money#MAX_MINOR} can never overflow a refund.
     */
    private static Refusal worthInRange(Command.SubmitReturn submit) {
        // in minor units, checked as Money.times and Money.plus check (the lines share one currency, checked before),
        // without an amount per line
        long worth = 0;
        for (int i = 0; i < submit.lines().size(); i++) {
            ReturnLine line = submit.lines().get(i);
            long price = line.unitPrice().minor();
            int units = line.requested();
            if (units != 0 && price > Money.MAX_MINOR / units || price * units > Money.MAX_MINOR - worth) {
                return refuse(Code.AMOUNT_OUT_OF_RANGE, submit, null, "lines: requested units times unit prices must"
                        + " add up to at most " + Money.MAX_MINOR + " minor units");
            }
            worth += price * units;
        }
        return null;
    }

    /**
     * Whether the line at {@code index} repeats the SKU of an earlier line: a pairwise scan, no set, over a
     * request's at most {@link ReturnLine#MAX_LINES} lines. Here rather than in {@link EventFit}, which replay
     * uses, so that deciding a submission does not load that class.
     */
    static boolean repeatsEarlierSku(List<ReturnLine> lines, int index) {
        Sku sku = lines.get(index).sku();
        for (int i = 0; i < index; i++) {
            if (lines.get(i).sku().equals(sku)) {
                return true;
            }
        }
        return false;
    }

    private Refusal checkLegCommand(ReturnCase current, LegCommand command, Leg leg, CommandType type, Actor actor,
                                    ExternalVersion external) {
        if (current == null || !current.tenant().equals(actor.tenant()) || !current.id().equals(command.caseId())) {
            return refuse(Code.CASE_NOT_FOUND, command, null, "no case " + command.caseId() + " in this tenant");
        }
        Long expected = command.expectedVersion();
        if (expected != null && expected != current.version()) {
            return refuse(Code.VERSION_MISMATCH, command, null, "expected version " + expected
                    + " but the case is at version " + current.version());
        }
        if (external != null && !EventFit.isNewer(current, external)) {
            return refuse(Code.STALE_EXTERNAL_VERSION, command, null, "external version " + external.version()
                    + " of source " + external.source() + " is not newer than the case's "
                    + current.externalVersion(external.source()).getAsLong());
        }
        Role role = actor.role();
        if (!definition.allows(type, role)) {
            return refuse(Code.ROLE_NOT_ALLOWED, command, null, "a " + role + " may not " + type
                    + "; allowed: " + definition.roles(type));
        }
        if (role == Role.CUSTOMER && !actor.is(current.customer())) {
            return refuse(Code.NOT_A_PARTY, command, null, "a customer may only act on their own case");
        }
        if (role == Role.SUPPLIER && !actor.is(command.leg())) {
            return refuse(Code.NOT_A_PARTY, command, null, "a supplier may only act on its own leg");
        }
        if (leg == null) {
            return refuse(Code.UNKNOWN_LEG, command, null, "the case has no leg of supplier " + command.leg());
        }
        return null;
    }

    /** Why no row of the table takes a command from the leg's state for the actor's role (off the hot path). */
    private Refusal noRow(LegCommand command, Leg leg) {
        Role role = command.actor().role();
        List<Transition> rows = definition.rows(command.type(), leg.state());
        if (rows.isEmpty()) {
            return refuse(Code.ILLEGAL_TRANSITION, command, leg.state(),
                    command.type() + " is not possible in state " + leg.state());
        }
        boolean roleFits = false;
        List<String> needs = new ArrayList<>(rows.size());
        for (Transition row : rows) {
            roleFits |= row.roles().contains(role);
            needs.add(row.condition().label());
        }
        if (!roleFits) {
            return refuse(Code.ROLE_NOT_ALLOWED, command, leg.state(),
                    "a " + role + " may not " + command.type() + " in state " + leg.state());
        }
        return refuse(Code.CONDITION_NOT_MET, command, leg.state(), command.type() + " in state " + leg.state()
                + " needs: " + needs + " (outcome " + leg.outcome() + ")");
    }

    private static ReturnEvent submissionEvent(Command.SubmitReturn s, RuleContext context) {
        return new ReturnEvent.ReturnRequested(context.now(), s.actor(), s.caseId(), s.customer(),
                s.order(), s.customerNumber(), s.resellerNumber(), s.lines(), s.reason(), s.wanted(), s.deliveredAt());
    }

    /** The leg command's event, or the {@link Refusal} of its payload. */
    private Object legEvent(ReturnCase current, Leg leg, LegCommand command, CommandType type, Actor actor,
                            RuleContext context) {
        var at = context.now();
        SupplierId supplier = leg.supplier();
        return switch (type) {
            case SUBMIT_RETURN -> throw new IllegalArgumentException("not a leg command");
            case OPEN_NEGOTIATION -> new ReturnEvent.NegotiationOpened(at, actor, supplier);
            case AGREE_RETURN -> {
                Command.AgreeReturn c = (Command.AgreeReturn) command;
                List<LineQuantity> authorized = c.authorized().isEmpty()
                        ? everythingRequested(leg)
                        : c.authorized();
                Refusal wrong = firstNonNull(
                        checkQuantities(c, leg, "authorized", authorized, Axis.REQUESTED, "requested", true),
                        MoneyRules.checkAgreement(current, leg, c));
                yield wrong != null ? wrong : new ReturnEvent.SupplierAgreed(at, actor,
                        supplier, c.outcome(), authorized, MoneyRules.shipping(current, leg, c), c.evidence());
            }
            case DECLINE_RETURN -> new ReturnEvent.SupplierDeclined(at, actor, supplier,
                    ((Command.DeclineReturn) command).reason());
            case APPLY_FOR_RETURN -> new ReturnEvent.ReturnApplied(at, actor, supplier, current.resellerNumber());
            case ISSUE_SUPPLIER_NUMBER -> {
                Command.IssueSupplierNumber c = (Command.IssueSupplierNumber) command;
                Refusal wrong = checkNewNumber(current, c, leg, "number", c.number(), NumberKind.SUPPLIER_RETURN,
                        supplier.value());
                yield wrong != null ? wrong
                        : new ReturnEvent.SupplierNumberIssued(at, actor, supplier, c.number());
            }
            case REPLACE_SUPPLIER_NUMBER -> {
                Command.ReplaceSupplierNumber c = (Command.ReplaceSupplierNumber) command;
                Refusal wrong = checkNewNumber(current, c, leg, "number", c.number(), NumberKind.SUPPLIER_RETURN,
                        supplier.value());
                yield wrong != null ? wrong : new ReturnEvent.SupplierNumberReplaced(at, actor,
                        supplier, leg.supplierNumber(), c.number());
            }
            case SHARE_NUMBER_WITH_CUSTOMER -> new ReturnEvent.NumberSharedWithCustomer(at, actor, supplier, leg.supplierNumber());
            case REPORT_SHIPMENT -> {
                Command.ReportShipment c = (Command.ReportShipment) command;
                Refusal wrong = checkNewNumber(current, c, leg, "tracking", c.tracking(), NumberKind.RETURN_TRACKING, null);
                yield wrong != null ? wrong
                        : new ReturnEvent.ReturnShipped(at, actor, supplier, c.tracking());
            }
            case CONFIRM_RECEIPT -> {
                Command.ConfirmReceipt c = (Command.ConfirmReceipt) command;
                Refusal wrong = checkQuantities(c, leg, "received", c.received(), Axis.AUTHORIZED, "authorized", true);
                yield wrong != null ? wrong
                        : new ReturnEvent.ReturnReceived(at, actor, supplier, c.received());
            }
            case REPORT_RESULT -> {
                Command.ReportResult c = (Command.ReportResult) command;
                Refusal wrong = firstNonNull(checkInspection(c, leg), MoneyRules.checkRestockingFee(leg, c));
                yield wrong != null ? wrong : new ReturnEvent.ResultReported(at, actor,
                        supplier, c.accepted(), c.rejected(), c.note(),
                        c.restockingFee() != null ? c.restockingFee() : leg.zero(), c.evidence());
            }
            case SHIP_REPLACEMENT -> {
                Command.ShipReplacement c = (Command.ShipReplacement) command;
                Refusal wrong = checkNewNumber(current, c, leg, "tracking", c.tracking(), NumberKind.REPLACEMENT_TRACKING,
                        null);
                yield wrong != null ? wrong
                        : new ReturnEvent.ReplacementShipped(at, actor, supplier, c.tracking());
            }
            case REPORT_RESULT_TO_CUSTOMER -> reportToCustomer((Command.ReportResultToCustomer) command, leg, at);
            case CONFIRM_RESULT -> new ReturnEvent.ResultConfirmed(at, actor, supplier, false);
            case DISPUTE_RESULT -> new ReturnEvent.ResultDisputed(at, actor, supplier,
                    ((Command.DisputeResult) command).reason());
            case CANCEL_RETURN -> new ReturnEvent.ReturnCancelled(at, actor, supplier);
            case CLOSE_LEG -> new ReturnEvent.LegClosed(at, actor, supplier,
                    ((Command.CloseLeg) command).reason());
            case FIRE_DEADLINE -> fireDeadline((Command.FireDeadline) command, leg, context);
            case OFFER_PARTIAL_REFUND -> {
                Command.OfferPartialRefund c = (Command.OfferPartialRefund) command;
                Refusal wrong = MoneyRules.checkOffer(leg, c, partialRefundRounds);
                yield wrong != null ? wrong : new ReturnEvent.PartialRefundOffered(at,
                        actor, supplier, c.amount(), leg.money().offers() + 1, c.note());
            }
            case ACCEPT_PARTIAL_REFUND -> new ReturnEvent.PartialRefundAccepted(at, actor, supplier,
                    MoneyRules.accepted(leg));
            case REJECT_PARTIAL_REFUND -> new ReturnEvent.PartialRefundRejected(at, actor, supplier,
                    ((Command.RejectPartialRefund) command).reason());
            case REAPPLY -> reapply((Command.Reapply) command, leg, at);
            case SEND_MESSAGE -> sendMessage((Command.SendMessage) command, leg, at);
        };
    }

    /** A new round, if the decline is within the re-application window and the leg has rounds left. */
    private Object reapply(Command.Reapply c, Leg leg, Instant at) {
        if (leg.round() >= reapplication.maxRounds()) {
            return refuse(Code.REAPPLICATION_CLOSED, c, leg.state(), "the leg has had its "
                    + reapplication.maxRounds() + " negotiation rounds; the decline is final");
        }
        Instant closes = reapplication.closesAt(leg.since());
        if (at.isAfter(closes)) {
            return refuse(Code.REAPPLICATION_CLOSED, c, leg.state(), "the re-application window closed at "
                    + closes + "; the decline is final");
        }
        return new ReturnEvent.ReturnReapplied(at, c.actor(), leg.supplier(), leg.round() + 1, c.reason());
    }

    /** A message, if it goes between the reseller and another party (see {@link Command.SendMessage}). */
    private static Object sendMessage(Command.SendMessage c, Leg leg, Instant at) {
        Role from = c.actor().role();
        boolean allowed = from == Role.RESELLER ? c.to() == Role.CUSTOMER || c.to() == Role.SUPPLIER
                : c.to() == Role.RESELLER;
        if (!allowed) {
            return refuse(Code.INVALID_PAYLOAD, c, leg.state(), "to: a " + from + " may write to "
                    + (from == Role.RESELLER ? "the CUSTOMER or the SUPPLIER" : "the RESELLER") + ", not to a "
                    + c.to());
        }
        return new ReturnEvent.MessageSent(at, c.actor(), leg.supplier(), c.to(), c.text());
    }

    private static Object reportToCustomer(Command.ReportResultToCustomer c, Leg leg, Instant at) {
        Refusal wrong = MoneyRules.checkCompensation(leg, c);
        if (wrong != null) {
            return wrong;
        }
        Settlement settlement;
        try {
            settlement = MoneyRules.reported(leg, c);
        } catch (InvalidAmountException e) {
            return refuse(Code.AMOUNT_OUT_OF_RANGE, c, leg.state(), "compensation: the refund"
                    + " with it must be at most " + Money.MAX_MINOR + " minor units");
        }
        return new ReturnEvent.ResultReportedToCustomer(at, c.actor(), leg.supplier(), settlement, c.note());
    }

    private Object fireDeadline(Command.FireDeadline c, Leg leg, RuleContext context) {
        Optional<java.time.Instant> due = leg.dueAt(deadlines);
        if (due.isEmpty()) {
            return refuse(Code.NOT_DUE, c, leg.state(), "the leg has no pending deadline in state " + leg.state());
        }
        if (context.now().isBefore(due.get())) {
            return refuse(Code.NOT_DUE, c, leg.state(), "the deadline of state " + leg.state()
                    + " falls due at " + due.get() + ", not yet at " + context.now());
        }
        var at = context.now();
        return switch (deadlines.deadline(leg.state()).orElseThrow().action()) {
            case ESCALATE -> new ReturnEvent.LegEscalated(at, c.actor(), leg.supplier(), leg.state());
            case EXPIRE -> new ReturnEvent.LegExpired(at, c.actor(), leg.supplier(), leg.state());
            case AUTO_CONFIRM -> new ReturnEvent.ResultConfirmed(at, c.actor(), leg.supplier(), true);
        };
    }

    private static Refusal checkNumber(Command command, LegState state, String field, ReturnNumber number,
                                       NumberKind kind, String scope) {
        if (number.kind() != kind) {
            return refuse(Code.INVALID_PAYLOAD, command, state,
                    field + " must be a " + kind.label() + ", was a " + number.kind().label());
        }
        if (scope != null && !number.scope().equals(scope)) {
            return refuse(Code.INVALID_PAYLOAD, command, state,
                    field + " must be scoped to " + scope + ", was scoped to " + number.scope());
        }
        return null;
    }

    private static Refusal checkNewNumber(ReturnCase current, LegCommand command, Leg leg, String field,
                                          ReturnNumber number, NumberKind kind, String scope) {
        Refusal wrong = checkNumber(command, leg.state(), field, number, kind, scope);
        if (wrong != null) {
            return wrong;
        }
        if (current.isLinked(number)) {
            Optional<NumberLink> linked = current.resolve(number);
            return refuse(Code.NUMBER_TAKEN, command, leg.state(), field + " " + number + " is already linked to "
                    + (Objects.equals(linked.get().leg(), leg.supplier()) ? "this leg" : "another leg of this case")
                    + (linked.get().superseded() ? " (superseded)" : ""));
        }
        return null;
    }

    private static Refusal checkQuantities(LegCommand command, Leg leg, String field, List<LineQuantity> quantities,
                                           Axis limit, String limitName,
                                           boolean needsSome) {
        int total = 0;
        for (int i = 0; i < quantities.size(); i++) {
            LineQuantity q = quantities.get(i);
            LineState line = leg.lineOrNull(q.sku());
            if (line == null) {
                return refuse(Code.INVALID_PAYLOAD, command, leg.state(),
                        field + ": SKU " + q.sku() + " is not a line of this leg");
            }
            for (int j = 0; j < i; j++) {
                if (quantities.get(j).sku().equals(q.sku())) {
                    return refuse(Code.INVALID_PAYLOAD, command, leg.state(),
                            field + ": SKU " + q.sku() + " is listed twice");
                }
            }
            int max = limit.of(line);
            if (q.quantity() > max) {
                return refuse(Code.INVALID_PAYLOAD, command, leg.state(), field + ": quantity of " + q.sku() + " ("
                        + q.quantity() + ") is above the " + limitName + " quantity (" + max + ")");
            }
            total += q.quantity();
        }
        if (needsSome && total == 0) {
            return refuse(Code.INVALID_PAYLOAD, command, leg.state(), field + ": at least one unit is needed");
        }
        return null;
    }

    private static Refusal checkInspection(Command.ReportResult c, Leg leg) {
        if (!leg.shipsGoodsBack()) {
            if (!c.accepted().isEmpty() || !c.rejected().isEmpty()) {
                return refuse(Code.INVALID_PAYLOAD, c, leg.state(),
                        "accepted/rejected: a refund-only leg has nothing to inspect; report both lists empty");
            }
            return null;
        }
        Refusal wrong = checkQuantities(c, leg, "accepted", c.accepted(), Axis.RECEIVED, "received", false);
        if (wrong == null) {
            wrong = checkQuantities(c, leg, "rejected", c.rejected(), Axis.RECEIVED, "received", false);
        }
        if (wrong != null) {
            return wrong;
        }
        for (LineState line : leg.lines()) {
            int a = Leg.quantityOf(c.accepted(), line.sku());
            int r = Leg.quantityOf(c.rejected(), line.sku());
            if (a + r != line.received()) {
                return refuse(Code.INVALID_PAYLOAD, c, leg.state(), "accepted + rejected of " + line.sku() + " (" + a
                        + " + " + r + ") must equal the received quantity (" + line.received() + ")");
            }
        }
        return null;
    }

    private static Refusal refuse(Code code, Command command, LegState state, String reason) {
        return new Refusal(code, command.caseId(), state, command.type(), reason, null);
    }

    /** The quantity axis a payload is bounded by (an enum rather than method references: no lambda to link). */
    private enum Axis {
        REQUESTED, AUTHORIZED, RECEIVED;

        int of(LineState line) {
            return switch (this) {
                case REQUESTED -> line.requested();
                case AUTHORIZED -> line.authorized();
                case RECEIVED -> line.received();
            };
        }
    }

    private static List<LineQuantity> everythingRequested(Leg leg) {
        LineQuantity[] all = new LineQuantity[leg.lines().size()];
        for (int i = 0; i < all.length; i++) {
            LineState line = leg.lines().get(i);
            all[i] = new LineQuantity(line.sku(), line.requested());
        }
        return List.of(all);
    }

    private static Refusal firstNonNull(Refusal a, Refusal b) {
        return a != null ? a : b;
    }

    /** Builds a {@link ReturnWorkflow}; each setter validates its argument. */
    public static final class Builder {
        private DeadlinePolicy deadlines = DeadlinePolicy.ofDefaults();
        private ReapplicationPolicy reapplication = ReapplicationPolicy.ofDefaults();
        private final List<Guard> guards = new ArrayList<>();
        private final List<Policy> policies = new ArrayList<>();
        private final Map<String, String> settings = new LinkedHashMap<>();
        private int partialRefundRounds = MoneyRules.DEFAULT_OFFER_ROUNDS;

        private Builder() {
        }

        /**
         * How many partial refund offers (协商部分退款) a leg takes; 3 unless set. Each offer the customer rejects
         * uses one; when all are used, the negotiation can only end in an agreement or a refusal.
         *
         * @param rounds 1 to 20
         * @return this builder
         * @throws IllegalArgumentException if {@code rounds} lies outside 1 to 20
         */
        public Builder partialRefundRounds(int rounds) {
            if (rounds < 1 || rounds > MoneyRules.MAX_OFFER_ROUNDS) {
                throw new IllegalArgumentException("partial refund rounds must be 1 to " + MoneyRules.MAX_OFFER_ROUNDS);
            }
            this.partialRefundRounds = rounds;
            return this;
        }

        /**
         * The deadline policy; {@link DeadlinePolicy#ofDefaults()} unless set.
         *
         * @param policy the deadline policy; not null
         * @return this builder
         */
        public Builder deadlines(DeadlinePolicy policy) {
            this.deadlines = Objects.requireNonNull(policy, "deadline policy must not be null");
            return this;
        }

        /**
         * The re-application policy; {@link ReapplicationPolicy#ofDefaults()} unless set.
         *
         * @param policy the re-application policy; not null, validated when made
         * @return this builder
         */
        public Builder reapplication(ReapplicationPolicy policy) {
            this.reapplication = Objects.requireNonNull(policy, "re-application policy must not be null");
            return this;
        }

        /**
         * Adds a guard; guards run in the order added.
         *
         * @param guard the guard; not null
         * @return this builder
         */
        public Builder guard(Guard guard) {
            guards.add(Objects.requireNonNull(guard, "guard must not be null"));
            return this;
        }

        /**
         * Adds a policy; policies react in the order added.
         *
         * @param policy the policy; not null
         * @return this builder
         */
        public Builder policy(Policy policy) {
            policies.add(Objects.requireNonNull(policy, "policy must not be null"));
            return this;
        }

        /**
         * Sets a setting the custom rules read ({@link RuleContext#setting}), replacing an earlier value of the name.
         *
         * @param name the setting's name; not null, not blank
         * @param value the setting's value; not null
         * @return this builder
         * @throws IllegalArgumentException if the name is blank
         */
        public Builder setting(String name, String value) {
            Objects.requireNonNull(name, "setting name must not be null");
            Objects.requireNonNull(value, "setting value must not be null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("setting name must not be blank");
            }
            settings.put(name, value);
            return this;
        }

        /**
         * Sets every setting of the map, as {@link #setting} does one by one.
         *
         * @param settings names to values; not null, no null name or value
         * @return this builder
         * @throws IllegalArgumentException if a name is blank
         */
        public Builder settings(Map<String, String> settings) {
            Objects.requireNonNull(settings, "settings must not be null");
            settings.forEach(this::setting);
            return this;
        }

        /** {@return the workflow with these settings} */

        public ReturnWorkflow build() {
            return new ReturnWorkflow(this);
        }
    }
}
