package dev.returnsync.marketplace;

/** A refund status of a marketplace, as its API spells it. Implemented by one enum per marketplace. */
public interface RefundStatus {
    /** {@return the status as the marketplace's API spells it, e.g. {@code "WAIT_SELLER_AGREE"}} */
    String apiName();

    /** {@return the marketplace's own words for the status, e.g. {@code "买家已经申请退款，等待卖家同意"}} */
    String label();
}
