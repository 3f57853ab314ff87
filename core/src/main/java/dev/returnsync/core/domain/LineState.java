package dev.returnsync.core.domain;

import dev.returnsync.spi.Money;
import dev.returnsync.spi.Sku;

/**
 * The quantities of one line of a leg, per axis. Reception and acceptance are separate axes; the domain
 * keeps {@code accepted + rejected <= received <= authorized <= requested <= delivered}.
 *
 * @param sku the SKU
 * @param unitPrice the price paid per unit
 * @param delivered delivered to the customer
 * @param requested asked back by the customer
 * @param authorized authorized by the supplier in negotiation
 * @param received received by the supplier
 * @param accepted accepted after inspection
 * @param rejected rejected after inspection
 */
public record LineState(Sku sku, Money unitPrice, int delivered, int requested, int authorized, int received,
                        int accepted, int rejected) {
    /**
     * Checks the order of the axes.
     *
     * @param sku the SKU
     * @param unitPrice the price paid per unit
     * @param delivered delivered to the customer
     * @param requested asked back by the customer
     * @param authorized authorized by the supplier in negotiation
     * @param received received by the supplier
     * @param accepted accepted after inspection
     * @param rejected rejected after inspection
     */
    public LineState {
        if (!(accepted >= 0 && rejected >= 0 && accepted + rejected <= received && received <= authorized
                && authorized <= requested && requested <= delivered)) {
            throw new IllegalArgumentException("quantities of " + sku + " out of order: delivered " + delivered
                    + ", requested " + requested + ", authorized " + authorized + ", received " + received
                    + ", accepted " + accepted + ", rejected " + rejected);
        }
    }

    LineState withAuthorized(int quantity) {
        return new LineState(sku, unitPrice, delivered, requested, quantity, received, accepted, rejected);
    }

    LineState withReceived(int quantity) {
        return new LineState(sku, unitPrice, delivered, requested, authorized, quantity, accepted, rejected);
    }

    LineState withInspection(int acceptedQuantity, int rejectedQuantity) {
        return new LineState(sku, unitPrice, delivered, requested, authorized, received, acceptedQuantity,
                rejectedQuantity);
    }
}
