package dev.returnsync.testkit;

import java.util.Objects;

/**
 * Thrown by {@code check()} when an invariant is broken; JUnit reports it as a test failure. The message holds
 * the readable trace; {@link #counterexample()} and {@link #report()} give it structured.
 */
public final class RuleViolation extends AssertionError {
    private static final long serialVersionUID = 1L;

    private final transient CheckReport report;
    private final transient Counterexample counterexample;

    /**
     * Creates the error.
     *
     * @param report the check's report
     * @param counterexample what broke
     */
    public RuleViolation(CheckReport report, Counterexample counterexample) {
        super(Objects.requireNonNull(counterexample, "counterexample").format() + report.summary(),
                counterexample.cause());
        this.report = report;
        this.counterexample = counterexample;
    }

    /** {@return the counterexample} */
    public Counterexample counterexample() {
        return counterexample;
    }

    /** {@return the report of the check that found it} */
    public CheckReport report() {
        return report;
    }
}
