package dev.returnsync.benchmarks;

/**
 * "Run this return workflow": what every benchmarked implementation offers. An instance is confined to one
 * thread (JMH {@code Scope.Thread}); what its library shares between cases (workflow definition, factory,
 * builder, configuration) is built once in the constructor.
 */
public interface ReturnFlow {
    /**
     * Runs a fresh case through every {@link Step}, from submission to the customer's confirmation.
     *
     * @throws StepRefusedException if the implementation refuses a step
     */
    Outcome run(Scenario scenario);

    /**
     * The case as this implementation stores it between two requests, after every step before {@code next}
     * (all steps when {@code next} is {@code null}): returnsync's immutable case, a Spring
     * {@code StateMachineContext}, a squirrel or stateless4j state plus its data, the floor's record.
     */
    Object snapshot(Scenario scenario, Step next);

    /**
     * A realistic request: restores a stored case and applies one step.
     *
     * @param snapshot what {@link #snapshot(Scenario, Step)} returned for {@code next}; left unchanged
     * @throws StepRefusedException if the implementation refuses the step
     */
    Outcome resume(Object snapshot, Scenario scenario, Step next);

    /**
     * What an application keeps in memory for a case in flight, before {@code next}, in the pattern this
     * implementation documents; the {@link #snapshot} unless the pattern keeps a live machine per case.
     */
    default Object live(Scenario scenario, Step next) {
        return snapshot(scenario, next);
    }

    /**
     * What an application keeps for a closed case with its history. Only returnsync records an audit trail
     * (its events); for the others this is the final snapshot.
     */
    default Object closed(Scenario scenario) {
        return snapshot(scenario, null);
    }
}
