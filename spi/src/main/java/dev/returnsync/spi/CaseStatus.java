package dev.returnsync.spi;

/** The overall status of a return case, derived from the states of its legs. */
public enum CaseStatus {
    /** At least one leg is not finished. */
    IN_PROGRESS,
    /** Every leg completed. */
    COMPLETED,
    /** Every leg finished, some completed and some not (declined, cancelled, expired or closed). */
    PARTIALLY_COMPLETED,
    /** Every leg was declined by its supplier. */
    DECLINED,
    /** Every leg was cancelled by the customer. */
    CANCELLED,
    /** Every leg expired. */
    EXPIRED,
    /** Every leg finished without any completed, in a mix of ways or closed by the reseller. */
    CLOSED;

    /** {@return true when no leg can move any more} */
    public boolean isFinished() {
        return this != IN_PROGRESS;
    }
}
