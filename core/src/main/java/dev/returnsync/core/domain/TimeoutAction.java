package dev.returnsync.core.domain;

/** What happens when a waiting state's deadline passes. */
public enum TimeoutAction {
    /** Flag the leg for the reseller; it keeps waiting, and this deadline does not fire again in that state. */
    ESCALATE,
    /** The leg expires (terminal). */
    EXPIRE,
    /** The result counts as confirmed by the customer, as marketplaces do (only for RESULT_NOTIFIED). */
    AUTO_CONFIRM
}
