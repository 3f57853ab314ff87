package dev.returnsync.testkit.contract;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.NotificationType;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.notify.Recipient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The contract of {@link Notifier}: every guarantee of its javadoc that a black-box test can see, as JUnit Jupiter
 * tests. Extend it in your test sources, with the testkit as a test-scoped dependency; return a fresh notifier from
 * {@link #createNotifier()} and show what reached the recipients through {@link #deliveries()}:
 *
 * <pre>{@code
 * class InboxNotifierContractTest extends NotifierContract {
 *     private InboxTable inbox;
 *
 *     @Override
 *     protected Notifier createNotifier() {
 *         inbox = InboxTable.empty(dataSource);
 *         return new InboxNotifier(inbox);
 *     }
 *
 *     @Override
 *     protected List<Notification> deliveries() {
 *         return inbox.rows();            // one element per message that reached a recipient
 *     }
 * }
 * }</pre>
 *
 * <p>What it checks: a delivered notification reaches its recipient exactly as it was given; every valid shape of
 * notification (each type, each recipient role, with and without a leg and numbers) is accepted; the same id
 * delivered again (at once, later, after others, or from several threads at the same time) reaches the recipient
 * once and the repeat returns normally; distinct ids delivered from several threads all arrive, once each.
 * {@link FailingNotifierContract} adds the failure path for notifiers that can be made to fail.
 *
 * <p>Not checked, because a black-box test cannot see it: <b>personal data</b>. A {@link Notification} carries ids
 * and return numbers only; a notifier looks up names and addresses by id in the host and must not put them into
 * exception messages (the engine stores only the class of an exception, but logs and traces of the host may keep
 * more). Nor is bounded time checked beyond {@link #timeout()}.
 */
public abstract class NotifierContract {
    private static final TenantId TENANT = TenantId.of("tenant-n");
    private static final SupplierId SUPPLIER = SupplierId.of("supplier-n");
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    /** The notifier under test, fresh for each test. */
    protected Notifier notifier;

    /**
     * Returns the notifier to test, fresh: nothing delivered yet, no id remembered from another test. Called before
     * each test.
     *
     * @return the notifier under test
     */
    protected abstract Notifier createNotifier();

    /**
     * What reached the recipients since {@link #createNotifier()}: one element per notification that a recipient
     * got, in the order of delivery; a notification that reached a recipient twice appears twice. The hook shows
     * the recipient's side (the rows of an inbox table, the messages a test mail server received), not the calls.
     *
     * @return the deliveries, oldest first
     */
    protected abstract List<Notification> deliveries();

    /** {@return how many threads the concurrency tests use; at least 2} */
    protected int threads() {
        return 4;
    }

    /** {@return how long a concurrency test may run before it fails} */
    protected Duration timeout() {
        return Duration.ofSeconds(30);
    }

    @BeforeEach
    void createTheNotifier() {
        notifier = createNotifier();
        if (notifier == null) {
            throw new IllegalStateException("createNotifier() returned null");
        }
    }

    /**
     * A valid notification with this id, to the customer of a case, about the supplier number; for subclasses that
     * add their own tests.
     *
     * @param id the notification's id
     * @return the notification
     */
    protected static Notification notification(String id) {
        return notification(id, new Recipient(Role.CUSTOMER, "customer-1"), NotificationType.NUMBER_SHARED_WITH_CUSTOMER,
                SUPPLIER, 3);
    }

    private static Notification notification(String id, Recipient recipient, NotificationType type, SupplierId leg,
                                             long version) {
        List<ReturnNumber> numbers = new ArrayList<>(List.of(ReturnNumber.customerRequest(TENANT, "AS-" + version),
                ReturnNumber.resellerReturn(TENANT, "RS-" + version)));
        if (leg != null) {
            numbers.add(ReturnNumber.supplierReturn(leg, "SN-" + version));
        }
        return new Notification(id, TENANT, CaseId.of("case-n"), version, leg, recipient, type, numbers,
                AT.plusSeconds(version), null);
    }

    private Map<String, Integer> countsById() {
        List<Notification> deliveries = deliveries();
        assertNotNull(deliveries, "deliveries() returned null");
        Map<String, Integer> counts = new HashMap<>();
        for (Notification n : deliveries) {
            counts.merge(n.id(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    @DisplayName("a delivered notification reaches its recipient exactly as given")
    void deliversTheNotification() {
        assertEquals(List.of(), deliveries(), "nothing delivered before the first call");
        Notification n = notification("case-n/3/NOTIFY/CUSTOMER");
        notifier.deliver(n);
        assertEquals(List.of(n), deliveries());
    }

    @Test
    @DisplayName("every type, recipient role and shape of notification is accepted")
    void acceptsEveryShape() {
        List<Notification> sent = new ArrayList<>();
        long version = 1;
        for (NotificationType type : NotificationType.values()) {
            for (Role role : List.of(Role.CUSTOMER, Role.RESELLER, Role.SUPPLIER)) {
                String id = role == Role.RESELLER ? TENANT.value() : role == Role.SUPPLIER ? SUPPLIER.value() : "c-1";
                SupplierId leg = type == NotificationType.RETURN_REQUESTED ? null : SUPPLIER;
                Notification n = notification("case-n/" + version + "/NOTIFY/" + role, new Recipient(role, id), type, leg,
                        version);
                notifier.deliver(n);
                sent.add(n);
                version++;
            }
        }
        Notification bare = new Notification("case-n/" + version + "/NOTIFY/RESELLER", TENANT, CaseId.of("case-n"),
                version, null, new Recipient(Role.RESELLER, TENANT.value()), NotificationType.LEG_CLOSED, List.of(), AT, null);
        notifier.deliver(bare);
        sent.add(bare);
        assertEquals(sent, deliveries(), "each notification once, in the order delivered");
    }

    @Test
    @DisplayName("the same id twice reaches the recipient once; the repeat returns normally")
    void theSameIdTwiceIsDeliveredOnce() {
        Notification n = notification("case-n/3/NOTIFY/CUSTOMER");
        notifier.deliver(n);
        notifier.deliver(n);
        assertEquals(List.of(n), deliveries());
    }

    @Test
    @DisplayName("a repeat after other notifications still reaches the recipient once")
    void aLateRepeatIsDeliveredOnce() {
        Notification first = notification("case-n/3/NOTIFY/CUSTOMER");
        Notification second = notification("case-n/4/NOTIFY/CUSTOMER");
        Notification third = notification("case-n/5/NOTIFY/CUSTOMER");
        notifier.deliver(first);
        notifier.deliver(second);
        notifier.deliver(first);
        notifier.deliver(third);
        notifier.deliver(second);
        assertEquals(List.of(first, second, third), deliveries());
    }

    @Test
    @DisplayName("ids are not confused: ids that differ only in case or by a suffix are distinct notifications")
    void idsAreComparedExactly() {
        Notification lower = notification("case-n/3/notify/customer");
        Notification upper = notification("case-n/3/NOTIFY/CUSTOMER");
        Notification longer = notification("case-n/3/NOTIFY/CUSTOMER2");
        notifier.deliver(lower);
        notifier.deliver(upper);
        notifier.deliver(longer);
        assertEquals(Map.of(lower.id(), 1, upper.id(), 1, longer.id(), 1), countsById());
    }

    @Test
    @DisplayName("concurrent deliveries of the same id reach the recipient once, and all return normally")
    void concurrentDeliveriesOfOneIdArriveOnce() throws Exception {
        int rounds = 10;
        for (int round = 0; round < rounds; round++) {
            Notification n = notification("case-n/" + (round + 1) + "/NOTIFY/SUPPLIER");
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < threads(); t++) {
                tasks.add(() -> {
                    notifier.deliver(n);
                    return true;
                });
            }
            Concurrently.values(Concurrently.run(tasks, timeout()));
            assertEquals(1, countsById().getOrDefault(n.id(), 0), "round " + round + ": deliveries of " + n.id());
        }
        assertEquals(rounds, deliveries().size());
    }

    @Test
    @DisplayName("concurrent deliveries of distinct ids all arrive, once each")
    void concurrentDistinctIdsAllArrive() throws Exception {
        int perThread = 25;
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int t = 0; t < threads(); t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < perThread; i++) {
                    notifier.deliver(notification("case-n/" + (i + 1) + "/NOTIFY/t" + thread));
                }
                return true;
            });
        }
        Concurrently.values(Concurrently.run(tasks, timeout()));
        Map<String, Integer> counts = countsById();
        assertEquals(threads() * perThread, counts.size(), "distinct ids delivered");
        counts.forEach((id, count) -> assertEquals(1, count, "deliveries of " + id));
    }
}
