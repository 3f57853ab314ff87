package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.internal.CommandRunner;
import dev.returnsync.core.internal.inbox.SupplierInbox;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.NumberAlreadyLinkedException;
import dev.returnsync.spi.supplier.SupplierReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Turns what a supplier answered to a call or a poll into commands of that supplier, run through the pipeline.
 * Their keys derive from the entry id and the answer, so an answer received again is applied once.
 *
 * <p>Only a refusal is final: the leg moved on (e.g. the same number came by callback first), and the entry is
 * done. A number linked to another return parks it, and so does any other refusal (an answer that does not fit the
 * leg, a host's rule that refuses it), so that it is not lost silently. Anything else (a store that failed for a
 * moment, contention) propagates, and the entry is tried again later.
 */
final class SupplierReplies {
    private static final Logger log = LoggerFactory.getLogger(SupplierReplies.class);

    /**
     * The refusals that say the leg moved on (the answer came another way first, the leg ended): the work is done.
     * Any other refusal (the answer does not fit the leg, a host's rule refuses it) parks the work, so that it is seen.
     */
    private static final Set<Refusal.Code> MOVED_ON = EnumSet.of(Refusal.Code.ILLEGAL_TRANSITION,
            Refusal.Code.CONDITION_NOT_MET, Refusal.Code.VERSION_MISMATCH, Refusal.Code.STALE_EXTERNAL_VERSION);

    private final CommandRunner runner;

    SupplierReplies(CommandRunner runner) {
        this.runner = runner;
    }

    /** The supplier issued its return number, raw. */
    Outcome issued(Work work, ReturnCase c, SupplierId supplier, String raw) {
        Command.IssueSupplierNumber command;
        try {
            String normalized = ReturnNumber.supplierReturn(supplier, raw).value();
            command = SupplierInbox.numberIssued(c.tenant(), supplier, c.id(), key(work, "issued|" + normalized), raw);
        } catch (InvalidReturnNumberException e) {
            return Outcome.park("supplier issued an invalid number: " + e.problem());
        }
        Leg leg = c.leg(supplier).orElse(null);
        if (leg != null && command.number().equals(leg.supplierNumber())) {
            log.debug("outbox entry {}: the number is already linked to the leg", work.entry().id());
            return Outcome.DONE;
        }
        return apply(work, command);
    }

    /** The supplier declined the return. */
    Outcome declined(Work work, ReturnCase c, SupplierId supplier, Reason reason) {
        return apply(work, SupplierInbox.declined(c.tenant(), supplier, c.id(), key(work, "declined"), reason));
    }

    /** The supplier received the parcel, with these quantities. */
    Outcome received(Work work, ReturnCase c, SupplierId supplier, List<LineQuantity> quantities) {
        return apply(work, SupplierInbox.received(c.tenant(), supplier, c.id(), key(work, "received|" + quantities),
                quantities));
    }

    /**
     * The supplier inspected the goods and reports the result; when the leg still waits for the parcel
     * ({@code receiptFirst}), the receipt of what the inspection accounts for is recorded first. Each command has a
     * key of its own derived from the entry and the reply, so the same answer applied again is a replay. A dispatch
     * retried after a crash between the two finds the leg received and ends (the poll planned by the receipt brings
     * the result), so each is recorded once. A receipt the workflow refuses ends the work without the result.
     */
    Outcome resultReported(Work work, ReturnCase c, SupplierId supplier, SupplierReply.ResultReported result,
                           boolean receiptFirst) {
        if (receiptFirst) {
            Outcome receipt = run(work, SupplierInbox.received(c.tenant(), supplier, c.id(),
                    key(work, "received|" + result.received()), result.received()));
            if (receipt != null) {
                return receipt;
            }
        }
        return apply(work, SupplierInbox.resultReported(c.tenant(), supplier, c.id(), key(work, "result|" + result),
                result.accepted(), result.rejected(), result.note(), result.restockingFee(), result.evidence()));
    }

    /** A failure reply: retried when the supplier says so, parked when it says it is permanent. */
    static Outcome failure(SupplierReply reply) {
        if (reply instanceof SupplierReply.RetryableFailure retryable) {
            return Outcome.retry(retryable.error(), retryable.retryAfter());
        } else if (reply instanceof SupplierReply.PermanentFailure permanent) {
            return Outcome.park(permanent.error());
        }
        return Outcome.park("unexpected supplier reply " + (reply == null ? "null" : reply.getClass().getSimpleName()));
    }

    private Outcome apply(Work work, Command command) {
        Outcome refused = run(work, command);
        return refused != null ? refused : Outcome.DONE;
    }

    /** Runs a command; {@code null} when it was applied (or had been), else how the work ends. */
    private Outcome run(Work work, Command command) {
        String id = work.entry().id();
        try {
            CommandResult result = runner.run(command, work.now());
            log.debug("outbox entry {}: {} applied at version {}", id, command.type(), result.version());
            return null;
        } catch (CommandRefusedException e) {
            if (e.code() == Refusal.Code.NUMBER_TAKEN) {
                return Outcome.park("the supplier issued a number that is linked to another return");
            }
            if (!MOVED_ON.contains(e.code())) {
                return Outcome.park("the supplier's " + command.type() + " was refused (" + e.code()
                        + (e.rule() == null ? "" : " by " + e.rule()) + ")");
            }
            log.info("outbox entry {}: supplier reply {} refused ({}); the leg moved on", id, command.type(), e.code());
            return Outcome.DONE;
        } catch (NumberAlreadyLinkedException e) {
            return Outcome.park("the supplier issued " + e.number() + ", which is linked to another return");
        }
    }

    private static IdempotencyKey key(Work work, String what) {
        String seed = work.entry().id() + "|" + what;
        return IdempotencyKey.of("sup-" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)));
    }
}
