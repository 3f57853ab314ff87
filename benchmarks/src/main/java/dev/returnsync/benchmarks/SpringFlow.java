package dev.returnsync.benchmarks;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.ExtendedState;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;
import org.springframework.statemachine.support.DefaultExtendedState;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import reactor.core.publisher.Mono;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spring Statemachine 4.0: a {@link StateMachineFactory} built once with {@link StateMachineBuilder}; events
 * are {@link Message}s whose headers carry the actor and the payload; a {@link Guard} checks the actor's role
 * and an {@link Action} records the payload into the machine's {@link ExtendedState} variables, the place the
 * reference documentation gives for extended state. Events go through the reactive API
 * ({@code sendEvent(Mono)}), as 4.0 recommends.
 *
 * <p>Two patterns: {@link #fresh()} asks the factory for a new machine per case (and per restored case);
 * {@link #pooled()} keeps one machine and resets it to the case's {@link StateMachineContext} for every case,
 * as {@code DefaultStateMachinePersister.restore} does:
 * stop, {@code doWithAllRegions(a -> a.resetStateMachineReactively(context))}, start.
 */
final class SpringFlow implements ReturnFlow {
    static final String ACTOR = "actor";
    static final String PAYLOAD = "payload";

    private final StateMachineFactory<FlowState, Step> factory;
    private final StateMachine<FlowState, Step> pooled;

    private SpringFlow(boolean pool) {
        try {
            StateMachineBuilder.Builder<FlowState, Step> builder = StateMachineBuilder.builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false);
            // COMPLETED is not declared an end state: a machine that reached an end state ignores events after a
            // reset, so the pooled pattern could not reuse it.
            builder.configureStates().withStates().initial(FlowState.NEW).states(EnumSet.allOf(FlowState.class));
            StateMachineTransitionConfigurer<FlowState, Step> transitions = builder.configureTransitions();
            for (Step step : Step.all()) {
                transitions.withExternal().source(step.from()).target(step.to()).event(step)
                        .guard(roleGuard(step)).action(recorder(step));
            }
            this.factory = builder.createFactory();
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure the Spring state machine", e);
        }
        this.pooled = pool ? factory.getStateMachine() : null;
    }

    /** A new machine from the factory for every case. */
    static SpringFlow fresh() {
        return new SpringFlow(false);
    }

    /** One machine, reset to each case's context. */
    static SpringFlow pooled() {
        return new SpringFlow(true);
    }

    private static Guard<FlowState, Step> roleGuard(Step step) {
        return context -> {
            Object actor = context.getMessageHeader(ACTOR);
            return actor instanceof Actor a && step.allows(a.role());
        };
    }

    private static Action<FlowState, Step> recorder(Step step) {
        return context -> record(step, context);
    }

    private static void record(Step step, StateContext<FlowState, Step> context) {
        Map<Object, Object> variables = context.getExtendedState().getVariables();
        Object payload = context.getMessageHeader(PAYLOAD);
        switch (step) {
            case SUBMIT -> {
                Scenario request = (Scenario) payload;
                variables.put("caseId", request.caseId());
                variables.put("customerNumber", request.customerNumber());
                variables.put("resellerNumber", request.resellerNumber());
                variables.put("lines", request.lines());
            }
            case AGREE -> {
                Scenario.Agreement agreement = (Scenario.Agreement) payload;
                variables.put("outcome", agreement.outcome());
                variables.put("authorized", agreement.authorized());
            }
            case ISSUE_NUMBER -> variables.put("supplierNumber", payload);
            case SHIP -> variables.put("returnTracking", payload);
            case CONFIRM_RECEIPT -> variables.put("received", payload);
            case REPORT_RESULT -> {
                Scenario.Inspection inspection = (Scenario.Inspection) payload;
                variables.put("accepted", inspection.accepted());
                variables.put("rejected", inspection.rejected());
            }
            case REPORT_TO_CUSTOMER -> variables.put("refund", Outcome.refundDue(lines(variables, "lines"),
                    (OutcomeType) variables.get("outcome"), quantities(variables, "authorized"),
                    quantities(variables, "accepted")));
            case OPEN_NEGOTIATION, APPLY, SHARE_NUMBER, CONFIRM_RESULT -> {
                // the step carries no data
            }
        }
        variables.merge("transitions", 1, (a, b) -> (Integer) a + (Integer) b);
    }

    @Override
    public Outcome run(Scenario scenario) {
        StateMachine<FlowState, Step> machine = start(scenario, null);
        for (Step step : Step.all()) {
            send(machine, scenario, step);
        }
        Outcome outcome = outcome(machine.getState().getId(), machine.getExtendedState());
        release(machine);
        return outcome;
    }

    @Override
    public Object snapshot(Scenario scenario, Step next) {
        StateMachine<FlowState, Step> machine = advance(scenario, next);
        StateMachineContext<FlowState, Step> context = new DefaultStateMachineContext<>(machine.getState().getId(),
                null, null, copy(machine.getExtendedState()));
        release(machine);
        return context;
    }

    /** With a fresh machine per case, an application keeps the live machine; the pool keeps contexts. */
    @Override
    public Object live(Scenario scenario, Step next) {
        return pooled == null ? advance(scenario, next) : snapshot(scenario, next);
    }

    @Override
    public Outcome resume(Object snapshot, Scenario scenario, Step next) {
        @SuppressWarnings("unchecked")
        StateMachineContext<FlowState, Step> stored = (StateMachineContext<FlowState, Step>) snapshot;
        StateMachine<FlowState, Step> machine = start(scenario, new DefaultStateMachineContext<>(stored.getState(),
                null, null, copy(stored.getExtendedState())));
        send(machine, scenario, next);
        Outcome outcome = outcome(machine.getState().getId(), machine.getExtendedState());
        release(machine);
        return outcome;
    }

    private StateMachine<FlowState, Step> advance(Scenario scenario, Step next) {
        StateMachine<FlowState, Step> machine = start(scenario, null);
        for (Step step : Step.all()) {
            if (step == next) {
                break;
            }
            send(machine, scenario, step);
        }
        return machine;
    }

    /** A started machine for the case: fresh from the factory, or the pooled one reset; in NEW or in a context. */
    private StateMachine<FlowState, Step> start(Scenario scenario, StateMachineContext<FlowState, Step> context) {
        StateMachine<FlowState, Step> machine;
        if (pooled == null) {
            machine = factory.getStateMachine(scenario.caseId().value());
            if (context != null) {
                reset(machine, context);
            }
        } else {
            machine = pooled;
            reset(machine, context != null ? context
                    : new DefaultStateMachineContext<>(FlowState.NEW, null, null, new DefaultExtendedState()));
        }
        machine.startReactively().block();
        return machine;
    }

    private static void reset(StateMachine<FlowState, Step> machine, StateMachineContext<FlowState, Step> context) {
        machine.stopReactively().block();
        machine.getStateMachineAccessor().doWithAllRegions(access -> access.resetStateMachineReactively(context).block());
    }

    private void release(StateMachine<FlowState, Step> machine) {
        if (pooled == null) {
            machine.stopReactively().block();
        }
    }

    private static void send(StateMachine<FlowState, Step> machine, Scenario scenario, Step step) {
        Message<Step> message = MessageBuilder.withPayload(step).setHeader(ACTOR, scenario.actor(step))
                .setHeader(PAYLOAD, scenario.payload(step)).build();
        StateMachineEventResult<FlowState, Step> result = machine.sendEvent(Mono.just(message)).blockLast();
        // A guard that says no still answers ACCEPTED (the event found its transition), so check the state too.
        if (result == null || result.getResultType() != StateMachineEventResult.ResultType.ACCEPTED
                || machine.getState().getId() != step.to()) {
            throw new StepRefusedException(step, "Spring Statemachine answered "
                    + (result == null ? "nothing" : result.getResultType()) + " in " + machine.getState().getId());
        }
    }

    private static ExtendedState copy(ExtendedState state) {
        return new DefaultExtendedState(new HashMap<>(state.getVariables()));
    }

    private static Outcome outcome(FlowState state, ExtendedState extended) {
        Map<Object, Object> v = extended.getVariables();
        Object transitions = v.get("transitions");
        return new Outcome((CaseId) v.get("caseId"), state.legState(),
                transitions == null ? 0 : (Integer) transitions, (ReturnNumber) v.get("customerNumber"),
                (ReturnNumber) v.get("resellerNumber"), (ReturnNumber) v.get("supplierNumber"),
                (ReturnNumber) v.get("returnTracking"), (OutcomeType) v.get("outcome"),
                Outcome.total(quantities(v, "authorized")), Outcome.total(quantities(v, "received")),
                Outcome.total(quantities(v, "accepted")), Outcome.total(quantities(v, "rejected")),
                (Money) v.get("refund"));
    }

    @SuppressWarnings("unchecked")
    private static List<LineQuantity> quantities(Map<Object, Object> variables, String name) {
        return (List<LineQuantity>) variables.get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<ReturnLine> lines(Map<Object, Object> variables, String name) {
        return (List<ReturnLine>) variables.get(name);
    }
}
