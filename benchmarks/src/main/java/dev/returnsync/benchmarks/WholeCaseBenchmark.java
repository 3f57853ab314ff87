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
 * (a) Cases per second: a fresh case through all eleven steps, from submission to the customer's confirmation.
 * The definition (workflow, factory, builder, configuration) is built once per thread; the inputs cycle over
 * {@value #CASES} distinct scenarios built in the setup. Divide {@code gc.alloc.rate.norm} by 11 for the bytes
 * per transition.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WholeCaseBenchmark {
    static final int CASES = 1024;

    /** The implementation. */
    @Param
    public FlowType flow;

    private ReturnFlow implementation;
    private Scenario[] scenarios;
    private int next;

    /** Builds the implementation and the inputs. */
    @Setup
    public void setUp() {
        implementation = flow.create();
        scenarios = new Scenario[CASES];
        for (int i = 0; i < CASES; i++) {
            scenarios[i] = Scenario.of(i);
        }
    }

    /** One whole case; the outcome is checked and handed to the blackhole. */
    @Benchmark
    public void wholeCase(Blackhole blackhole) {
        Scenario scenario = scenarios[next++ & (CASES - 1)];
        blackhole.consume(implementation.run(scenario).check(scenario, FlowState.COMPLETED));
    }
}
