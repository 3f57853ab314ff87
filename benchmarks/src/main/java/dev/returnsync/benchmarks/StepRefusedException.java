package dev.returnsync.benchmarks;

/** An implementation refused a step of the scenario (wrong role, wrong state, invalid payload). */
public final class StepRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Step step;

    /**
     * @param step the refused step
     * @param why the implementation's reason
     */
    public StepRefusedException(Step step, String why) {
        super(step + " refused: " + why);
        this.step = step;
    }

    /** The refused step. */
    public Step step() {
        return step;
    }
}
