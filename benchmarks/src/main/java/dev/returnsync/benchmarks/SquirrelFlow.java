package dev.returnsync.benchmarks;

import org.squirrelframework.foundation.fsm.AnonymousAction;
import org.squirrelframework.foundation.fsm.Condition;
import org.squirrelframework.foundation.fsm.StateMachineBuilder;
import org.squirrelframework.foundation.fsm.StateMachineBuilderFactory;

/**
 * squirrel-foundation 0.3.10: the {@link StateMachineBuilder} is built once (squirrel's docs: building is the
 * expensive part and the builder is to be reused); each case gets a new {@link SquirrelReturnMachine} from
 * {@code newStateMachine}, and a restored case one created in its stored state. The role check is a
 * {@link Condition} on the event's context; the data is recorded by an {@link AnonymousAction}.
 */
final class SquirrelFlow implements ReturnFlow {
    private final StateMachineBuilder<SquirrelReturnMachine, FlowState, Step, SquirrelReturnMachine.Input> builder =
            StateMachineBuilderFactory.create(SquirrelReturnMachine.class, FlowState.class, Step.class,
                    SquirrelReturnMachine.Input.class);

    SquirrelFlow() {
        for (Step step : Step.all()) {
            builder.externalTransition().from(step.from()).to(step.to()).on(step).when(new Condition<>() {
                @Override
                public boolean isSatisfied(SquirrelReturnMachine.Input input) {
                    return input != null && step.allows(input.actor().role());
                }

                @Override
                public String name() {
                    return "role-may-" + step;
                }
            }).perform(new AnonymousAction<>() {
                @Override
                public void execute(FlowState from, FlowState to, Step event, SquirrelReturnMachine.Input input,
                                    SquirrelReturnMachine machine) {
                    machine.onStep(to, event, input);
                }
            });
        }
    }

    @Override
    public Outcome run(Scenario scenario) {
        SquirrelReturnMachine machine = builder.newStateMachine(FlowState.NEW);
        for (Step step : Step.all()) {
            fire(machine, scenario, step);
        }
        return machine.sheet().outcome();
    }

    @Override
    public Object snapshot(Scenario scenario, Step next) {
        return live(scenario, next) instanceof SquirrelReturnMachine machine ? machine.sheet() : null;
    }

    @Override
    public Object live(Scenario scenario, Step next) {
        SquirrelReturnMachine machine = builder.newStateMachine(FlowState.NEW);
        for (Step step : Step.all()) {
            if (step == next) {
                break;
            }
            fire(machine, scenario, step);
        }
        return machine;
    }

    @Override
    public Outcome resume(Object snapshot, Scenario scenario, Step next) {
        CaseSheet stored = ((CaseSheet) snapshot).copy();
        SquirrelReturnMachine machine = builder.newStateMachine(stored.state());
        machine.restore(stored);
        fire(machine, scenario, next);
        return stored.outcome();
    }

    private static void fire(SquirrelReturnMachine machine, Scenario scenario, Step step) {
        machine.fire(step, new SquirrelReturnMachine.Input(scenario.actor(step), scenario.payload(step)));
        if (machine.getCurrentState() != step.to()) {
            throw new StepRefusedException(step, "squirrel stayed in " + machine.getCurrentState());
        }
    }
}
