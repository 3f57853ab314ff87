package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.NotificationType;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.notify.Recipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code NOTIFY}: builds the notification of the event for the recipient role in the entry's target (ids and
 * numbers as of the event's version only) and hands it to the notifier, with the entry id as its id.
 */
final class NotifyHandler implements EffectHandler {
    private static final Logger log = LoggerFactory.getLogger(NotifyHandler.class);

    private final Notifier notifier;

    NotifyHandler(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public Outcome handle(Work work) {
        Role role;
        try {
            role = Role.valueOf(work.entry().target());
        } catch (IllegalArgumentException e) {
            return Outcome.park("unknown recipient role " + work.entry().target());
        }
        ReturnEvent event = work.event();
        ReturnCase c = work.atEvent();
        SupplierId leg = event instanceof ReturnEvent.LegEvent legEvent ? legEvent.leg() : null;
        String id;
        if (role == Role.CUSTOMER) {
            id = c.customer().value();
        } else if (role == Role.RESELLER) {
            id = c.tenant().value();
        } else if (role == Role.SUPPLIER && leg != null) {
            id = leg.value();
        } else {
            return Outcome.park("no recipient " + role + " for " + event.type());
        }
        notifier.deliver(new Notification(work.entry().id(), c.tenant(), c.id(), work.entry().version(), leg,
                new Recipient(role, id), NotificationType.of(event), numbers(c, leg), event.at(),
                NotifiedAmount.of(event, c, role)));
        log.debug("notification {} delivered", work.entry().id());
        return Outcome.DONE;
    }

    private static List<ReturnNumber> numbers(ReturnCase c, SupplierId supplier) {
        List<ReturnNumber> numbers = new ArrayList<>(5);
        numbers.add(c.customerNumber());
        numbers.add(c.resellerNumber());
        Leg leg = supplier == null ? null : c.leg(supplier).orElse(null);
        if (leg != null) {
            if (leg.supplierNumber() != null) {
                numbers.add(leg.supplierNumber());
            }
            if (leg.returnTracking() != null) {
                numbers.add(leg.returnTracking());
            }
            if (leg.replacementTracking() != null) {
                numbers.add(leg.replacementTracking());
            }
        }
        return numbers;
    }
}
