package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.ReturnNumber;

/**
 * What every command carries: who fires it, its idempotency key, the case it is about and, optionally, the case
 * version the caller saw and the version of the same return in an outside system. Immutable: each setter returns a new header, so one header can start several commands.
 * The step methods, one per command and named after it, return the builder of that step; the seed's words for the
 * step (文本1: the return flow, 文本2: the return-number sync) head each one.
 *
 * <p>Made by {@link Commands#as}. A missing key or case is named when the command is built, with the step's
 * missing fields.
 */
public final class CommandHeader {
    final Actor actor;
    final IdempotencyKey key;
    final Long expectedVersion;
    final ExternalVersion externalVersion;
    final CaseId caseId;

    CommandHeader(Actor actor, IdempotencyKey key, Long expectedVersion, ExternalVersion externalVersion,
                  CaseId caseId) {
        this.actor = actor;
        this.key = key;
        this.expectedVersion = expectedVersion;
        this.externalVersion = externalVersion;
        this.caseId = caseId;
    }

    /**
     * The idempotency key: the same key again returns the first outcome and adds nothing. Required.
     *
     * @param key the key
     * @return a header with this key
     */
    public CommandHeader key(IdempotencyKey key) {
        return new CommandHeader(actor, key, expectedVersion, externalVersion, caseId);
    }

    /**
     * The idempotency key, from its text. Required.
     *
     * @param key the key's text
     * @return a header with this key
     * @throws IllegalArgumentException if the text is no valid key (see {@link IdempotencyKey})
     */
    public CommandHeader key(String key) {
        return key(IdempotencyKey.of(key));
    }

    /**
     * The case version the caller saw: if the case has moved on since, the command is refused. Without it (the
     * default, or {@code null}) the command accepts any version.
     *
     * @param version zero or more, or {@code null} for any version
     * @return a header with this version
     */
    public CommandHeader expectedVersion(Long version) {
        return new CommandHeader(actor, key, version, externalVersion, caseId);
    }

    /**
     * The version of the same return in an outside system, e.g. a marketplace's refund version: if the case
     * already accepted a version of this source at least as new, the command is refused
     * ({@link dev.returnsync.core.domain.Refusal.Code#STALE_EXTERNAL_VERSION}) and changes nothing; if it is accepted,
     * the case remembers the version. Without it (the default, or {@code null}) the command carries none.
     *
     * @param version the token, or {@code null} for none
     * @return a header with this external version
     */
    public CommandHeader externalVersion(ExternalVersion version) {
        return new CommandHeader(actor, key, expectedVersion, version, caseId);
    }

    /**
     * The version of the same return in an outside system, from its source and value; see
     * {@link #externalVersion(ExternalVersion)}.
     *
     * @param source where the token comes from, e.g. {@code "taobao"} (see {@link ExternalVersion})
     * @param version the token, zero or more; larger is newer
     * @return a header with this external version
     * @throws IllegalArgumentException if the source or the version breaks a rule of {@link ExternalVersion}
     */
    public CommandHeader externalVersion(String source, long version) {
        return externalVersion(ExternalVersion.of(source, version));
    }

    /**
     * The case the command is about. Required, except when submitting: the engine generates the id of a new case
     * that has none.
     *
     * @param caseId the case
     * @return a header with this case
     */
    public CommandHeader onCase(CaseId caseId) {
        return new CommandHeader(actor, key, expectedVersion, externalVersion, caseId);
    }

    /**
     * The case the command is about, from its id's text.
     *
     * @param caseId the case id's text
     * @return a header with this case
     * @throws IllegalArgumentException if the text is no valid case id (see {@link CaseId})
     */
    public CommandHeader onCase(String caseId) {
        return onCase(CaseId.of(caseId));
    }

    /**
     * 客户提交退货申请 (文本1 step 1, 文本2 step 1): the customer, or the reseller for them, submits a return;
     * it opens the case with one leg per supplier of its lines.
     *
     * @return the step's builder
     */
    public SubmitReturnBuilder submitReturn() {
        return new SubmitReturnBuilder(this);
    }

    /**
     * 代发商与供应商协商 (文本1 step 2, 文本2 step 2): the reseller (or a policy) opens the negotiation with the
     * leg's supplier.
     *
     * @return the step's builder
     */
    public LegBuilder<Command.OpenNegotiation> openNegotiation() {
        return new LegBuilder<>(this, CommandType.OPEN_NEGOTIATION);
    }

    /**
     * 代发商与供应商协商 (文本1 step 2, 文本2 step 2): the supplier agrees to take the return back, or the reseller
     * (or a policy) records its agreement.
     *
     * @return the step's builder
     */
    public AgreeReturnBuilder agreeReturn() {
        return new AgreeReturnBuilder(this);
    }

    /**
     * 代发商与供应商协商 (文本1 step 2, 文本2 step 2): the supplier declines the return, with a reason, or the
     * reseller records its refusal; also when the supplier refuses the application.
     *
     * @return the step's builder
     */
    public LegReasonBuilder<Command.DeclineReturn> declineReturn() {
        return new LegReasonBuilder<>(this, CommandType.DECLINE_RETURN);
    }

    /**
     * 代发商向供应商申请退货 (文本1 step 3), 代发商向供应商申请退货单号 (文本2 step 3): the reseller (or a policy)
     * applies for the return and asks the supplier for its return number.
     *
     * @return the step's builder
     */
    public LegBuilder<Command.ApplyForReturn> applyForReturn() {
        return new LegBuilder<>(this, CommandType.APPLY_FOR_RETURN);
    }

