package dev.returnsync.benchmarks;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.DeadlineReport;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.DueCase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The setups of the engine benchmarks make the state they claim to. */
class EngineBenchmarkSetupTest {
    @Test
    void populationHoldsEveryCaseShippedWithItsNumbersAndExactlyTheDueOnesAreDue() {
        InMemoryCaseStore store = new InMemoryCaseStore();
        int due = Population.fill(store, ReturnWorkflow.ofDefaults(), 0, 2000, Population.spread(2000, 50));

        assertEquals(50, due);
        assertEquals(2000, store.size());
        Set<CaseId> expected = new TreeSet<>();
        for (int i = 0; i < 2000; i += 40) {
            expected.add(CaseId.of("case-" + i));
        }
        Set<CaseId> found = new TreeSet<>();
        for (DueCase d : store.findDue(Population.NOW, 10_000)) {
            found.add(d.caseId());
        }
        assertEquals(expected, found);
        assertEquals(2000, store.findDue(Population.NOW.plus(Duration.ofDays(1)), 10_000).size());
        Scenario s = Scenario.of(1234);
        CaseHistory history = store.load(s.tenant(), s.caseId()).orElseThrow();
        assertEquals(Population.LAST.ordinal() + 1, history.events().size());
        for (var number : List.of(s.customerNumber(), s.resellerNumber(), s.supplierNumber(), s.returnTracking())) {
            assertEquals(s.caseId(), store.findByNumber(s.tenant(), number).orElseThrow().caseId());
        }
    }

    @Test
    void populationOnEveryCoreGivesTheSameCases() {
        InMemoryCaseStore store = new InMemoryCaseStore();
        int due = Population.fill(store, ReturnWorkflow.ofDefaults(), 0, 30_000, Population.spread(30_000, 1000));

        assertEquals(1000, due);
        assertEquals(30_000, store.size());
        assertEquals(1000, store.findDue(Population.NOW, 10_000).size());
        assertTrue(store.load(Scenario.of(29999).tenant(), CaseId.of("case-29999")).isPresent());
        assertFalse(store.load(Scenario.of(30000).tenant(), CaseId.of("case-30000")).isPresent());
    }

    @Test
    void dueDeadlineBenchmarkFindsExactlyTheDueCases() {
        DueDeadlineBenchmark bench = new DueDeadlineBenchmark();
        bench.total = 10_000;
        bench.populate();

        List<DueCase> due = bench.findDue();
        assertEquals(DueDeadlineBenchmark.DUE, due.size());
        Set<CaseId> ids = new HashSet<>();
        for (DueCase d : due) {
            assertFalse(d.dueAt().isAfter(Population.NOW));
            ids.add(d.caseId());
        }
        assertEquals(DueDeadlineBenchmark.DUE, ids.size());
        assertTrue(ids.contains(CaseId.of("case-0")) && ids.contains(CaseId.of("case-9990")));
    }

    @Test
    void runDueBenchmarkFiresExactlyTheDueDeadlinesOfEachShot() {
        RunDueBenchmark bench = new RunDueBenchmark();
        bench.total = 2000;
        bench.populate();
        try {
            assertTrue(bench.store.findDue(Population.NOW, 10_000).isEmpty());
            for (int shot = 0; shot < 2; shot++) {
                bench.addDue();
                assertEquals(2000 + (shot + 1) * RunDueBenchmark.DUE, bench.store.size());
                DeadlineReport report = bench.runDue();
                assertEquals(new DeadlineReport(RunDueBenchmark.DUE, 0, 0, 0), report);
                assertTrue(bench.store.findDue(Population.NOW, 10_000).isEmpty());
            }
        } finally {
            bench.close();
        }
    }

    @Test
    void lookupBenchmarkFindsTheCaseOfEveryQueryThroughStoreAndEngine() {
        LookupBenchmark bench = new LookupBenchmark();
        bench.cases = 1000;
        bench.populate();
        try {
            assertEquals(1000, bench.store.size());
            for (int q = 0; q < 400; q++) {
                NumberLink link = bench.store.findByNumber(bench.resellers[q].tenant(), bench.numbers[q]).orElseThrow();
                assertEquals(bench.numbers[q].uniquenessKey(), link.number().uniquenessKey());
                assertEquals(Optional.of(link), bench.engine.findByNumber(bench.resellers[q], bench.numbers[q]));
                assertEquals(Optional.of(link), bench.engine.findByNumber(bench.suppliers[q], bench.numbers[q]));
            }
            assertTrue(bench.store().isPresent());
            assertTrue(bench.engineReseller().isPresent());
            assertTrue(bench.engineSupplier().isPresent());
        } finally {
            bench.close();
        }
    }

    @Test
    void commandStreamBringsItsCasesToEveryStepAndEveryNextCommandIsAccepted() {
        InMemoryCaseStore store = new InMemoryCaseStore();
        try (ReturnSyncEngine engine = EngineCommandBenchmark.engine(store)) {
            CommandStream stream = new CommandStream(1, 2, 22);
            stream.populate(command -> engine.execute(command).state().version());
            // slots 0 and 11 have taken no step yet, the others 1 to 10 steps
            assertEquals(20, store.size());
            Set<Long> versions = new TreeSet<>();
            for (int i = 1; i < 22; i++) {
                if (i % 11 != 0) {
                    versions.add((long) store.load(Scenario.of(1 + 2 * i).tenant(), CaseId.of("case-" + (1 + 2 * i))).orElseThrow().events().size());
                }
            }
            assertEquals(Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), versions);
            for (int i = 0; i < 22 * 11 * 2; i++) {
                CommandResult result = engine.execute(stream.next());
                assertFalse(result.replayed());
                stream.accepted(result.state().version());
            }
            // every slot closed its case about twice and submitted new ones, all with odd indexes
            assertTrue(store.size() > 60);
            assertFalse(store.load(Scenario.of(2).tenant(), CaseId.of("case-2")).isPresent());
        }
    }

    @Test
    void twinsOfTheContendedVariantGetTheFirstOutcomeBack() {
        InMemoryCaseStore store = new InMemoryCaseStore();
        try (ReturnSyncEngine engine = EngineCommandBenchmark.engine(store)) {
            CommandStream first = new CommandStream(0, 1, EngineCommandBenchmark.CONTENDED_SLOTS);
            CommandStream twin = new CommandStream(0, 1, EngineCommandBenchmark.CONTENDED_SLOTS);
            first.populate(command -> engine.execute(command).state().version());
            twin.populate(command -> EngineCommandBenchmark.executeTwin(engine, command, null).state().version());
            for (int i = 0; i < 500; i++) {
                Command command = first.next();
                CommandResult original = engine.execute(command);
                first.accepted(original.state().version());
                CommandResult replay = EngineCommandBenchmark.executeTwin(engine, twin.next(), null);
                twin.accepted(replay.state().version());
                assertTrue(replay.replayed());
                assertEquals(original.events(), replay.events());
            }
        }
    }
}
