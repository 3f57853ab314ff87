package dev.returnsync.spi;

/** The parties of a dropshipping return, plus the library's own timers and policies. */
public enum Role {
    /** The end buyer; acts only on their own cases. */
    CUSTOMER,
    /** The dropshipper (代发商) that owns the storefront, the tenant; acts on all cases of its tenant. */
    RESELLER,
    /** Ships goods to customers and receives returned goods; acts only on its own legs. */
    SUPPLIER,
    /** Timers and automatic policies; acts wherever the workflow allows it. */
    SYSTEM
}
