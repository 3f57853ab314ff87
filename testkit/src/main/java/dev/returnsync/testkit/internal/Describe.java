package dev.returnsync.testkit.internal;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Collectors;

/** Compact text for commands, decisions and cases in traces. Not API. */
public final class Describe {
    private static final Set<String> HIDDEN = Set.of("key", "actor", "caseId");

    private Describe() {
    }

    /** A command as {@code Type(field=value, ...)}, without the key, actor and case id. */
    public static String command(Command command) {
        StringBuilder out = new StringBuilder(command.getClass().getSimpleName()).append('(');
        boolean first = true;
        for (RecordComponent component : command.getClass().getRecordComponents()) {
            if (HIDDEN.contains(component.getName())) {
                continue;
            }
            Object value;
            try {
                value = component.getAccessor().invoke(command);
            } catch (ReflectiveOperationException e) {
                value = "?";
            }
            if (value == null && component.getName().equals("expectedVersion")) {
                continue;
            }
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(component.getName()).append('=').append(value(value));
        }
        return out.append(')').toString();
    }

    private static String value(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Describe::value).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof LineQuantity q) {
            return q.sku() + "x" + q.quantity();
        }
        if (value instanceof ReturnLine l) {
            return l.sku() + "@" + l.supplier() + " " + l.requested() + "/" + l.delivered() + " " + l.unitPrice();
        }
        if (value instanceof Reason r) {
            return r.code() + (r.evidence().isEmpty() ? "" : "+" + r.evidence().size() + " evidence");
        }
        return String.valueOf(value);
    }

    /** A decision: the event types, or the refusal. */
    public static String decision(Decision decision) {
        if (decision instanceof Decision.Accepted accepted) {
            return "accepted: " + accepted.events().stream().map(ReturnEvent::type).collect(Collectors.joining(", "));
        }
        return "refused " + ((Decision.Refused) decision).refusal();
    }

    /** The legs of a case with their states, and the version. */
    public static String legs(Optional<ReturnCase> current) {
        return current.map(c -> c.legs().stream().map(Describe::leg).collect(Collectors.joining(", "))
                + "  (version " + c.version() + ")").orElse("(no case)");
    }

    private static String leg(Leg leg) {
        return leg.supplier() + "=" + leg.state() + (leg.escalatedIn() != null ? "[escalated]" : "")
                + (leg.outcome() != null ? " " + leg.outcome() : "");
    }

    /** A case with its status, version and every leg's values, for an invariant's failure message. */
    public static String caseDetail(ReturnCase current) {
        return current.id() + " (version " + current.version() + ", " + current.status() + ", wanted "
                + current.wanted() + "), legs: " + current.legs().stream().map(Describe::legDetail)
                .collect(Collectors.joining("; "));
    }

    /**
     * A leg with its state, since when, outcome, refund, numbers and every line's quantities, e.g.
     * {@code S1 (NEGOTIATING since 2026-03-02T00:00:00Z): SKU-1 at CNY 100.00 delivered 1, requested 1, ...}.
     */
    public static String legDetail(Leg leg) {
        StringBuilder out = new StringBuilder().append(leg.supplier()).append(" (").append(leg.state())
                .append(" since ").append(leg.since());
        if (leg.escalatedIn() != null) {
            out.append(", escalated in ").append(leg.escalatedIn());
        }
        if (leg.outcome() != null) {
            out.append(", outcome ").append(leg.outcome());
        }
        if (leg.refund() != null) {
            out.append(", refund ").append(leg.refund());
        }
        if (leg.supplierNumber() != null) {
            out.append(", supplier number ").append(leg.supplierNumber());
        }
        if (leg.returnTracking() != null) {
            out.append(", return tracking ").append(leg.returnTracking());
        }
        out.append("): ");
        out.append(leg.lines().stream().map(l -> l.sku() + " at " + l.unitPrice() + " delivered " + l.delivered()
                        + ", requested " + l.requested() + ", authorized " + l.authorized() + ", received "
                        + l.received() + ", accepted " + l.accepted() + ", rejected " + l.rejected())
                .collect(Collectors.joining("; ")));
        return out.toString();
    }

    /** A duration as {@code 7d}, {@code 48h}, {@code 6d 23h 59m 59s}. */
    public static String duration(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        long days = duration.toDaysPart();
        if (days != 0) {
            out.append(days).append("d ");
        }
        if (duration.toHoursPart() != 0) {
            out.append(duration.toHoursPart()).append("h ");
        }
        if (duration.toMinutesPart() != 0) {
            out.append(duration.toMinutesPart()).append("m ");
        }
        if (duration.toSecondsPart() != 0) {
            out.append(duration.toSecondsPart()).append("s ");
        }
        if (duration.toNanosPart() != 0) {
            out.append(duration.toNanosPart()).append("ns ");
        }
        return out.toString().trim();
    }
}
