package dev.returnsync.testkit.contract;

import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.Notifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link NotifierContract} plus the failure path, for notifiers whose channel can be made to fail in a test (a
 * test mail server that refuses, a message broker that is stopped). The engine retries a call that throws, with the
 * same id: the notifier must therefore <b>not remember an id whose delivery failed</b>, or the retry would be
 * swallowed as a repeat and the notification lost.
 *
 * <pre>{@code
 * class SmsNotifierContractTest extends FailingNotifierContract {
 *     ...
 *     @Override
 *     protected void failNextDeliveries(int count) {
 *         smsGateway.refuseNext(count);
 *     }
 * }
 * }</pre>
 */
public abstract class FailingNotifierContract extends NotifierContract {
    /**
     * Makes the next {@code count} calls of {@link Notifier#deliver} fail to reach the recipient, so that they throw
     * a {@link RuntimeException}; later calls work again.
     *
     * @param count how many calls fail, 1 or more
     */
    protected abstract void failNextDeliveries(int count);

    @Test
    @DisplayName("a failed delivery throws, reaches nobody, and the retry with the same id is delivered once")
    void aFailedDeliveryIsDeliveredByTheRetry() {
        Notification n = notification("case-n/3/NOTIFY/CUSTOMER");
        failNextDeliveries(2);
        assertThrows(RuntimeException.class, () -> notifier.deliver(n), "first attempt");
        assertThrows(RuntimeException.class, () -> notifier.deliver(n), "second attempt");
        assertEquals(List.of(), deliveries(), "a failed delivery reaches nobody");
        notifier.deliver(n);
        notifier.deliver(n);
        assertEquals(List.of(n), deliveries(), "the retry delivers, a repeat after it does not");
    }

    @Test
    @DisplayName("a failure of one notification does not swallow another")
    void aFailureDoesNotAffectOtherIds() {
        Notification failing = notification("case-n/3/NOTIFY/CUSTOMER");
        Notification other = notification("case-n/4/NOTIFY/CUSTOMER");
        failNextDeliveries(1);
        assertThrows(RuntimeException.class, () -> notifier.deliver(failing));
        notifier.deliver(other);
        notifier.deliver(failing);
        assertEquals(List.of(other, failing), deliveries());
    }
}
