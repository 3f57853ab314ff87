package dev.returnsync.core.internal.pipeline;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.engine.CaseIdGenerator;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.ContentionException;
import dev.returnsync.core.engine.EngineConfig;
import dev.returnsync.core.engine.ResellerNumberGenerator;
import dev.returnsync.core.internal.CommandValidator;
import dev.returnsync.core.internal.Fingerprint;
import dev.returnsync.core.internal.FoldCache;
import dev.returnsync.core.internal.outbox.OutboxPlanner;
import dev.returnsync.core.internal.access.StoreGateway;
import dev.returnsync.core.internal.access.Visibility;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReturnNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The path of a command, one stage each: fill in a case id ({@link CaseIds}) and a reseller number
 * ({@link ResellerNumbers}) -> validate
 * ({@link CommandValidator}) -> read the case and authorize its actor ({@link Visibility}: party first, a non-party
 * is answered as for a missing case) -> replay a key seen before ({@link Replay}) -> rules and decide
 * ({@link Decider}) -> append with the outbox plan ({@link Appender}). The first pass decides on the case the
 * engine's fold cache holds, without reading the store, and skips the key look-up: the append's version check and
 * the key's unique record confirm it, so an accepted command costs the store one call, its append. What that pass
 * cannot confirm runs again on the store's case. A lost race re-runs the read-to-append part a bounded number of
 * times. Thread-safe. Not API.
 */
