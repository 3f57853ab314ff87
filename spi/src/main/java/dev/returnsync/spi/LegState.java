package dev.returnsync.spi;

/**
 * Where one leg (the part of a case that one supplier handles) stands in the workflow. The names follow
 * the seed's steps; see {@code docs/workflow.md} for the diagram.
 */
public enum LegState {
    /** 客户提交退货申请: the customer asked; the reseller has not yet contacted the supplier. */
    REQUESTED(false),
    /** 代发商与供应商协商: the reseller asked the supplier; waiting for agreement or refusal. */
    NEGOTIATING(false),
    /**
     * 协商部分退款: the supplier or the reseller offered a partial refund instead of taking the goods back (the
     * customer keeps them); waiting for the customer to accept or reject the offer.
     */
    PARTIAL_REFUND_OFFERED(false),
    /** The supplier agreed, with an outcome type and authorized quantities. */
    AGREED(false),
    /** 代发商向供应商申请退货(单号): the reseller applied; waiting for the supplier return number. */
    NUMBER_REQUESTED(false),
    /** 供应商提供退货单号: the supplier issued its number; the reseller has not told the customer yet. */
    NUMBER_ISSUED(false),
    /** 代发商将退货单号告知客户: the customer knows the number; waiting for the parcel to be sent. */
    AWAITING_SHIPMENT(false),
    /** A refund-only leg whose number is shared: nothing ships, waiting for the supplier's result. */
    AWAITING_RESULT(false),
    /** The customer sent the parcel; its tracking number is linked and synced to the supplier. */
    SHIPPED(false),
    /** 供应商确认退货: the supplier received the parcel and confirmed quantities. */
    RECEIVED(false),
    /** 供应商向代发商确认退货处理结果: the supplier inspected and reported accepted and rejected quantities. */
    RESULT_REPORTED(false),
    /** An exchange whose replacement parcel the supplier has sent. */
    REPLACEMENT_SHIPPED(false),
    /** 代发商向客户确认退货处理结果: the customer was told the result; waiting for confirmation. */
    RESULT_NOTIFIED(false),
    /** The customer disputes the result; back with the reseller. */
    DISPUTED(false),
    /** 客户确认退货处理结果: confirmed by the customer, or automatically when the customer did not answer. */
    COMPLETED(true),
    /** The supplier declined the return; final unless the customer re-applies within the re-application window. */
    DECLINED(true),
    /** The customer cancelled before shipping anything. */
    CANCELLED(true),
    /** A deadline passed and the leg expired. */
    EXPIRED(true),
    /** The reseller closed the leg by hand (settled outside the workflow). */
    CLOSED(true);

    private final boolean terminal;

    LegState(boolean terminal) {
        this.terminal = terminal;
    }

    /**
     * {@return true for the states in which a leg has ended: no deadline runs and the case counts the leg as done.
     * No transition leaves them, with one exception: the customer may re-apply on a {@link #DECLINED} leg within the
     * workflow's re-application window, which starts a new negotiation round}
     */
    public boolean isTerminal() {
        return terminal;
    }
}
