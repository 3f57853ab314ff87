package dev.returnsync.benchmarks;

import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.engine.DeadlineReport;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.core.notify.NoopNotifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/**
 * {@code ReturnSyncEngine.runDue} firing {@value #DUE} due deadlines among {@code total} stored cases: one
 * operation (single shot) is one {@code runDue(now)}, which pages through the due index, loads and folds each due
 * case and runs a {@code FireDeadline} command per due leg through the whole pipeline (the shipped legs escalate).
 * Before every iteration {@value #DUE} new due cases are added to a store of {@code total} cases that are not due,
 * so each shot fires exactly {@value #DUE}; the shot fails if it fires any other number.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class RunDueBenchmark {
    /** Due cases per shot. */
    static final int DUE = DueDeadlineBenchmark.DUE;

    /** Cases stored that are not due. */
    @Param({"10000", "100000", "1000000"})
    public int total;

    InMemoryCaseStore store;
    ReturnWorkflow workflow;
    ReturnSyncEngine engine;
    private int nextCase;

    /** Stores the cases that are not due. */
    @Setup(Level.Trial)
    public void populate() {
        store = new InMemoryCaseStore(total + 64 * DUE);
        workflow = ReturnWorkflow.ofDefaults();
        Population.fill(store, workflow, 0, total, i -> false);
        nextCase = total;
        engine = ReturnSyncEngine.builder().store(store).notifier(NoopNotifier.instance()).workflow(workflow)
                .clock(Clock.fixed(Population.NOW, ZoneOffset.UTC)).build();
    }

    /** Adds the shot's due cases. */
    @Setup(Level.Iteration)
    public void addDue() {
        Population.fill(store, workflow, nextCase, DUE, i -> true);
        nextCase += DUE;
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    /** Fires the due deadlines. */
    @Benchmark
    public DeadlineReport runDue() {
        DeadlineReport report = engine.runDue(Population.NOW);
        if (report.fired() != DUE) {
            throw new IllegalStateException("fired " + report + ", expected " + DUE);
        }
        return report;
    }
}