public final class CommandPipeline implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CommandPipeline.class);
    private static final int GENERATOR_ATTEMPTS = 8;

    private final StoreGateway store;
    private final CaseIds caseIds;
    private final ResellerNumbers numbers;
    private final CommandValidator validator = new CommandValidator();
    private final Replay replay;
    private final Decider decider;
    private final Appender appender;
    private final int maxConflictRetries;

    /** A pipeline over a store gateway. */
    public CommandPipeline(StoreGateway store, ReturnWorkflow workflow, EngineConfig config,
                           CaseIdGenerator caseIdGenerator, ResellerNumberGenerator generator,
                           OutboxPlanner planner) {
        this.store = store;
        this.caseIds = new CaseIds(caseIdGenerator);
        this.numbers = new ResellerNumbers(generator);
        this.replay = new Replay(store);
        this.decider = new Decider(workflow);
        this.appender = new Appender(store, planner, workflow.deadlines());
        this.maxConflictRetries = config.maxConflictRetries();
    }

    /** Runs a command decided at {@code now}; the result is as its actor sees it. */
    public CommandResult run(Command command, Instant now) {
        Objects.requireNonNull(command, "command must not be null");
        Objects.requireNonNull(now, "now must not be null");
        boolean generatedCaseId = CaseIds.needs(command);
        boolean generated = ResellerNumbers.needs(command);
        Command effective = generatedCaseId ? caseIds.fill((Command.SubmitReturn) command, now) : command;
        effective = generated ? numbers.fill((Command.SubmitReturn) effective, now) : effective;
        validator.validate(effective);
        String fingerprint = Fingerprint.of(command);
        int generatorAttempts = 1;
        int caseIdAttempts = 1;
        // The first pass decides on what this engine knows (its fold cache, or no case for a submission it has not
        // seen) without asking the store: the append's version check confirms the case was current, and the
        // idempotency key's unique record refuses a twin. Whatever the first pass could not confirm (a lost race, a
        // refusal) is run again on the store's case, so nothing is ever refused or replayed on what a cache held.
        boolean speculative = true;
        for (int attempt = 1; ; ) {
            FoldCache.Folded stored = speculative ? store.cached(effective.actor().tenant(), effective.caseId()) : null;
            if (stored == null && !(speculative && effective instanceof Command.SubmitReturn)) {
                // Not known here (a submission this engine has not seen is known to be new): ask the store.
                speculative = false;
                // The case first, then the key: a twin of this command whose events this read sees has its key
                // visible too (stores publish the record no later than the events), so it is replayed, not refused.
                stored = store.read(effective.actor().tenant(), effective.caseId()).orElse(null);
            }
            if (generatedCaseId && stored != null && caseIdAttempts < GENERATOR_ATTEMPTS) {
                caseIdAttempts++; // the generated id is taken in the tenant: draw another
                effective = caseIds.fill((Command.SubmitReturn) effective, now);
                continue;
            }
            Optional<ReturnCase> current;
            Decider.Decided decided;
            try {
                current = Visibility.forCommand(effective, Optional.ofNullable(stored == null ? null : stored.state()));
                if (!speculative) {
                    Optional<CommandResult> first = replay.of(effective, fingerprint);
                    if (first.isPresent()) {
                        return Visibility.resultFor(effective.actor(), first.get());
                    }
                }
                decided = decider.decide(current, stored == null ? null : stored.lastEventAt(), effective, now);
            } catch (CommandRefusedException refused) {
                if (!speculative) {
                    throw refused;
                }
                speculative = false; // refuse only on the store's case, after the replay check
                continue;
            }
            Appender.Outcome outcome = appender.append(effective, decided, fingerprint, now);
            if (outcome instanceof Appender.Appended) {
                if (log.isDebugEnabled()) {
                    log.debug("command {} by {} on case {} accepted: version {}", effective.type(),
                            effective.actor().role(), effective.caseId(), decided.after().version());
                }
                return Visibility.resultFor(effective.actor(),
                        new CommandResult(decided.after(), decided.events(), false));
            }
            if (outcome instanceof Appender.NumberTaken taken) {
                if (generated && generatorAttempts < GENERATOR_ATTEMPTS
                        && taken.number().equals(((Command.SubmitReturn) effective).resellerNumber())) {
                    generatorAttempts++;
                    effective = numbers.fill((Command.SubmitReturn) effective, now);
                    continue;
                }
                if (!speculative) {
                    throw numberTaken(effective, current, taken.number());
                }
                speculative = false; // a twin may have linked the number: replay it rather than refuse
                continue;
            }
            if (speculative) {
                speculative = false; // the cache was behind, or a twin came first: not a race lost on the store's case
                continue;
            }
            if (attempt > maxConflictRetries) {
                log.warn("command {} on case {} lost the race {} times", effective.type(), effective.caseId(), attempt);
                throw new ContentionException(effective.caseId(), attempt);
            }
            attempt++;
        }
    }

    /** A number linked to another return: a refusal that names the number only if the command carried it. */
    private static CommandRefusedException numberTaken(Command command, Optional<ReturnCase> current,
                                                       ReturnNumber number) {
        log.debug("command {} on case {}: a {} is linked elsewhere", command.type(), command.caseId(), number.kind());
        String reason = numbersOf(command).contains(number)
                ? "the " + number.kind().label() + " " + number + " is already linked to another return"
                : "a number of the command is already linked to another return";
        LegState state = null;
        if (command instanceof Command.LegCommand leg) {
            state = current.flatMap(c -> c.leg(leg.leg())).map(Leg::state).orElse(null);
        }
        return new CommandRefusedException(new Refusal(Refusal.Code.NUMBER_TAKEN, command.caseId(), state,
                command.type(), reason, null));
    }

    private static List<ReturnNumber> numbersOf(Command command) {
        List<ReturnNumber> numbers = new ArrayList<>(2);
        if (command instanceof Command.SubmitReturn c) {
            numbers.add(c.customerNumber());
            numbers.add(c.resellerNumber());
        } else if (command instanceof Command.IssueSupplierNumber c) {
            numbers.add(c.number());
        } else if (command instanceof Command.ReplaceSupplierNumber c) {
            numbers.add(c.number());
        } else if (command instanceof Command.ReportShipment c) {
            numbers.add(c.tracking());
        } else if (command instanceof Command.ShipReplacement c) {
            numbers.add(c.tracking());
        }
        return numbers;
    }

    /** Releases the validator. */
    @Override
    public void close() {
        validator.close();
    }
}
