package dev.returnsync.testkit.contract;

import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.Notifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves that the notifier suites can fail: a notifier that delivers every call (no idempotency by id), and one that
 * marks an id delivered before its delivery failed, are caught; a correct one passes everything. The suites are
 * static nested classes, which Surefire does not run by itself.
 */
@Timeout(60)
class BrokenNotifierDetectionTest {
    /** A recipient's inbox. */
    abstract static class Recording extends FailingNotifierContract {
        final List<Notification> inbox = new ArrayList<>();
        final Set<String> seen = new HashSet<>();
        int failures;

        @Override
        protected List<Notification> deliveries() {
            synchronized (inbox) {
                return List.copyOf(inbox);
            }
        }

        @Override
        protected void failNextDeliveries(int count) {
            synchronized (inbox) {
                failures = count;
            }
        }
    }

    static class Correct extends Recording {
        @Override
        protected Notifier createNotifier() {
            return n -> {
                synchronized (inbox) {
                    if (failures > 0) {
                        failures--;
                        throw new IllegalStateException("down");
                    }
                    if (seen.add(n.id())) {
                        inbox.add(n);
                    }
                }
            };
        }
    }

    static class DeliversEveryCall extends Recording {
        @Override
        protected Notifier createNotifier() {
            return n -> {
                synchronized (inbox) {
                    if (failures > 0) {
                        failures--;
                        throw new IllegalStateException("down");
                    }
                    inbox.add(n);
                }
            };
        }
    }

    static class RemembersFailedIds extends Recording {
        @Override
        protected Notifier createNotifier() {
            return n -> {
                synchronized (inbox) {
                    if (!seen.add(n.id())) {
                        return;
                    }
                    if (failures > 0) {
                        failures--;
                        throw new IllegalStateException("down");
                    }
                    inbox.add(n);
                }
            };
        }
    }

    @Test
    void aCorrectNotifierPassesEverything() {
        var results = ContractRun.run(Correct.class);
        assertEquals(Set.of(), ContractRun.failed(results));
        assertTrue(results.size() >= 9, "every test ran: " + results.keySet());
    }

    @Test
    void aNotifierWithoutIdempotencyIsCaught() {
        Set<String> failed = ContractRun.failed(ContractRun.run(DeliversEveryCall.class));
        assertTrue(failed.containsAll(Set.of("theSameIdTwiceIsDeliveredOnce", "aLateRepeatIsDeliveredOnce",
                "concurrentDeliveriesOfOneIdArriveOnce", "aFailedDeliveryIsDeliveredByTheRetry")), "failed: " + failed);
    }

    @Test
    void aNotifierThatRemembersFailedIdsIsCaught() {
        Set<String> failed = ContractRun.failed(ContractRun.run(RemembersFailedIds.class));
        assertEquals(Set.of("aFailedDeliveryIsDeliveredByTheRetry", "aFailureDoesNotAffectOtherIds"), failed);
    }
}
