package dev.returnsync.core.notify;

import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * A {@link Notifier} that writes one INFO line per notification through SLF4J and delivers nothing else: the
 * engine's default until the host plugs in its own. The line holds the notification id, the tenant, the case, its
 * version, the leg, the notification type and the recipient's role; never the recipient's id (a customer id may
 * identify a person) nor anything else about a party. Stateless and thread-safe; it never fails, so a
 * notification it logged is never retried.
 */
public final class LoggingNotifier implements Notifier {
    private final Logger log;

    /** A notifier that logs to the logger named after this class. */
    public LoggingNotifier() {
        this(LoggerFactory.getLogger(LoggingNotifier.class));
    }

    /**
     * A notifier that logs to the given logger.
     *
     * @param logger where the lines go
     */
    public LoggingNotifier(Logger logger) {
        this.log = Objects.requireNonNull(logger, "logger must not be null");
    }

    @Override
    public void deliver(Notification notification) {
        Objects.requireNonNull(notification, "notification must not be null");
        log.info("notification {} {} to {}: tenant {} case {} version {} leg {}",
                notification.id(), notification.type(), notification.recipient().role(), notification.tenant(),
                notification.caseId(), notification.version(),
                notification.leg() == null ? "-" : notification.leg());
    }
}
