package dev.returnsync.core.notify;

import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.Notifier;

import java.util.Objects;

/**
 * A {@link Notifier} that drops every notification: for hosts that tell their parties nothing through the engine
 * (they read the case views instead), and for benchmarks. Every notification counts as delivered at once.
 * Stateless and thread-safe.
 */
public final class NoopNotifier implements Notifier {
    private static final NoopNotifier INSTANCE = new NoopNotifier();

    private NoopNotifier() {
    }

    /** {@return the notifier; one instance serves every engine} */
    public static NoopNotifier instance() {
        return INSTANCE;
    }

    @Override
    public void deliver(Notification notification) {
        Objects.requireNonNull(notification, "notification must not be null");
    }
}
