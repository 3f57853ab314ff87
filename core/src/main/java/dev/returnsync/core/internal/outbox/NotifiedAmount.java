package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.InvalidAmountException;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Settlement;

/**
 * The money a notification tells its recipient, as of the event: the partial refund offered; and, once a leg's
 * result is reported or settled, the refund due to the customer (for the customer and the reseller) or what the
 * supplier owes the reseller (for the supplier and, at inspection, the reseller). {@code null} for the other steps.
 * Not API.
 */
final class NotifiedAmount {
    private NotifiedAmount() {
    }

    /**
     * The amount for a recipient.
     *
     * @param event the event told about
     * @param after the case as of the event
     * @param role the recipient's role
     * @return the amount, or {@code null} when the step is about none
     */
    static Money of(ReturnEvent event, ReturnCase after, Role role) {
        if (event instanceof ReturnEvent.PartialRefundOffered offered) {
            return offered.amount();
        }
        if (!(event instanceof ReturnEvent.LegEvent legEvent) || !aboutMoney(event)) {
            return null;
        }
        Leg leg = after.leg(legEvent.leg()).orElse(null);
        if (leg == null) {
            return null;
        }
        Settlement settlement;
        try {
            settlement = leg.settlement();
        } catch (InvalidAmountException e) {
            return null; // a leg stored before amounts were bounded: no amount rather than no notification
        }
        boolean toCustomer = role == Role.CUSTOMER
                || (role == Role.RESELLER && !(event instanceof ReturnEvent.ResultReported));
        return toCustomer ? settlement.refund() : settlement.supplierOwes();
    }

    private static boolean aboutMoney(ReturnEvent event) {
        return event instanceof ReturnEvent.ResultReported || event instanceof ReturnEvent.ResultReportedToCustomer
                || event instanceof ReturnEvent.ResultConfirmed || event instanceof ReturnEvent.PartialRefundAccepted;
    }
}
