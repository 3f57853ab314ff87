package dev.returnsync.core.internal;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.ContentionException;
import dev.returnsync.core.engine.DispatchReport;
import dev.returnsync.core.engine.DispatcherConfig;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.ReturnSyncException;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.NotificationType;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.notify.Recipient;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The outbox dispatcher: claims due entries under a lease, rebuilds each entry's payload from the case event at its
 * version, does the work (notify, call the supplier, run the policies), and completes, reschedules or parks the
 * entry. At least once: an entry is done only when its work returned normally; a crash leaves it leased, and
 * another dispatcher takes it over when the lease ends, with the same id. Not API.
 */
public final class Dispatcher {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** Runs a command through the engine's pipeline at a given time. */
    @FunctionalInterface
    public interface CommandRunner {
        /** Runs the command; throws what the pipeline throws. */
        CommandResult run(Command command, Instant now);
    }

    private final CaseStore store;
    private final Notifier notifier;
    private final SupplierRegistry suppliers;
    private final ReturnWorkflow workflow;
    private final FoldCache cache;
    private final DispatcherConfig config;
    private final RandomGenerator random;
    private final String owner;
    private final CommandRunner runner;
    private final Map<String, String> settings;

    /** Wires the dispatcher; {@code random} may be null for {@link ThreadLocalRandom}. */
    public Dispatcher(CaseStore store, Notifier notifier, SupplierRegistry suppliers, ReturnWorkflow workflow,
                      FoldCache cache, DispatcherConfig config, RandomGenerator random, String owner,
                      CommandRunner runner, Map<String, String> settings) {
        this.store = store;
        this.notifier = notifier;
        this.suppliers = suppliers;
        this.workflow = workflow;
        this.cache = cache;
        this.config = config;
        this.random = random;
        this.owner = owner;
        this.runner = runner;
        this.settings = settings;
    }

    /** The lease owner name of this dispatcher. */
    public String owner() {
        return owner;
    }

    private sealed interface Outcome {
    }

    private record Done() implements Outcome {
    }

    private record Retry(String error, Duration retryAfter) implements Outcome {
    }

    private record Park(String error) implements Outcome {
    }

    private record PollAgain() implements Outcome {
    }

    private static final Outcome DONE = new Done();
    private static final Outcome POLL_AGAIN = new PollAgain();

    /** Claims and handles due entries, round after round, until none is due at {@code now} (or the round cap). */
    public DispatchReport dispatchPending(Instant now) {
        int done = 0;
        int retried = 0;
        int parked = 0;
        int lost = 0;
        for (int round = 0; round < config.maxRounds(); round++) {
            List<OutboxEntry> claimed = store.claimOutbox(owner, now, config.lease(), config.batchSize());
            if (claimed.isEmpty()) {
                break;
            }
            for (OutboxEntry entry : claimed) {
                Outcome outcome = handleSafely(entry, now);
                boolean held;
                if (outcome instanceof Done) {
                    held = store.completeOutbox(entry.id(), owner);
                    if (held) {
                        done++;
                    }
                } else if (outcome instanceof Park park) {
                    held = store.failOutbox(entry.id(), owner, park.error(), now, true);
                    if (held) {
                        parked++;
                        log.warn("outbox entry {} parked: {}", entry.id(), park.error());
                    }
                } else if (outcome instanceof PollAgain) {
                    int polls = entry.attempts() + 1;
                    boolean park = polls >= config.maxPolls();
                    held = store.failOutbox(entry.id(), owner, park ? "no news after " + polls + " polls"
                            : "waiting for the supplier", now.plus(config.pollInterval()), park);
                    if (held) {
                        if (park) {
                            parked++;
                        } else {
                            retried++;
                        }
                    }
                } else {
                    Retry retry = (Retry) outcome;
                    int failures = entry.attempts() + 1;
                    boolean park = failures >= config.maxAttempts();
                    Duration delay = config.backoff(failures, draw());
                    if (retry.retryAfter() != null && retry.retryAfter().compareTo(delay) > 0) {
                        delay = retry.retryAfter();
                    }
                    held = store.failOutbox(entry.id(), owner, retry.error(), now.plus(delay), park);
                    if (held) {
                        if (park) {
                            parked++;
                            log.warn("outbox entry {} parked after {} failed attempts", entry.id(), failures);
                        } else {
                            retried++;
                            log.debug("outbox entry {} failed attempt {}, next in {}", entry.id(), failures, delay);
                        }
                    }
                }
                if (!held) {
                    lost++;
                    log.info("outbox entry {}: lease lost to another dispatcher; its owner finishes it", entry.id());
                }
            }
        }
        return new DispatchReport(done, retried, parked, lost);
    }

