package dev.returnsync.benchmarks;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.core.domain.StepResult;
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

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A diagnostic of returnsync's domain alone, not a comparison: the cost of {@code decide}, of {@code evolve}
 * and of the one-pass {@code step} for each step, and of the number-uniqueness look-up that {@code decide} makes when a
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
        event = workflow.decide(Optional.ofNullable(before), command, context).eventsOrThrow().get(0);
        unlinked = ReturnNumber.supplierReturn(scenario.supplier(), "UNLINKED-1");
    }

    /** decide alone. */
    @Benchmark
    public Decision decide() {
        return workflow.decide(Optional.ofNullable(before), command, context);
    }

    /** evolve alone. */
    @Benchmark
    public ReturnCase evolve() {
        return ReturnWorkflow.evolve(Optional.ofNullable(before), event);
    }

    /** step: decide and evolve in one pass, as the engine does. */
    @Benchmark
    public StepResult step() {
        return workflow.step(Optional.ofNullable(before), command, context);
    }

    /** The uniqueness look-up of a number that is not linked (what ISSUE_NUMBER and SHIP do). */
    @Benchmark
    public Optional<?> resolveUnlinkedNumber() {
        return before == null ? Optional.empty() : before.resolve(unlinked);
    }

    /**
     * A sketch of the same look-up without building the link list and the key strings: compares namespace,
     * scope and value of every number of the case in place. Only to measure a proposal for the domain.
     */
    @Benchmark
    public boolean resolveUnlinkedNumberInPlace() {
        if (before == null) {
            return false;
        }
        if (sameKey(before.customerNumber(), unlinked) || sameKey(before.resellerNumber(), unlinked)) {
            return true;
        }
        for (Leg leg : before.legs()) {
            if (sameKey(leg.supplierNumber(), unlinked) || sameKey(leg.returnTracking(), unlinked)
                    || sameKey(leg.replacementTracking(), unlinked)) {
                return true;
            }
            for (ReturnNumber old : leg.supersededNumbers()) {
                if (sameKey(old, unlinked)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A sketch of the least an immutable evolve allocates for a step that only moves the state: one leg, one
     * case, one list. Only to measure a proposal for the domain.
     */
    @Benchmark
    public ReturnCase evolveStateOnlyFloor() {
        if (before == null) {
            return null;
        }
        Leg leg = before.legs().get(0);
        Leg moved = new Leg(leg.supplier(), step.to().legState(), event.at(), leg.outcome(), leg.lines(),
                leg.supplierNumber(), leg.supersededNumbers(), leg.returnTracking(), leg.replacementTracking(),
                leg.numberShared(), null, leg.refund(), leg.money(), leg.round());
        return new ReturnCase(before.header(), List.of(moved), before.version() + 1, before.externalVersions());
    }

    private static boolean sameKey(ReturnNumber linked, ReturnNumber wanted) {
        return linked != null && linked.kind().namespace().equals(wanted.kind().namespace())
                && linked.scope().equals(wanted.scope()) && linked.value().equals(wanted.value());
    }
}
