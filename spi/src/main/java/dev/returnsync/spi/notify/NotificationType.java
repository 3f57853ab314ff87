package dev.returnsync.spi.notify;

import dev.returnsync.spi.ReturnEvent;

/** What a notification tells its recipient: one type per event of the workflow. */
public enum NotificationType {
    /** A return was requested (客户提交退货申请). */
    RETURN_REQUESTED,
    /** The reseller asks the supplier whether it takes the return back (协商). */
    NEGOTIATION_OPENED,
    /** The supplier agreed to the return. */
    SUPPLIER_AGREED,
    /** The supplier declined the return. */
    SUPPLIER_DECLINED,
    /** The reseller applied to the supplier for the return and its number. */
    RETURN_APPLIED,
    /** The supplier issued its return number. */
    SUPPLIER_NUMBER_ISSUED,
    /** The supplier replaced its return number; the old one stays valid for look-ups. */
    SUPPLIER_NUMBER_REPLACED,
    /** The customer was told the supplier return number (代发商将退货单号告知客户). */
    NUMBER_SHARED_WITH_CUSTOMER,
    /** The customer shipped the parcel back. */
    RETURN_SHIPPED,
    /** The supplier received the parcel. */
    RETURN_RECEIVED,
    /** The supplier reported the inspection result. */
    RESULT_REPORTED,
    /** The supplier shipped the replacement of an exchange. */
    REPLACEMENT_SHIPPED,
    /** The reseller told the customer the result. */
    RESULT_REPORTED_TO_CUSTOMER,
    /** The result was confirmed, by the customer or automatically. */
    RESULT_CONFIRMED,
    /** The customer disputes the result. */
    RESULT_DISPUTED,
    /** The return was cancelled. */
    RETURN_CANCELLED,
    /** A party did not answer in time; the reseller should look at the leg. */
    LEG_ESCALATED,
    /** A deadline passed and the leg expired. */
    LEG_EXPIRED,
    /** The reseller closed the leg by hand. */
    LEG_CLOSED,
    /** The supplier or the reseller offered a partial refund, the goods staying with the customer (协商部分退款). */
    PARTIAL_REFUND_OFFERED,
    /** The customer accepted the partial refund offered; the leg is settled. */
    PARTIAL_REFUND_ACCEPTED,
    /** The customer rejected the partial refund offered; the negotiation goes on. */
    PARTIAL_REFUND_REJECTED,
    /** The customer re-applied on a declined leg: a new negotiation round begins. */
    RETURN_REAPPLIED,
    /** A party wrote a message to the recipient. */
    MESSAGE_SENT,
    /** A command carried an outside system's version token, now the case's newest of its source; nobody is told. */
    EXTERNAL_VERSION_RECORDED;

    /**
     * The type of notification that tells about an event.
     *
     * @param event the event told about
     * @return its notification type
     */
    public static NotificationType of(ReturnEvent event) {
        return event.accept(TypeOf.INSTANCE);
    }

    /** Maps each event type to its notification type. */
    private static final class TypeOf implements ReturnEvent.Visitor<NotificationType> {
        static final TypeOf INSTANCE = new TypeOf();

        @Override
        public NotificationType returnRequested(ReturnEvent.ReturnRequested e) {
            return RETURN_REQUESTED;
        }

        @Override
        public NotificationType negotiationOpened(ReturnEvent.NegotiationOpened e) {
            return NEGOTIATION_OPENED;
        }

        @Override
        public NotificationType supplierAgreed(ReturnEvent.SupplierAgreed e) {
            return SUPPLIER_AGREED;
        }

        @Override
        public NotificationType supplierDeclined(ReturnEvent.SupplierDeclined e) {
            return SUPPLIER_DECLINED;
        }

        @Override
        public NotificationType returnApplied(ReturnEvent.ReturnApplied e) {
            return RETURN_APPLIED;
        }

        @Override
        public NotificationType supplierNumberIssued(ReturnEvent.SupplierNumberIssued e) {
            return SUPPLIER_NUMBER_ISSUED;
        }

        @Override
        public NotificationType supplierNumberReplaced(ReturnEvent.SupplierNumberReplaced e) {
            return SUPPLIER_NUMBER_REPLACED;
        }

        @Override
        public NotificationType numberSharedWithCustomer(ReturnEvent.NumberSharedWithCustomer e) {
            return NUMBER_SHARED_WITH_CUSTOMER;
        }

        @Override
        public NotificationType returnShipped(ReturnEvent.ReturnShipped e) {
            return RETURN_SHIPPED;
        }

        @Override
        public NotificationType returnReceived(ReturnEvent.ReturnReceived e) {
            return RETURN_RECEIVED;
        }

        @Override
        public NotificationType resultReported(ReturnEvent.ResultReported e) {
            return RESULT_REPORTED;
        }

        @Override
        public NotificationType replacementShipped(ReturnEvent.ReplacementShipped e) {
            return REPLACEMENT_SHIPPED;
        }

        @Override
        public NotificationType resultReportedToCustomer(ReturnEvent.ResultReportedToCustomer e) {
            return RESULT_REPORTED_TO_CUSTOMER;
        }

        @Override
        public NotificationType resultConfirmed(ReturnEvent.ResultConfirmed e) {
            return RESULT_CONFIRMED;
        }

        @Override
        public NotificationType resultDisputed(ReturnEvent.ResultDisputed e) {
            return RESULT_DISPUTED;
        }

        @Override
        public NotificationType returnCancelled(ReturnEvent.ReturnCancelled e) {
            return RETURN_CANCELLED;
        }

        @Override
        public NotificationType legEscalated(ReturnEvent.LegEscalated e) {
            return LEG_ESCALATED;
        }

        @Override
        public NotificationType legExpired(ReturnEvent.LegExpired e) {
            return LEG_EXPIRED;
        }

        @Override
        public NotificationType legClosed(ReturnEvent.LegClosed e) {
            return LEG_CLOSED;
        }

        @Override
        public NotificationType partialRefundOffered(ReturnEvent.PartialRefundOffered e) {
            return PARTIAL_REFUND_OFFERED;
        }

        @Override
        public NotificationType partialRefundAccepted(ReturnEvent.PartialRefundAccepted e) {
            return PARTIAL_REFUND_ACCEPTED;
        }

        @Override
        public NotificationType partialRefundRejected(ReturnEvent.PartialRefundRejected e) {
            return PARTIAL_REFUND_REJECTED;
        }

        @Override
        public NotificationType returnReapplied(ReturnEvent.ReturnReapplied e) {
            return RETURN_REAPPLIED;
        }

        @Override
        public NotificationType messageSent(ReturnEvent.MessageSent e) {
            return MESSAGE_SENT;
        }

        @Override
        public NotificationType externalVersionRecorded(ReturnEvent.ExternalVersionRecorded e) {
            return EXTERNAL_VERSION_RECORDED;
        }
    }
}
