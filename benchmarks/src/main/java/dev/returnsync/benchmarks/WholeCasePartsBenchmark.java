package dev.returnsync.benchmarks;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.core.domain.StepResult;
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
 * A diagnostic of returnsync's whole case, not a comparison: its two parts measured apart, on the same
 * {@value WholeCaseBenchmark#CASES} scenarios as {@link WholeCaseBenchmark}. {@link #makeCommands} builds the
 * eleven commands of a case with the builders (header, step builder, checks, record) and decides none;
 * {@link #stepPrebuilt} takes the eleven steps of a case with commands built in the setup. Their sum against
 * {@code WholeCaseBenchmark}'s returnsync figure shows what the rest (the benchmark's own outcome and rule
 * contexts) costs. Run with {@code -prof gc} for the bytes of each part. Not part of the short suite.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WholeCasePartsBenchmark {
    private static final int CASES = WholeCaseBenchmark.CASES;
    private static final int STEPS = Step.all().size();

    /**
     * How many distinct scenarios the cases cycle over: {@value WholeCaseBenchmark#CASES} as in the whole case, or 1,
     * the same case again and again, which shows what the variety of the data costs.
     */
    @Param({"1024", "1"})
    public int cases;

    private final ReturnWorkflow workflow = ReturnWorkflow.builder().build();
    private Scenario[] scenarios;
    private Command[][] commands;
    private RuleContext[][] contexts;
    private int next;

    /** Builds the scenarios, and the commands and rule contexts of each. */
    @Setup
    public void setUp() {
        scenarios = new Scenario[CASES];
        commands = new Command[CASES][STEPS];
        contexts = new RuleContext[CASES][STEPS];
        for (int i = 0; i < CASES; i++) {
            scenarios[i] = Scenario.of(i % cases);
            ReturnCase current = null;
            for (Step step : Step.all()) {
                Command command = ReturnsyncFlow.command(current, scenarios[i], step);
                RuleContext context = RuleContext.at(scenarios[i].at(step));
                commands[i][step.ordinal()] = command;
                contexts[i][step.ordinal()] = context;
                StepResult result = current == null ? workflow.step(workflow.initialState(), command, context)
                        : workflow.step(current, command, context);
                current = ((StepResult.Accepted) result).after();
            }
        }
        Long seen = null;
        for (Step step : Step.all()) {   // makeCommands builds the same commands
            if (!ReturnsyncFlow.command(seen, scenarios[0], step).equals(commands[0][step.ordinal()])) {
                throw new IllegalStateException("makeCommands builds another command at " + step);
            }
            seen = commands[0][step.ordinal()].expectedVersion() == null ? 1L : seen + 1;
        }
    }

    /** The eleven commands of one case, built and checked, not decided. */
    @Benchmark
    public void makeCommands(Blackhole blackhole) {
        Scenario scenario = scenarios[next++ & (CASES - 1)];
        Long seen = null;
        for (Step step : Step.all()) {
            Command command = ReturnsyncFlow.command(seen, scenario, step);
            blackhole.consume(command);
            seen = seen == null ? 1L : seen + 1;   // the version a step's case has, as the whole case sees it
        }
    }

    /** The eleven steps of one case, with commands and rule contexts built beforehand. */
    @Benchmark
    public ReturnCase stepPrebuilt() {
        int i = next++ & (CASES - 1);
        Command[] caseCommands = commands[i];
        RuleContext[] caseContexts = contexts[i];
        ReturnCase current = ((StepResult.Accepted) workflow.step(workflow.initialState(), caseCommands[0],
                caseContexts[0])).after();
        for (int s = 1; s < STEPS; s++) {
            current = ((StepResult.Accepted) workflow.step(current, caseCommands[s], caseContexts[s])).after();
        }
        return current;
    }
}
