package dev.returnsync.core.domain;

import dev.returnsync.spi.AmountOutOfRangeException;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.ReturnEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Ready-made policies. Each proposes commands as the SYSTEM actor named after the policy, with stable keys
 * ({@link PolicyContext#key}), so the engine applies each reaction once even when it is retried.
 */
public final class Policies {
    private Policies() {
    }

    /** {@return a policy: when a case is opened, open the negotiation with every supplier at once} */
    public static Policy autoOpenNegotiation() {
        return Policy.on(ReturnEvent.ReturnRequested.class, "auto-open-negotiation", (after, event, ctx) -> {
            List<Command> commands = new ArrayList<>();
            for (Leg leg : after.legs()) {
                commands.add(ctx.header(leg.supplier().value()).openNegotiation().leg(leg.supplier()).build());
            }
            return commands;
        });
    }

    /**
     * When a negotiation opens on a leg worth at most {@code limit} (requested units times unit price), agree at
     * once with the outcome the customer wants, authorizing every requested unit. The worth is summed exactly: a
     * leg worth more than {@link Money#MAX_MINOR} is never auto-agreed.
     *
     * @param limit the highest worth of a leg that is agreed at once; not null
     * @return the policy
     */
    public static Policy autoAgreeUpTo(Money limit) {
        Objects.requireNonNull(limit, "limit");
        return Policy.on(ReturnEvent.NegotiationOpened.class, "auto-agree-up-to", (after, event, ctx) -> {
            Leg leg = after.leg(event.leg()).orElseThrow();
            if (!worthAtMost(leg, limit)) {
                return List.of();
            }
            return List.of(ctx.header(leg.supplier().value()).agreeReturn().leg(leg.supplier())
                    .outcome(after.wanted()).build());
        });
    }

    /** {@return a policy: when a supplier agrees, apply for the return (and its number) at once} */
    public static Policy autoApplyForReturn() {
        return Policy.on(ReturnEvent.SupplierAgreed.class, "auto-apply-for-return", (after, event, ctx) ->
                List.of(ctx.header(event.leg().value()).applyForReturn().leg(event.leg()).build()));
    }

    /** {@return a policy: when a supplier issues its return number, tell the customer at once (代发商将退货单号告知客户)} */
    public static Policy autoShareSupplierNumber() {
        return Policy.on(ReturnEvent.SupplierNumberIssued.class, "auto-share-supplier-number", (after, event, ctx) ->
                List.of(ctx.header(event.leg().value()).shareNumberWithCustomer().leg(event.leg()).build()));
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
