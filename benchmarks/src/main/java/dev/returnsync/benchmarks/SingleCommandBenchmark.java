package dev.returnsync.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * (b) A realistic request: a case stored in the form the implementation stores it (returnsync's immutable
 * case, a Spring {@code StateMachineContext}, a squirrel/stateless4j state with its data, the floor's record)
 * is restored and one command applied. The stored cases, {@value #CASES} of them, are made in the setup and
 * never changed, so a mutable implementation pays for copying its data on restore, as a load from storage
 * would.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SingleCommandBenchmark {
    static final int CASES = 256;

    /** The implementation. */
    @Param
    public FlowType flow;

    /** The command applied: the supplier issues its number, or confirms the receipt of the parcel. */
    @Param({"ISSUE_NUMBER", "CONFIRM_RECEIPT"})
    public Step step;

    private ReturnFlow implementation;
    private Scenario[] scenarios;
    private Object[] stored;
    private int next;

    /** Builds the implementation and the stored cases. */
    @Setup
    public void setUp() {
        implementation = flow.create();
        scenarios = new Scenario[CASES];
        stored = new Object[CASES];
        for (int i = 0; i < CASES; i++) {
            scenarios[i] = Scenario.of(i);
            stored[i] = implementation.snapshot(scenarios[i], step);
        }
    }

    /** Restores one stored case and applies the command. */
    @Benchmark
    public void restoreAndApply(Blackhole blackhole) {
        int i = next++ & (CASES - 1);
        Scenario scenario = scenarios[i];
        blackhole.consume(implementation.resume(stored[i], scenario, step).check(scenario, step.to()));
    }
}
