package dev.returnsync.core.domain;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A request to move a return case: one record per named step of the workflow.
 *
 * <p>The records are the published language; make them with the builders, which start at
 * {@link dev.returnsync.core.domain.command.Commands#as}, fill the header once and name every missing field at
 * once:
 *
 * <pre>{@code
 * Command.AgreeReturn agree = Commands.as(Actor.supplier(shop, supplier)).key("agree-1").onCase(caseId)
 *         .agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND).build();
 * }</pre>
 *
 * <p>Commands are input: their components carry Jakarta Validation constraints, which the engine checks
 * (naming each bad field) before the domain sees the command. The value types they hold (numbers,
 * ids, lines) validate themselves when constructed.
 *
 * <p>Every command carries an {@link #key() idempotency key}: the same key again returns the first outcome
 * and adds nothing. It may carry the {@link #expectedVersion() version} the caller saw: when the case has
 * moved on since, the command is refused. {@code null} means "whatever the version". It may also carry an
 * {@link #externalVersion() external version}, the version of the same return in an outside system.
 *
 * <p>A list component may be null (the validation names it), but a null element of a list is refused when the
 * command is built: {@link NullPointerException} naming the field and the index, e.g. {@code lines[2]}.
 */
public sealed interface Command {
    /** {@return the caller's idempotency key} */
    IdempotencyKey key();

    /** {@return who fires the command} */
    Actor actor();

    /** {@return the case version the caller saw, or {@code null} to accept any} */
    Long expectedVersion();

    /**
     * The version token of an outside system (a marketplace's refund version) that the command carries: a command
     * whose token is not newer than the case's newest of the same source is refused
     * ({@link Refusal.Code#STALE_EXTERNAL_VERSION}); an accepted one is recorded
     * ({@link dev.returnsync.spi.ReturnEvent.ExternalVersionRecorded}) after the command's own event.
     *
     * @return the token, or {@code null} when the command carries none
     */
    ExternalVersion externalVersion();

    /** {@return the case the command is about} */
    CaseId caseId();

    /** {@return the type of this command, as used in the transition table} */
    CommandType type();

    /** A command about one leg of an existing case, the leg being named by its supplier. */
    sealed interface LegCommand extends Command {
        /** {@return the supplier whose leg the command is about} */
        SupplierId leg();
    }

    /**
     * 客户提交退货申请: opens a case with one leg per supplier of its lines.
     *
     * @param caseId the id of the new case; {@code null} asks the engine to generate one (a decision without the
     *     engine refuses a submission without one)
     * @param customerNumber the customer-side number (marketplace after-sale id), tenant-scoped
     * @param resellerNumber the reseller return number for the case, tenant-scoped; {@code null} asks the engine to
     *     generate one (a decision without the engine refuses a submission without one)
     * @param deliveredAt when the order was delivered to the customer
     */
    record SubmitReturn(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                        ExternalVersion externalVersion,
                        CaseId caseId, @NotNull CustomerId customer, @NotNull OrderId order,
                        @NotNull ReturnNumber customerNumber, ReturnNumber resellerNumber,
                        @NotEmpty @Size(max = 200) List<@NotNull @Valid ReturnLine> lines, @NotNull @Valid Reason reason,
                        @NotNull OutcomeType wanted, @NotNull Instant deliveredAt) implements Command {
        /**
         * Copies the lines, refusing a null element.
         *
         * @param key the caller's idempotency key; not null
         * @param actor who fires the command; not null
         * @param expectedVersion the case version the caller saw, at least 0, or {@code null} to accept any
         * @param externalVersion the outside system's version token the command carries, or {@code null}
         * @param caseId the id of the new case; {@code null} asks the engine to generate one (a decision without the
         *     engine refuses a submission without one)
         * @param customer the customer who asks; not null
         * @param order the storefront order the return is about; not null
         * @param customerNumber the customer-side number (marketplace after-sale id), tenant-scoped
         * @param resellerNumber the reseller return number for the case, tenant-scoped; {@code null} asks the engine to
         *     generate one (a decision without the engine refuses a submission without one)
         * @param lines the returned lines, 1 to 200, no null element
         * @param reason why the customer asks; not null
         * @param wanted the outcome the customer wants; not null
         * @param deliveredAt when the order was delivered to the customer
         */
        public SubmitReturn {
            lines = copy("lines", lines);
        }

        @Override
        public CommandType type() {
            return CommandType.SUBMIT_RETURN;
        }
    }

    /** 代发商与供应商协商: the reseller asks the leg's supplier whether it takes the return back. */
    record OpenNegotiation(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                           ExternalVersion externalVersion,
                           @NotNull CaseId caseId, @NotNull SupplierId leg) implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.OPEN_NEGOTIATION;
        }
    }

    /**
     * The supplier agrees (or the reseller records its agreement) with an outcome type.
     *
     * @param authorized the authorized quantity per SKU of the leg; empty authorizes every requested quantity (the
     *     builder's default)
     */
    record AgreeReturn(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                       ExternalVersion externalVersion,
                       @NotNull CaseId caseId, @NotNull SupplierId leg, @NotNull OutcomeType outcome,
                       @NotNull List<@NotNull LineQuantity> authorized) implements LegCommand {
        /**
         * Copies the authorized quantities, refusing a null element.
         *
         * @param key the caller's idempotency key; not null
         * @param actor who fires the command; not null
         * @param expectedVersion the case version the caller saw, at least 0, or {@code null} to accept any
         * @param externalVersion the outside system's version token the command carries, or {@code null}
         * @param caseId the case the command is about; not null
         * @param leg the supplier whose leg the command is about; not null
         * @param outcome the agreed outcome; not null
         * @param authorized the authorized quantity per SKU of the leg; empty authorizes every requested quantity (the
         *     builder's default)
         */
        public AgreeReturn {
            authorized = copy("authorized", authorized);
        }

        @Override
        public CommandType type() {
            return CommandType.AGREE_RETURN;
        }
    }

    /** The supplier declines (or the reseller records its refusal), with a reason. */
    record DeclineReturn(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                         ExternalVersion externalVersion,
                         @NotNull CaseId caseId, @NotNull SupplierId leg, @NotNull @Valid Reason reason)
            implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.DECLINE_RETURN;
        }
    }

    /** 代发商向供应商申请退货(单号): the reseller applies for the return and asks for a supplier return number. */
    record ApplyForReturn(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                          ExternalVersion externalVersion,
                          @NotNull CaseId caseId, @NotNull SupplierId leg) implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.APPLY_FOR_RETURN;
        }
    }

    /** 供应商提供退货单号: the supplier issues its return number for the leg. */
    record IssueSupplierNumber(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                               ExternalVersion externalVersion,
                               @NotNull CaseId caseId, @NotNull SupplierId leg, @NotNull ReturnNumber number)
            implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.ISSUE_SUPPLIER_NUMBER;
        }
    }

    /** The supplier replaces the number it issued; the old one stays resolvable, marked superseded. */
    record ReplaceSupplierNumber(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                                 ExternalVersion externalVersion,
                                 @NotNull CaseId caseId, @NotNull SupplierId leg, @NotNull ReturnNumber number)
            implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.REPLACE_SUPPLIER_NUMBER;
        }
    }

    /** 代发商将退货单号告知客户: the reseller tells the customer the supplier return number. */
    record ShareNumberWithCustomer(@NotNull IdempotencyKey key, @NotNull Actor actor,
                                   @PositiveOrZero Long expectedVersion,
                                   ExternalVersion externalVersion, @NotNull CaseId caseId,
                                   @NotNull SupplierId leg) implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.SHARE_NUMBER_WITH_CUSTOMER;
        }
    }

    /** The customer reports the carrier tracking number of the parcel sent back. */
    record ReportShipment(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                          ExternalVersion externalVersion,
                          @NotNull CaseId caseId, @NotNull SupplierId leg, @NotNull ReturnNumber tracking)
            implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.REPORT_SHIPMENT;
        }
    }

    /**
     * 供应商确认退货并处理: the supplier located the return by its number and confirms what it received.
     *
     * @param received the received quantity per SKU; SKUs not listed count as zero
     */
    record ConfirmReceipt(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                          ExternalVersion externalVersion,
                          @NotNull CaseId caseId, @NotNull SupplierId leg,
                          @NotEmpty List<@NotNull LineQuantity> received) implements LegCommand {
        /**
         * Copies the received quantities, refusing a null element.
         *
         * @param key the caller's idempotency key; not null
         * @param actor who fires the command; not null
         * @param expectedVersion the case version the caller saw, at least 0, or {@code null} to accept any
         * @param externalVersion the outside system's version token the command carries, or {@code null}
         * @param caseId the case the command is about; not null
         * @param leg the supplier whose leg the command is about; not null
         * @param received the received quantity per SKU; SKUs not listed count as zero
         */
        public ConfirmReceipt {
            received = copy("received", received);
        }

        @Override
        public CommandType type() {
            return CommandType.CONFIRM_RECEIPT;
        }
    }

    /**
     * 供应商向代发商确认退货处理结果: the supplier reports the inspection. For every SKU, accepted plus
     * rejected must equal received; refund-only legs report with both lists empty.
     */
    record ReportResult(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                        ExternalVersion externalVersion,
                        @NotNull CaseId caseId, @NotNull SupplierId leg,
                        @NotNull List<@NotNull LineQuantity> accepted, @NotNull List<@NotNull LineQuantity> rejected,
                        @NotNull @Size(max = 500) String note) implements LegCommand {
        /**
         * Copies the quantities, refusing a null element, and checks the note's characters (its presence and length
         * are left to validation).
         *
         * @param key the caller's idempotency key; not null
         * @param actor who fires the command; not null
         * @param expectedVersion the case version the caller saw, at least 0, or {@code null} to accept any
         * @param externalVersion the outside system's version token the command carries, or {@code null}
         * @param caseId the case the command is about; not null
         * @param leg the supplier whose leg the command is about; not null
         * @param accepted the accepted quantity per SKU; SKUs not listed count as zero; not null
         * @param rejected the rejected quantity per SKU; SKUs not listed count as zero; not null
         * @param note a note for the other party, at most 500 characters; not null
         */
        public ReportResult {
            accepted = copy("accepted", accepted);
            rejected = copy("rejected", rejected);
            if (note != null && note.length() <= Reason.MAX_TEXT) {
                Reason.checkText("note", note);
            }
        }

        @Override
        public CommandType type() {
            return CommandType.REPORT_RESULT;
        }
    }

    /** The supplier sends the replacement parcel of an exchange. */
    record ShipReplacement(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                           ExternalVersion externalVersion,
                           @NotNull CaseId caseId, @NotNull SupplierId leg, @NotNull ReturnNumber tracking)
            implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.SHIP_REPLACEMENT;
        }
    }

    /** 代发商向客户确认退货处理结果: the reseller tells the customer the result (also after a dispute). */
    record ReportResultToCustomer(@NotNull IdempotencyKey key, @NotNull Actor actor,
                                  @PositiveOrZero Long expectedVersion,
                                  ExternalVersion externalVersion, @NotNull CaseId caseId,
                                  @NotNull SupplierId leg, @NotNull @Size(max = 500) String note)
            implements LegCommand {
        /**
         * Checks the note's characters (its presence and length are left to validation).
         *
         * @param key the caller's idempotency key; not null
         * @param actor who fires the command; not null
         * @param expectedVersion the case version the caller saw, at least 0, or {@code null} to accept any
         * @param externalVersion the outside system's version token the command carries, or {@code null}
         * @param caseId the case the command is about; not null
         * @param leg the supplier whose leg the command is about; not null
         * @param note a note for the other party, at most 500 characters; not null
         */
        public ReportResultToCustomer {
            if (note != null && note.length() <= Reason.MAX_TEXT) {
                Reason.checkText("note", note);
            }
        }

        @Override
        public CommandType type() {
            return CommandType.REPORT_RESULT_TO_CUSTOMER;
        }
    }

    /** 客户确认退货处理结果: the customer confirms the result. */
    record ConfirmResult(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                         ExternalVersion externalVersion,
                         @NotNull CaseId caseId, @NotNull SupplierId leg) implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.CONFIRM_RESULT;
        }
    }

    /** The customer disputes the result, with a reason; the leg goes back to the reseller. */
    record DisputeResult(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                         ExternalVersion externalVersion,
                         @NotNull CaseId caseId, @NotNull SupplierId leg, @NotNull @Valid Reason reason)
            implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.DISPUTE_RESULT;
        }
    }

    /** The customer (or the reseller for them) cancels a leg before anything was shipped. */
    record CancelReturn(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                        ExternalVersion externalVersion,
                        @NotNull CaseId caseId, @NotNull SupplierId leg) implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.CANCEL_RETURN;
        }
    }

    /** The reseller closes a leg by hand, e.g. after an escalation settled outside the workflow. */
    record CloseLeg(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                    ExternalVersion externalVersion,
                    @NotNull CaseId caseId, @NotNull SupplierId leg, @NotNull @Valid Reason reason)
            implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.CLOSE_LEG;
        }
    }

    /** Fires the leg's due deadline: escalate, expire or auto-confirm, as the deadline policy says. */
    record FireDeadline(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                        ExternalVersion externalVersion,
                        @NotNull CaseId caseId, @NotNull SupplierId leg) implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.FIRE_DEADLINE;
        }
    }

    /**
     * Copies a list component: null stays null (the engine's validation names it); a null element is refused
     * here, naming the field and the index, before {@link List#copyOf} could throw a bare exception.
     */
    private static <T> List<T> copy(String field, List<T> values) {
        if (values == null) {
            return null;
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new NullPointerException(field + "[" + i + "] must not be null");
            }
        }
        return List.copyOf(values);
    }
}
