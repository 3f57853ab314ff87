package dev.returnsync.marketplace;

/**
 * The refund statuses of Taobao and Tmall (the {@code status} of a refund in the Taobao open platform's refund API,
 * e.g. {@code taobao.refund.get}): the customer-facing side of a return, between the customer (the buyer) and the
 * reseller (the seller of the storefront).
 */
public enum TaobaoRefundStatus implements RefundStatus {
    /** 买家已经申请退款，等待卖家同意: the buyer applied; the seller has not agreed yet. */
    WAIT_SELLER_AGREE("买家已经申请退款，等待卖家同意"),
    /** 卖家已经同意退款，等待买家退货: the seller agreed; the buyer is to send the goods back. */
    WAIT_BUYER_RETURN_GOODS("卖家已经同意退款，等待买家退货"),
    /** 买家已经退货，等待卖家确认收货: the buyer sent the goods back; the seller is to confirm their receipt. */
    WAIT_SELLER_CONFIRM_GOODS("买家已经退货，等待卖家确认收货"),
    /** 卖家拒绝退款: the seller refused; the buyer may change the request and apply again. */
    SELLER_REFUSE_BUYER("卖家拒绝退款"),
    /** 退款关闭: the refund is closed (withdrawn by the buyer, or timed out). */
    CLOSED("退款关闭"),
    /** 退款成功: the refund was paid. */
    SUCCESS("退款成功");

    private final String label;

    TaobaoRefundStatus(String label) {
        this.label = label;
    }

    @Override
    public String apiName() {
        return name();
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The status of an API name.
     *
     * @param apiName the status as the API spells it, e.g. {@code "WAIT_SELLER_AGREE"}
     * @return the status
     * @throws IllegalArgumentException if no status has this name; the message lists the known names
     */
    public static TaobaoRefundStatus ofApiName(String apiName) {
        return Statuses.ofApiName(TaobaoRefundStatus.class, apiName);
    }
}
