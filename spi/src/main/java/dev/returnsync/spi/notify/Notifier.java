package dev.returnsync.spi.notify;

/**
 * The notification port: delivers one {@link Notification} to its recipient (by message, push, e-mail, a row
 * in the host's inbox table: the host decides).
 *
 * <p>What the engine guarantees to an implementation:
 * <ul>
 *   <li><b>At least once.</b> Each notification is delivered until a call returns normally; after a crash, a
 *       timeout or an exception it is delivered again, with the <b>same {@link Notification#id() id}</b> and the
 *       same content.</li>
 *   <li><b>Backoff and parking.</b> A call that throws is retried later with exponential backoff; after the
 *       configured number of attempts the notification is parked and shown on the case view until someone
 *       retries it.</li>
 *   <li><b>No personal data.</b> A notification holds ids and return numbers only.</li>
 *   <li>Calls may come from several threads (and several engines) at once, never two for the same id while the
 *       dispatcher's lease on it holds.</li>
 * </ul>
 *
 * <p>What the engine expects of an implementation:
 * <ul>
 *   <li><b>Idempotent by id.</b> A notification whose id was delivered before must not reach the recipient a
 *       second time; returning normally is the right answer to such a repeat.</li>
 *   <li><b>Return normally only once delivered</b> (or handed to something durable that will deliver it).
 *       Throw any {@link RuntimeException} to have it retried; put no personal data into the message.</li>
 *   <li>Be safe for concurrent use and return in bounded time.</li>
 * </ul>
 */
@FunctionalInterface
public interface Notifier {
    /**
     * Delivers one notification, or does nothing when a notification with its id was delivered already.
     *
     * @param notification the notification
     * @throws RuntimeException when delivery failed and should be retried
     */
    void deliver(Notification notification);
}