    private double draw() {
        if (random == null) {
            return ThreadLocalRandom.current().nextDouble();
        }
        synchronized (random) {
            return random.nextDouble();
        }
    }

    private Outcome handleSafely(OutboxEntry entry, Instant now) {
        try {
            return handle(entry, now);
        } catch (ContentionException e) {
            return new Retry("case busy, retry", null);
        } catch (RuntimeException e) {
            // the message may come from host code: log and store the type only
            log.warn("outbox entry {} ({}) failed with {}", entry.id(), entry.effect(), e.getClass().getName());
            return new Retry("failed with " + e.getClass().getName(), null);
        }
    }

    private Outcome handle(OutboxEntry entry, Instant now) {
        Optional<CaseHistory> loaded = store.load(entry.caseId());
        if (loaded.isEmpty() || loaded.get().version() < entry.version()) {
            return new Park("case " + entry.caseId() + " has no event at version " + entry.version());
        }
        CaseHistory history = loaded.get();
        ReturnEvent event = history.events().get((int) entry.version() - 1);
        return switch (entry.effect()) {
            case NOTIFY -> notify(entry, history, event);
            case REACT -> react(history, entry, event, now);
            case REQUEST_RETURN -> requestReturn(entry, history, event, now);
            case SHARE_TRACKING -> shareTracking(entry, history, event);
            case CANCEL_AT_SUPPLIER -> cancel(entry, history, event);
            case POLL_SUPPLIER -> poll(entry, history, event, now);
        };
    }

    // ------------------------------------------------------------------------------------------- notify

    private Outcome notify(OutboxEntry entry, CaseHistory history, ReturnEvent event) {
        Role role;
        try {
            role = Role.valueOf(entry.target());
        } catch (IllegalArgumentException e) {
            return new Park("unknown recipient role " + entry.target());
        }
        ReturnCase c = cache.foldAt(history, entry.version());
        SupplierId leg = event instanceof ReturnEvent.LegEvent legEvent ? legEvent.leg() : null;
        String id;
        if (role == Role.CUSTOMER) {
            id = c.customer().value();
        } else if (role == Role.RESELLER) {
            id = c.tenant().value();
        } else if (role == Role.SUPPLIER && leg != null) {
            id = leg.value();
        } else {
            return new Park("no recipient " + role + " for " + event.type());
        }
        Notification notification = new Notification(entry.id(), c.tenant(), c.id(), entry.version(), leg,
                new Recipient(role, id), NotificationType.of(event), numbers(c, leg), event.at());
        notifier.deliver(notification);
        log.debug("notification {} delivered", entry.id());
        return DONE;
    }

    private static List<ReturnNumber> numbers(ReturnCase c, SupplierId supplier) {
        List<ReturnNumber> numbers = new ArrayList<>(5);
        numbers.add(c.customerNumber());
        numbers.add(c.resellerNumber());
        Leg leg = supplier == null ? null : c.leg(supplier).orElse(null);
        if (leg != null) {
            if (leg.supplierNumber() != null) {
                numbers.add(leg.supplierNumber());
            }
            if (leg.returnTracking() != null) {
                numbers.add(leg.returnTracking());
            }
            if (leg.replacementTracking() != null) {
                numbers.add(leg.replacementTracking());
            }
        }
        return numbers;
    }

    // -------------------------------------------------------------------------------------------- react

