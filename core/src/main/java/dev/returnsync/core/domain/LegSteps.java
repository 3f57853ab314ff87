package dev.returnsync.core.domain;

import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnEvent.LegEvent;

import java.time.Instant;

/**
 * How each leg event moves a leg: the one place that says it, shared by {@link ReturnWorkflow#evolve} (replay) and
 * {@link ReturnWorkflow#step} (the one-pass decision). The event is known to fit the leg already ({@link EventFit}).
 *
 * <p>A stateless visitor, made once, names the event's kind, and a switch over the kind moves the leg: no visitor
 * holding the leg is built per event, so a step allocates the new leg (and, where quantities change, its lines) and
 * nothing else here.
 */
final class LegSteps {
    private static final Kinds KINDS = new Kinds();

    private LegSteps() {
    }

    /**
     * The leg after one of its events.
     *
     * @throws IllegalArgumentException if the event's quantities do not fit the leg's lines
     */
    static Leg next(Leg leg, LegEvent event) {
        Instant at = event.at();   // read once: through the interface, each read is a call of its own
        return switch (event.accept(KINDS)) {
            case NEGOTIATION_OPENED -> leg.movedTo(LegState.NEGOTIATING, at);
            case SUPPLIER_AGREED -> {
                ReturnEvent.SupplierAgreed e = (ReturnEvent.SupplierAgreed) event;
                yield leg.agreed(e.outcome(), e.authorized(), e.shipping(), at);
            }
            case SUPPLIER_DECLINED -> leg.movedTo(LegState.DECLINED, at);
            case RETURN_APPLIED -> leg.movedTo(LegState.NUMBER_REQUESTED, at);
            case SUPPLIER_NUMBER_ISSUED -> leg.issued(((ReturnEvent.SupplierNumberIssued) event).number(), at);
            case SUPPLIER_NUMBER_REPLACED -> leg.numberReplaced(((ReturnEvent.SupplierNumberReplaced) event).number());
            case NUMBER_SHARED_WITH_CUSTOMER -> leg.numberSharedWithCustomer(at);
            case RETURN_SHIPPED -> leg.shipped(((ReturnEvent.ReturnShipped) event).tracking(), at);
            case RETURN_RECEIVED -> leg.received(((ReturnEvent.ReturnReceived) event).received(), at);
            case RESULT_REPORTED -> {
                ReturnEvent.ResultReported e = (ReturnEvent.ResultReported) event;
                yield leg.inspected(e.accepted(), e.rejected(), e.restockingFee(), at);
            }
            case REPLACEMENT_SHIPPED ->
                    leg.replacementShipped(((ReturnEvent.ReplacementShipped) event).tracking(), at);
            case RESULT_REPORTED_TO_CUSTOMER ->
                    leg.notified(((ReturnEvent.ResultReportedToCustomer) event).settlement(), at);
            case RESULT_CONFIRMED -> leg.movedTo(LegState.COMPLETED, at);
            case RESULT_DISPUTED -> leg.movedTo(LegState.DISPUTED, at);
            case RETURN_CANCELLED -> leg.movedTo(LegState.CANCELLED, at);
            case LEG_ESCALATED -> leg.escalated(((ReturnEvent.LegEscalated) event).waitingIn());
            case LEG_EXPIRED -> leg.movedTo(LegState.EXPIRED, at);
            case LEG_CLOSED -> leg.movedTo(LegState.CLOSED, at);
            case PARTIAL_REFUND_OFFERED -> {
                ReturnEvent.PartialRefundOffered e = (ReturnEvent.PartialRefundOffered) event;
                yield leg.partialRefundOffered(e.amount(), e.actor().role(), at);
            }
            case PARTIAL_REFUND_ACCEPTED ->
                    leg.partialRefundAccepted(((ReturnEvent.PartialRefundAccepted) event).settlement(), at);
            case PARTIAL_REFUND_REJECTED -> leg.movedTo(LegState.NEGOTIATING, at);
            case RETURN_REAPPLIED -> leg.reapplied(((ReturnEvent.ReturnReapplied) event).round(), at);
            case MESSAGE_SENT -> leg;
        };
    }

    /** The kinds of leg event, one per leg event type. */
    private enum Kind {
        NEGOTIATION_OPENED, SUPPLIER_AGREED, SUPPLIER_DECLINED, RETURN_APPLIED, SUPPLIER_NUMBER_ISSUED,
        SUPPLIER_NUMBER_REPLACED, NUMBER_SHARED_WITH_CUSTOMER, RETURN_SHIPPED, RETURN_RECEIVED, RESULT_REPORTED,
        REPLACEMENT_SHIPPED, RESULT_REPORTED_TO_CUSTOMER, RESULT_CONFIRMED, RESULT_DISPUTED, RETURN_CANCELLED,
        LEG_ESCALATED, LEG_EXPIRED, LEG_CLOSED, PARTIAL_REFUND_OFFERED, PARTIAL_REFUND_ACCEPTED,
        PARTIAL_REFUND_REJECTED, RETURN_REAPPLIED, MESSAGE_SENT
    }

