package dev.returnsync.core.domain;

/** The types of {@link Command}, as named in the transition table. */
public enum CommandType {
    /** The customer submits a return request, which opens the case. */
    SUBMIT_RETURN,
    /** The reseller opens the negotiation with a supplier about its leg. */
    OPEN_NEGOTIATION,
    /** The supplier agrees to the return, with an outcome and the authorized quantities. */
    AGREE_RETURN,
    /** The supplier declines the return. */
    DECLINE_RETURN,
    /** The reseller applies to the supplier for the return and its return number. */
    APPLY_FOR_RETURN,
    /** The supplier issues its return number. */
    ISSUE_SUPPLIER_NUMBER,
    /** The supplier replaces its return number with a new one. */
    REPLACE_SUPPLIER_NUMBER,
    /** The reseller tells the customer the supplier's return number. */
    SHARE_NUMBER_WITH_CUSTOMER,
    /** The customer reports the return parcel's tracking number. */
    REPORT_SHIPMENT,
    /** The supplier confirms which units it received. */
    CONFIRM_RECEIPT,
    /** The supplier reports the result of its inspection: accepted and rejected units. */
    REPORT_RESULT,
    /** The supplier ships the replacement parcel of an exchange. */
    SHIP_REPLACEMENT,
    /** The reseller reports the result, with the refund, to the customer. */
    REPORT_RESULT_TO_CUSTOMER,
    /** The customer confirms the result. */
    CONFIRM_RESULT,
    /** The customer disputes the result. */
    DISPUTE_RESULT,
    /** The customer or the reseller cancels the return of a leg. */
    CANCEL_RETURN,
    /** The reseller closes a leg by hand. */
    CLOSE_LEG,
    /** The system fires a leg's due deadline. */
    FIRE_DEADLINE,
    /** The supplier or the reseller offers a partial refund, the goods staying with the customer (协商部分退款). */
    OFFER_PARTIAL_REFUND,
    /** The customer accepts the partial refund offered, which settles the leg. */
    ACCEPT_PARTIAL_REFUND,
    /** The customer rejects the partial refund offered; the leg goes back to the negotiation. */
    REJECT_PARTIAL_REFUND,
    /** The customer re-applies on a declined leg, opening a new negotiation round. */
    REAPPLY,
    /** A party writes a message about a leg; the leg's state does not change. */
    SEND_MESSAGE
}
