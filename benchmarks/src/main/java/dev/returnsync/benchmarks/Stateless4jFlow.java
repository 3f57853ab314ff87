package dev.returnsync.benchmarks;

import com.github.oxo42.stateless4j.StateMachine;
import com.github.oxo42.stateless4j.StateMachineConfig;
import com.github.oxo42.stateless4j.triggers.TriggerWithParameters2;
import dev.returnsync.spi.Actor;

import java.util.EnumMap;
import java.util.Map;

/**
 * stateless4j 2.6: one {@link StateMachineConfig} built once and shared by every case; per case a
 * {@link StateMachine} over external state storage (the {@link CaseSheet} holds the state through an accessor
 * and a mutator). Each step is a trigger with two parameters (the sheet and the payload) whose
 * {@code onEntryFrom} action records the payload. stateless4j guards take no arguments, so the role is checked
 * against {@link Step#allows} before firing.
 */
final class Stateless4jFlow implements ReturnFlow {
    private final StateMachineConfig<FlowState, Step> config = new StateMachineConfig<>();
    private final Map<Step, TriggerWithParameters2<CaseSheet, Object, Step>> triggers = new EnumMap<>(Step.class);

    Stateless4jFlow() {
        for (Step step : Step.all()) {
            TriggerWithParameters2<CaseSheet, Object, Step> trigger =
                    config.setTriggerParameters(step, CaseSheet.class, Object.class);
            triggers.put(step, trigger);
            config.configure(step.from()).permit(step, step.to());
            config.configure(step.to()).onEntryFrom(trigger, (CaseSheet sheet, Object payload) -> sheet.record(step,
                    payload));
        }
    }

    @Override
    public Outcome run(Scenario scenario) {
        CaseSheet sheet = new CaseSheet();
        StateMachine<FlowState, Step> machine = machine(sheet);
        for (Step step : Step.all()) {
            fire(machine, sheet, scenario, step);
        }
        return sheet.outcome();
    }

    @Override
    public Object snapshot(Scenario scenario, Step next) {
        CaseSheet sheet = new CaseSheet();
        StateMachine<FlowState, Step> machine = machine(sheet);
        for (Step step : Step.all()) {
            if (step == next) {
                break;
            }
            fire(machine, sheet, scenario, step);
        }
        return sheet;
    }

    @Override
    public Outcome resume(Object snapshot, Scenario scenario, Step next) {
        CaseSheet sheet = ((CaseSheet) snapshot).copy();
        fire(machine(sheet), sheet, scenario, next);
        return sheet.outcome();
    }

    private StateMachine<FlowState, Step> machine(CaseSheet sheet) {
        return new StateMachine<>(sheet.state(), sheet::state, sheet::state, config);
    }

    private void fire(StateMachine<FlowState, Step> machine, CaseSheet sheet, Scenario scenario, Step step) {
        Actor actor = scenario.actor(step);
        if (!step.allows(actor.role())) {
            throw new StepRefusedException(step, "a " + actor.role() + " may not fire it");
        }
        try {
            machine.fire(triggers.get(step), sheet, scenario.payload(step));
        } catch (IllegalStateException unhandled) {
            throw new StepRefusedException(step, unhandled.getMessage());
        }
    }
}
