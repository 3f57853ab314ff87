package dev.returnsync.core.internal.access;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.engine.CaseNotFoundException;
import dev.returnsync.core.engine.CaseView;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.OutboxEntry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The one visibility policy, used by every command, query and supplier callback. Who is a party of a case:
 * <ul>
 *   <li>a reseller user or the system, of the case's tenant;</li>
 *   <li>the case's own customer, of the case's tenant;</li>
 *   <li>a supplier with a leg in the case, of the case's tenant.</li>
 * </ul>
 * The party check comes first, before the version, role, leg or state checks of the workflow, and a non-party is
 * answered exactly as for a missing case: the same {@link CaseNotFoundException}, or an empty answer. Each party
 * then sees its own view: a supplier its own leg only (its own lines of the request, its own events, the outbox
 * work addressed to it); a customer every leg of their return but no outbox work (the outbox is the reseller's
 * operations: supplier calls, their errors, leases); a reseller and the system everything.
 *
 * <p>Messages ({@link ReturnEvent.MessageSent}) are narrower still: the customer sees the messages it wrote and those
 * addressed to the customer; a supplier those of its own leg that it wrote or that are addressed to the supplier; the
 * reseller and the system every message. A message a party may not see is left out of its history as if it had never
 * been written. Not API.
 */
public final class Visibility {
    private Visibility() {
    }

    /** True when the asker is a party of every case of its tenant: a reseller user or the system. */
    public static boolean seesWholeTenant(Actor asker) {
        return asker.role() == Role.RESELLER || asker.role() == Role.SYSTEM;
    }

    /** True when the asker is a party of the case. */
    public static boolean isParty(Actor asker, ReturnCase c) {
        boolean hasLeg = false;
        if (asker.role() == Role.SUPPLIER) {
            for (Leg leg : c.legs()) {
                hasLeg |= asker.is(leg.supplier());
            }
        }
        return isParty(asker, c.tenant(), c.customer(), hasLeg);
    }

    /**
     * True when the asker is a party of the case that an event opened. A case's parties never change after it is
     * opened (its tenant, its customer, and one leg per supplier of the requested lines), so the opening event
     * answers as the case would, without folding the case.
     */
    public static boolean isParty(Actor asker, ReturnEvent.ReturnRequested opening) {
        boolean hasLeg = false;
        if (asker.role() == Role.SUPPLIER) {
            for (ReturnLine line : opening.lines()) {
                hasLeg |= asker.is(line.supplier());
            }
        }
        return isParty(asker, opening.actor().tenant(), opening.customer(), hasLeg);
    }

    private static boolean isParty(Actor asker, TenantId tenant, CustomerId customer, boolean supplierHasLeg) {
        if (!tenant.equals(asker.tenant())) {
            return false;
        }
        return switch (asker.role()) {
            case CUSTOMER -> asker.is(customer);
            case SUPPLIER -> supplierHasLeg;
            case RESELLER, SYSTEM -> true;
        };
    }

    /**
     * The case a command may be decided against. A submission meets whatever the store holds under its id (the
     * workflow refuses it if a case exists); any other command needs a case of which its actor is a party.
     *
     * @param stored the case the store holds under the command's id, if any
     * @throws CaseNotFoundException for a missing case and for a non-party alike
     */
    public static Optional<ReturnCase> forCommand(Command command, Optional<ReturnCase> stored) {
        if (command instanceof Command.SubmitReturn) {
            return stored;
        }
        if (stored.isEmpty() || !isParty(command.actor(), stored.get())) {
            throw CaseNotFoundException.forCommand(command.caseId(), command.type());
        }
        return stored;
    }

    /**
     * The case a query may read.
     *
     * @throws CaseNotFoundException for a missing case and for a non-party alike
     */
    public static ReturnCase forQuery(Actor asker, CaseId caseId, Optional<ReturnCase> stored) {
        return stored.filter(c -> isParty(asker, c)).orElseThrow(() -> CaseNotFoundException.forQuery(caseId));
    }

    /**
     * True when the asker may see where a number leads: a party of its case, and for a supplier not the number of
     * another supplier's leg.
     */
    public static boolean canSee(Actor asker, NumberLink link, ReturnCase c) {
        return canSee(asker, link, isParty(asker, c));
    }

    /** The same as {@link #canSee(Actor, NumberLink, ReturnCase)}, told by the event that opened the link's case. */
    public static boolean canSee(Actor asker, NumberLink link, ReturnEvent.ReturnRequested opening) {
        return canSee(asker, link, isParty(asker, opening));
    }

    private static boolean canSee(Actor asker, NumberLink link, boolean party) {
        if (!link.tenant().equals(asker.tenant()) || !party) {
            return false;
        }
        return asker.role() != Role.SUPPLIER || link.leg() == null || asker.is(link.leg());
    }

