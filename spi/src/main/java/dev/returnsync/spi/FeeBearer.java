package dev.returnsync.spi;

/**
 * Who pays the return shipping fee (运费) of a leg. The reason gives the default ({@link #forReason}); the
 * negotiation may settle on another bearer.
 */
public enum FeeBearer {
    /** The customer pays the parcel back and gets nothing for it: the rule of a no-reason return (七天无理由). */
    CUSTOMER,
    /** The reseller pays: the customer's refund includes the fee, which the reseller keeps at its own cost. */
    RESELLER,
    /** The supplier pays: the customer's refund includes the fee, and the supplier owes it to the reseller. */
    SUPPLIER,
    /** Freight insurance (运费险) pays the customer directly, under a claim reference; no refund includes it. */
    FREIGHT_INSURANCE;

    /**
     * The bearer a reason calls for when the negotiation says nothing else: the supplier for a complaint about the
     * goods (quality problem, wrong item, damaged, not as described), the customer otherwise (no reason, size).
     *
     * @param reason the reason code of the return; not null
     * @return the default bearer
     */
    public static FeeBearer forReason(ReasonCode reason) {
        return reason.isQualityComplaint() ? SUPPLIER : CUSTOMER;
    }

    /** {@return true when the customer's refund includes the fee (the reseller or the supplier pays it)} */
    public boolean refundedToCustomer() {
        return this == RESELLER || this == SUPPLIER;
    }
}
