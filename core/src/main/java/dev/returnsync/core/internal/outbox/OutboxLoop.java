package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.engine.DispatchReport;
import dev.returnsync.core.engine.DispatcherConfig;
import dev.returnsync.core.engine.EngineObserver;
import dev.returnsync.core.internal.CommandRunner;
import dev.returnsync.core.internal.access.StoreGateway;
import dev.returnsync.core.internal.RunClock;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.supplier.SupplierRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * The outbox loop: claims due entries under a lease, round after round, and works each one while it holds it.
 * Not API.
 *
 * <ul>
 *   <li>Each round claims at the run's current time (the time the call was given, plus what the engine's clock
 *       says has elapsed since), never at a time that has passed: a claim's lease always starts now.</li>
 *   <li>Before each entry the loop checks that the claim's lease still holds and renews it from now
 *       ({@link CaseStore#renewOutbox}); an entry whose claim ran out is left to the next claim (by this or
 *       another dispatcher), and one whose renewal fails was taken over and is skipped (counted lost). So no work
 *       starts without a full lease ahead of it.</li>
 *   <li>While an entry's work runs, a keep-alive renews its lease every
 *       {@linkplain DispatcherConfig#keepAliveInterval() keep-alive interval}, so a call longer than the lease is
 *       never taken over while this process lives; it stops as soon as the work returns, before the entry is
 *       completed or failed.</li>
 *   <li>At least once: an entry is completed only after its work returned normally; a crash leaves it leased,
 *       and any dispatcher takes it over when the lease ends, with the same id.</li>
 * </ul>
 */
public final class OutboxLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OutboxLoop.class);

    private final CaseStore store;
    private final DispatcherConfig config;
    private final Clock clock;
    private final String owner;
    private final EntryWorker worker;
    private final OutcomeRecorder recorder;
    private final LeaseKeepAlive keepAlive;
    private final EngineObserver observer;

    /**
     * Wires the loop; {@code random} (the backoff jitter) may be null for
     * {@link java.util.concurrent.ThreadLocalRandom}. The observer hears of every entry worked.
     */
    public OutboxLoop(CaseStore store, Notifier notifier, SupplierRegistry suppliers, ReturnWorkflow workflow,
                      StoreGateway cases, DispatcherConfig config, RandomGenerator random, String owner,
                      CommandRunner runner, Clock clock, EngineObserver observer) {
        this.store = store;
        this.observer = observer;
        this.config = config;
        this.clock = clock;
        this.owner = owner;
        this.worker = new EntryWorker(cases, notifier, suppliers, workflow, runner);
        this.recorder = new OutcomeRecorder(store, config, random, owner);
        this.keepAlive = new LeaseKeepAlive(store, owner, config.lease(), config.keepAliveInterval());
    }

    /** The lease owner name of this loop. */
    public String owner() {
        return owner;
    }

    /**
     * Claims and works due entries, round after round, until a claim finds none (or the round cap), or
     * {@code keepClaiming} turns false: then the entries already claimed are worked and no more are claimed. The run
     * starts at {@code now} and moves forward with the engine's clock.
     */
    public DispatchReport dispatchPending(Instant now, BooleanSupplier keepClaiming) {
        RunClock time = RunClock.startingAt(now, clock);
        OutcomeRecorder.Tally tally = new OutcomeRecorder.Tally();
        for (int round = 0; round < config.maxRounds() && keepClaiming.getAsBoolean(); round++) {
            List<OutboxEntry> claimed = store.claimOutbox(owner, time.now(), config.lease(), config.batchSize());
            if (claimed.isEmpty()) {
                break;
            }
            for (OutboxEntry entry : claimed) {
                Instant at = time.now();
                if (entry.leaseUntil() != null && !at.isBefore(entry.leaseUntil())) {
                    log.debug("claim of {} entries ran out of lease; claiming again", claimed.size());
                    break;
                }
                if (!store.renewOutbox(entry.id(), owner, at, config.lease())) {
                    tally.lost();
                    log.info("outbox entry {}: lease lost to another dispatcher before its work", entry.id());
                    continue;
                }
                long started = System.nanoTime();
                Outcome outcome;
                try (LeaseKeepAlive.Renewal renewal = keepAlive.keep(entry.id(), time::now)) {
                    outcome = worker.work(entry, at);
                }
                Instant end = time.now();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                warnIfSlow(entry, Duration.between(at, end));
                EngineObserver.DispatchOutcome recorded = recorder.record(entry, outcome, end, tally);
                observer.entryWorked(entry.effect(), supplierOf(entry), recorded, took);
            }
        }
        return tally.report();
    }

    /** Stops the keep-alive thread; a later dispatch starts it again. */
    @Override
    public void close() {
        keepAlive.close();
    }

    private static SupplierId supplierOf(OutboxEntry entry) {
        return entry.effect() == Effect.NOTIFY || entry.effect() == Effect.REACT ? null : SupplierId.of(entry.target());
    }

    private void warnIfSlow(OutboxEntry entry, Duration took) {
        if (took.compareTo(config.maxCallDuration()) > 0) {
            log.warn("outbox entry {} ({}) took {} ms, longer than maxCallDuration {} ms; its lease was kept "
                    + "alive, but check the adapter's timeouts", entry.id(), entry.effect(), took.toMillis(),
                    config.maxCallDuration().toMillis());
        }
    }
}
