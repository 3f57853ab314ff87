package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a return case: one event per named step of the workflow. The full list of a case's
 * events is its audit trail: who did what, when, with which numbers.
 *
 * <p>Every event records when it happened ({@link #at()}, inside {@link TimeWindow}) and who caused it
 * ({@link #actor()}). Events about one supplier's part of the case implement {@link LegEvent}. Every component is
 * required except the {@code note} of {@link ResultReported} and {@link ResultReportedToCustomer}; lists are copied,
 * hold at most {@link ReturnLine#MAX_LINES} elements ({@link Evidence#MAX_COUNT} for evidence) and no null (the
 * message names the field and index).
 */
public sealed interface ReturnEvent {
    /**
     * When the step happened; the time the command was decided at.
     *
     * @return the time, inside {@link TimeWindow}
     */
    Instant at();

    /**
     * Who caused the step.
     *
     * @return the actor
     */
    Actor actor();

    /**
     * A short, stable name of the event type, e.g. {@code "SupplierNumberIssued"}.
     *
     * @return the record's simple class name
     */
    default String type() {
        return getClass().getSimpleName();
    }

    /**
     * Calls the visitor's method for this event's type. A host that acts per event type should implement a
     * {@link Visitor} rather than test types one by one: when a new event type is added, every visitor stops
     * compiling until it handles the new type.
     *
     * @param visitor what to do per event type
     * @param <R> what the visitor returns
     * @return what the visitor's method returned
     */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per event type, called by {@link ReturnEvent#accept}. The methods have no defaults on purpose:
     * a visitor handles every event type, so a new type cannot be forgotten.
     *
     * @param <R> what every method returns ({@link Void} for visitors run for their effect)
     */
    interface Visitor<R> {
        /**
         * Handles a {@link ReturnRequested}.
         *
         * @param e the event
         * @return the result
         */
        R returnRequested(ReturnRequested e);

        /**
         * Handles a {@link NegotiationOpened}.
         *
         * @param e the event
         * @return the result
         */
        R negotiationOpened(NegotiationOpened e);

        /**
         * Handles a {@link SupplierAgreed}.
         *
         * @param e the event
         * @return the result
         */
        R supplierAgreed(SupplierAgreed e);

        /**
         * Handles a {@link SupplierDeclined}.
         *
         * @param e the event
         * @return the result
         */
        R supplierDeclined(SupplierDeclined e);

        /**
         * Handles a {@link ReturnApplied}.
         *
         * @param e the event
         * @return the result
         */
        R returnApplied(ReturnApplied e);

        /**
         * Handles a {@link SupplierNumberIssued}.
         *
         * @param e the event
         * @return the result
         */
        R supplierNumberIssued(SupplierNumberIssued e);

        /**
         * Handles a {@link SupplierNumberReplaced}.
         *
         * @param e the event
         * @return the result
         */
        R supplierNumberReplaced(SupplierNumberReplaced e);

        /**
         * Handles a {@link NumberSharedWithCustomer}.
         *
         * @param e the event
         * @return the result
         */
        R numberSharedWithCustomer(NumberSharedWithCustomer e);

        /**
         * Handles a {@link ReturnShipped}.
         *
         * @param e the event
         * @return the result
         */
        R returnShipped(ReturnShipped e);

        /**
         * Handles a {@link ReturnReceived}.
         *
         * @param e the event
         * @return the result
         */
        R returnReceived(ReturnReceived e);

        /**
         * Handles a {@link ResultReported}.
         *
         * @param e the event
         * @return the result
         */
        R resultReported(ResultReported e);

        /**
         * Handles a {@link ReplacementShipped}.
         *
         * @param e the event
         * @return the result
         */
        R replacementShipped(ReplacementShipped e);

        /**
         * Handles a {@link ResultReportedToCustomer}.
         *
         * @param e the event
         * @return the result
         */
        R resultReportedToCustomer(ResultReportedToCustomer e);

        /**
         * Handles a {@link ResultConfirmed}.
         *
         * @param e the event
         * @return the result
         */
        R resultConfirmed(ResultConfirmed e);

        /**
         * Handles a {@link ResultDisputed}.
         *
         * @param e the event
         * @return the result
         */
        R resultDisputed(ResultDisputed e);

        /**
         * Handles a {@link ReturnCancelled}.
         *
         * @param e the event
         * @return the result
         */
        R returnCancelled(ReturnCancelled e);

        /**
         * Handles a {@link LegEscalated}.
         *
         * @param e the event
         * @return the result
         */
        R legEscalated(LegEscalated e);

        /**
         * Handles a {@link LegExpired}.
         *
         * @param e the event
         * @return the result
         */
        R legExpired(LegExpired e);

        /**
         * Handles a {@link LegClosed}.
         *
         * @param e the event
         * @return the result
         */
        R legClosed(LegClosed e);

        /**
         * Handles a {@link PartialRefundOffered}.
         *
         * @param e the event
         * @return the result
         */
        R partialRefundOffered(PartialRefundOffered e);

        /**
         * Handles a {@link PartialRefundAccepted}.
         *
         * @param e the event
         * @return the result
         */
        R partialRefundAccepted(PartialRefundAccepted e);

        /**
         * Handles a {@link PartialRefundRejected}.
         *
         * @param e the event
         * @return the result
         */
        R partialRefundRejected(PartialRefundRejected e);

        /**
         * Handles a {@link ReturnReapplied}.
         *
         * @param e the event
         * @return the result
         */
        R returnReapplied(ReturnReapplied e);

        /**
         * Handles a {@link MessageSent}.
         *
         * @param e the event
         * @return the result
         */
        R messageSent(MessageSent e);

        /**
         * Handles an {@link ExternalVersionRecorded}.
         *
         * @param e the event
         * @return the result
         */
        R externalVersionRecorded(ExternalVersionRecorded e);
    }

    /** An event about one leg, the part of a case that one supplier handles. */
    sealed interface LegEvent extends ReturnEvent {
        /**
         * The supplier whose leg this event is about.
         *
         * @return the leg's supplier
         */

        SupplierId leg();
    }

    /**
     * 客户提交退货申请: the customer's request, which opens the case with one leg per supplier.
     *
     * @param at when
     * @param actor who
     * @param caseId the new case
     * @param customer the customer who asks
     * @param order the storefront order
     * @param customerNumber the customer-side number (marketplace after-sale id)
     * @param resellerNumber the reseller return number issued for the case
     * @param lines the lines asked back, at least one, distinct SKUs
     * @param reason why
     * @param wanted the outcome the customer wants
     * @param deliveredAt when the order was delivered (for return windows)
     */
    record ReturnRequested(Instant at, Actor actor, CaseId caseId, CustomerId customer, OrderId order,
                           ReturnNumber customerNumber, ReturnNumber resellerNumber, List<ReturnLine> lines,
                           Reason reason, OutcomeType wanted, Instant deliveredAt) implements ReturnEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when
         * @param actor who
         * @param caseId the new case
         * @param customer the customer who asks
         * @param order the storefront order
         * @param customerNumber the customer-side number (marketplace after-sale id)
         * @param resellerNumber the reseller return number issued for the case
         * @param lines the lines asked back, at least one, distinct SKUs
         * @param reason why
         * @param wanted the outcome the customer wants
         * @param deliveredAt when the order was delivered (for return windows)
         */
        public ReturnRequested {
            Checks.time("event time", at);
            Checks.notNull("event actor", actor);
            Checks.notNull("case id", caseId);
            Checks.notNull("customer", customer);
            Checks.notNull("order", order);
            Checks.notNull("customer request number", customerNumber);
            Checks.notNull("reseller return number", resellerNumber);
            lines = Checks.list("lines", lines, ReturnLine.MAX_LINES);
            Checks.notNull("reason", reason);
            Checks.notNull("wanted outcome", wanted);
            Checks.time("delivered at", deliveredAt);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.returnRequested(this);
        }
    }

    /**
     * 代发商与供应商协商: the reseller opened the negotiation with the leg's supplier.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     */
    record NegotiationOpened(Instant at, Actor actor, SupplierId leg) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         */
        public NegotiationOpened {
            Checks.leg(at, actor, leg);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.negotiationOpened(this);
        }
    }

    /**
     * The supplier agreed, with the outcome type and the quantity it authorizes per line.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param outcome the agreed outcome
     * @param authorized the authorized quantity of every line of the leg
     * @param shipping the return shipping fee agreed and who bears it; {@code null} only in an event stored before
     *     fees were agreed, which agreed none
     * @param evidence what the agreement rests on, at most {@link Evidence#MAX_COUNT} references
     */
    record SupplierAgreed(Instant at, Actor actor, SupplierId leg, OutcomeType outcome,
                          List<LineQuantity> authorized, ReturnShipping shipping, List<Evidence> evidence)
            implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param outcome the agreed outcome
         * @param authorized the authorized quantity of every line of the leg
         * @param shipping the return shipping fee agreed and who bears it, or {@code null} (stored before fees)
         * @param evidence what the agreement rests on, at most {@link Evidence#MAX_COUNT} references
         */
        public SupplierAgreed {
            Checks.leg(at, actor, leg);
            Checks.notNull("outcome", outcome);
            authorized = Checks.list("authorized", authorized, ReturnLine.MAX_LINES);
            evidence = Evidence.list("evidence", evidence);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.supplierAgreed(this);
        }
    }

    /**
     * The supplier declined the return, with a reason.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param reason why the supplier declines
     */
    record SupplierDeclined(Instant at, Actor actor, SupplierId leg, Reason reason) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param reason why the supplier declines
         */
        public SupplierDeclined {
            Checks.leg(at, actor, leg);
            Checks.notNull("reason", reason);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.supplierDeclined(this);
        }
    }

    /**
     * 代发商向供应商申请退货 / 申请退货单号: the reseller applied to the supplier for the return, with the
     * customer's return data and the reseller return number, and asked for a supplier return number.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param resellerNumber the reseller return number the supplier was given
     */
    record ReturnApplied(Instant at, Actor actor, SupplierId leg, ReturnNumber resellerNumber) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param resellerNumber the reseller return number the supplier was given
         */
        public ReturnApplied {
            Checks.leg(at, actor, leg);
            Checks.notNull("reseller return number", resellerNumber);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.returnApplied(this);
        }
    }

    /**
     * 供应商提供退货单号: the supplier issued its return number, now linked to the leg.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param number the supplier return number
     */
    record SupplierNumberIssued(Instant at, Actor actor, SupplierId leg, ReturnNumber number) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param number the supplier return number
         */
        public SupplierNumberIssued {
            Checks.leg(at, actor, leg);
            Checks.notNull("number", number);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.supplierNumberIssued(this);
        }
    }

    /**
     * The supplier replaced its return number; the previous one stays resolvable, marked superseded.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param previous the number replaced, kept resolvable and marked superseded
     * @param number the supplier return number
     */
    record SupplierNumberReplaced(Instant at, Actor actor, SupplierId leg, ReturnNumber previous,
                                  ReturnNumber number) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param previous the number replaced, kept resolvable and marked superseded
         * @param number the supplier return number
         */
        public SupplierNumberReplaced {
            Checks.leg(at, actor, leg);
            Checks.notNull("previous", previous);
            Checks.notNull("number", number);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.supplierNumberReplaced(this);
        }
    }

    /**
     * 代发商将退货单号告知客户: the reseller told the customer the supplier return number.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param number the supplier return number
     */
    record NumberSharedWithCustomer(Instant at, Actor actor, SupplierId leg, ReturnNumber number) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param number the supplier return number
         */
        public NumberSharedWithCustomer {
            Checks.leg(at, actor, leg);
            Checks.notNull("number", number);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.numberSharedWithCustomer(this);
        }
    }

    /**
     * The customer sent the parcel back; its tracking number is linked to the leg.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param tracking the carrier and tracking number of the parcel
     */
    record ReturnShipped(Instant at, Actor actor, SupplierId leg, ReturnNumber tracking) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param tracking the carrier and tracking number of the parcel
         */
        public ReturnShipped {
            Checks.leg(at, actor, leg);
            Checks.notNull("tracking", tracking);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.returnShipped(this);
        }
    }

    /**
     * 供应商确认退货并处理: the supplier located the return by its number and received these quantities.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param received the quantity received per SKU
     */
    record ReturnReceived(Instant at, Actor actor, SupplierId leg, List<LineQuantity> received) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param received the quantity received per SKU
         */
        public ReturnReceived {
            Checks.leg(at, actor, leg);
            received = Checks.list("received", received, ReturnLine.MAX_LINES);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.returnReceived(this);
        }
    }

    /**
     * 供应商向代发商确认退货处理结果: the supplier inspected and reports, per line, how many it accepts and
     * how many it rejects. Refund-only legs report with empty lists.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param accepted the quantity accepted per SKU; empty for refund-only legs
     * @param rejected the quantity rejected per SKU; empty for refund-only legs
     * @param note the supplier's remark, or {@code null}
     * @param restockingFee what the supplier keeps of the refund for restocking; zero when none; {@code null} only in
     *     an event stored before restocking fees, which kept none
     * @param evidence the inspection's evidence (photos, the inspection report), at most {@link Evidence#MAX_COUNT}
     */
    record ResultReported(Instant at, Actor actor, SupplierId leg, List<LineQuantity> accepted,
                          List<LineQuantity> rejected, String note, Money restockingFee, List<Evidence> evidence)
            implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param accepted the quantity accepted per SKU; empty for refund-only legs
         * @param rejected the quantity rejected per SKU; empty for refund-only legs
         * @param note the supplier's remark, or {@code null}
         * @param restockingFee what the supplier keeps for restocking, or {@code null} (stored before restocking fees)
         * @param evidence the inspection's evidence, at most {@link Evidence#MAX_COUNT}
         */
        public ResultReported {
            Checks.leg(at, actor, leg);
            accepted = Checks.list("accepted", accepted, ReturnLine.MAX_LINES);
            rejected = Checks.list("rejected", rejected, ReturnLine.MAX_LINES);
            if (note != null) {
                Checks.text("note", note, Reason.MAX_TEXT);
            }
            evidence = Evidence.list("evidence", evidence);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resultReported(this);
        }
    }

    /**
     * The supplier sent the replacement parcel of an exchange; its tracking number is linked to the leg.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param tracking the carrier and tracking number of the parcel
     */
    record ReplacementShipped(Instant at, Actor actor, SupplierId leg, ReturnNumber tracking) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param tracking the carrier and tracking number of the parcel
         */
        public ReplacementShipped {
            Checks.leg(at, actor, leg);
            Checks.notNull("tracking", tracking);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.replacementShipped(this);
        }
    }

    /**
     * 代发商向客户确认退货处理结果: the reseller told the customer the result.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param settlement the leg's money: the refund due to the customer (zero for exchanges and fully rejected
     *     returns), its parts (goods, restocking fee, shipping fee refunded, compensation) and what the supplier
     *     owes the reseller
     * @param note what the reseller wrote to the customer
     */
    record ResultReportedToCustomer(Instant at, Actor actor, SupplierId leg, Settlement settlement, String note)
            implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param settlement the leg's money, see the record
         * @param note what the reseller wrote to the customer
         */
        public ResultReportedToCustomer {
            Checks.leg(at, actor, leg);
            Checks.notNull("settlement", settlement);
            if (note != null) {
                Checks.text("note", note, Reason.MAX_TEXT);
            }
        }

        /** {@return the refund due to the customer for this leg, {@code settlement().refund()}} */
        public Money refund() {
            return settlement.refund();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resultReportedToCustomer(this);
        }
    }

    /**
     * 客户确认退货处理结果: the customer confirmed, or the deadline confirmed automatically.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param automatic true when the deadline confirmed, not the customer
     */
    record ResultConfirmed(Instant at, Actor actor, SupplierId leg, boolean automatic) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param automatic true when the deadline confirmed, not the customer
         */
        public ResultConfirmed {
            Checks.leg(at, actor, leg);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resultConfirmed(this);
        }
    }

    /**
     * The customer disputes the result; the leg goes back to the reseller.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param reason why the customer disputes the result
     */
    record ResultDisputed(Instant at, Actor actor, SupplierId leg, Reason reason) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param reason why the customer disputes the result
         */
        public ResultDisputed {
            Checks.leg(at, actor, leg);
            Checks.notNull("reason", reason);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resultDisputed(this);
        }
    }

    /**
     * The customer (or the reseller for them) cancelled the leg before anything was shipped.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     */
    record ReturnCancelled(Instant at, Actor actor, SupplierId leg) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         */
        public ReturnCancelled {
            Checks.leg(at, actor, leg);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.returnCancelled(this);
        }
    }

    /**
     * A party did not answer in time; the leg is flagged for the reseller and waits on.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param waitingIn the state the leg waits in
     */
    record LegEscalated(Instant at, Actor actor, SupplierId leg, LegState waitingIn) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param waitingIn the state the leg waits in
         */
        public LegEscalated {
            Checks.leg(at, actor, leg);
            Checks.notNull("waiting in", waitingIn);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.legEscalated(this);
        }
    }

    /**
     * A deadline passed and the leg expired.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param expiredIn the state the leg was in when it expired
     */
    record LegExpired(Instant at, Actor actor, SupplierId leg, LegState expiredIn) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param expiredIn the state the leg was in when it expired
         */
        public LegExpired {
            Checks.leg(at, actor, leg);
            Checks.notNull("expired in", expiredIn);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.legExpired(this);
        }
    }

    /**
     * The reseller closed the leg by hand, with a reason.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param reason why the reseller closed the leg
     */
    record LegClosed(Instant at, Actor actor, SupplierId leg, Reason reason) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param reason why the reseller closed the leg
         */
        public LegClosed {
            Checks.leg(at, actor, leg);
            Checks.notNull("reason", reason);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.legClosed(this);
        }
    }

    /**
     * 协商部分退款: the supplier or the reseller offered the customer a partial refund for the leg instead of taking
     * the goods back (refund only, the customer keeps the goods).
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step; a supplier's offer is the supplier's money, a reseller's its own
     * @param leg the supplier whose leg the event is about
     * @param amount the refund offered, more than zero and at most what the leg's requested lines are worth
     * @param round which offer of the leg this is, from 1
     * @param note what the customer is told with the offer
     */
    record PartialRefundOffered(Instant at, Actor actor, SupplierId leg, Money amount, int round, String note)
            implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param amount the refund offered
         * @param round which offer of the leg this is, from 1
         * @param note what the customer is told with the offer
         */
        public PartialRefundOffered {
            Checks.leg(at, actor, leg);
            Checks.notNull("amount", amount);
            Checks.positive("round", round);
            Checks.text("note", note, Reason.MAX_TEXT);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.partialRefundOffered(this);
        }
    }

    /**
     * The customer accepted the partial refund offered: the leg is settled as a refund only, the goods stay with the
     * customer.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param settlement the leg's money: the refund is the amount offered; the supplier owes it when it made the
     *     offer, nothing when the reseller did
     */
    record PartialRefundAccepted(Instant at, Actor actor, SupplierId leg, Settlement settlement) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param settlement the leg's money, see the record
         */
        public PartialRefundAccepted {
            Checks.leg(at, actor, leg);
            Checks.notNull("settlement", settlement);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.partialRefundAccepted(this);
        }
    }

    /**
     * The customer rejected the partial refund offered, with a reason: the leg goes back to the negotiation.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param reason why the customer rejects the offer
     */
    record PartialRefundRejected(Instant at, Actor actor, SupplierId leg, Reason reason) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param reason why the customer rejects the offer
         */
        public PartialRefundRejected {
            Checks.leg(at, actor, leg);
            Checks.notNull("reason", reason);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.partialRefundRejected(this);
        }
    }

    /**
     * The customer re-applied on a declined leg (Taobao's "修改申请" after 卖家拒绝): a new negotiation round under
     * the same customer request number, with a changed reason. The earlier rounds stay in the history; a supplier
     * return number of an earlier round stays linked, marked superseded.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param leg the supplier whose leg the event is about
     * @param round the round this re-application opens, 2 for the first re-application
     * @param reason why the customer asks again, with its evidence
     */
    record ReturnReapplied(Instant at, Actor actor, SupplierId leg, int round, Reason reason) implements LegEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param leg the supplier whose leg the event is about
         * @param round the round this re-application opens, at least 2
         * @param reason why the customer asks again
         * @throws IllegalArgumentException if the round is below 2
         */
        public ReturnReapplied {
            Checks.leg(at, actor, leg);
            if (round < 2) {
                throw new IllegalArgumentException("round of a re-application must be at least 2, was " + round);
            }
            Checks.notNull("reason", reason);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.returnReapplied(this);
        }
    }

    /**
     * A party wrote a message about a leg to another party. Messages change no state; they are part of the audit
     * trail, and each party sees only the messages it wrote or that are addressed to it (the reseller sees all of its
     * tenant's).
     *
     * @param at when the message was sent, inside {@link TimeWindow}
     * @param actor who wrote it
     * @param leg the supplier whose leg the message is about
     * @param to the role the message is addressed to
     * @param text the message, not blank, at most {@value #MAX_TEXT} characters; line breaks allowed
     */
    record MessageSent(Instant at, Actor actor, SupplierId leg, Role to, String text) implements LegEvent {
        /** The longest message accepted. */
        public static final int MAX_TEXT = 1000;

        /**
         * Validates the event, as described on the record.
         *
         * @param at when the message was sent, inside {@link TimeWindow}
         * @param actor who wrote it
         * @param leg the supplier whose leg the message is about
         * @param to the role the message is addressed to
         * @param text the message, not blank, at most {@value #MAX_TEXT} characters
         * @throws IllegalArgumentException if the text is blank, too long or holds characters text may not hold
         */
        public MessageSent {
            Checks.leg(at, actor, leg);
            Checks.notNull("to", to);
            checkText("text", text);
            if (text.isBlank()) {
                throw new IllegalArgumentException("text must not be blank");
            }
        }

        /**
         * Checks a message text by the rules of {@link #text()} but blankness: at most {@link #MAX_TEXT} characters,
         * line breaks and tabs allowed, no other control, format, separator or non-character.
         *
         * @param field the name of the field, used in the message
         * @param text the text
         * @return the text
         * @throws NullPointerException if the text is null
         * @throws IllegalArgumentException if the text breaks a rule; the message names the field and the rule
         */
        public static String checkText(String field, String text) {
            return Checks.text(field, text, MAX_TEXT);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.messageSent(this);
        }
    }

    /**
     * A command carried a version token of an outside system (a marketplace's refund version); the case now
     * remembers it as the newest of its source. Recorded right after the event of the command that carried it.
     *
     * @param at when the step happened, inside {@link TimeWindow}
     * @param actor who caused the step
     * @param version the token and its source
     */
    record ExternalVersionRecorded(Instant at, Actor actor, ExternalVersion version) implements ReturnEvent {
        /**
         * Validates the event, as described on the record.
         *
         * @param at when the step happened, inside {@link TimeWindow}
         * @param actor who caused the step
         * @param version the token and its source
         */
        public ExternalVersionRecorded {
            Checks.time("event time", at);
            Checks.notNull("event actor", actor);
            Checks.notNull("external version", version);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.externalVersionRecorded(this);
        }
    }
}
