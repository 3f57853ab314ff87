package dev.returnsync.benchmarks;

import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.core.notify.NoopNotifier;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnNumber;
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
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Look-up by number with {@code cases} cases stored ({@link Population}: every case shipped, four numbers
 * linked each). Every operation looks up one number of a random case, the four kinds in turn (customer request,
 * reseller return, supplier return, return tracking), from {@value #QUERIES} queries made beforehand (numbers
 * built anew from their parts, as a request would parse them, not the stored objects).
 *
 * <ul>
 *   <li>{@code store}: {@code InMemoryCaseStore.findByNumber}, the hash index alone;</li>
 *   <li>{@code engineReseller}: {@code ReturnSyncEngine.findByNumber} asked by the case's reseller: index plus the
 *       tenant check;</li>
 *   <li>{@code engineSupplier}: the same asked by the case's supplier: the engine also checks that the supplier has
 *       a leg in the case, from the case's opening event or from a fold it has cached (its default fold cache holds
 *       10,000 cases); it never folds the case, so a cache miss costs no fold.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
public class LookupBenchmark {
    /** How many prepared queries the operations cycle over. */
    static final int QUERIES = 1 << 16;

    /** Cases stored. */
    @Param({"10000", "100000", "1000000"})
    public int cases;

    InMemoryCaseStore store;
    ReturnSyncEngine engine;
    ReturnNumber[] numbers;
    Actor[] resellers;
    Actor[] suppliers;
    private int next;

    /** Stores the cases and prepares the queries. */
    @Setup(Level.Trial)
    public void populate() {
        store = new InMemoryCaseStore(cases);
        Population.fill(store, ReturnWorkflow.ofDefaults(), 0, cases, Population.spread(cases, 0));
        engine = ReturnSyncEngine.builder().store(store).notifier(NoopNotifier.instance())
                .clock(Clock.fixed(Population.NOW, ZoneOffset.UTC)).build();
        numbers = new ReturnNumber[QUERIES];
        resellers = new Actor[QUERIES];
        suppliers = new Actor[QUERIES];
        SplittableRandom random = new SplittableRandom(42);
        for (int q = 0; q < QUERIES; q++) {
            Scenario s = Scenario.of(random.nextInt(cases));
            ReturnNumber stored = switch (q % 4) {
                case 0 -> s.customerNumber();
                case 1 -> s.resellerNumber();
                case 2 -> s.supplierNumber();
                default -> s.returnTracking();
            };
            numbers[q] = new ReturnNumber(stored.kind(), stored.scope(), new String(stored.value().toCharArray()));
            resellers[q] = s.actor(Step.OPEN_NEGOTIATION);
            suppliers[q] = s.actor(Step.AGREE);
        }
    }

    /** Closes the engine. */
    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    private int query() {
        int q = next;
        next = (q + 1) & (QUERIES - 1);
        return q;
    }

    /** The store's hash index. */
    @Benchmark
    public Optional<NumberLink> store() {
        int q = query();
        return store.findByNumber(resellers[q].tenant(), numbers[q]);
    }

    /** The engine, asked by the reseller. */
    @Benchmark
    public Optional<NumberLink> engineReseller() {
        int q = query();
        return engine.findByNumber(resellers[q], numbers[q]);
    }

    /** The engine, asked by the supplier: checks the supplier's leg too, without folding the case. */
    @Benchmark
    public Optional<NumberLink> engineSupplier() {
        int q = query();
        return engine.findByNumber(suppliers[q], numbers[q]);
    }
}