    /**
     * 供应商提供退货单号 (文本2 step 4): the supplier issues its return number for the leg.
     *
     * @return the step's builder
     */
    public LegNumberBuilder<Command.IssueSupplierNumber> issueSupplierNumber() {
        return new LegNumberBuilder<>(this, CommandType.ISSUE_SUPPLIER_NUMBER);
    }

    /**
     * 供应商提供退货单号 (文本2 step 4): the supplier replaces the number it issued; the old one stays
     * resolvable, marked superseded.
     *
     * @return the step's builder
     */
    public LegNumberBuilder<Command.ReplaceSupplierNumber> replaceSupplierNumber() {
        return new LegNumberBuilder<>(this, CommandType.REPLACE_SUPPLIER_NUMBER);
    }

    /**
     * 代发商将退货单号告知客户 (文本2 step 5): the reseller (or a policy) tells the customer the supplier's return
     * number.
     *
     * @return the step's builder
     */
    public LegBuilder<Command.ShareNumberWithCustomer> shareNumberWithCustomer() {
        return new LegBuilder<>(this, CommandType.SHARE_NUMBER_WITH_CUSTOMER);
    }

    /**
     * The customer (or the reseller for them) reports the tracking number of the parcel sent back: a
     * {@link ReturnNumber#returnTracking return tracking number}.
     *
     * @return the step's builder
     */
    public TrackingBuilder<Command.ReportShipment> reportShipment() {
        return new TrackingBuilder<>(this, CommandType.REPORT_SHIPMENT);
    }

    /**
     * 供应商确认退货并处理 (文本1 step 4): the supplier located the return by its number and confirms what it
     * received.
     *
     * @return the step's builder
     */
    public ConfirmReceiptBuilder confirmReceipt() {
        return new ConfirmReceiptBuilder(this);
    }

    /**
     * 供应商向代发商确认退货处理结果 (文本1 step 5): the supplier reports its inspection to the reseller.
     *
     * @return the step's builder
     */
    public ReportResultBuilder reportResult() {
        return new ReportResultBuilder(this);
    }

    /**
     * The supplier sends the replacement parcel of an exchange: a
     * {@link ReturnNumber#replacementTracking replacement tracking number}.
     *
     * @return the step's builder
     */
    public TrackingBuilder<Command.ShipReplacement> shipReplacement() {
        return new TrackingBuilder<>(this, CommandType.SHIP_REPLACEMENT);
    }

    /**
     * 代发商向客户确认退货处理结果 (文本1 step 6): the reseller (or a policy) tells the customer the result, also
     * after a dispute.
     *
     * @return the step's builder
     */
    public ReportResultToCustomerBuilder reportResultToCustomer() {
        return new ReportResultToCustomerBuilder(this);
    }

    /**
     * 客户确认退货处理结果 (文本1 step 7): the customer confirms the result; only the customer may.
     *
     * @return the step's builder
     */
    public LegBuilder<Command.ConfirmResult> confirmResult() {
        return new LegBuilder<>(this, CommandType.CONFIRM_RESULT);
    }

    /**
     * 客户确认退货处理结果 (文本1 step 7), the other answer: the customer disputes the result, with a reason; the
     * leg goes back to the reseller.
     *
     * @return the step's builder
     */
    public LegReasonBuilder<Command.DisputeResult> disputeResult() {
        return new LegReasonBuilder<>(this, CommandType.DISPUTE_RESULT);
    }

    /**
     * The customer (or the reseller for them) cancels a leg before anything was shipped.
     *
     * @return the step's builder
     */
    public LegBuilder<Command.CancelReturn> cancelReturn() {
        return new LegBuilder<>(this, CommandType.CANCEL_RETURN);
    }

    /**
     * The reseller closes a leg by hand, with a reason, e.g. after an escalation settled outside the workflow.
     *
     * @return the step's builder
     */
    public LegReasonBuilder<Command.CloseLeg> closeLeg() {
        return new LegReasonBuilder<>(this, CommandType.CLOSE_LEG);
    }

    /**
     * The system fires the leg's due deadline: escalate, expire or auto-confirm, as the deadline policy says.
     *
     * @return the step's builder
     */
    public LegBuilder<Command.FireDeadline> fireDeadline() {
        return new LegBuilder<>(this, CommandType.FIRE_DEADLINE);
    }

    /**
     * 协商部分退款, in the negotiation (文本1 step 2, 文本2 step 2): the supplier or the reseller offers the
     * customer a refund for the leg instead of taking the goods back.
     *
     * @return the step's builder
     */
    public OfferPartialRefundBuilder offerPartialRefund() {
        return new OfferPartialRefundBuilder(this);
    }

    /**
     * The customer accepts the partial refund offered, which settles the leg; the goods stay with the customer.
     *
     * @return the step's builder
     */
    public LegBuilder<Command.AcceptPartialRefund> acceptPartialRefund() {
        return new LegBuilder<>(this, CommandType.ACCEPT_PARTIAL_REFUND);
    }

    /**
     * The customer rejects the partial refund offered, with a reason; the negotiation goes on.
     *
     * @return the step's builder
     */
    public LegReasonBuilder<Command.RejectPartialRefund> rejectPartialRefund() {
        return new LegReasonBuilder<>(this, CommandType.REJECT_PARTIAL_REFUND);
    }

    /**
     * The customer (or the reseller for them) re-applies on a declined leg with a changed reason, under the same
     * customer request number: a new negotiation round, within the workflow's re-application window.
     *
     * @return the step's builder
     */
    public LegReasonBuilder<Command.Reapply> reapply() {
        return new LegReasonBuilder<>(this, CommandType.REAPPLY);
    }

    /**
     * A party writes a message about a leg to another party; the leg's state does not change.
     *
     * @return the step's builder
     */
    public SendMessageBuilder sendMessage() {
        return new SendMessageBuilder(this);
    }
}
