package dev.returnsync.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * (c) Cold start: in a fresh JVM, build the implementation's workflow definition and run the first case, once
 * per fork. It includes loading and initializing the implementation's classes and running them interpreted.
 * The input is made in the setup, so returnsync's value classes (spi) are already loaded for every
 * implementation alike; its core classes are not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(5)
public class ColdStartBenchmark {
    /** The implementation. */
    @Param
    public FlowType flow;

    private Scenario scenario;

    /** Makes the input. */
    @Setup
    public void setUp() {
        scenario = Scenario.of(0);
    }

    /** Builds the definition and runs the first case. */
    @Benchmark
    public Outcome buildAndRunFirstCase() {
        return flow.create().run(scenario).check(scenario, FlowState.COMPLETED);
    }
}
