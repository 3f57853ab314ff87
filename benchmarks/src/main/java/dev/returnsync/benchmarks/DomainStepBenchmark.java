package dev.returnsync.benchmarks;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A diagnostic of returnsync's domain alone, not a comparison: the cost of {@code decide} and of
 * {@code evolve} for each step, and of the number-uniqueness look-up that {@code decide} makes when a
 * number is linked. Run with {@code -prof gc} to see where the bytes per transition go. Not part of the short
 * suite.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DomainStepBenchmark {
    /** The step. */
    @Param
    public Step step;

    private final ReturnWorkflow workflow = ReturnWorkflow.builder().build();
    private ReturnCase before;
    private Command command;
    private RuleContext context;
    private ReturnEvent event;
    private ReturnNumber unlinked;

    /** Prepares the case before the step, its command and its event. */
    @Setup
    public void setUp() {
        Scenario scenario = Scenario.of(1);
        before = (ReturnCase) FlowType.RETURNSYNC.create().snapshot(scenario, step);
        command = ReturnsyncFlow.command(before, scenario, step);
        context = RuleContext.at(scenario.at(step));
        event = ((Decision.Accepted) workflow.decide(before, command, context)).events().get(0);
        unlinked = ReturnNumber.supplierReturn(scenario.supplier(), "UNLINKED-1");
    }

    /** decide alone. */
    @Benchmark
    public Decision decide() {
        return workflow.decide(before, command, context);
    }

    /** evolve alone. */
    @Benchmark
    public ReturnCase evolve() {
        return ReturnWorkflow.evolve(before, event);
    }

    /** The uniqueness look-up of a number that is not linked (what ISSUE_NUMBER and SHIP do). */
    @Benchmark
    public Optional<?> resolveUnlinkedNumber() {
        return before == null ? Optional.empty() : before.resolve(unlinked);
    }
}
