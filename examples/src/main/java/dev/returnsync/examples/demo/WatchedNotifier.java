package dev.returnsync.examples.demo;

import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.NotificationType;
import dev.returnsync.spi.notify.Notifier;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link Notifier} that keeps every notification in an {@link InMemoryNotifier} (once per id) and prints the
 * ones that tell the customer a number or a result, the moment they are delivered.
 */
final class WatchedNotifier implements Notifier {
    private static final Set<NotificationType> SHOWN = EnumSet.of(NotificationType.NUMBER_SHARED_WITH_CUSTOMER,
            NotificationType.SUPPLIER_NUMBER_REPLACED, NotificationType.RESULT_REPORTED_TO_CUSTOMER,
            NotificationType.LEG_EXPIRED);

    private final InMemoryNotifier delegate = new InMemoryNotifier();
    private final Timeline timeline;

    WatchedNotifier(Timeline timeline) {
        this.timeline = timeline;
    }

    @Override
    public void deliver(Notification notification) {
        delegate.deliver(notification);
        if (delegate.calls(notification.id()) == 1 && notification.recipient().role() == Role.CUSTOMER
                && SHOWN.contains(notification.type())) {
            String numbers = notification.numbers().stream()
                    .filter(n -> n.kind() != NumberKind.CUSTOMER_REQUEST && n.kind() != NumberKind.RESELLER_RETURN)
                    .map(n -> Timeline.kind(n.kind()) + " " + n)
                    .collect(Collectors.joining(", "));
            timeline.detail("✉ 通知客户 " + notification.recipient().id() + " " + notification.type() + " ("
                    + notification.id() + "): " + numbers);
        }
    }

    /** The notifications kept, once per id. */
    InMemoryNotifier received() {
        return delegate;
    }
}