    private Outcome react(CaseHistory history, OutboxEntry entry, ReturnEvent event, Instant now) {
        ReturnCase after = cache.foldAt(history, entry.version());
        List<Command> commands = workflow.react(after, event, new RuleContext(now, settings));
        for (Command command : commands) {
            try {
                CommandResult result = runner.run(command, now);
                log.debug("policy command {} on case {}: version {}{}", command.type(), command.caseId(),
                        result.version(), result.replayed() ? " (replayed)" : "");
            } catch (CommandRefusedException e) {
                log.debug("policy command {} on case {} refused: {}", command.type(), command.caseId(), e.code());
            } catch (ContentionException e) {
                throw e;
            } catch (ReturnSyncException e) {
                log.warn("policy command {} on case {} failed: {}", command.type(), command.caseId(),
                        e.getClass().getSimpleName());
            }
        }
        return DONE;
    }

    // ------------------------------------------------------------------------------------------ supplier

    private Outcome requestReturn(OutboxEntry entry, CaseHistory history, ReturnEvent event, Instant now) {
        SupplierId supplier = SupplierId.of(entry.target());
        Optional<SupplierAdapter> adapter = suppliers.find(supplier);
        if (adapter.isEmpty()) {
            return new Park("no supplier adapter for " + supplier);
        }
        ReturnCase c = cache.fold(history);
        Leg leg = c.leg(supplier).orElse(null);
        if (leg == null) {
            return new Park("case has no leg of supplier " + supplier);
        }
        if (leg.state().isTerminal()) {
            log.debug("outbox entry {}: leg is {}, nothing to request", entry.id(), leg.state());
            return DONE;
        }
        List<LineQuantity> lines = leg.lines().stream().map(l -> new LineQuantity(l.sku(), l.authorized())).toList();
        SupplierRequest.RequestReturn request = new SupplierRequest.RequestReturn(entry.id(), c.tenant(), c.id(),
                supplier, c.resellerNumber(), c.customerNumber(), lines,
                leg.outcome() == null ? c.wanted() : leg.outcome(), c.reason());
        SupplierReply.ToRequest reply = adapter.get().requestReturn(request);
        if (reply instanceof SupplierReply.NumberIssued issued) {
            return issue(entry, c, supplier, issued.number(), now);
        } else if (reply instanceof SupplierReply.Pending) {
            log.debug("outbox entry {}: supplier {} will send its number later", entry.id(), supplier);
            return DONE;
        } else if (reply instanceof SupplierReply.Declined declined) {
            return apply(entry, new Command.DeclineReturn(key(entry, "declined"), Actor.supplier(c.tenant(), supplier),
                    null, c.id(), supplier, declined.reason()), now);
        }
        return failure(reply);
    }

    private Outcome shareTracking(OutboxEntry entry, CaseHistory history, ReturnEvent event) {
        SupplierId supplier = SupplierId.of(entry.target());
        Optional<SupplierAdapter> adapter = suppliers.find(supplier);
        if (adapter.isEmpty()) {
            return new Park("no supplier adapter for " + supplier);
        }
        if (!(event instanceof ReturnEvent.ReturnShipped shipped)) {
            return new Park("event at version " + entry.version() + " is no shipment");
        }
        ReturnCase c = cache.fold(history);
        ReturnNumber supplierNumber = c.leg(supplier).map(Leg::supplierNumber).orElse(null);
        SupplierReply.ToNotice reply = adapter.get().shareTracking(new SupplierRequest.ShareTracking(entry.id(),
                c.tenant(), c.id(), supplier, c.resellerNumber(), supplierNumber, shipped.tracking()));
        return reply instanceof SupplierReply.Done ? DONE : failure(reply);
    }

    private Outcome cancel(OutboxEntry entry, CaseHistory history, ReturnEvent event) {
        SupplierId supplier = SupplierId.of(entry.target());
        Optional<SupplierAdapter> adapter = suppliers.find(supplier);
        if (adapter.isEmpty()) {
            return new Park("no supplier adapter for " + supplier);
        }
        ReturnCase c = cache.fold(history);
        ReturnNumber supplierNumber = c.leg(supplier).map(Leg::supplierNumber).orElse(null);
        SupplierReply.ToNotice reply = adapter.get().cancel(new SupplierRequest.Cancel(entry.id(), c.tenant(),
                c.id(), supplier, c.resellerNumber(), supplierNumber));
        return reply instanceof SupplierReply.Done ? DONE : failure(reply);
    }

