package dev.returnsync.benchmarks;

import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.store.DueCase;
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
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The due-deadline query with {@code total} cases stored ({@link Population}), of which {@value #DUE} are due at
 * {@link Population#NOW} (spread evenly over the case indexes) and the rest a day later. Nothing changes the
 * store, so every operation finds the same due cases.
 *
 One operation is
 * {@code InMemoryCaseStore.findDue(now, 1000)}, the store's due index; {@link RunDueBenchmark} measures the
 * engine's {@code runDue}, which pages through it and fires. Cost that follows the due and not the total is flat
 * from 10k to 1M.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class DueDeadlineBenchmark {
    /** Cases due at {@link Population#NOW}. */
    static final int DUE = 1000;

    /** Cases stored. */
    @Param({"10000", "100000", "1000000"})
    public int total;

    InMemoryCaseStore store;
    ReturnWorkflow workflow;

    /** Stores the cases. */
    @Setup(Level.Trial)
    public void populate() {
        store = new InMemoryCaseStore(total);
        workflow = ReturnWorkflow.ofDefaults();
        int due = Population.fill(store, workflow, 0, total, Population.spread(total, DUE));
        if (due != DUE) {
            throw new IllegalStateException("expected " + DUE + " due cases, made " + due);
        }
    }

    /** The store's due index. */
    @Benchmark
    public List<DueCase> findDue() {
        return store.findDue(Population.NOW, DUE);
    }
}
