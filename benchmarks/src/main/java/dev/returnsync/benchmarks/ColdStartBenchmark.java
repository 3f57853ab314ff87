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
 *
 * <p>The setup also makes the JDK link its own first record {@code equals}/{@code hashCode}, string
 * concatenation and lambda, as any application has done before it touches a workflow library: the first of
 * each costs the JVM 10 to 20 ms once, whatever library triggers it, and would otherwise be charged to whichever
 * implementation happens to compare a record first. Each new call site still pays its own linkage.
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

    /** A record of this benchmark's own, to link the JDK's record methods once. */
    private record Warm(String name, int size) {
    }

    /** Makes the input and links the JDK's own invokedynamic machinery once. */
    @Setup
    public void setUp() {
        scenario = Scenario.of(0);
        Warm a = new Warm("a", 1);
        Warm b = new Warm("b", flow.ordinal());
        java.util.function.IntSupplier lambda = () -> b.size() + 1;
        String linked = a.equals(b) + "|" + a.hashCode() + "|" + b + "|" + lambda.getAsInt();
        if (linked.isEmpty()) {
            throw new IllegalStateException("unreachable");
        }
    }

    /** Builds the definition and runs the first case. */
    @Benchmark
    public Outcome buildAndRunFirstCase() {
        return flow.create().run(scenario).check(scenario, FlowState.COMPLETED);
    }
}