    private Outcome poll(OutboxEntry entry, CaseHistory history, ReturnEvent event, Instant now) {
        SupplierId supplier = SupplierId.of(entry.target());
        Optional<SupplierAdapter> adapter = suppliers.find(supplier);
        if (adapter.isEmpty()) {
            return new Park("no supplier adapter for " + supplier);
        }
        LegState waiting = event instanceof ReturnEvent.ReturnShipped ? LegState.SHIPPED : LegState.NUMBER_REQUESTED;
        ReturnCase c = cache.fold(history);
        Leg leg = c.leg(supplier).orElse(null);
        if (leg == null || leg.state() != waiting) {
            log.debug("outbox entry {}: leg no longer waits in {}, polling ends", entry.id(), waiting);
            return DONE;
        }
        SupplierReply.ToPoll reply = adapter.get().poll(new SupplierRequest.Poll(entry.id(), c.tenant(), c.id(),
                supplier, c.resellerNumber(), leg.supplierNumber()));
        Actor actor = Actor.supplier(c.tenant(), supplier);
        if (reply instanceof SupplierReply.NothingNew) {
            return POLL_AGAIN;
        } else if (reply instanceof SupplierReply.NumberIssued issued) {
            if (waiting != LegState.NUMBER_REQUESTED) {
                return POLL_AGAIN;
            }
            return issue(entry, c, supplier, issued.number(), now);
        } else if (reply instanceof SupplierReply.Declined declined) {
            return apply(entry, new Command.DeclineReturn(key(entry, "declined"), actor, null, c.id(), supplier,
                    declined.reason()), now);
        } else if (reply instanceof SupplierReply.Received received) {
            if (waiting != LegState.SHIPPED) {
                return POLL_AGAIN;
            }
            return apply(entry, new Command.ConfirmReceipt(key(entry, "received|" + received.quantities()), actor,
                    null, c.id(), supplier, received.quantities()), now);
        }
        return failure(reply);
    }

    private Outcome issue(OutboxEntry entry, ReturnCase c, SupplierId supplier, String raw, Instant now) {
        ReturnNumber number;
        try {
            number = ReturnNumber.supplierReturn(supplier, raw);
        } catch (InvalidReturnNumberException e) {
            return new Park("supplier issued an invalid number: " + e.problem());
        }
        Leg leg = c.leg(supplier).orElse(null);
        if (leg != null && number.equals(leg.supplierNumber())) {
            log.debug("outbox entry {}: number {} is already linked to the leg", entry.id(), number);
            return DONE;
        }
        return apply(entry, new Command.IssueSupplierNumber(key(entry, "issued|" + number.value()),
                Actor.supplier(c.tenant(), supplier), null, c.id(), supplier, number), now);
    }

    /** Runs a command made from a supplier's reply; a refusal is final (the leg moved on), a taken number parks. */
    private Outcome apply(OutboxEntry entry, Command command, Instant now) {
        try {
            CommandResult result = runner.run(command, now);
            log.debug("outbox entry {}: {} applied at version {}", entry.id(), command.type(), result.version());
            return DONE;
        } catch (CommandRefusedException e) {
            if (e.code() == Refusal.Code.NUMBER_TAKEN) {
                return new Park("the supplier issued a number that is linked to another return");
            }
            log.info("outbox entry {}: supplier reply {} refused ({}); the leg moved on", entry.id(), command.type(),
                    e.code());
            return DONE;
        } catch (ContentionException e) {
            throw e;
        } catch (ReturnSyncException e) {
            return new Park("supplier reply could not be applied: " + e.getClass().getSimpleName());
        }
    }

    private static Outcome failure(SupplierReply reply) {
        if (reply instanceof SupplierReply.RetryableFailure retryable) {
            return new Retry(retryable.error(), retryable.retryAfter());
        } else if (reply instanceof SupplierReply.PermanentFailure permanent) {
            return new Park(permanent.error());
        }
        return new Park("unexpected supplier reply " + (reply == null ? "null" : reply.getClass().getSimpleName()));
    }

    private static IdempotencyKey key(OutboxEntry entry, String what) {
        String seed = entry.id() + "|" + what;
        return IdempotencyKey.of("sup-" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)));
    }
}
