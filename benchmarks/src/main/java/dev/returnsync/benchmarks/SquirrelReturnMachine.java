package dev.returnsync.benchmarks;

import dev.returnsync.spi.Actor;
import org.squirrelframework.foundation.fsm.impl.AbstractStateMachine;

/**
 * The squirrel-foundation machine of the benchmarked workflow. squirrel instantiates it reflectively for
 * every case from a builder that is built once ({@link SquirrelFlow}); its data lives in the machine, in a
 * {@link CaseSheet}, and each event carries an {@link Input} as squirrel's context object.
 */
public class SquirrelReturnMachine
        extends AbstractStateMachine<SquirrelReturnMachine, FlowState, Step, SquirrelReturnMachine.Input> {

    /**
     * The context of one event.
     *
     * @param actor who fires the step
     * @param payload the step's data, as {@link Scenario#payload(Step)}
     */
    public record Input(Actor actor, Object payload) {
    }

    private CaseSheet sheet = new CaseSheet();

    /** Called by squirrel's builder. */
    public SquirrelReturnMachine() {
    }

    /** The case's data. */
    public CaseSheet sheet() {
        return sheet;
    }

    void restore(CaseSheet stored) {
        this.sheet = stored;
    }

    void onStep(FlowState to, Step step, Input input) {
        sheet.record(step, input.payload());
        sheet.state(to);
    }
}
