package dev.returnsync.spi;

/** What a return leg ends in, as agreed between reseller and supplier. */
public enum OutcomeType {
    /** 退货退款: the goods come back and the accepted quantity is refunded. */
    RETURN_AND_REFUND,
    /** 换货: the goods come back and the accepted quantity is replaced with a new shipment. */
    EXCHANGE,
    /** 仅退款: nothing is shipped back; the authorized quantity is refunded. */
    REFUND_ONLY;

    /** {@return true when the customer ships goods back for this outcome} */
    public boolean shipsGoodsBack() {
        return this != REFUND_ONLY;
    }
}
