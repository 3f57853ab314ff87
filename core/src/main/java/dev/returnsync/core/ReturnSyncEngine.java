package dev.returnsync.core;

import dev.returnsync.core.engine.AccessDeniedException;
import dev.returnsync.core.engine.CaseIdGenerator;
import dev.returnsync.core.engine.CaseNotFoundException;
import dev.returnsync.core.engine.CaseView;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.ContentionException;
import dev.returnsync.core.engine.DeadlineReport;
import dev.returnsync.core.engine.DispatchReport;
import dev.returnsync.core.engine.DispatcherConfig;
import dev.returnsync.core.engine.EngineConfig;
import dev.returnsync.core.engine.EngineObserver;
import dev.returnsync.core.engine.EngineObserver.CommandOutcome;
import dev.returnsync.core.engine.IdempotencyConflictException;
import dev.returnsync.core.engine.LoopScheduler;
import dev.returnsync.core.engine.ResellerNumberGenerator;
import dev.returnsync.core.engine.StoreException;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.internal.FoldCache;
import dev.returnsync.core.internal.RunClock;
import dev.returnsync.core.internal.deadline.DeadlineRunner;
import dev.returnsync.core.internal.loop.BackgroundLoop;
import dev.returnsync.core.internal.observe.SafeObserver;
import dev.returnsync.core.internal.outbox.ObservedSuppliers;
import dev.returnsync.core.internal.outbox.OutboxLoop;
import dev.returnsync.core.internal.outbox.OutboxPlanner;
import dev.returnsync.core.internal.access.StoreGateway;
import dev.returnsync.core.internal.pipeline.CommandPipeline;
import dev.returnsync.core.internal.query.CaseQueries;
import dev.returnsync.core.notify.LoggingNotifier;
import dev.returnsync.core.notify.NoopNotifier;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.supplier.SupplierRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * The engine: drives the {@link ReturnWorkflow} over the ports. Thread-safe; build one per application with
 * {@link #builder()} and share it.
 *
 * <p><b>Commands</b> ({@link #execute}) go through one pipeline, one stage each: fill in a case id and a reseller
 * return number if a submission has none; check the Jakarta constraints ({@link InvalidCommandException}); read the case and
 * check that the actor is a party of it, before anything else (a non-party, a case of another tenant and a missing
 * case all get the same {@link CaseNotFoundException}); look up the idempotency key (same key and payload: the first
 * outcome, nothing added; same key, other payload: {@link IdempotencyConflictException}); decide (roles, version,
 * state, payload, custom rules: {@link CommandRefusedException}); append the events with the case's number links,
 * its next due time, the outbox work and the idempotency record in one atomic batch. When another command changed
 * the case in between, the command is re-decided against the new state, a bounded number of times
 * ({@link ContentionException}). A number linked to another return is refused with the code
 * {@link Refusal.Code#NUMBER_TAKEN}, naming the asker's own number only. A store failure is a
 * {@link StoreException} that says whether a retry may help; retrying a command with the same key is always safe.
 *
 * <p><b>Work outside the store</b> (notifications, supplier calls, policy reactions) is written to the outbox with
 * the events and done by {@link #dispatchPending}; <b>deadlines</b> are fired by {@link #runDue}. Both are driven
 * explicitly, or by the background loop of {@link #start}. <b>Queries</b> ({@link #caseView}, {@link #history},
 * {@link #findByNumber}, {@link #lookup}) go through the same visibility policy as commands: each party sees its own
 * view (a supplier its own leg only), and a non-party sees what a missing case shows. docs/isolation.md and
 * docs/errors.md spell both out.
 *
 * <p>Time comes from the injected {@link Clock}. Logs carry ids, versions and numbers only.
 */
public final class ReturnSyncEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReturnSyncEngine.class);

    private final CaseStore store;
    private final ReturnWorkflow workflow;
    private final Clock clock;
    private final EngineConfig config;
    private final DispatcherConfig dispatcherConfig;
    private final FoldCache cache;
    private final StoreGateway gateway;
    private final CommandPipeline pipeline;
    private final CaseQueries queries;
    private final OutboxLoop dispatcher;
    private final DeadlineRunner deadlineRunner;
    private final BackgroundLoop background;
    private final EngineObserver observer;

    private ReturnSyncEngine(Builder b) {
        this.observer = b.observer == EngineObserver.NONE ? b.observer : new SafeObserver(b.observer);
        this.store = b.store;
        this.workflow = b.workflow;
        this.clock = b.clock;
        this.config = b.config;
        this.dispatcherConfig = b.dispatcherConfig;
        this.cache = new FoldCache(config.foldCacheSize());
        this.gateway = new StoreGateway(store, cache);
        OutboxPlanner planner = new OutboxPlanner(b.suppliers, !workflow.policies().isEmpty(),
                dispatcherConfig.pollInterval());
        this.pipeline = new CommandPipeline(gateway, workflow, config, b.caseIds, b.numbers, planner);
        this.queries = new CaseQueries(gateway);
        String owner = dispatcherConfig.owner() != null ? dispatcherConfig.owner() : "engine-" + UUID.randomUUID();
        this.dispatcher = new OutboxLoop(store, b.notifier, new ObservedSuppliers(b.suppliers, observer), workflow,
                gateway, dispatcherConfig, b.random, owner, this::execute, clock, observer);
        this.deadlineRunner = new DeadlineRunner(store, gateway, workflow.deadlines(), this::execute,
                config.deadlineBatchSize());
        // a run of the loop claims no more outbox work once stop() has begun: it finishes what it holds
        this.background = new BackgroundLoop("returnsync-" + owner,
                () -> run(clock.instant(), this::isRunning));
    }

    /**
     * A builder; only {@link Builder#store} is required.
     *
     * @return a new builder with every other setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the workflow the engine decides with} */
    public ReturnWorkflow workflow() {
        return workflow;
    }

    /** {@return the engine's clock} */
    public Clock clock() {
        return clock;
    }

    /** {@return the lease owner name of this engine's dispatcher} */
    public String owner() {
        return dispatcher.owner();
    }

    /**
     * Turns what a supplier reports by callback (the host's webhook) about returns of a tenant into commands, as
     * that supplier.
     *
     * @param tenant the tenant of the webhook
     * @param supplier the supplier that calls back
     * @return the callbacks, bound to that tenant and supplier
     */
    public SupplierCallbacks supplierCallbacks(TenantId tenant, SupplierId supplier) {
        return new SupplierCallbacks(this, tenant, supplier);
    }

    // --------------------------------------------------------------------------------------------- commands

    /**
     * Runs a command through the pipeline, at the clock's time.
     *
     * @param command the command to run; not null
     * @return the events and the case after them, as the actor sees it (a supplier: its own leg only); for a
     *     repeated key with the same payload, the first outcome
     * @throws NullPointerException if the command is null
     * @throws InvalidCommandException if a field breaks its constraints
     * @throws CaseNotFoundException if the case does not exist in the actor's tenant or the actor is not a party
     * @throws CommandRefusedException if the workflow refuses the command (the refusal says why), or
     *     {@link Refusal.Code#NUMBER_TAKEN} when a number of the command is linked to another return
     * @throws IdempotencyConflictException if the key was used before with another payload
     * @throws ContentionException if the case kept changing under the command (retryable)
     * @throws StoreException if the store failed ({@link StoreException#retryable()} says whether a retry may help)
     * @throws InvalidReturnNumberException if the generator made a malformed reseller return number
     */
    public CommandResult execute(Command command) {
        return execute(command, clock.instant());
    }

    /**
     * Runs a command decided at a given time: what {@link #execute(Command)} does with {@code now} instead of the
     * clock. The dispatcher and the deadline runner use it with the time they were given.
     *
     * @param command the command to run; not null
     * @param now the time the command is decided at
     * @return what {@link #execute(Command)} returns
     */
    public CommandResult execute(Command command, Instant now) {
        Objects.requireNonNull(command, "command must not be null");
        if (observer == EngineObserver.NONE) {
            return pipeline.run(command, now); // nobody observes: no clock read, no latency built
        }
        long started = System.nanoTime();
        try {
            CommandResult result = pipeline.run(command, now);
            CommandOutcome outcome = result.replayed() ? CommandOutcome.REPLAYED : CommandOutcome.ACCEPTED;
            observed(command, outcome, null, null, started);
            return result;
        } catch (CommandRefusedException e) {
            observed(command, CommandOutcome.REFUSED, e.code(), null, started);
            throw e;
        } catch (RuntimeException e) {
            observed(command, CommandOutcome.FAILED, null, e.getClass(), started);
            throw e;
        }
    }

    private void observed(Command command, CommandOutcome outcome, Refusal.Code refusal,
                          Class<? extends RuntimeException> failure, long started) {
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        observer.commandFinished(command.type(), outcome, refusal, failure, latency);
    }

    // --------------------------------------------------------------------------------------------- outbox

    /**
     * Does the outbox work due at the clock's time.
     *
     * @return what was claimed and how it ended
     */
    public DispatchReport dispatchPending() {
        return dispatchPending(clock.instant());
    }

    /**
     * Claims and does the outbox work due at {@code now}, round after round until none is left (or the configured
     * round cap): notifications, supplier calls, policy reactions. The call starts at {@code now} and moves forward
     * with the clock: each round claims at the call's current time, and each entry's lease is renewed right before
     * its work (work whose lease was taken over is skipped) and kept alive while the work runs. Failed work is retried later with exponential backoff
     * and jitter, and parked after the configured number of attempts; only a refusal of a command the work makes is
     * final. A crash leaves the work leased, and any engine takes it over when the lease ends, with the same ids.
     *
     * @param now the time the call starts at; not null
     * @return what was claimed and how it ended
     */
    public DispatchReport dispatchPending(Instant now) {
        return dispatch(now, () -> true);
    }

    private DispatchReport dispatch(Instant now, BooleanSupplier keepClaiming) {
        Objects.requireNonNull(now, "now must not be null");
        DispatchReport report = dispatcher.dispatchPending(now, keepClaiming);
        if (report.handled() > 0) {
            log.debug("dispatched: {}", report);
        }
        return report;
    }

    /**
     * Puts a case's parked work back in line, due now, with its attempts counted from zero.
     *
     * @param asker a reseller (or the system) of the case's tenant
     * @param caseId the case whose parked work is put back
     * @return how many entries were un-parked
     * @throws AccessDeniedException if the asker is a customer or a supplier
     * @throws CaseNotFoundException if the case is not the asker's
     */
    public int retryParked(Actor asker, CaseId caseId) {
        Objects.requireNonNull(asker, "asker must not be null");
        if (asker.role() != Role.RESELLER && asker.role() != Role.SYSTEM) {
            throw new AccessDeniedException(asker.role(), "retry parked work");
        }
        queries.visibleCase(asker, caseId);
        int count = gateway.retryParked(asker.tenant(), caseId, clock.instant());
        log.info("case {}: {} parked entries put back by {}", caseId, count, asker.role());
        return count;
    }

    // ------------------------------------------------------------------------------------------- deadlines

    /**
     * Fires the deadlines due at the clock's time.
     *
     * @return how many deadlines fired, failed or were stale
     */
    public DeadlineReport runDue() {
        return runDue(clock.instant());
    }

    /**
     * Fires every deadline due at or before {@code now}, as the SYSTEM actor {@code deadline-runner}, with a
     * {@link Command.FireDeadline} per due leg whose key is derived from the case, the leg, its state and since when
     * it waits (so two runners, or a retry, fire it once). Due cases come from the store's due index, in pages that
     * each start after the last case of the page before, so every due case is visited once per run even when the
     * cases before it stay due. A case that fails (e.g. the store failed for a moment) is counted in
     * {@link DeadlineReport#failed()} and stays due for the next run; the other cases go on. A case the index lists
     * without a deadline due at {@code now} is counted in {@link DeadlineReport#stale()}.
     *
     * @param now the time deadlines are due at; not null
     * @return how many deadlines fired, failed or were stale
     */
    public DeadlineReport runDue(Instant now) {
        Objects.requireNonNull(now, "now must not be null");
        DeadlineReport report = deadlineRunner.runDue(now);
        observer.deadlinesRun(report);
        if (report.failed() > 0) {
            log.warn("deadlines: {}", report);
        }
        return report;
    }

    /**
     * Fires due deadlines at {@code now}, then does due outbox work from the time that has passed since on the
     * clock.
     *
     * @param now the time the run starts at; not null
     */
    public void runOnce(Instant now) {
        run(now, () -> true);
    }

    private void run(Instant now, BooleanSupplier keepClaiming) {
        Objects.requireNonNull(now, "now must not be null");
        RunClock time = RunClock.startingAt(now, clock);
        runDue(now);
        dispatch(time.now(), keepClaiming);
    }

    // ------------------------------------------------------------------------------------------ scheduler

    /**
     * Starts a background thread of the engine's own that calls {@link #runOnce} at the clock's time, then again
     * {@code every} after each run ends. Whatever a run throws ({@link Error}s from host code included) is logged, by
     * type only, and the loop goes on. Does nothing if already started. A convenience: a host that manages its
     * threads uses {@link #start(ScheduledExecutorService, Duration)}.
     *
     * @param every the pause between the end of a run and the start of the next; positive
     * @throws IllegalArgumentException if {@code every} is not positive
     */
    public void start(Duration every) {
        background.start(every);
    }

    /**
     * Runs the background loop on the host's executor: a task that calls {@link #runOnce} at the clock's time, now and
     * then {@code every} after each run ends, with the same handling of failures as {@link #start(Duration)}. Does
     * nothing if already started. {@link #stop()} and {@link #close()} cancel the task and never shut the executor
     * down; shutting it down stops the loop too.
     *
     * @param executor the host's executor the loop runs on
     * @param every the pause between the end of a run and the start of the next; positive
     * @throws IllegalArgumentException if {@code every} is not positive
     * @throws java.util.concurrent.RejectedExecutionException if the executor refuses the task (e.g. it is shut down)
     */
    public void start(ScheduledExecutorService executor, Duration every) {
        background.start(executor, every);
    }

    /**
     * Runs the background loop through the host's scheduler (Spring's {@code TaskScheduler::scheduleWithFixedDelay},
     * say): what {@link #start(ScheduledExecutorService, Duration)} does, on a scheduler that is not an executor.
     * {@link #stop()} cancels the runs and leaves the scheduler running.
     *
     * @param scheduler the host's scheduler the loop runs through
     * @param every the pause between the end of a run and the start of the next; positive
     * @throws IllegalArgumentException if {@code every} is not positive
     * @throws RuntimeException whatever the scheduler throws when it refuses the task
     */
    public void start(LoopScheduler scheduler, Duration every) {
        background.start(scheduler, every);
    }

    /**
     * Stops the background loop: no run starts after this returns. A run in progress claims no more outbox work and
     * finishes the work it claimed; this waits up to 10 seconds for it (work still running then keeps its lease,
     * which any engine takes over when it ends). Shuts down the engine's own thread, never the host's executor.
     */
    public void stop() {
        background.stop();
    }

    /** {@return true while the background loop is started} */
    public boolean isRunning() {
        return background.isRunning();
    }

    /** Stops the background loop and the dispatcher's keep-alive thread, and releases the validator. */
    @Override
    public void close() {
        stop();
        dispatcher.close();
        pipeline.close();
    }

    // --------------------------------------------------------------------------------------------- queries

    /**
     * The case with its pending and parked outbox work, as the asker sees them: a reseller (or the system) the
     * whole case and all its work; the customer every leg of their return and no outbox work; a supplier its own
     * leg only and the work addressed to it.
     *
     * @param asker who asks; not null
     * @param caseId the case asked for
     * @return the case and its outbox work, cut to what the asker may see
     * @throws CaseNotFoundException if the case does not exist in the asker's tenant or the asker is not a party
     *     (the same answer, byte for byte)
     * @throws StoreException if the store fails
     */
    public CaseView caseView(Actor asker, CaseId caseId) {
        return queries.caseView(asker, caseId);
    }

    /**
     * The case's events, oldest first: its audit trail (who did what, when, with which numbers). A supplier sees the
     * events of its own leg and the request with its own lines only; messages only reach the parties they are meant
     * for (see {@link #messages}).
     *
     * @param asker who asks; not null
     * @param caseId the case asked for
     * @return the events the asker may see, oldest first
     * @throws CaseNotFoundException if the case does not exist in the asker's tenant or the asker is not a party
     * @throws StoreException if the store fails
     */
    public List<ReturnEvent> history(Actor asker, CaseId caseId) {
        return queries.history(asker, caseId);
    }

    /**
     * The case's message thread, oldest first: the {@link ReturnEvent.MessageSent} events of its history that the
     * asker may read. The reseller reads every message; the customer the messages it wrote and those addressed to
     * the customer; a supplier those of its own leg that it wrote or that are addressed to the supplier.
     *
     * @param asker who asks; not null
     * @param caseId the case asked for
     * @return the messages the asker may read, oldest first
     * @throws CaseNotFoundException if the case does not exist in the asker's tenant or the asker is not a party
     * @throws StoreException if the store fails
     */
    public List<ReturnEvent.MessageSent> messages(Actor asker, CaseId caseId) {
        return queries.messages(asker, caseId);
    }

    /**
     * Where a number leads, superseded numbers included, if it belongs to a case the asker is a party of (and, for
     * a supplier, is not another supplier's leg number). Anything else looks like an unknown number.
     *
     * @param asker who asks; not null
     * @param number the number to look up
     * @return the link of the number, or empty if it is unknown or not the asker's to see
     * @throws StoreException if the store fails
     */
    public Optional<NumberLink> findByNumber(Actor asker, ReturnNumber number) {
        return queries.findByNumber(asker, number);
    }

    /**
     * Finds a number typed as a raw string, as a back-office search box would: it is tried as a customer request
     * and a reseller return number of the asker's tenant, as a supplier return number (a supplier's own only; for the
     * reseller and the customer, of any supplier), and as a return or replacement tracking number of any carrier.
     * Malformed candidates are skipped; only links the asker may see are returned (as for {@link #findByNumber}).
     *
     * @param asker who asks; not null
     * @param raw the number as typed
     * @return the links found, in the order customer request, reseller return, supplier return, tracking; the same
     *     value at several suppliers or carriers gives one link each (at most 16 per kind)
     * @throws StoreException if the store fails
     */
    public List<NumberLink> lookup(Actor asker, String raw) {
        return queries.lookup(asker, raw);
    }

    /**
     * Finds a number typed as a raw string with the scope it was given with: a supplier id for supplier return
     * numbers, or a carrier code for tracking numbers (return and replacement parcels share one namespace).
     *
     * @param asker who asks; not null
     * @param raw the number as typed
     * @param scope the supplier id or carrier code the number belongs to
     * @return the links found, at most one per kind, in the order supplier return, tracking
     * @throws StoreException if the store fails
     */
    public List<NumberLink> lookup(Actor asker, String raw, String scope) {
        return queries.lookup(asker, raw, scope);
    }

    /** Builds a {@link ReturnSyncEngine}; each setter checks its argument. */
    public static final class Builder {
        private CaseStore store;
        private Notifier notifier = new LoggingNotifier();
        private SupplierRegistry suppliers = SupplierRegistry.none();
        private ReturnWorkflow workflow = ReturnWorkflow.ofDefaults();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random;
        private EngineConfig config = EngineConfig.ofDefaults();
        private DispatcherConfig dispatcherConfig = DispatcherConfig.ofDefaults();
        private ResellerNumberGenerator numbers = ResellerNumberGenerator.ofDefaults();
        private CaseIdGenerator caseIds = CaseIdGenerator.ofDefaults();
        private EngineObserver observer = EngineObserver.NONE;

        private Builder() {
        }

        /**
         * Hears of commands, outbox work, supplier failures and deadline runs, for metrics;
         * {@link EngineObserver#NONE} unless set. What it throws is logged and ignored.
         *
         * @param observer the observer; not null
         * @return this builder
         */
        public Builder observer(EngineObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer must not be null");
            return this;
        }

        /**
         * The storage port; required.
         *
         * @param store the store; not null
         * @return this builder
         */
        public Builder store(CaseStore store) {
            this.store = Objects.requireNonNull(store, "store must not be null");
            return this;
        }

        /**
         * The notification port; a {@link LoggingNotifier} unless set (one log line per notification, nothing
         * delivered). {@link NoopNotifier#instance()} drops them.
         *
         * @param notifier the notifier; not null
         * @return this builder
         */
        public Builder notifier(Notifier notifier) {
            this.notifier = Objects.requireNonNull(notifier, "notifier must not be null");
            return this;
        }

        /**
         * The supplier adapters; none unless set (every supplier handled by hand).
         *
         * @param suppliers the registry; not null
         * @return this builder
         */
        public Builder suppliers(SupplierRegistry suppliers) {
            this.suppliers = Objects.requireNonNull(suppliers, "supplier registry must not be null");
            return this;
        }

        /**
         * The workflow with its deadlines and custom rules; {@link ReturnWorkflow#ofDefaults()} unless set.
         *
         * @param workflow the workflow; not null
         * @return this builder
         */
        public Builder workflow(ReturnWorkflow workflow) {
            this.workflow = Objects.requireNonNull(workflow, "workflow must not be null");
            return this;
        }

        /**
         * The clock every time comes from; {@link Clock#systemUTC()} unless set.
         *
         * @param clock the clock; not null
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * The random source of the backoff jitter; {@link java.util.concurrent.ThreadLocalRandom} unless set. A given
         * source is used under a lock, so a seeded one makes the delays reproducible.
         *
         * @param random the random source; not null
         * @return this builder
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random must not be null");
            return this;
        }

        /**
         * The pipeline settings; {@link EngineConfig#ofDefaults()} unless set.
         *
         * @param config the settings; not null
         * @return this builder
         */
        public Builder engineConfig(EngineConfig config) {
            this.config = Objects.requireNonNull(config, "engine config must not be null");
            return this;
        }

        /**
         * The dispatcher settings; {@link DispatcherConfig#ofDefaults()} unless set.
         *
         * @param config the settings; not null
         * @return this builder
         */
        public Builder dispatcherConfig(DispatcherConfig config) {
            this.dispatcherConfig = Objects.requireNonNull(config, "dispatcher config must not be null");
            return this;
        }

        /**
         * The reseller return number generator; {@link ResellerNumberGenerator#ofDefaults()} unless set.
         *
         * @param generator the generator; not null
         * @return this builder
         */
        public Builder resellerNumbers(ResellerNumberGenerator generator) {
            this.numbers = Objects.requireNonNull(generator, "generator must not be null");
            return this;
        }

        /**
         * The case id generator for submissions without a case id; {@link CaseIdGenerator#ofDefaults()} unless set.
         *
         * @param generator the generator; not null
         * @return this builder
         */
        public Builder caseIds(CaseIdGenerator generator) {
            this.caseIds = Objects.requireNonNull(generator, "generator must not be null");
            return this;
        }

        /**
         * The engine.
         *
         * @return a new engine with these settings

         * @throws IllegalStateException if the store is missing
         */
        public ReturnSyncEngine build() {
            if (store == null) {
                throw new IllegalStateException("a store is required: builder().store(...)");
            }
            return new ReturnSyncEngine(this);
        }
    }
}
