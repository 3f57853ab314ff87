package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierCapabilities;
import dev.returnsync.spi.supplier.SupplierRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which outbox entries the events of one accepted command cause, appended atomically with them. An entry
 * is its work (tenant, case, the event's version, effect, target), and its id is derived from that
 * ({@link dev.returnsync.spi.store.OutboxIds}): the same work always has the same id, and no two pieces of work
 * share one. Not API.
 *
 * <ul>
 *   <li>{@link Effect#NOTIFY}: one per party concerned by the event, except the party that caused it; the target
 *       is the recipient's role ({@code CUSTOMER}, {@code RESELLER}, {@code SUPPLIER}), its id is looked up from the
 *       case when the notification is built.</li>
 *   <li>{@link Effect#REQUEST_RETURN} on {@code ReturnApplied}, {@link Effect#SHARE_TRACKING} on
 *       {@code ReturnShipped}, {@link Effect#CANCEL_AT_SUPPLIER} on {@code ReturnCancelled} after the supplier was
 *       asked (the leg had passed {@code NUMBER_REQUESTED}) and when it takes cancellations, and
 *       {@link Effect#POLL_SUPPLIER} for pull-only suppliers on each event after which the leg waits for news from
 *       the supplier ({@link PollPhase}), first due one poll interval later: only for suppliers that have an
 *       adapter.</li>
 *   <li>{@link Effect#REACT} on every event, when the workflow has policies.</li>
 * </ul>
 */
public final class OutboxPlanner {
    /** The states in which the supplier has been asked for the return, so a cancellation must reach it. */
    static final Set<LegState> ASKED = EnumSet.of(LegState.NUMBER_REQUESTED, LegState.NUMBER_ISSUED,
            LegState.AWAITING_SHIPMENT, LegState.AWAITING_RESULT);

    private final SupplierRegistry suppliers;
    private final boolean react;
    private final Duration pollInterval;

    /** A planner for a registry, whether the workflow has policies, and the polling interval. */
    public OutboxPlanner(SupplierRegistry suppliers, boolean react, Duration pollInterval) {
        this.suppliers = suppliers;
        this.react = react;
        this.pollInterval = pollInterval;
    }

    /**
     * The entries caused by events appended after {@code before}.
     *
     * @param before the case before the events, empty for a new case
     * @param events the events, with versions {@code before.version() + 1} onward
     * @param now when they were decided; entries are first due then
     */
    public List<OutboxEntry> plan(Optional<ReturnCase> before, List<ReturnEvent> events, Instant now) {
        List<OutboxEntry> entries = new ArrayList<>(events.size() * 3);
        Optional<ReturnCase> state = before;
        for (ReturnEvent event : events) {
            ReturnCase next = ReturnWorkflow.evolve(state, event);
            plan(state, next, event, now, entries);
            state = Optional.of(next);
        }
        return entries;
    }

    /**
     * The entries caused by events appended after {@code before}, when the case after them is known already (saves
     * folding a single event twice).
     *
     * @param after the case after all the events
     */
    public List<OutboxEntry> plan(Optional<ReturnCase> before, ReturnCase after, List<ReturnEvent> events,
                                  Instant now) {
        if (events.size() != 1) {
            return plan(before, events, now);
        }
        List<OutboxEntry> entries = new ArrayList<>(3);
        plan(before, after, events.get(0), now, entries);
        return entries;
    }

    private void plan(Optional<ReturnCase> prior, ReturnCase after, ReturnEvent event, Instant now,
                      List<OutboxEntry> out) {
        long version = after.version();
        for (Role role : recipients(event)) {
            if (!causedBy(event.actor(), role, after, event)) {
                out.add(entry(after, version, Effect.NOTIFY, role.name(), now));
            }
        }
        planSupplierWork(prior, after, event, now, out);
        if (react) {
            out.add(entry(after, version, Effect.REACT, "policies", now));
        }
    }

    /** The work an event asks of its leg's supplier, when the supplier has an adapter that can do it. */
    private void planSupplierWork(Optional<ReturnCase> prior, ReturnCase after, ReturnEvent event, Instant now,
                                  List<OutboxEntry> out) {
        if (!(event instanceof ReturnEvent.LegEvent legEvent)) {
            return;
        }
        Optional<Effect> work = event.accept(SupplierWork.INSTANCE);
        Optional<LegState> waits = PollPhase.waitingAfter(event);
        if (work.isEmpty() && waits.isEmpty()) {
            return;
        }
        SupplierId supplier = legEvent.leg();
        Optional<SupplierAdapter> adapter = suppliers.find(supplier);
        if (adapter.isEmpty()) {
            return;
        }
        SupplierCapabilities can = adapter.get().capabilities();
        String target = supplier.value();
        long version = after.version();
        if (work.isPresent() && (work.get() != Effect.CANCEL_AT_SUPPLIER || asked(prior, supplier, can))) {
            out.add(entry(after, version, work.get(), target, now));
        }
        if (can.isPullOnly() && waits.isPresent() && after.leg(supplier).map(Leg::state).orElse(null) == waits.get()) {
            out.add(entry(after, version, Effect.POLL_SUPPLIER, target, now.plus(pollInterval)));
        }
    }

    /** True when a cancellation must reach the supplier: it takes them and the leg had been asked for the return. */
    private static boolean asked(Optional<ReturnCase> prior, SupplierId supplier, SupplierCapabilities can) {
        Leg was = prior.flatMap(c -> c.leg(supplier)).orElse(null);
        return can.cancellation() && was != null && ASKED.contains(was.state());
    }

    private static OutboxEntry entry(ReturnCase c, long version, Effect effect, String target, Instant due) {
        return OutboxEntry.pending(c.tenant(), c.id(), version, effect, target, due);
    }

    /** True when the party of a role is the one that caused the event: it already knows. */
    private static boolean causedBy(Actor actor, Role role, ReturnCase c, ReturnEvent event) {
        if (actor.role() != role) {
            return false;
        }
        return switch (role) {
            case CUSTOMER -> actor.is(c.customer());
            case SUPPLIER -> event instanceof ReturnEvent.LegEvent leg && actor.is(leg.leg());
            case RESELLER -> true;
            case SYSTEM -> true;
        };
    }

    /** The parties concerned by an event. */
    static List<Role> recipients(ReturnEvent event) {
        return event.accept(Recipients.INSTANCE);
    }

    /** The parties to notify of each event type. */
    private static final class Recipients implements ReturnEvent.Visitor<List<Role>> {
        static final Recipients INSTANCE = new Recipients();
        private static final List<Role> CUSTOMER = List.of(Role.CUSTOMER);
        private static final List<Role> CUSTOMER_RESELLER_SUPPLIER =
                List.of(Role.CUSTOMER, Role.RESELLER, Role.SUPPLIER);
        private static final List<Role> CUSTOMER_SUPPLIER = List.of(Role.CUSTOMER, Role.SUPPLIER);
        private static final List<Role> RESELLER = List.of(Role.RESELLER);
        private static final List<Role> RESELLER_CUSTOMER = List.of(Role.RESELLER, Role.CUSTOMER);
        private static final List<Role> RESELLER_CUSTOMER_SUPPLIER =
                List.of(Role.RESELLER, Role.CUSTOMER, Role.SUPPLIER);
        private static final List<Role> RESELLER_SUPPLIER = List.of(Role.RESELLER, Role.SUPPLIER);
        private static final List<Role> RESELLER_SUPPLIER_CUSTOMER =
                List.of(Role.RESELLER, Role.SUPPLIER, Role.CUSTOMER);
        private static final List<Role> SUPPLIER = List.of(Role.SUPPLIER);

        @Override
        public List<Role> returnRequested(ReturnEvent.ReturnRequested e) {
            return RESELLER_CUSTOMER;
        }

        @Override
        public List<Role> negotiationOpened(ReturnEvent.NegotiationOpened e) {
            return SUPPLIER;
        }

        @Override
        public List<Role> supplierAgreed(ReturnEvent.SupplierAgreed e) {
            return RESELLER_CUSTOMER;
        }

        @Override
        public List<Role> supplierDeclined(ReturnEvent.SupplierDeclined e) {
            return RESELLER_CUSTOMER;
        }

        @Override
        public List<Role> returnApplied(ReturnEvent.ReturnApplied e) {
            return SUPPLIER;
        }

        @Override
        public List<Role> supplierNumberIssued(ReturnEvent.SupplierNumberIssued e) {
            return RESELLER;
        }

        @Override
        public List<Role> supplierNumberReplaced(ReturnEvent.SupplierNumberReplaced e) {
            return RESELLER_CUSTOMER;
        }

        @Override
        public List<Role> numberSharedWithCustomer(ReturnEvent.NumberSharedWithCustomer e) {
            return CUSTOMER;
        }

        @Override
        public List<Role> returnShipped(ReturnEvent.ReturnShipped e) {
            return RESELLER_SUPPLIER;
        }

        @Override
        public List<Role> returnReceived(ReturnEvent.ReturnReceived e) {
            return RESELLER_CUSTOMER;
        }

        @Override
        public List<Role> resultReported(ReturnEvent.ResultReported e) {
            return RESELLER;
        }

        @Override
        public List<Role> replacementShipped(ReturnEvent.ReplacementShipped e) {
            return RESELLER_CUSTOMER;
        }

        @Override
        public List<Role> resultReportedToCustomer(ReturnEvent.ResultReportedToCustomer e) {
            return CUSTOMER;
        }

        @Override
        public List<Role> resultConfirmed(ReturnEvent.ResultConfirmed e) {
            return RESELLER_SUPPLIER;
        }

        @Override
        public List<Role> resultDisputed(ReturnEvent.ResultDisputed e) {
            return RESELLER;
        }

        @Override
        public List<Role> returnCancelled(ReturnEvent.ReturnCancelled e) {
            return RESELLER_SUPPLIER_CUSTOMER;
        }

        @Override
        public List<Role> legEscalated(ReturnEvent.LegEscalated e) {
            return RESELLER;
        }

        @Override
        public List<Role> legExpired(ReturnEvent.LegExpired e) {
            return RESELLER_CUSTOMER_SUPPLIER;
        }

        @Override
        public List<Role> legClosed(ReturnEvent.LegClosed e) {
            return CUSTOMER_SUPPLIER;
        }

        @Override
        public List<Role> partialRefundOffered(ReturnEvent.PartialRefundOffered e) {
            return CUSTOMER_RESELLER_SUPPLIER;
        }

        @Override
        public List<Role> partialRefundAccepted(ReturnEvent.PartialRefundAccepted e) {
            return RESELLER_SUPPLIER;
        }

        @Override
        public List<Role> partialRefundRejected(ReturnEvent.PartialRefundRejected e) {
            return RESELLER_SUPPLIER;
        }

        @Override
        public List<Role> returnReapplied(ReturnEvent.ReturnReapplied e) {
            return RESELLER_SUPPLIER;
        }

        /** Only the addressee: a message is never shown to a party it is not addressed to. */
        @Override
        public List<Role> messageSent(ReturnEvent.MessageSent e) {
            return List.of(e.to());
        }

        @Override
        public List<Role> externalVersionRecorded(ReturnEvent.ExternalVersionRecorded e) {
            return List.of();
        }
    }

    /**
     * The work each event type asks of its leg's supplier: a request, the tracking number, or (if the supplier
     * was asked already) a cancellation; nothing for the others.
     */
    private static final class SupplierWork implements ReturnEvent.Visitor<Optional<Effect>> {
        static final SupplierWork INSTANCE = new SupplierWork();
        private static final Optional<Effect> REQUEST_RETURN = Optional.of(Effect.REQUEST_RETURN);
        private static final Optional<Effect> SHARE_TRACKING = Optional.of(Effect.SHARE_TRACKING);
        private static final Optional<Effect> CANCEL_AT_SUPPLIER = Optional.of(Effect.CANCEL_AT_SUPPLIER);

        @Override
        public Optional<Effect> returnRequested(ReturnEvent.ReturnRequested e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> negotiationOpened(ReturnEvent.NegotiationOpened e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> supplierAgreed(ReturnEvent.SupplierAgreed e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> supplierDeclined(ReturnEvent.SupplierDeclined e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> returnApplied(ReturnEvent.ReturnApplied e) {
            return REQUEST_RETURN;
        }

        @Override
        public Optional<Effect> supplierNumberIssued(ReturnEvent.SupplierNumberIssued e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> supplierNumberReplaced(ReturnEvent.SupplierNumberReplaced e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> numberSharedWithCustomer(ReturnEvent.NumberSharedWithCustomer e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> returnShipped(ReturnEvent.ReturnShipped e) {
            return SHARE_TRACKING;
        }

        @Override
        public Optional<Effect> returnReceived(ReturnEvent.ReturnReceived e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> resultReported(ReturnEvent.ResultReported e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> replacementShipped(ReturnEvent.ReplacementShipped e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> resultReportedToCustomer(ReturnEvent.ResultReportedToCustomer e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> resultConfirmed(ReturnEvent.ResultConfirmed e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> resultDisputed(ReturnEvent.ResultDisputed e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> returnCancelled(ReturnEvent.ReturnCancelled e) {
            return CANCEL_AT_SUPPLIER;
        }

        @Override
        public Optional<Effect> legEscalated(ReturnEvent.LegEscalated e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> legExpired(ReturnEvent.LegExpired e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> legClosed(ReturnEvent.LegClosed e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> partialRefundOffered(ReturnEvent.PartialRefundOffered e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> partialRefundAccepted(ReturnEvent.PartialRefundAccepted e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> partialRefundRejected(ReturnEvent.PartialRefundRejected e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> returnReapplied(ReturnEvent.ReturnReapplied e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> messageSent(ReturnEvent.MessageSent e) {
            return Optional.empty();
        }

        @Override
        public Optional<Effect> externalVersionRecorded(ReturnEvent.ExternalVersionRecorded e) {
            return Optional.empty();
        }
    }
}
