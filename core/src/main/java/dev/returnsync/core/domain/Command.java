package dev.returnsync.core.domain;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
     * @param shippingFee the return shipping fee (运费) agreed, in the case's currency; {@code null} for none
     * @param feeBearer who bears the shipping fee; {@code null} for the bearer the reason calls for
     *     ({@link FeeBearer#forReason})
     * @param insuranceClaim the freight insurance (运费险) claim reference, exactly when {@code feeBearer} is
     *     {@link FeeBearer#FREIGHT_INSURANCE}; otherwise {@code null}
     */
    record AgreeReturn(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                       ExternalVersion externalVersion,
                       @NotNull CaseId caseId, @NotNull SupplierId leg, @NotNull OutcomeType outcome,
                       @NotNull List<@NotNull LineQuantity> authorized, Money shippingFee, FeeBearer feeBearer,
                       @Size(max = 64) String insuranceClaim,
                       @NotNull @Size(max = Evidence.MAX_COUNT) List<@NotNull Evidence> evidence) implements LegCommand {
        /**
         * Copies the authorized quantities and the evidence, refusing a null element.
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
         * @param shippingFee the return shipping fee agreed, in the case's currency; {@code null} for none
         * @param feeBearer who bears the shipping fee; {@code null} for the bearer the reason calls for
         * @param insuranceClaim the freight insurance claim reference, exactly when freight insurance bears the fee
         * @param evidence what the agreement rests on, at most {@value Evidence#MAX_COUNT} references; not null
         */
        public AgreeReturn {
            authorized = copy("authorized", authorized);
            evidence = copy("evidence", evidence);
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
                        @NotNull @Size(max = 500) String note, Money restockingFee,
                        @NotNull @Size(max = Evidence.MAX_COUNT) List<@NotNull Evidence> evidence) implements LegCommand {
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
         * @param restockingFee what the supplier keeps of the refund for restocking, in the case's currency, at most
         *     the refund for the goods accepted; {@code null} for none
         * @param evidence the inspection's evidence (photos, the inspection report), at most
         *     {@value Evidence#MAX_COUNT} references; not null
         */
        public ReportResult {
            accepted = copy("accepted", accepted);
            rejected = copy("rejected", rejected);
            evidence = copy("evidence", evidence);
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
                                  @NotNull SupplierId leg, @NotNull @Size(max = 500) String note,
                                  Money compensation) implements LegCommand {
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
         * @param compensation the shipping compensation the reseller grants the customer, in the case's currency, at
         *     most what the leg's requested lines are worth; {@code null} keeps what was granted before (none at
         *     first)
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
     * 协商部分退款: the supplier (or the reseller) offers the customer a refund for the leg instead of taking the
     * goods back; the customer keeps the goods.
     *
     * @param amount the refund offered, in the case's currency, more than zero and at most what the leg's requested
     *     lines are worth
     * @param note what the customer is told with the offer, at most 500 characters
     */
    record OfferPartialRefund(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                              ExternalVersion externalVersion, @NotNull CaseId caseId,
                              @NotNull SupplierId leg, @NotNull Money amount,
                              @NotNull @Size(max = 500) String note) implements LegCommand {
        /**
         * Checks the note's characters (its presence and length are left to validation).
         *
         * @param key the caller's idempotency key; not null
         * @param actor who fires the command; not null
         * @param expectedVersion the case version the caller saw, at least 0, or {@code null} to accept any
         * @param externalVersion the outside system's version token the command carries, or {@code null}
         * @param caseId the case the command is about; not null
         * @param leg the supplier whose leg the command is about; not null
         * @param amount the refund offered; not null
         * @param note what the customer is told with the offer, at most 500 characters; not null
         */
        public OfferPartialRefund {
            if (note != null && note.length() <= Reason.MAX_TEXT) {
                Reason.checkText("note", note);
            }
        }

        @Override
        public CommandType type() {
            return CommandType.OFFER_PARTIAL_REFUND;
        }
    }

    /** The customer accepts the partial refund offered: the leg is settled, the goods stay with the customer. */
    record AcceptPartialRefund(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                               ExternalVersion externalVersion, @NotNull CaseId caseId,
                               @NotNull SupplierId leg) implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.ACCEPT_PARTIAL_REFUND;
        }
    }

    /** The customer rejects the partial refund offered, with a reason; the leg goes back to the negotiation. */
    record RejectPartialRefund(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                               ExternalVersion externalVersion, @NotNull CaseId caseId,
                               @NotNull SupplierId leg, @NotNull @Valid Reason reason)
            implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.REJECT_PARTIAL_REFUND;
        }
    }

    /**
     * The customer re-applies on a declined leg, under the same customer request number, with a changed reason: a new
     * negotiation round, within the workflow's {@link ReapplicationPolicy re-application window} and round limit.
     */
    record Reapply(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                   ExternalVersion externalVersion, @NotNull CaseId caseId,
                   @NotNull SupplierId leg, @NotNull @Valid Reason reason)
            implements LegCommand {
        @Override
        public CommandType type() {
            return CommandType.REAPPLY;
        }
    }

    /**
     * A party writes a message about a leg to another party; the leg's state does not change. Who may write to whom:
     * the customer and the supplier to the reseller, the reseller to the customer or the supplier (the customer and
     * the supplier do not talk directly, as in any blind dropshipping).
     *
     * @param to the role the message is addressed to
     * @param text the message, not blank, at most {@value ReturnEvent.MessageSent#MAX_TEXT} characters
     */
    record SendMessage(@NotNull IdempotencyKey key, @NotNull Actor actor, @PositiveOrZero Long expectedVersion,
                       ExternalVersion externalVersion, @NotNull CaseId caseId,
                       @NotNull SupplierId leg, @NotNull Role to,
                       @NotBlank @Size(max = ReturnEvent.MessageSent.MAX_TEXT) String text) implements LegCommand {
        /**
         * Checks the text's characters (its presence and length are left to validation).
         *
         * @param key the caller's idempotency key; not null
         * @param actor who fires the command; not null
         * @param expectedVersion the case version the caller saw, at least 0, or {@code null} to accept any
         * @param externalVersion the outside system's version token the command carries, or {@code null}
         * @param caseId the case the command is about; not null
         * @param leg the supplier whose leg the message is about; not null
         * @param to the role the message is addressed to; not null
         * @param text the message, not blank, at most {@value ReturnEvent.MessageSent#MAX_TEXT} characters
         */
        public SendMessage {
            if (text != null && text.length() <= ReturnEvent.MessageSent.MAX_TEXT) {
                ReturnEvent.MessageSent.checkText("text", text);
            }
        }

        @Override
        public CommandType type() {
            return CommandType.SEND_MESSAGE;
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
