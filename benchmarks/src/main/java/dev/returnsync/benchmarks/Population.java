package dev.returnsync.benchmarks;

import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseStore;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/**
 * Fills a store with many cases fast: each case's events are decided by the pure domain (the same
 * {@link ReturnWorkflow#decide} and {@link ReturnWorkflow#evolve} the engine runs, so every case is one the
 * engine could have written) and written with one {@link CaseStore#append} per case, with the case's number
 * links and next due time, and no outbox work or idempotency records. About 20 times faster than the engine's
 * pipeline, whose cost is not what the look-up and deadline benchmarks measure.
 *
 * <p>Case {@code i} is {@link Scenario#of Scenario.of(i)} taken up to and including {@link Step#SHIP}: its leg is
 * {@code SHIPPED}, all four numbers are linked (customer request, reseller return, supplier return, tracking), and
 * its deadline (10 days in {@code SHIPPED} under the default policy) is pending. Its steps are three hours apart
 * from {@link #T0}, or from {@code T0} plus one day for the cases that are not to be due at {@link #NOW}.
 */
final class Population {
    /** When the first step of a case that is due at {@link #NOW} happens. */
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    /** The last step every populated case takes. */
    static final Step LAST = Step.SHIP;
    /**
     * A moment at which exactly the cases started at {@link #T0} are due: their {@code SHIPPED} deadline is
     * {@code T0 + 18 h + 10 d}; the others' is a day later.
     */
    static final Instant NOW = T0.plus(Duration.ofHours(3L * LAST.ordinal())).plus(Duration.ofDays(10))
            .plusSeconds(60);

    private static final Duration STEP = Duration.ofHours(3);

    private Population() {
    }

    /**
     * Appends cases {@code from} to {@code from + count - 1}, deciding them on every core (appends are
     * thread-safe), in chunks of consecutive indexes.
     *
     * @param due which case indexes are to be due at {@link #NOW}
     * @return the number of cases that are due at {@link #NOW}
     */
    static int fill(CaseStore store, ReturnWorkflow workflow, int from, int count, IntPredicate due) {
        int threads = count < 20_000 ? 1 : Runtime.getRuntime().availableProcessors();
        if (threads == 1) {
            return fillRange(store, workflow, from, from + count, due);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> parts = new ArrayList<>();
            int chunk = 10_000;
            for (int start = from; start < from + count; start += chunk) {
                int lo = start;
                int hi = Math.min(from + count, start + chunk);
                parts.add(pool.submit(() -> fillRange(store, workflow, lo, hi, due)));
            }
            int dueCount = 0;
            for (Future<Integer> part : parts) {
                dueCount += part.get();
            }
            return dueCount;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while populating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("populating failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int fillRange(CaseStore store, ReturnWorkflow workflow, int from, int to, IntPredicate due) {
        int dueCount = 0;
        List<ReturnEvent> events = new ArrayList<>(LAST.ordinal() + 1);
        for (int i = from; i < to; i++) {
            Scenario s = Scenario.of(i);
            boolean isDue = due.test(i);
            Instant start = isDue ? T0 : T0.plus(Duration.ofDays(1));
            ReturnCase current = null;
            events.clear();
            for (Step step : Step.all()) {
                Decision decision = workflow.decide(Optional.ofNullable(current),
                        ReturnsyncFlow.command(current, s, step),
                        RuleContext.at(start.plus(STEP.multipliedBy(step.ordinal()))));
                if (!(decision instanceof Decision.Accepted accepted)) {
                    throw new StepRefusedException(step, ((Decision.Refused) decision).refusal().toString());
                }
                events.addAll(accepted.events());
                current = ReturnWorkflow.evolve(Optional.ofNullable(current), accepted.events());
                if (step == LAST) {
                    break;
                }
            }
            store.append(new AppendBatch(s.tenant(), s.caseId(), 0, events, current.links(),
                    current.nextDueAt(workflow.deadlines()).orElse(null), List.of(), null));
            if (isDue) {
                dueCount++;
            }
        }
        return dueCount;
    }

    /** Every {@code total / due}-th case, {@code due} in all (fewer if {@code due} does not divide evenly). */
    static IntPredicate spread(int total, int due) {
        if (due <= 0) {
            return i -> false;
        }
        int every = Math.max(1, total / due);
        return i -> i % every == 0 && i / every < due;
    }
}
