package dev.returnsync.testkit;

import java.util.List;
import java.util.Objects;

/**
 * The shortest trace the checker found that breaks an invariant.
 *
 * @param invariant the name of the broken invariant (or {@code "no exception"} when the workflow, a rule or an
 *     invariant threw)
 * @param message why it is broken
 * @param trace the steps, from the first (usually the submission) to the one that broke the invariant
 * @param replay how to replay it: the seed and scenario of a random run, the depth of an exhaustive one
 * @param cause the exception thrown, or {@code null}
 */
public record Counterexample(String invariant, String message, List<TraceStep> trace, String replay,
                             Throwable cause) {
    /**
     * Checks the fields and copies the trace.
     *
     * @param invariant the name of the broken invariant (or {@code "no exception"} when the workflow, a rule or an
     *     invariant threw)
     * @param message why it is broken
     * @param trace the steps, from the first (usually the submission) to the one that broke the invariant
     * @param replay how to replay it: the seed and scenario of a random run, the depth of an exhaustive one
     * @param cause the exception thrown, or {@code null}
     */
    public Counterexample {
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(message, "message");
        trace = List.copyOf(trace);
        Objects.requireNonNull(replay, "replay");
    }

    /** {@return the number of steps of the trace} */
    public int length() {
        return trace.size();
    }

    /** {@return the counterexample as readable text: the invariant, why, the trace and how to replay it} */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("invariant '").append(invariant).append("' broken: ").append(message).append('\n');
        out.append("counterexample, ").append(length()).append(length() == 1 ? " step" : " steps").append(":\n");
        for (TraceStep step : trace) {
            out.append(step.describe());
        }
        out.append("replay: ").append(replay).append('\n');
        return out.toString();
    }
}
