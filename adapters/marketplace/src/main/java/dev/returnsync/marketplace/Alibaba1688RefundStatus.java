package dev.returnsync.marketplace;

/**
 * The refund statuses of 1688 (the {@code refundStatus} of a refund in the 1688 open platform's trade refund API,
 * spelled in lower case, e.g. {@code waitselleragree}): the supplier-facing side of a dropshipped return, between
 * the reseller (the buyer of the purchase order) and the supplier (its seller).
 */
public enum Alibaba1688RefundStatus implements RefundStatus {
    /** 等待卖家同意: the reseller applied; the supplier has not agreed yet. */
    WAIT_SELLER_AGREE("waitselleragree", "等待卖家同意"),
    /** 待买家修改: the supplier refused; the reseller may change the request and apply again. */
    WAIT_BUYER_MODIFY("waitbuyermodify", "待买家修改"),
    /** 等待买家退货: the supplier agreed; the goods are to be sent back. */
    WAIT_BUYER_SEND("waitbuyersend", "等待买家退货"),
    /** 等待卖家确认收货: the goods were sent back; the supplier is to confirm their receipt. */
    WAIT_SELLER_RECEIVE("waitsellerreceive", "等待卖家确认收货"),
    /** 退款成功: the supplier refunded the reseller. */
    REFUND_SUCCESS("refundsuccess", "退款成功"),
    /** 退款关闭: the refund is closed (withdrawn by the reseller, or timed out). */
    REFUND_CLOSED("refundclose", "退款关闭");

    private final String apiName;
    private final String label;

    Alibaba1688RefundStatus(String apiName, String label) {
        this.apiName = apiName;
        this.label = label;
    }

    @Override
    public String apiName() {
        return apiName;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The status of an API name.
     *
     * @param apiName the status as the API spells it, e.g. {@code "waitselleragree"}
     * @return the status
     * @throws IllegalArgumentException if no status has this name; the message lists the known names
     */
    public static Alibaba1688RefundStatus ofApiName(String apiName) {
        return Statuses.ofApiName(Alibaba1688RefundStatus.class, apiName);
    }
}
