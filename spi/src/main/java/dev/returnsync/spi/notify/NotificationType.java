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
    LEG_CLOSED;

    /** The type of notification that tells about an event. */
    public static NotificationType of(ReturnEvent event) {
        if (event instanceof ReturnEvent.ReturnRequested) {
            return RETURN_REQUESTED;
        } else if (event instanceof ReturnEvent.NegotiationOpened) {
            return NEGOTIATION_OPENED;
        } else if (event instanceof ReturnEvent.SupplierAgreed) {
            return SUPPLIER_AGREED;
        } else if (event instanceof ReturnEvent.SupplierDeclined) {
            return SUPPLIER_DECLINED;
        } else if (event instanceof ReturnEvent.ReturnApplied) {
            return RETURN_APPLIED;
        } else if (event instanceof ReturnEvent.SupplierNumberIssued) {
            return SUPPLIER_NUMBER_ISSUED;
        } else if (event instanceof ReturnEvent.SupplierNumberReplaced) {
            return SUPPLIER_NUMBER_REPLACED;
        } else if (event instanceof ReturnEvent.NumberSharedWithCustomer) {
            return NUMBER_SHARED_WITH_CUSTOMER;
        } else if (event instanceof ReturnEvent.ReturnShipped) {
            return RETURN_SHIPPED;
        } else if (event instanceof ReturnEvent.ReturnReceived) {
            return RETURN_RECEIVED;
        } else if (event instanceof ReturnEvent.ResultReported) {
            return RESULT_REPORTED;
        } else if (event instanceof ReturnEvent.ReplacementShipped) {
            return REPLACEMENT_SHIPPED;
        } else if (event instanceof ReturnEvent.ResultReportedToCustomer) {
            return RESULT_REPORTED_TO_CUSTOMER;
        } else if (event instanceof ReturnEvent.ResultConfirmed) {
            return RESULT_CONFIRMED;
        } else if (event instanceof ReturnEvent.ResultDisputed) {
            return RESULT_DISPUTED;
        } else if (event instanceof ReturnEvent.ReturnCancelled) {
            return RETURN_CANCELLED;
        } else if (event instanceof ReturnEvent.LegEscalated) {
            return LEG_ESCALATED;
        } else if (event instanceof ReturnEvent.LegExpired) {
            return LEG_EXPIRED;
        } else if (event instanceof ReturnEvent.LegClosed) {
            return LEG_CLOSED;
        }
        throw new IllegalArgumentException("no notification type for event " + event.type());
    }
}
