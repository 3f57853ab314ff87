package dev.returnsync.core;

import dev.returnsync.core.engine.AccessDeniedException;
import dev.returnsync.core.engine.CaseNotFoundException;
import dev.returnsync.core.engine.CaseView;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.ContentionException;
import dev.returnsync.core.engine.DeadlineReport;
import dev.returnsync.core.engine.DispatchReport;
import dev.returnsync.core.engine.DispatcherConfig;
import dev.returnsync.core.engine.EngineConfig;
import dev.returnsync.core.engine.IdempotencyConflictException;
import dev.returnsync.core.engine.InvalidCommandException;
import dev.returnsync.core.engine.ResellerNumberGenerator;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.core.internal.CommandValidator;
import dev.returnsync.core.internal.Fingerprint;
import dev.returnsync.core.internal.FoldCache;
import dev.returnsync.core.internal.RunClock;
import dev.returnsync.core.internal.deadline.DeadlineRunner;
import dev.returnsync.core.internal.loop.BackgroundLoop;
import dev.returnsync.core.internal.outbox.OutboxLoop;
import dev.returnsync.core.internal.outbox.OutboxPlanner;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.IdempotencyKeyTakenException;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.store.VersionConflictException;
import dev.returnsync.spi.supplier.SupplierRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * The engine: drives the {@link ReturnWorkflow} over the ports. Thread-safe; build one per application with
 * {@link #builder()} and share it.
 *
 * <p><b>Commands</b> ({@link #execute}) go through one pipeline: fill in a reseller return number if a submission
 * has none; check the Jakarta constraints ({@link InvalidCommandException}); look up the idempotency key (same key
 * and payload: the first outcome, nothing added; same key, other payload: {@link IdempotencyConflictException});
 * load and fold the case (a case of another tenant counts as missing); decide (roles, parties, state, payload,
 * custom rules: {@link CommandRefusedException} / {@link CaseNotFoundException}); append the events with the case's
 * number links, its next due time, the outbox work and the idempotency record in one atomic batch. When another
 * command changed the case in between, the command is re-decided against the new state, a bounded number of
 * times ({@link ContentionException}). A number linked to another case is refused with the store's
 * {@link NumberAlreadyLinkedException}, which names the asker's own number only.
 *
 * <p><b>Work outside the store</b> (notifications, supplier calls, policy reactions) is written to the outbox with
 * the events and done by {@link #dispatchPending}; <b>deadlines</b> are fired by {@link #runDue}. Both are driven
 * explicitly, or by the background loop of {@link #start}. <b>Queries</b> ({@link #caseView}, {@link #history},
 * {@link #findByNumber}, {@link #lookup}) check the asker's tenant and party.
 *
 * <p>Time comes from the injected {@link Clock}. Logs carry ids, versions and numbers only.
 */
public final class ReturnSyncEngine implements AutoCloseable {
    /** How often a replay re-reads a case whose events are not yet visible beside their idempotency record. */
    private static final int REPLAY_SPINS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ReturnSyncEngine.class);
    private static final int GENERATOR_ATTEMPTS = 8;

    private final CaseStore store;
    private final ReturnWorkflow workflow;
    private final Clock clock;
    private final EngineConfig config;
    private final DispatcherConfig dispatcherConfig;
    private final ResellerNumberGenerator numbers;
    private final CommandValidator validator = new CommandValidator();
    private final FoldCache cache;
    private final OutboxPlanner planner;
    private final OutboxLoop dispatcher;
    private final DeadlineRunner deadlineRunner;
    private final BackgroundLoop background;
    private final SupplierCallbacks callbacks;

    private ReturnSyncEngine(Builder b) {
        this.store = b.store;
        this.workflow = b.workflow;
        this.clock = b.clock;
        this.config = b.config;
        this.dispatcherConfig = b.dispatcherConfig;
        this.numbers = b.numbers;
        this.cache = new FoldCache(config.foldCacheSize());
        this.planner = new OutboxPlanner(b.suppliers, !workflow.policies().isEmpty(), dispatcherConfig.pollInterval());
        String owner = dispatcherConfig.owner() != null ? dispatcherConfig.owner() : "engine-" + UUID.randomUUID();
        this.dispatcher = new OutboxLoop(store, b.notifier, b.suppliers, workflow, cache, dispatcherConfig, b.random,
                owner, this::execute, config.settings(), clock);
        this.deadlineRunner = new DeadlineRunner(store, cache, workflow.deadlines(), this::execute,
                config.deadlineBatchSize());
        this.background = new BackgroundLoop("returnsync-" + owner, () -> runOnce(clock.instant()));
        this.callbacks = new SupplierCallbacks(this);
    }

    /** A builder; {@link Builder#store} and {@link Builder#notifier} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The workflow the engine decides with. */
    public ReturnWorkflow workflow() {
        return workflow;
    }

    /** The engine's clock. */
    public Clock clock() {
        return clock;
    }

    /** The lease owner name of this engine's dispatcher. */
    public String owner() {
        return dispatcher.owner();
    }

    /** Turns a supplier's callbacks (the host's webhook) into commands. */
    public SupplierCallbacks supplierCallbacks() {
        return callbacks;
    }

    // --------------------------------------------------------------------------------------------- commands

    /**
     * Runs a command through the pipeline, at the clock's time.
     *
     * @return the events and the case after them; for a repeated key with the same payload, the first outcome
     * @throws NullPointerException if the command is null
     * @throws InvalidCommandException if a field breaks its constraints
     * @throws CaseNotFoundException if the case does not exist in the actor's tenant
     * @throws CommandRefusedException if the workflow refuses the command (the refusal says why)
     * @throws IdempotencyConflictException if the key was used before with another payload
     * @throws NumberAlreadyLinkedException if a number of the command is linked to another case
     * @throws ContentionException if the case kept changing under the command
     * @throws InvalidReturnNumberException if the generator made a malformed reseller return number
     */
    public CommandResult execute(Command command) {
        return execute(command, clock.instant());
    }

    /**
     * Runs a command decided at a given time: what {@link #execute(Command)} does with {@code now} instead of the
     * clock. The dispatcher and the deadline runner use it with the time they were given.
     */
    public CommandResult execute(Command command, Instant now) {
        Objects.requireNonNull(command, "command must not be null");
        Objects.requireNonNull(now, "now must not be null");
        Command effective = command;
        boolean generated = false;
        if (command instanceof Command.SubmitReturn submit && submit.resellerNumber() == null && submit.actor() != null) {
            effective = withResellerNumber(submit, now);
            generated = true;
        }
        validator.validate(effective);
        String fingerprint = Fingerprint.of(command);
        TenantId tenant = effective.actor().tenant();
        int generatorAttempts = 1;
        for (int attempt = 1; ; attempt++) {
            // The case first, then the key: a twin of this command whose events this load sees has its key
            // visible too (stores publish the record no later than the events), so it is replayed, not refused.
            // A case folded before is brought up to date with only its new events (store.loadAfter).
            FoldCache.Folded stored = cache.read(store, tenant, effective.caseId());
            Optional<IdempotencyRecord> seen = store.findIdempotency(tenant, effective.key());
            if (seen.isPresent()) {
                return replay(seen.get(), fingerprint);
            }
            ReturnCase current = null;
            if (stored != null && (stored.state().tenant().equals(tenant) || effective instanceof Command.SubmitReturn)) {
                current = stored.state();
            }
            // An instance whose clock lags, or a command re-decided after losing a race, must not date its
            // event before the case's last one: event times of a case only move forward.
            Instant decidedAt = now;
            if (stored != null && stored.lastEventAt().isAfter(decidedAt)) {
                decidedAt = stored.lastEventAt();
            }
            RuleContext context = new RuleContext(decidedAt, config.settings());
            Decision decision = workflow.decide(current, effective, context);
            if (decision instanceof Decision.Refused refused) {
                throw refusal(refused.refusal(), effective);
            }
            List<ReturnEvent> events = ((Decision.Accepted) decision).events();
            ReturnCase after = ReturnWorkflow.evolve(current, events);
            long expected = current == null ? 0 : current.version();
            AppendBatch batch = new AppendBatch(tenant, effective.caseId(), expected, events, after.links(),
                    after.nextDueAt(workflow.deadlines()).orElse(null), planner.plan(current, after, events, now),
                    new IdempotencyRecord(tenant, effective.key(), fingerprint, effective.caseId(), expected + 1,
                            after.version()));
            try {
                store.append(batch);
            } catch (VersionConflictException e) {
                if (attempt > config.maxConflictRetries()) {
                    log.warn("command {} on case {} lost the race {} times", effective.type(), effective.caseId(),
                            attempt);
                    throw new ContentionException(effective.caseId(), attempt);
                }
                continue;
            } catch (IdempotencyKeyTakenException e) {
                // a twin with the same key won: the next round replays it or reports the conflict
                if (attempt > config.maxConflictRetries()) {
                    throw new ContentionException(effective.caseId(), attempt);
                }
                continue;
            } catch (NumberAlreadyLinkedException e) {
                if (generated && e.number().equals(((Command.SubmitReturn) effective).resellerNumber())
                        && generatorAttempts < GENERATOR_ATTEMPTS) {
                    generatorAttempts++;
                    effective = withResellerNumber((Command.SubmitReturn) command, now);
                    continue;
                }
                log.debug("command {} on case {}: {} {} is linked elsewhere", effective.type(), effective.caseId(),
                        e.number().kind(), e.number());
                throw e;
            }
            cache.remember(after, events.get(events.size() - 1).at());
            if (log.isDebugEnabled()) {
                log.debug("command {} by {} on case {} accepted: version {}", effective.type(),
                        effective.actor().role(), effective.caseId(), after.version());
            }
            return new CommandResult(after, events, false);
        }
    }

    private Command.SubmitReturn withResellerNumber(Command.SubmitReturn s, Instant now) {
        ReturnNumber number = ReturnNumber.resellerReturn(s.actor().tenant(), numbers.next(s.actor().tenant(), now));
        return new Command.SubmitReturn(s.key(), s.actor(), s.expectedVersion(), s.caseId(), s.customer(), s.order(),
                s.customerNumber(), number, s.lines(), s.reason(), s.wanted(), s.deliveredAt());
    }

    private CommandResult replay(IdempotencyRecord record, String fingerprint) {
        if (!record.fingerprint().equals(fingerprint)) {
            throw new IdempotencyConflictException(record.tenant(), record.key());
        }
        CaseHistory history = store.load(record.tenant(), record.caseId()).orElse(null);
        // a store may publish the record a moment before the events it belongs to: wait for them, briefly
        for (int spins = 0; spins < REPLAY_SPINS && (history == null || history.version() < record.lastVersion());
             spins++) {
            Thread.onSpinWait();
            Thread.yield();
            history = store.load(record.tenant(), record.caseId()).orElse(null);
        }
        if (history == null) {
            throw new IllegalStateException("idempotency record of key " + record.key() + " points to a missing case "
                    + record.caseId());
        }
        if (history.version() < record.lastVersion()) {
            throw new IllegalStateException("case " + record.caseId() + " is at version " + history.version()
                    + ", before its idempotency record's " + record.lastVersion());
        }
        List<ReturnEvent> events = history.events().subList((int) record.firstVersion() - 1, (int) record.lastVersion());
        log.debug("key {} seen before on case {}: replaying version {}", record.key(), record.caseId(),
                record.lastVersion());
        return new CommandResult(cache.foldAt(history, record.lastVersion()), events, true);
    }

    private static CommandRefusedException refusal(Refusal refusal, Command command) {
        if (log.isDebugEnabled()) {
            log.debug("command {} by {} on case {} refused: {}", command.type(), command.actor().role(),
                    command.caseId(), refusal.code());
        }
        return refusal.code() == Refusal.Code.CASE_NOT_FOUND ? new CaseNotFoundException(refusal)
                : new CommandRefusedException(refusal);
    }

    // --------------------------------------------------------------------------------------------- outbox

    /** Does the outbox work due at the clock's time. */
    public DispatchReport dispatchPending() {
        return dispatchPending(clock.instant());
    }

    /**
     * Claims and does the outbox work due at {@code now}, round after round until none is left (or the configured
     * round cap): notifications, supplier calls, policy reactions. The call starts at {@code now} and moves forward
     * with the clock: each round claims at the call's current time, and each entry's lease is renewed right before
     * its work (work whose lease was taken over is skipped). Failed work is retried later with exponential backoff
     * and jitter, and parked after the configured number of attempts; only a refusal of a command the work makes is
     * final. A crash leaves the work leased, and any engine takes it over when the lease ends, with the same ids.
     */
    public DispatchReport dispatchPending(Instant now) {
        Objects.requireNonNull(now, "now must not be null");
        DispatchReport report = dispatcher.dispatchPending(now);
        if (report.handled() > 0) {
            log.debug("dispatched: {}", report);
        }
        return report;
    }

    /**
     * Puts a case's parked work back in line, due now, with its attempts counted from zero.
     *
     * @param asker a reseller (or the system) of the case's tenant
     * @return how many entries were un-parked
     * @throws AccessDeniedException if the asker is a customer or a supplier
     * @throws CaseNotFoundException if the case is not the asker's
     */
    public int retryParked(Actor asker, CaseId caseId) {
        Objects.requireNonNull(asker, "asker must not be null");
        if (asker.role() != Role.RESELLER && asker.role() != Role.SYSTEM) {
            throw new AccessDeniedException(asker.role(), "retry parked work");
        }
        visibleCase(asker, caseId);
        int count = store.retryParked(asker.tenant(), caseId, clock.instant());
        log.info("case {}: {} parked entries put back by {}", caseId, count, asker.role());
        return count;
    }

    // ------------------------------------------------------------------------------------------- deadlines

    /** Fires the deadlines due at the clock's time. */
    public DeadlineReport runDue() {
        return runDue(clock.instant());
    }

    /**
     * Fires every deadline due at or before {@code now}, as the SYSTEM actor {@code deadline-runner}, with a
     * {@link Command.FireDeadline} per due leg whose key is derived from the case, the leg, its state and since when
     * it waits (so two runners, or a retry, fire it once). Due cases come from the store's due index, in pages. A
     * case that fails (e.g. the store failed for a moment) is counted in {@link DeadlineReport#failed()} and stays
     * due for the next run; the other cases go on.
     */
    public DeadlineReport runDue(Instant now) {
        Objects.requireNonNull(now, "now must not be null");
        DeadlineReport report = deadlineRunner.runDue(now);
        if (report.failed() > 0) {
            log.warn("deadlines: {}", report);
        }
        return report;
    }

    /**
     * Fires due deadlines at {@code now}, then does due outbox work from the time that has passed since on the
     * clock.
     */
    public void runOnce(Instant now) {
        Objects.requireNonNull(now, "now must not be null");
        RunClock time = RunClock.startingAt(now, clock);
        runDue(now);
        dispatchPending(time.now());
    }

    // ------------------------------------------------------------------------------------------ scheduler

    /**
     * Starts a background thread that calls {@link #runOnce} at the clock's time, then again {@code every} after each
     * run ends. Whatever a run throws ({@link Error}s from host code included) is logged, by type only, and the loop
     * goes on. Does nothing if already started.
     *
     * @throws IllegalArgumentException if {@code every} is not positive
     */
    public void start(Duration every) {
        background.start(every);
    }

    /** Stops the background thread, waiting up to 10 seconds for a run in progress. */
    public void stop() {
        background.stop();
    }

    /** True while the background thread runs. */
    public boolean isRunning() {
        return background.isRunning();
    }

    /** Stops the background thread and releases the validator. */
    @Override
    public void close() {
        stop();
        validator.close();
    }

    // --------------------------------------------------------------------------------------------- queries

    /**
     * The case with its pending and parked outbox work.
     *
     * @throws CaseNotFoundException if the case does not exist in the asker's tenant or the asker is not a party
     */
    public CaseView caseView(Actor asker, CaseId caseId) {
        ReturnCase c = visibleCase(asker, caseId);
        List<OutboxEntry> pending = new ArrayList<>();
        List<OutboxEntry> parked = new ArrayList<>();
        for (OutboxEntry entry : store.outboxOf(asker.tenant(), caseId)) {
            (entry.parked() ? parked : pending).add(entry);
        }
        return new CaseView(c, pending, parked);
    }

    /**
     * The case's events, oldest first: its audit trail (who did what, when, with which numbers). A supplier sees the
     * events of the whole case and of its own leg, not those of other suppliers' legs.
     *
     * @throws CaseNotFoundException if the case does not exist in the asker's tenant or the asker is not a party
     */
    public List<ReturnEvent> history(Actor asker, CaseId caseId) {
        Objects.requireNonNull(asker, "asker must not be null");
        Objects.requireNonNull(caseId, "case id must not be null");
        CaseHistory history = store.load(asker.tenant(), caseId).orElseThrow(() -> notFound(caseId));
        checkParty(asker, history, cache.fold(history));
        if (asker.role() != Role.SUPPLIER) {
            return history.events();
        }
        SupplierId own = SupplierId.of(asker.id());
        return history.events().stream()
                .filter(e -> !(e instanceof ReturnEvent.LegEvent leg) || leg.leg().equals(own))
                .toList();
    }

    /**
     * Where a number leads, superseded numbers included, if it belongs to a case the asker may see: the asker's
     * tenant, and for a customer their own case, for a supplier a case with its leg (and not another supplier's
     * leg numbers). Anything else looks like an unknown number.
     */
    public Optional<NumberLink> findByNumber(Actor asker, ReturnNumber number) {
        Objects.requireNonNull(asker, "asker must not be null");
        Objects.requireNonNull(number, "number must not be null");
        Optional<NumberLink> link = store.findByNumber(asker.tenant(), number);
        if (link.isEmpty() || !link.get().tenant().equals(asker.tenant())) {
            return Optional.empty();
        }
        if (asker.role() == Role.RESELLER || asker.role() == Role.SYSTEM) {
            return link;
        }
        Optional<CaseHistory> history = store.load(asker.tenant(), link.get().caseId());
        if (history.isEmpty()) {
            return Optional.empty();
        }
        ReturnCase c = cache.fold(history.get());
        if (asker.role() == Role.CUSTOMER) {
            return asker.is(c.customer()) ? link : Optional.empty();
        }
        SupplierId supplier = SupplierId.of(asker.id());
        boolean ownLeg = c.leg(supplier).isPresent()
                && (link.get().leg() == null || link.get().leg().equals(supplier));
        return ownLeg ? link : Optional.empty();
    }

    /**
     * Finds a number typed as a raw string, trying the kinds whose scope the asker implies: the customer request and
     * reseller return numbers of the asker's tenant, and for a supplier its own supplier return numbers. Malformed
     * candidates are skipped.
     *
     * @return the links found, at most one per kind, in the order customer request, reseller return, supplier return
     */
    public List<NumberLink> lookup(Actor asker, String raw) {
        Objects.requireNonNull(asker, "asker must not be null");
        Objects.requireNonNull(raw, "raw number must not be null");
        List<NumberLink> found = new ArrayList<>(2);
        tryKind(asker, NumberKind.CUSTOMER_REQUEST, asker.tenant().value(), raw, found);
        tryKind(asker, NumberKind.RESELLER_RETURN, asker.tenant().value(), raw, found);
        if (asker.role() == Role.SUPPLIER) {
            tryKind(asker, NumberKind.SUPPLIER_RETURN, asker.id(), raw, found);
        }
        return found;
    }

    /**
     * Finds a number typed as a raw string with the scope it was given with: a supplier id for supplier return
     * numbers, or a carrier code for tracking numbers (return and replacement parcels share one namespace).
     *
     * @return the links found, at most one per kind, in the order supplier return, tracking
     */
    public List<NumberLink> lookup(Actor asker, String raw, String scope) {
        Objects.requireNonNull(asker, "asker must not be null");
        Objects.requireNonNull(raw, "raw number must not be null");
        Objects.requireNonNull(scope, "scope must not be null");
        List<NumberLink> found = new ArrayList<>(2);
        tryKind(asker, NumberKind.SUPPLIER_RETURN, scope, raw, found);
        tryKind(asker, NumberKind.RETURN_TRACKING, scope, raw, found);
        return found;
    }

    private void tryKind(Actor asker, NumberKind kind, String scope, String raw, List<NumberLink> found) {
        ReturnNumber number;
        try {
            number = new ReturnNumber(kind, scope, raw);
        } catch (InvalidReturnNumberException | IllegalArgumentException e) {
            return;
        }
        findByNumber(asker, number).filter(link -> !found.contains(link)).ifPresent(found::add);
    }

    private ReturnCase visibleCase(Actor asker, CaseId caseId) {
        Objects.requireNonNull(asker, "asker must not be null");
        Objects.requireNonNull(caseId, "case id must not be null");
        CaseHistory history = store.load(asker.tenant(), caseId).orElseThrow(() -> notFound(caseId));
        ReturnCase c = cache.fold(history);
        checkParty(asker, history, c);
        return c;
    }

    private static void checkParty(Actor asker, CaseHistory history, ReturnCase c) {
        boolean visible = history.tenant().equals(asker.tenant())
                && switch (asker.role()) {
                    case CUSTOMER -> asker.is(c.customer());
                    case SUPPLIER -> c.leg(SupplierId.of(asker.id())).isPresent();
                    case RESELLER, SYSTEM -> true;
                };
        if (!visible) {
            throw notFound(c.id());
        }
    }

    private static CaseNotFoundException notFound(CaseId caseId) {
        return CaseNotFoundException.forQuery(caseId, CommandType.SUBMIT_RETURN);
    }

    /** Builds a {@link ReturnSyncEngine}; each setter checks its argument. */
    public static final class Builder {
        private CaseStore store;
        private Notifier notifier;
        private SupplierRegistry suppliers = SupplierRegistry.none();
        private ReturnWorkflow workflow = ReturnWorkflow.ofDefaults();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random;
        private EngineConfig config = EngineConfig.ofDefaults();
        private DispatcherConfig dispatcherConfig = DispatcherConfig.ofDefaults();
        private ResellerNumberGenerator numbers = ResellerNumberGenerator.ofDefaults();

        private Builder() {
        }

        /** The storage port; required. */
        public Builder store(CaseStore store) {
            this.store = Objects.requireNonNull(store, "store must not be null");
            return this;
        }

        /** The notification port; required. */
        public Builder notifier(Notifier notifier) {
            this.notifier = Objects.requireNonNull(notifier, "notifier must not be null");
            return this;
        }

        /** The supplier adapters; none unless set (every supplier handled by hand). */
        public Builder suppliers(SupplierRegistry suppliers) {
            this.suppliers = Objects.requireNonNull(suppliers, "supplier registry must not be null");
            return this;
        }

        /** The workflow with its deadlines and custom rules; {@link ReturnWorkflow#ofDefaults()} unless set. */
        public Builder workflow(ReturnWorkflow workflow) {
            this.workflow = Objects.requireNonNull(workflow, "workflow must not be null");
            return this;
        }

        /** The clock every time comes from; {@link Clock#systemUTC()} unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        /**
         * The random source of the backoff jitter; {@link java.util.concurrent.ThreadLocalRandom} unless set. A given
         * source is used under a lock, so a seeded one makes the delays reproducible.
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random must not be null");
            return this;
        }

        /** The pipeline settings; {@link EngineConfig#ofDefaults()} unless set. */
        public Builder config(EngineConfig config) {
            this.config = Objects.requireNonNull(config, "engine config must not be null");
            return this;
        }

        /** The dispatcher settings; {@link DispatcherConfig#ofDefaults()} unless set. */
        public Builder dispatcher(DispatcherConfig config) {
            this.dispatcherConfig = Objects.requireNonNull(config, "dispatcher config must not be null");
            return this;
        }

        /** The reseller return number generator; {@link ResellerNumberGenerator#ofDefaults()} unless set. */
        public Builder resellerNumbers(ResellerNumberGenerator generator) {
            this.numbers = Objects.requireNonNull(generator, "generator must not be null");
            return this;
        }

        /**
         * The engine.
         *
         * @throws IllegalStateException if the store or the notifier is missing
         */
        public ReturnSyncEngine build() {
            if (store == null) {
                throw new IllegalStateException("a store is required: builder().store(...)");
            }
            if (notifier == null) {
                throw new IllegalStateException("a notifier is required: builder().notifier(...)");
            }
            return new ReturnSyncEngine(this);
        }
    }
}
