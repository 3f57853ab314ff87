package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.testsupport.SimulatedSupplier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.store.OutboxIds;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.spi.supplier.SupplierRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The process dies after the events were appended and while their work was being done. A fresh engine over the same
 * store finishes everything, nothing is lost, and what is done again carries the same ids.
 */
@Timeout(20)
class CrashRecoveryTest {
    /** Stands for the process dying: not an exception the dispatcher would catch and record. */
    static final class Crash extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** Delivers to the sink, then dies on one chosen call, after the delivery and before the dispatcher completes it. */
    static final class DyingNotifier implements Notifier {
        final InMemoryNotifier sink;
        final AtomicBoolean armed = new AtomicBoolean(true);
        final int dieOnCall;
        int calls;

        DyingNotifier(InMemoryNotifier sink, int dieOnCall) {
            this.sink = sink;
            this.dieOnCall = dieOnCall;
        }

        @Override
        public synchronized void deliver(Notification notification) {
            sink.deliver(notification);
            if (++calls == dieOnCall && armed.getAndSet(false)) {
                throw new Crash();
            }
        }
    }

    @Test
    void aFreshEngineFinishesThePendingWorkWithTheSameIds() {
        TestClock clock = new TestClock(T0);
        InMemoryCaseStore store = new InMemoryCaseStore();
        InMemoryNotifier sink = new InMemoryNotifier();
        SimulatedSupplier supplier = SimulatedSupplier.of(S1, SimulatedSupplier.Style.NUMBER_IN_REPLY);
        DispatcherConfig first = DispatcherConfig.custom().owner("engine-dies").lease(Duration.ofMinutes(1)).build();
        ReturnSyncEngine dying = ReturnSyncEngine.builder().store(store).clock(clock).random(new Random(1))
                .notifier(new DyingNotifier(sink, 3)).suppliers(SupplierRegistry.of(supplier)).dispatcherConfig(first).build();

        CaseId c = CaseId.of("case-crash");
        dying.execute(submit(c, "AS-CRASH-1", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        dying.execute(open(c, S1));
        dying.execute(agree(c, S1));
        dying.execute(apply(c, S1));
        List<String> planned = ids(store.outboxOf(TENANT, c));
        assertTrue(planned.contains(OutboxIds.of(TENANT, c, 4, Effect.REQUEST_RETURN, S1.value())), planned.toString());

        // the process dies in the middle of its first dispatch: some work done, one notification delivered but not
        // marked done, the rest not even started
        assertThrows(Crash.class, dying::dispatchPending);
        List<OutboxEntry> left = store.outboxOf(TENANT, c);
        assertFalse(left.isEmpty());
        assertTrue(left.stream().anyMatch(e -> "engine-dies".equals(e.leaseOwner())), "work stays leased to the dead");
        assertTrue(planned.containsAll(ids(left)), "no work appeared or changed its id");

        // a second engine over the same store: nothing to do while the dead engine's leases hold
        DyingSupplier dyingSupplier = new DyingSupplier(supplier);
        ReturnSyncEngine second = ReturnSyncEngine.builder().store(store).clock(clock).random(new Random(2))
                .notifier(sink).suppliers(SupplierRegistry.of(dyingSupplier))
                .dispatcherConfig(DispatcherConfig.custom().owner("engine-second").lease(Duration.ofMinutes(1)).build())
                .build();
        assertEquals(0, second.dispatchPending().handled(), "leases of the dead engine hold");

        // after the lease: the second engine redoes the interrupted notification, then dies right after the supplier
        // created the return and before the reply was recorded
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThrows(Crash.class, second::dispatchPending);
        assertEquals(1, supplier.returnsCreated());
        assertEquals(LegState.NUMBER_REQUESTED, second.caseView(reseller(), c).state().leg(S1).orElseThrow().state(),
                "the reply was lost with the process");

        // a third engine finishes everything
        ReturnSyncEngine third = ReturnSyncEngine.builder().store(store).clock(clock).random(new Random(3))
                .notifier(sink).suppliers(SupplierRegistry.of(supplier))
                .dispatcherConfig(DispatcherConfig.custom().owner("engine-third").build()).build();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        third.dispatchPending();

        assertTrue(store.outboxOf(TENANT, c).isEmpty(), "nothing is left: " + store.outboxOf(TENANT, c));
        assertEquals(LegState.NUMBER_ISSUED, third.caseView(reseller(), c).state().leg(S1).orElseThrow().state());
        Set<String> notified = new TreeSet<>();
        for (Notification n : sink.delivered()) {
            notified.add(n.id());
        }
        List<String> plannedNotifications = new ArrayList<>(planned);
        plannedNotifications.removeIf(id -> !id.contains("/" + Effect.NOTIFY + "/"));
        assertTrue(notified.containsAll(plannedNotifications), "every planned notification arrived");
        assertTrue(notified.contains(OutboxIds.of(TENANT, c, 5, Effect.NOTIFY, "RESELLER")), "the number issued was notified");
        assertEquals(1, sink.repeats(), "exactly the interrupted notification came again, with its id");
        List<SupplierRequest> requests = supplier.calls().stream()
                .filter(x -> x instanceof SupplierRequest.RequestReturn).toList();
        assertEquals(2, requests.size(), "the interrupted call was made again");
        assertEquals(requests.get(0), requests.get(1), "with the same key and content");
        assertEquals(Set.of(OutboxIds.of(TENANT, c, 4, Effect.REQUEST_RETURN, S1.value())),
                supplier.requestKeys(c));
        assertEquals(1, supplier.returnsCreated(), "one return at the supplier");
        dying.close();
        second.close();
        third.close();
    }

    /** Passes the call to the supplier, then dies once before the reply gets back. */
    static final class DyingSupplier implements dev.returnsync.spi.supplier.SupplierAdapter {
        final SimulatedSupplier delegate;
        final AtomicBoolean armed = new AtomicBoolean(true);

        DyingSupplier(SimulatedSupplier delegate) {
            this.delegate = delegate;
        }

        @Override
        public dev.returnsync.spi.SupplierId supplier() {
            return delegate.supplier();
        }

        @Override
        public dev.returnsync.spi.supplier.SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn r) {
            var reply = delegate.requestReturn(r);
            if (armed.getAndSet(false)) {
                throw new Crash();
            }
            return reply;
        }

        @Override
        public dev.returnsync.spi.supplier.SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking r) {
            return delegate.shareTracking(r);
        }
    }

    private static List<String> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }
}
