package dev.returnsync.benchmarks;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.core.internal.CommandValidator;
import dev.returnsync.core.internal.Fingerprint;
import dev.returnsync.core.internal.FoldCache;
import dev.returnsync.core.internal.outbox.OutboxPlanner;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.codec.EventCodec;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.supplier.SupplierRegistry;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A diagnostic, not in the suites: the stages of {@code ReturnSyncEngine.execute} for one command, each alone,
 * to show where a command's time and bytes go. The command is the scenario's {@code step} on a stored case that
 * is at that step; the stages call the engine's own (internal) classes the way {@code execute} does:
 * {@code validate} (the compiled constraints), {@code validateFully} (Hibernate Validator, the reference), {@code fingerprint}, {@code lookups} (idempotency key, load, fold from the
 * fold cache), {@code decideEvolve} (the domain), {@code batch} (outbox plan, links, next due time, idempotency
 * record, the batch), and on PostgreSQL {@code decodeHistory} (what {@code PostgresCaseStore.load} does with the
 * events' JSON on every command) and {@code encodeEvents}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EngineStage -f 1 -wi 3 -w 1s -i 3 -r 1s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EngineStageBenchmark {
    /** The command measured. */
    @Param({"SUBMIT", "CONFIRM_RECEIPT"})
    public Step step;

    private final CommandValidator validator = new CommandValidator();
    private final ReturnWorkflow workflow = ReturnWorkflow.ofDefaults();
    private final OutboxPlanner planner = new OutboxPlanner(SupplierRegistry.none(), false, Duration.ofSeconds(30));
    private final FoldCache cache = new FoldCache(10_000);
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private Scenario scenario;
    private Command command;
    private ReturnCase before;
    private ReturnCase after;
    private List<ReturnEvent> events;
    private List<String> history;
    private Instant now;

    /** Stores the case up to the step and decides the command once. */
    @Setup(Level.Trial)
    public void setUp() {
        scenario = Scenario.of(7);
        now = scenario.at(step);
        List<ReturnEvent> past = new ArrayList<>();
        ReturnCase current = null;
        for (Step s : Step.all()) {
            if (s == step) {
                break;
            }
            Decision decision = workflow.decide(Optional.ofNullable(current),
                    ReturnsyncFlow.command(current, scenario, s),
                    RuleContext.at(scenario.at(s)));
            List<ReturnEvent> decided = ((Decision.Accepted) decision).events();
            past.addAll(decided);
            current = ReturnWorkflow.evolve(Optional.ofNullable(current), decided);
        }
        before = current;
        if (!past.isEmpty()) {
            store.append(new AppendBatch(scenario.tenant(), scenario.caseId(), 0, past, current.links(),
                    current.nextDueAt(workflow.deadlines()).orElse(null), List.of(), null));
            cache.fold(store.load(scenario.tenant(), scenario.caseId()).orElseThrow());
        }
        history = new ArrayList<>();
        for (ReturnEvent event : past) {
            history.add(EventCodec.encode(event));
        }
        command = ReturnsyncFlow.command(current, scenario, step);
        events = workflow.decide(Optional.ofNullable(before), command, new RuleContext(now, java.util.Map.of()))
                .eventsOrThrow();
        after = ReturnWorkflow.evolve(Optional.ofNullable(before), events);
    }

    /** Releases the validator. */
    @TearDown(Level.Trial)
    public void tearDown() {
        validator.close();
    }

    /** The engine's check of the command: its compiled constraints. */
    @Benchmark
    public Command validate() {
        validator.validate(command);
        return command;
    }

    /** Hibernate Validator on the command, cascade included: the reference the compiled constraints agree with. */
    @Benchmark
    public Object validateFully() {
        return validator.fullCheck(command);
    }

    /** The payload digest. */
    @Benchmark
    public String fingerprint() {
        return Fingerprint.of(command);
    }

    /** The idempotency look-up, the load and the fold (a cache hit). */
    @Benchmark
    public ReturnCase lookups() {
        Optional<IdempotencyRecord> seen = store.findIdempotency(scenario.tenant(), command.key());
        if (seen.isPresent()) {
            throw new IllegalStateException();
        }
        Optional<CaseHistory> history = store.load(scenario.tenant(), scenario.caseId());
        return history.isEmpty() ? null : cache.fold(history.get());
    }

    /** The domain: decide and evolve. */
    @Benchmark
    public ReturnCase decideEvolve() {
        Decision decision = workflow.decide(Optional.ofNullable(before), command, new RuleContext(now, java.util.Map.of()));
        return ReturnWorkflow.evolve(Optional.ofNullable(before), decision.eventsOrThrow());
    }

    /** The batch: outbox plan, links, next due time, idempotency record. */
    @Benchmark
    public AppendBatch batch() {
        long expected = before == null ? 0 : before.version();
        return new AppendBatch(scenario.tenant(), scenario.caseId(), expected, events, after.links(),
                after.nextDueAt(workflow.deadlines()).orElse(null), planner.plan(Optional.ofNullable(before), after, events, now),
                new IdempotencyRecord(scenario.tenant(), command.key(), "0123456789abcdef0123456789abcdef",
                        scenario.caseId(), expected + 1, after.version()));
    }

    /** On PostgreSQL: decoding the case's stored events, which the store's load does on every command. */
    @Benchmark
    public List<ReturnEvent> decodeHistory() {
        List<ReturnEvent> decoded = new ArrayList<>(history.size());
        for (String json : history) {
            decoded.add(EventCodec.decode(json));
        }
        return decoded;
    }

    /** On PostgreSQL: encoding the command's events. */
    @Benchmark
    public int encodeEvents() {
        int length = 0;
        for (ReturnEvent event : events) {
            length += EventCodec.encode(event).length();
        }
        return length;
    }
}
