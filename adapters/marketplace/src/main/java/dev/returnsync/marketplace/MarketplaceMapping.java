package dev.returnsync.marketplace;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A marketplace's refund statuses mapped onto the workflow, both ways. Immutable and thread-safe.
 *
 * <pre>{@code
 * MarketplaceMapping<TaobaoRefundStatus> taobao = MarketplaceMapping.taobao();
 * // outbound: which status the leg shows on Taobao
 * Optional<TaobaoRefundStatus> shown = taobao.outbound(view.state(), supplier).shown();
 * // inbound: Taobao reports the buyer shipped the parcel back
 * Inbound answer = taobao.inbound(Optional.of(view.state()),
 *         StatusChange.of(supplier, refundId, TaobaoRefundStatus.WAIT_SELLER_CONFIRM_GOODS, refundVersion)
 *                 .withTracking("SF", "SF1234567890"));
 * answer.commands().forEach(engine::execute);
 * }</pre>
 *
 * @param <S> the marketplace's status type
 */
public final class MarketplaceMapping<S extends Enum<S> & RefundStatus> {
    private final Table<S> table;
    private final String resellerUser;

    private MarketplaceMapping(Table<S> table, String resellerUser) {
        this.table = table;
        this.resellerUser = resellerUser;
    }

    /** {@return the mapping of Taobao and Tmall; reseller commands are fired as user {@code "taobao-sync"}} */
    public static MarketplaceMapping<TaobaoRefundStatus> taobao() {
        return new MarketplaceMapping<>(TaobaoTable.INSTANCE, "taobao-sync");
    }

    /** {@return the mapping of 1688 dropshipping; reseller commands are fired as user {@code "1688-sync"}} */
    public static MarketplaceMapping<Alibaba1688RefundStatus> alibaba1688() {
        return new MarketplaceMapping<>(Alibaba1688Table.INSTANCE, "1688-sync");
    }

    /**
     * The same mapping, firing the reseller's commands as another user of the reseller.
     *
     * @param userId the reseller user the commands are fired as (see {@link Actor#reseller})
     * @return the mapping
     * @throws IllegalArgumentException if the id is no valid actor id
     */
    public MarketplaceMapping<S> resellerUser(String userId) {
        // checked here, as the id of an actor of any tenant, rather than when the first command is made
        Actor.reseller(TenantId.of("any"), userId);
        return new MarketplaceMapping<>(table, userId);
    }

    /** {@return the marketplace's name, which starts the source of each of its refunds' versions} */
    public String source() {
        return table.source();
    }

    /**
     * The source of one refund's versions in {@link ExternalVersion}s: the marketplace's name, a dot and the refund
     * id (or, for an id that is no valid source text, the start of its SHA-256), e.g. {@code "taobao.2026110312345"}.
     * Each refund of a case (one per supplier's lines) so keeps versions of its own.
     *
     * @param refundId the marketplace's refund id
     * @return the source, always the same for the same id
     */
    public String source(String refundId) {
        return RefundSources.of(table.source(), Objects.requireNonNull(refundId, "refundId"));
    }

    /** {@return the marketplace's status type} */
    public Class<S> statusType() {
        return table.statusType();
    }

    // ---------------------------------------------------------------------------------------------- outbound

    /**
     * The status a leg of a case shows on the marketplace.
     *
     * @param current the case
     * @param supplier the leg's supplier
     * @return the status, how well it fits and why
     * @throws IllegalArgumentException if the case has no leg of that supplier
     */
    public OutboundStatus<S> outbound(ReturnCase current, SupplierId supplier) {
        Leg leg = current.leg(supplier).orElseThrow(
                () -> new IllegalArgumentException("supplier: the case has no leg of this supplier"));
        return table.outbound(LegFacts.of(leg, current.wanted()));
    }

    /**
     * The outbound table for legs of one outcome whose inspection accepted something: one row per leg state.
     *
     * @param outcome the legs' outcome
     * @return every state's row, in the order of {@link LegState}
     */
    public List<OutboundStatus<S>> outboundTable(OutcomeType outcome) {
        Objects.requireNonNull(outcome, "outcome");
        List<OutboundStatus<S>> rows = new ArrayList<>();
        for (LegState state : LegState.values()) {
            rows.add(table.outbound(new LegFacts(state, outcome, false)));
        }
        return rows;
    }

    /**
     * The legs whose marketplace status changed by some events: what a host pushes to the marketplace after a
     * command (the events of a {@code CommandResult}).
     *
     * @param before the case before the events, empty when they opened it
     * @param after the case after the events
     * @param events the events
     * @return the new status of every leg whose status changed, by supplier, in the case's leg order; legs
     *     without a status (fit {@link Fit#NONE}) are left out
     */
    public Map<SupplierId, S> changes(Optional<ReturnCase> before, ReturnCase after, List<ReturnEvent> events) {
        Map<SupplierId, S> changes = new LinkedHashMap<>();
        for (Leg leg : after.legs()) {
            boolean touched = false;
            for (ReturnEvent event : events) {
                touched |= Touches.leg(event, leg.supplier());
            }
            S now = outbound(after, leg.supplier()).status();
            S was = before.flatMap(c -> c.leg(leg.supplier()).map(l -> outbound(c, leg.supplier()).status()))
                    .orElse(null);
            if (touched && now != null && now != was) {
                changes.put(leg.supplier(), now);
            }
        }
        return changes;
    }

    // ----------------------------------------------------------------------------------------------- inbound

    /**
     * What a status change reported by the marketplace asks the host to run.
     *
     * @param current the case the refund belongs to (the host finds it by the refund's number), or empty when no
     *     case exists yet
     * @param change the status change, with its data
     * @return the commands to run, or why there are none
     */
    public Inbound inbound(Optional<ReturnCase> current, StatusChange<S> change) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(change, "change");
        if (current.isEmpty()) {
            return table.intent(change.status()) == Table.Intent.OPEN
                    ? new Inbound.Open(new ExternalVersion(source(change.refundId()), change.version()))
                    : new Inbound.NoCounterpart("no case for the refund, and " + change.status().apiName()
                    + " does not open one");
        }
        ReturnCase c = current.get();
        Optional<Leg> leg = c.leg(change.leg());
        if (leg.isEmpty()) {
            return new Inbound.NoCounterpart("the case has no leg of the refund's supplier");
        }
        return new InboundWalk<>(table, c, leg.get(), change, resellerUser).answer();
    }
}