    /** Names an event's kind; holds nothing, so one instance serves every event. */
    private static final class Kinds implements ReturnEvent.Visitor<Kind> {
        @Override
        public Kind returnRequested(ReturnEvent.ReturnRequested e) {
            throw new IllegalStateException("a ReturnRequested opens a case; it moves no leg");
        }

        @Override
        public Kind negotiationOpened(ReturnEvent.NegotiationOpened e) {
            return Kind.NEGOTIATION_OPENED;
        }

        @Override
        public Kind supplierAgreed(ReturnEvent.SupplierAgreed e) {
            return Kind.SUPPLIER_AGREED;
        }

        @Override
        public Kind supplierDeclined(ReturnEvent.SupplierDeclined e) {
            return Kind.SUPPLIER_DECLINED;
        }

        @Override
        public Kind returnApplied(ReturnEvent.ReturnApplied e) {
            return Kind.RETURN_APPLIED;
        }

        @Override
        public Kind supplierNumberIssued(ReturnEvent.SupplierNumberIssued e) {
            return Kind.SUPPLIER_NUMBER_ISSUED;
        }

        @Override
        public Kind supplierNumberReplaced(ReturnEvent.SupplierNumberReplaced e) {
            return Kind.SUPPLIER_NUMBER_REPLACED;
        }

        @Override
        public Kind numberSharedWithCustomer(ReturnEvent.NumberSharedWithCustomer e) {
            return Kind.NUMBER_SHARED_WITH_CUSTOMER;
        }

        @Override
        public Kind returnShipped(ReturnEvent.ReturnShipped e) {
            return Kind.RETURN_SHIPPED;
        }

        @Override
        public Kind returnReceived(ReturnEvent.ReturnReceived e) {
            return Kind.RETURN_RECEIVED;
        }

        @Override
        public Kind resultReported(ReturnEvent.ResultReported e) {
            return Kind.RESULT_REPORTED;
        }

        @Override
        public Kind replacementShipped(ReturnEvent.ReplacementShipped e) {
            return Kind.REPLACEMENT_SHIPPED;
        }

        @Override
        public Kind resultReportedToCustomer(ReturnEvent.ResultReportedToCustomer e) {
            return Kind.RESULT_REPORTED_TO_CUSTOMER;
        }

        @Override
        public Kind resultConfirmed(ReturnEvent.ResultConfirmed e) {
            return Kind.RESULT_CONFIRMED;
        }

        @Override
        public Kind resultDisputed(ReturnEvent.ResultDisputed e) {
            return Kind.RESULT_DISPUTED;
        }

        @Override
        public Kind returnCancelled(ReturnEvent.ReturnCancelled e) {
            return Kind.RETURN_CANCELLED;
        }

        @Override
        public Kind legEscalated(ReturnEvent.LegEscalated e) {
            return Kind.LEG_ESCALATED;
        }

        @Override
        public Kind legExpired(ReturnEvent.LegExpired e) {
            return Kind.LEG_EXPIRED;
        }

        @Override
        public Kind legClosed(ReturnEvent.LegClosed e) {
            return Kind.LEG_CLOSED;
        }

        @Override
        public Kind partialRefundOffered(ReturnEvent.PartialRefundOffered e) {
            return Kind.PARTIAL_REFUND_OFFERED;
        }

        @Override
        public Kind partialRefundAccepted(ReturnEvent.PartialRefundAccepted e) {
            return Kind.PARTIAL_REFUND_ACCEPTED;
        }

        @Override
        public Kind partialRefundRejected(ReturnEvent.PartialRefundRejected e) {
            return Kind.PARTIAL_REFUND_REJECTED;
        }

        @Override
        public Kind returnReapplied(ReturnEvent.ReturnReapplied e) {
            return Kind.RETURN_REAPPLIED;
        }

        @Override
        public Kind messageSent(ReturnEvent.MessageSent e) {
            return Kind.MESSAGE_SENT;
        }

        @Override
        public Kind externalVersionRecorded(ReturnEvent.ExternalVersionRecorded e) {
            throw new IllegalStateException("an ExternalVersionRecorded moves no leg");
        }
    }
}
