package dev.returnsync.core.domain;

import dev.returnsync.spi.AmountOutOfRangeException;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.ReturnEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made policies. Each proposes commands as the SYSTEM actor named after the policy, with stable keys
 * ({@link Policy#key}), so the engine applies each reaction once even when it is retried.
 */
public final class Policies {
    private Policies() {
    }

    /** When a case is opened, open the negotiation with every supplier at once. */
    public static Policy autoOpenNegotiation() {
        String name = "auto-open-negotiation";
        return Policy.on(ReturnEvent.ReturnRequested.class, name, (after, event, context) -> {
            List<Command> commands = new ArrayList<>();
            for (Leg leg : after.legs()) {
                commands.add(new Command.OpenNegotiation(Policy.key(name, after, leg.supplier().value()),
                        Policy.actor(name, after), null, after.id(), leg.supplier()));
            }
            return commands;
        });
    }

    /**
     * When a negotiation opens on a leg worth at most {@code limit} (requested units times unit price), agree at
     * once with the outcome the customer wants, authorizing every requested unit. The worth is summed exactly: a
     * leg worth more than {@link Money#MAX_MINOR} is never auto-agreed.
     */
    public static Policy autoAgreeUpTo(Money limit) {
        Objects.requireNonNull(limit, "limit");
        String name = "auto-agree-up-to";
        return Policy.on(ReturnEvent.NegotiationOpened.class, name, (after, event, context) -> {
            Leg leg = after.leg(event.leg()).orElseThrow();
            if (!worthAtMost(leg, limit)) {
                return List.of();
            }
            List<LineQuantity> all = leg.lines().stream().map(l -> new LineQuantity(l.sku(), l.requested())).toList();
            return List.of(new Command.AgreeReturn(Policy.key(name, after, leg.supplier().value()),
                    Policy.actor(name, after), null, after.id(), leg.supplier(), after.wanted(), all));
        });
    }

    /** When a supplier agrees, apply for the return (and its number) at once. */
    public static Policy autoApplyForReturn() {
        String name = "auto-apply-for-return";
        return Policy.on(ReturnEvent.SupplierAgreed.class, name, (after, event, context) ->
                List.of(new Command.ApplyForReturn(Policy.key(name, after, event.leg().value()),
                        Policy.actor(name, after), null, after.id(), event.leg())));
    }

    /** When a supplier issues its return number, tell the customer at once (代发商将退货单号告知客户). */
    public static Policy autoShareSupplierNumber() {
        String name = "auto-share-supplier-number";
        return Policy.on(ReturnEvent.SupplierNumberIssued.class, name, (after, event, context) ->
                List.of(new Command.ShareNumberWithCustomer(Policy.key(name, after, event.leg().value()),
                        Policy.actor(name, after), null, after.id(), event.leg())));
    }

    /** True when the leg's requested units times unit prices add up to at most the limit, in its currency. */
    private static boolean worthAtMost(Leg leg, Money limit) {
        Money worth = new Money(limit.currency(), 0);
        for (LineState line : leg.lines()) {
            if (!line.unitPrice().currency().equals(limit.currency())) {
                return false;
            }
            try {
                worth = worth.plus(line.unitPrice().times(line.requested()));
            } catch (AmountOutOfRangeException e) {
                return false;
            }
        }
        return worth.minor() <= limit.minor();
    }
}