    /** The case as the asker sees it: a supplier its own leg only. */
    public static ReturnCase stateFor(Actor asker, ReturnCase c) {
        if (asker.role() != Role.SUPPLIER) {
            return c;
        }
        List<Leg> legs = c.legs();
        int kept = 0;
        for (Leg leg : legs) {
            kept += asker.is(leg.supplier()) ? 1 : 0;
        }
        if (kept == legs.size()) {
            return c; // every leg is the supplier's own
        }
        List<Leg> own = new ArrayList<>(kept);
        for (Leg leg : legs) {
            if (asker.is(leg.supplier())) {
                own.add(leg);
            }
        }
        return new ReturnCase(c.header(), own, c.version(), c.externalVersions());
    }

    /** The outcome of a command as its actor sees it: the same result when the actor sees all of it. */
    public static CommandResult resultFor(Actor asker, CommandResult result) {
        if (seesWholeTenant(asker)) {
            return result;
        }
        ReturnCase state = stateFor(asker, result.state());
        List<ReturnEvent> events = historyFor(asker, result.events());
        if (state == result.state() && events == result.events()) {
            return result;
        }
        return new CommandResult(state, events, result.replayed());
    }

    /** The case with its outbox work, as the asker sees them. */
    public static CaseView viewFor(Actor asker, ReturnCase c, List<OutboxEntry> outbox) {
        List<OutboxEntry> seen = switch (asker.role()) {
            case RESELLER, SYSTEM -> outbox;
            case CUSTOMER -> List.of();
            case SUPPLIER -> outbox.stream().filter(entry -> entry.target().equals(asker.id())).toList();
        };
        return new CaseView(stateFor(asker, c), seen.stream().filter(e -> !e.parked()).toList(),
                seen.stream().filter(OutboxEntry::parked).toList());
    }

    /**
     * The events as the asker sees them: a supplier the events of its own leg and the request with its own lines
     * only; a customer every event but the messages not meant for it; the reseller and the system every event.
     */
    public static List<ReturnEvent> historyFor(Actor asker, List<ReturnEvent> events) {
        if (seesWholeTenant(asker)) {
            return events;
        }
        int same = 0; // how many events lead the list as they are
        while (same < events.size() && seenAs(asker, events.get(same)) == events.get(same)) {
            same++;
        }
        if (same == events.size()) {
            return events; // nothing hidden, nothing narrowed
        }
        List<ReturnEvent> seen = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ReturnEvent event = i < same ? events.get(i) : seenAs(asker, events.get(i));
            if (event != null) {
                seen.add(event);
            }
        }
        return Collections.unmodifiableList(seen);
    }

    /**
     * An event as a customer or a supplier sees it: itself, a supplier's narrower request, or null when hidden from
     * it (a supplier does not see another leg's events; neither sees a message not meant for it).
     */
    private static ReturnEvent seenAs(Actor asker, ReturnEvent e) {
        if (e instanceof ReturnEvent.MessageSent m && !canRead(asker, m)) {
            return null;
        }
        if (asker.role() != Role.SUPPLIER) {
            return e;
        }
        if (e instanceof ReturnEvent.LegEvent leg && !asker.is(leg.leg())) {
            return null;
        }
        return e instanceof ReturnEvent.ReturnRequested requested ? ownLines(requested, asker) : e;
    }

    /**
     * True when a party of the message's case may read the message: the reseller and the system always; anyone else
     * when it wrote the message or its role is the addressee (a supplier only on its own leg).
     */
    public static boolean canRead(Actor asker, ReturnEvent.MessageSent message) {
        if (seesWholeTenant(asker)) {
            return true;
        }
        if (asker.role() == Role.SUPPLIER && !asker.is(message.leg())) {
            return false;
        }
        return message.actor().role() == asker.role() || message.to() == asker.role();
    }

    private static ReturnEvent ownLines(ReturnEvent.ReturnRequested r, Actor supplier) {
        int kept = 0;
        for (ReturnLine line : r.lines()) {
            kept += supplier.is(line.supplier()) ? 1 : 0;
        }
        if (kept == r.lines().size()) {
            return r; // every line is the supplier's own
        }
        List<ReturnLine> lines = new ArrayList<>(kept);
        for (ReturnLine line : r.lines()) {
            if (supplier.is(line.supplier())) {
                lines.add(line);
            }
        }
        return new ReturnEvent.ReturnRequested(r.at(), r.actor(), r.caseId(), r.customer(), r.order(),
                r.customerNumber(), r.resellerNumber(), lines, r.reason(), r.wanted(), r.deliveredAt());
    }
}
