package dev.returnsync.benchmarks;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.EngineConfig;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.core.notify.NoopNotifier;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Commands per second through the whole engine over the in-memory ports: validation, idempotency look-up, load
 * and fold (from the fold cache), decide, evolve, outbox planning and one atomic append with links, due time,
 * outbox entries and the idempotency record. Each operation is one command of a {@link CommandStream}: the next
 * step of the next case of the thread's own ring of {@value #SLOTS_PER_THREAD} cases, which the setup brings to
 * every step of the eleven (the threads never touch each other's cases; they share the store and its write
 * lock). When a case closes, its slot submits a new case, so all eleven commands come in equal parts.
 *
 * <p>{@code uncontended1}/{@code uncontended2}: 1 and 2 threads, each on its own cases. {@code contended2}: 2
 * threads sending the same commands to the same {@value #CONTENDED_SLOTS} cases, as a duplicated delivery would:
 * for each command one thread appends, the other races it for the version (and re-decides) or replays the first
 * outcome; both count as an operation. A twin that checked the key before the other appended and loaded the case
 * after is refused ({@code VERSION_MISMATCH}, {@code CASE_EXISTS}) rather than replayed; it is sent again and counted
 * ({@code twinRefused}).
 *
 * <p>The store and the engine are new for every iteration (the store only grows), built with a fold cache that
 * holds every case in flight and a clock that starts at the scenario's time and runs at real speed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class EngineCommandBenchmark {
    /** Cases in flight per thread. */
    static final int SLOTS_PER_THREAD = 4096;
    /** Cases both threads share in the contended variant. */
    static final int CONTENDED_SLOTS = 64;
    /** How long a refused twin is sent again before the refusal is taken as real. */
    static final int TWIN_PATIENCE_SECONDS = 5;

    ReturnSyncEngine engine;
    InMemoryCaseStore store;

    /** A fresh store and engine for every iteration. */
    @Setup(Level.Iteration)
    public void newEngine() {
        store = new InMemoryCaseStore(4 * SLOTS_PER_THREAD);
        engine = engine(store);
    }

    /** The engine as the benchmark builds it: in-memory ports, no supplier adapters, a sized fold cache. */
    static ReturnSyncEngine engine(InMemoryCaseStore store) {
        Instant start = Population.T0;
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
        return ReturnSyncEngine.builder().store(store).notifier(NoopNotifier.instance()).clock(clock)
                .engineConfig(EngineConfig.custom().foldCacheSize(1_000_000).build()).build();
    }

    /** Closes the iteration's engine. */
    @TearDown(Level.Iteration)
    public void closeEngine() {
        engine.close();
    }

    /** One thread's ring of cases, brought to every step through the engine before the iteration. */
    @State(Scope.Thread)
    public static class Own {
        CommandStream stream;

        /** Populates this thread's cases in the iteration's engine. */
        @Setup(Level.Iteration)
        public void populate(EngineCommandBenchmark bench, ThreadParams thread) {
            stream = new CommandStream(thread.getThreadIndex(), thread.getThreadCount(), SLOTS_PER_THREAD);
            stream.populate(command -> bench.engine.execute(command).state().version());
        }
    }

    /**
     * The contended variant's view of the shared cases: every thread has a stream over the same scenarios, so the
     * threads send the same commands (same keys, same payloads) in the same order, as a duplicated delivery would.
     */
    @State(Scope.Thread)
    public static class Shared {
        CommandStream stream;

        /** Brings the shared cases to their steps: the first thread appends, the other gets the same outcomes. */
        @Setup(Level.Iteration)
        public void populate(EngineCommandBenchmark bench) {
            stream = new CommandStream(0, 1, CONTENDED_SLOTS);
            stream.populate(command -> executeTwin(bench.engine, command, null).state().version());
        }
    }

    /**
     * How often a twin was refused with {@code VERSION_MISMATCH} or {@code CASE_EXISTS} instead of getting the
     * first outcome back, per
     * second: it checked the key before the other thread appended and loaded the case after, so it decided
     * against a case that had moved on. The benchmark then sends it again, as a caller would, until it gets the
     * replay; {@code twinRefused} counts the commands refused at least once.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class TwinRefusals {
        /** Twins refused instead of replayed. */
        public long twinRefused;

        /** Zero at the start of each iteration. */
        @Setup(Level.Iteration)
        public void reset() {
            twinRefused = 0;
        }
    }

    /**
     * Executes a command whose twin another thread may be executing: a {@code VERSION_MISMATCH} (or, for a
     * submission, {@code CASE_EXISTS}) refusal is counted and the command sent again until it is replayed. The
     * in-memory store publishes a batch's events before its idempotency record, so retries can miss the record
     * for as long as the appending thread is descheduled between the two (on a loaded machine, milliseconds): the
     * retries go on for up to {@value #TWIN_PATIENCE_SECONDS} seconds.
     */
    static CommandResult executeTwin(ReturnSyncEngine engine, Command command, TwinRefusals refusals) {
        long deadline = 0;
        while (true) {
            try {
                return engine.execute(command);
            } catch (CommandRefusedException e) {
                Refusal.Code code = e.refusal().code();
                if (code != Refusal.Code.VERSION_MISMATCH && code != Refusal.Code.CASE_EXISTS) {
                    throw e;
                }
                if (deadline == 0) {
                    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TWIN_PATIENCE_SECONDS);
                    if (refusals != null) {
                        refusals.twinRefused++;
                    }
                } else if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.yield();
            }
        }
    }

    /** One command on the thread's own case, one thread. */
    @Benchmark
    @Threads(1)
    public CommandResult uncontended1(Own own) {
        return run(own.stream);
    }

    /** One command on the thread's own case, two threads. */
    @Benchmark
    @Threads(2)
    public CommandResult uncontended2(Own own) {
        return run(own.stream);
    }

    /**
     * One command on a case the other thread sends the same command to, two threads: for each command one thread
     * appends, the other loses the race for the version (and re-decides) or finds the key and gets the first
     * outcome back.
     */
    @Benchmark
    @Threads(2)
    public CommandResult contended2(Shared shared, TwinRefusals refusals) {
        CommandResult result = executeTwin(engine, shared.stream.next(), refusals);
        shared.stream.accepted(result.state().version());
        return result;
    }

    private CommandResult run(CommandStream stream) {
        CommandResult result = engine.execute(stream.next());
        stream.accepted(result.state().version());
        return result;
    }
}
