package dev.returnsync.marketplace;

import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.SupplierId;

/**
 * Whether an event may change the marketplace status of a leg: every event type is listed (the visitor has no
 * defaults), so a new event type does not compile until it is decided here.
 */
final class Touches implements ReturnEvent.Visitor<Boolean> {
    private final SupplierId supplier;

    private Touches(SupplierId supplier) {
        this.supplier = supplier;
    }

    static boolean leg(ReturnEvent event, SupplierId supplier) {
        return event.accept(new Touches(supplier));
    }

    private boolean own(ReturnEvent.LegEvent e) {
        return e.leg().equals(supplier);
    }

    @Override
    public Boolean returnRequested(ReturnEvent.ReturnRequested e) {
        return true;
    }

    @Override
    public Boolean negotiationOpened(ReturnEvent.NegotiationOpened e) {
        return own(e);
    }

    @Override
    public Boolean supplierAgreed(ReturnEvent.SupplierAgreed e) {
        return own(e);
    }

    @Override
    public Boolean supplierDeclined(ReturnEvent.SupplierDeclined e) {
        return own(e);
    }

    @Override
    public Boolean returnApplied(ReturnEvent.ReturnApplied e) {
        return own(e);
    }

    @Override
    public Boolean supplierNumberIssued(ReturnEvent.SupplierNumberIssued e) {
        return own(e);
    }

    @Override
    public Boolean supplierNumberReplaced(ReturnEvent.SupplierNumberReplaced e) {
        return false;
    }

    @Override
    public Boolean numberSharedWithCustomer(ReturnEvent.NumberSharedWithCustomer e) {
        return own(e);
    }

    @Override
    public Boolean returnShipped(ReturnEvent.ReturnShipped e) {
        return own(e);
    }

    @Override
    public Boolean returnReceived(ReturnEvent.ReturnReceived e) {
        return own(e);
    }

    @Override
    public Boolean resultReported(ReturnEvent.ResultReported e) {
        return own(e);
    }

    @Override
    public Boolean replacementShipped(ReturnEvent.ReplacementShipped e) {
        return own(e);
    }

    @Override
    public Boolean resultReportedToCustomer(ReturnEvent.ResultReportedToCustomer e) {
        return own(e);
    }

    @Override
    public Boolean resultConfirmed(ReturnEvent.ResultConfirmed e) {
        return own(e);
    }

    @Override
    public Boolean resultDisputed(ReturnEvent.ResultDisputed e) {
        return own(e);
    }

    @Override
    public Boolean returnCancelled(ReturnEvent.ReturnCancelled e) {
        return own(e);
    }

    @Override
    public Boolean legEscalated(ReturnEvent.LegEscalated e) {
        return false;
    }

    @Override
    public Boolean legExpired(ReturnEvent.LegExpired e) {
        return own(e);
    }

    @Override
    public Boolean legClosed(ReturnEvent.LegClosed e) {
        return own(e);
    }

    @Override
    public Boolean partialRefundOffered(ReturnEvent.PartialRefundOffered e) {
        return own(e);
    }

    @Override
    public Boolean partialRefundAccepted(ReturnEvent.PartialRefundAccepted e) {
        return own(e);
    }

    @Override
    public Boolean partialRefundRejected(ReturnEvent.PartialRefundRejected e) {
        return own(e);
    }

    @Override
    public Boolean returnReapplied(ReturnEvent.ReturnReapplied e) {
        return own(e);
    }

    /** A message moves no leg. */
    @Override
    public Boolean messageSent(ReturnEvent.MessageSent e) {
        return false;
    }

    @Override
    public Boolean externalVersionRecorded(ReturnEvent.ExternalVersionRecorded e) {
        return false;
    }
}
