package dev.returnsync.core.domain;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether an event fits the case it is folded into: the one place that keeps {@link ReturnWorkflow#evolve} to
 * the transition table. An event fits a leg when the table has a row recording it from the leg's state whose
 * condition holds (deadline events: when the leg waits in the state the event names), and its payload fits the
 * leg. Anything else throws {@link IllegalEventException}.
 */
final class EventFit {
    /** Event type -> state -> the conditions of the rows that record it from there (deadline rows aside). */
    private static final Map<String, Map<LegState, List<Transition.Condition>>> ROWS = rows();

    private EventFit() {
    }

    private static Map<String, Map<LegState, List<Transition.Condition>>> rows() {
        Map<String, Map<LegState, List<Transition.Condition>>> rows = new HashMap<>();
        for (Transition row : WorkflowDefinition.of(DeadlinePolicy.ofDefaults()).transitions()) {
            if (row.from() != null && row.command() != CommandType.FIRE_DEADLINE) {
                rows.computeIfAbsent(row.event(), e -> new EnumMap<>(LegState.class))
                        .computeIfAbsent(row.from(), s -> new ArrayList<>()).add(row.condition());
            }
        }
        return rows;
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
        Set<Sku> skus = new HashSet<>();
        Currency currency = lines.get(0).unitPrice().currency();
        for (int i = 0; i < lines.size(); i++) {
            if (!skus.add(lines.get(i).sku())) {
                throw new IllegalEventException(null, event.type(), "lines[" + i + "] repeats a SKU");
            }
            if (!lines.get(i).unitPrice().currency().equals(currency)) {
                throw new IllegalEventException(null, event.type(), "lines[" + i + "] is priced in another currency");
            }
        }
    }

    /** Checks that a leg event fits the leg's state and payload. */
    static void check(ReturnCase current, Leg leg, LegEvent event) {
        LegState state = leg.state();
        if (!allowedFrom(leg, event)) {
            throw new IllegalEventException(state, event.type(), "the transition table has no such step from this state");
        }
        String problem = payloadProblem(current, leg, event);
        if (problem != null) {
            throw new IllegalEventException(state, event.type(), problem);
        }
    }

    private static boolean allowedFrom(Leg leg, LegEvent event) {
        LegState state = leg.state();
        if (event instanceof ReturnEvent.LegEscalated e) {
            return !state.isTerminal() && e.waitingIn() == state && leg.escalatedIn() != state;
        }
        if (event instanceof ReturnEvent.LegExpired e) {
            return !state.isTerminal() && e.expiredIn() == state;
        }
        Map<LegState, List<Transition.Condition>> byState = ROWS.get(event.type());
        List<Transition.Condition> conditions = byState == null ? null : byState.get(state);
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

    private static String payloadProblem(ReturnCase current, Leg leg, LegEvent event) {
        if (event instanceof ReturnEvent.SupplierAgreed e) {
            return quantities(leg, "authorized", e.authorized());
        } else if (event instanceof ReturnEvent.ReturnReceived e) {
            return quantities(leg, "received", e.received());
        } else if (event instanceof ReturnEvent.ResultReported e) {
            String problem = quantities(leg, "accepted", e.accepted());
            return problem != null ? problem : quantities(leg, "rejected", e.rejected());
        } else if (event instanceof ReturnEvent.ReturnApplied e) {
            return e.resellerNumber().equals(current.resellerNumber()) ? null
                    : "resellerNumber is not the case's reseller return number";
        } else if (event instanceof ReturnEvent.SupplierNumberIssued e) {
            return kind("number", e.number(), NumberKind.SUPPLIER_RETURN);
        } else if (event instanceof ReturnEvent.SupplierNumberReplaced e) {
            return !e.previous().equals(leg.supplierNumber()) ? "previous is not the leg's current supplier number"
                    : kind("number", e.number(), NumberKind.SUPPLIER_RETURN);
        } else if (event instanceof ReturnEvent.NumberSharedWithCustomer e) {
            return e.number().equals(leg.supplierNumber()) ? null : "number is not the leg's current supplier number";
        } else if (event instanceof ReturnEvent.ReturnShipped e) {
            return kind("tracking", e.tracking(), NumberKind.RETURN_TRACKING);
        } else if (event instanceof ReturnEvent.ReplacementShipped e) {
            return kind("tracking", e.tracking(), NumberKind.REPLACEMENT_TRACKING);
        } else if (event instanceof ReturnEvent.ResultReportedToCustomer e) {
            Money price = leg.lines().get(0).unitPrice();
            return e.refund().currency().equals(price.currency()) ? null : "refund is in another currency than the leg";
        }
        return null;
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
