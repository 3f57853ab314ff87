package dev.returnsync.core.domain;

import dev.returnsync.spi.AmountOutOfRangeException;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnEvent.LegEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;

import java.util.Currency;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Whether an event fits the case it is folded into: the one place that keeps {@link ReturnWorkflow#evolve} to
 * the transition table. An event fits a leg when the table has a row recording it from the leg's state whose
 * condition holds (deadline events: when the leg waits in the state the event names), and its payload fits the
 * leg. Anything else throws {@link IllegalEventException}.
 */
final class EventFit {
    private EventFit() {
    }

    /**
     * Event type -> state -> the conditions of the rows that record it from there (deadline rows aside). Built when
     * an event is first folded, not when {@link ReturnWorkflow#step} first checks a submission's lines.
     */
    private static final class Rows {
        static final Map<String, Map<LegState, List<Transition.Condition>>> BY_EVENT = rows();

        private static Map<String, Map<LegState, List<Transition.Condition>>> rows() {
            Map<String, Map<LegState, List<Transition.Condition>>> rows = new HashMap<>();
            // plain loops, no lambdas: this runs on a cold JVM, where every lambda costs its own linkage
            for (Transition row : WorkflowDefinition.of(DeadlinePolicy.ofDefaults()).transitions()) {
                if (row.from() != null && row.command() != CommandType.FIRE_DEADLINE) {
                    Map<LegState, List<Transition.Condition>> byState = rows.get(row.event());
                    if (byState == null) {
                        byState = new EnumMap<>(LegState.class);
                        rows.put(row.event(), byState);
                    }
                    List<Transition.Condition> conditions = byState.get(row.from());
                    if (conditions == null) {
                        conditions = new ArrayList<>();
                        byState.put(row.from(), conditions);
                    }
                    conditions.add(row.condition());
                }
            }
            return rows;
        }
    }

    /** Checks a case-opening event: at least one line, distinct SKUs, one currency. */
    static void checkOpening(ReturnCase current, ReturnEvent.ReturnRequested event) {
        if (current != null) {
            throw new IllegalEventException(null, event.type(), "the case is already open");
        }
        List<ReturnLine> lines = event.lines();
        if (lines.isEmpty()) {
            throw new IllegalEventException(null, event.type(), "a case needs at least one line");
        }
        Currency currency = lines.get(0).unitPrice().currency();
        for (int i = 0; i < lines.size(); i++) {
            if (ReturnWorkflow.repeatsEarlierSku(lines, i)) {
                throw new IllegalEventException(null, event.type(), "lines[" + i + "] repeats a SKU");
            }
            if (!lines.get(i).unitPrice().currency().equals(currency)) {
                throw new IllegalEventException(null, event.type(), "lines[" + i + "] is priced in another currency");
            }
        }
    }

    /** Checks that an external version is newer than the one the case holds for its source. */
    static void checkExternalVersion(ReturnCase current, ReturnEvent.ExternalVersionRecorded event) {
        ExternalVersion external = event.version();
        if (!isNewer(current, external)) {
            throw new IllegalEventException(null, event.type(), "the case holds a version of source "
                    + external.source() + " at least as new");
        }
    }

    /** True when the case holds no version of the token's source, or an older one. */
    static boolean isNewer(ReturnCase current, ExternalVersion external) {
        OptionalLong held = current.externalVersion(external.source());
        return held.isEmpty() || held.getAsLong() < external.version();
    }

    /** Checks that a leg event fits the leg's state and payload. */
    static void check(ReturnCase current, Leg leg, LegEvent event) {
        String problem = event.accept(new Fit(current, leg));
        if (problem != null) {
            throw new IllegalEventException(leg.state(), event.type(), problem);
        }
    }

    /**
     * Why an event of each type does not fit a leg, or {@code null} when it fits: first the step (a row of the
     * table, or the state a deadline event names), then the payload.
     */
    private static final class Fit implements ReturnEvent.Visitor<String> {
        private static final String NO_STEP = "the transition table has no such step from this state";

        private final ReturnCase current;
        private final Leg leg;

        Fit(ReturnCase current, Leg leg) {
            this.current = current;
            this.leg = leg;
        }

        /** True when the table has a row recording the event from the leg's state whose condition holds. */
        private boolean inTable(ReturnEvent event) {
            Map<LegState, List<Transition.Condition>> byState = Rows.BY_EVENT.get(event.type());
            List<Transition.Condition> conditions = byState == null ? null : byState.get(leg.state());
            if (conditions == null) {
                return false;
            }
            for (Transition.Condition condition : conditions) {
                if (condition.test(leg)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String returnRequested(ReturnEvent.ReturnRequested e) {
            return "the case is already open";
        }

        @Override
        public String negotiationOpened(ReturnEvent.NegotiationOpened e) {
            return inTable(e) ? null : NO_STEP;
        }

        @Override
        public String supplierAgreed(ReturnEvent.SupplierAgreed e) {
            if (!inTable(e)) {
                return NO_STEP;
            }
            String problem = quantities(leg, "authorized", e.authorized());
            return problem != null || e.shipping() == null ? problem : currency(leg, "shipping fee", e.shipping().fee());
        }

        @Override
        public String supplierDeclined(ReturnEvent.SupplierDeclined e) {
            return inTable(e) ? null : NO_STEP;
        }

        @Override
        public String returnApplied(ReturnEvent.ReturnApplied e) {
            if (!inTable(e)) {
                return NO_STEP;
            }
            return e.resellerNumber().equals(current.resellerNumber()) ? null
                    : "resellerNumber is not the case's reseller return number";
        }

        @Override
        public String supplierNumberIssued(ReturnEvent.SupplierNumberIssued e) {
            return !inTable(e) ? NO_STEP : kind("number", e.number(), NumberKind.SUPPLIER_RETURN);
        }

        @Override
        public String supplierNumberReplaced(ReturnEvent.SupplierNumberReplaced e) {
            if (!inTable(e)) {
                return NO_STEP;
            }
            return !e.previous().equals(leg.supplierNumber()) ? "previous is not the leg's current supplier number"
                    : kind("number", e.number(), NumberKind.SUPPLIER_RETURN);
        }

        @Override
        public String numberSharedWithCustomer(ReturnEvent.NumberSharedWithCustomer e) {
            if (!inTable(e)) {
                return NO_STEP;
            }
            return e.number().equals(leg.supplierNumber()) ? null : "number is not the leg's current supplier number";
        }

        @Override
        public String returnShipped(ReturnEvent.ReturnShipped e) {
            return !inTable(e) ? NO_STEP : kind("tracking", e.tracking(), NumberKind.RETURN_TRACKING);
        }

        @Override
        public String returnReceived(ReturnEvent.ReturnReceived e) {
            return !inTable(e) ? NO_STEP : quantities(leg, "received", e.received());
        }

        @Override
        public String resultReported(ReturnEvent.ResultReported e) {
            if (!inTable(e)) {
                return NO_STEP;
            }
            String problem = quantities(leg, "accepted", e.accepted());
            if (problem == null) {
                problem = quantities(leg, "rejected", e.rejected());
            }
            if (problem == null && e.restockingFee() != null) {
                problem = currency(leg, "restocking fee", e.restockingFee());
            }
            return problem != null ? problem : restockingWithinGoods(leg, e);
        }

        @Override
        public String replacementShipped(ReturnEvent.ReplacementShipped e) {
            return !inTable(e) ? NO_STEP : kind("tracking", e.tracking(), NumberKind.REPLACEMENT_TRACKING);
        }

        @Override
        public String resultReportedToCustomer(ReturnEvent.ResultReportedToCustomer e) {
            if (!inTable(e)) {
                return NO_STEP;
            }
            return currency(leg, "settlement", e.settlement().refund());
        }

        @Override
        public String resultConfirmed(ReturnEvent.ResultConfirmed e) {
            return inTable(e) ? null : NO_STEP;
        }

        @Override
        public String resultDisputed(ReturnEvent.ResultDisputed e) {
            return inTable(e) ? null : NO_STEP;
        }

        @Override
        public String returnCancelled(ReturnEvent.ReturnCancelled e) {
            return inTable(e) ? null : NO_STEP;
        }

        @Override
        public String legEscalated(ReturnEvent.LegEscalated e) {
            LegState state = leg.state();
            boolean waits = !state.isTerminal() && e.waitingIn() == state && leg.escalatedIn() != state;
            return waits ? null : NO_STEP;
        }

        @Override
        public String legExpired(ReturnEvent.LegExpired e) {
            LegState state = leg.state();
            return !state.isTerminal() && e.expiredIn() == state ? null : NO_STEP;
        }

        @Override
        public String legClosed(ReturnEvent.LegClosed e) {
            return inTable(e) ? null : NO_STEP;
        }

        @Override
        public String partialRefundOffered(ReturnEvent.PartialRefundOffered e) {
            if (!inTable(e)) {
                return NO_STEP;
            }
            if (e.round() != leg.money().offers() + 1) {
                return "round is not the leg's next offer";
            }
            return currency(leg, "amount", e.amount());
        }

        @Override
        public String partialRefundAccepted(ReturnEvent.PartialRefundAccepted e) {
            if (!inTable(e)) {
                return NO_STEP;
            }
            return e.settlement().goodsRefund().equals(leg.money().offer()) ? null
                    : "settlement is not the refund offered";
        }

        @Override
        public String partialRefundRejected(ReturnEvent.PartialRefundRejected e) {
            return inTable(e) ? null : NO_STEP;
        }

        @Override
        public String returnReapplied(ReturnEvent.ReturnReapplied e) {
            if (!inTable(e)) {
                return NO_STEP;
            }
            return e.round() == leg.round() + 1 ? null : "round does not follow the leg's round";
        }

        @Override
        public String messageSent(ReturnEvent.MessageSent e) {
            return inTable(e) ? null : NO_STEP;
        }

        @Override
        public String externalVersionRecorded(ReturnEvent.ExternalVersionRecorded e) {
            return "an external version moves no leg";
        }
    }

    /** The restocking fee is at most the refund for the goods the event accepts (which the settlement subtracts). */
    private static String restockingWithinGoods(Leg leg, ReturnEvent.ResultReported e) {
        if (e.restockingFee() == null || e.restockingFee().isZero()) {
            return null;
        }
        try {
            return e.restockingFee().isAbove(Leg.goodsRefund(leg.outcome(), leg.lines(), e.accepted()))
                    ? "restocking fee is above the refund for the goods accepted" : null;
        } catch (AmountOutOfRangeException overflow) {
            return null; // goods worth more than any fee: a leg stored before amounts were bounded
        }
    }

    private static String currency(Leg leg, String field, Money amount) {
        return amount.currency().equals(leg.lines().get(0).unitPrice().currency()) ? null
                : field + " is in another currency than the case";
    }

    private static String kind(String field, ReturnNumber number, NumberKind kind) {
        return number.kind() == kind ? null : field + " must be a " + kind.label();
    }

    /**
     * Every SKU a line of the leg, listed once; the axes' order is checked when the line state is built. Lists are
     * as short as a leg's lines, so the pairwise look-up allocates nothing on the fold's hot path.
     */
    private static String quantities(Leg leg, String field, List<LineQuantity> quantities) {
        for (int i = 0; i < quantities.size(); i++) {
            Sku sku = quantities.get(i).sku();
            if (leg.lineOrNull(sku) == null) {
                return field + "[" + i + "] names a SKU that is not a line of this leg";
            }
            for (int j = 0; j < i; j++) {
                if (quantities.get(j).sku().equals(sku)) {
                    return field + "[" + i + "] repeats a SKU";
                }
            }
        }
        return null;
    }
}
