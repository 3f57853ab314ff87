package dev.returnsync.marketplace;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.DeadlinePolicy;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.WorkflowDefinition;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.LegState;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Answers one status change against the case as it stands: see {@link MarketplaceMapping#inbound}. */
final class InboundWalk<S extends Enum<S> & RefundStatus> {
    private static final WorkflowDefinition TABLE = WorkflowDefinition.of(DeadlinePolicy.ofDefaults());
    /** More steps than the longest way forward: a walk that has not arrived by then never will. */
    private static final int MAX_STEPS = LegState.values().length;

    private final Table<S> table;
    private final ReturnCase current;
    private final Leg leg;
    private final LegFacts facts;
    private final StatusChange<S> change;
    private final StepCommands<S> commands;

    InboundWalk(Table<S> table, ReturnCase current, Leg leg, StatusChange<S> change, String resellerUser) {
        this.table = table;
        this.current = current;
        this.leg = leg;
        this.facts = LegFacts.of(leg, current.wanted());
        this.change = change;
        this.commands = new StepCommands<>(table, current, change, resellerUser);
    }

    Inbound answer() {
        String source = RefundSources.of(table.source(), change.refundId());
        OptionalLong held = current.externalVersion(source);
        if (held.isPresent() && held.getAsLong() >= change.version()) {
            return new Inbound.Stale(new ExternalVersion(source, held.getAsLong()));
        }
        S target = change.status();
        if (table.outbound(facts).status() == target) {
            return new Inbound.Shown();
        }
        return switch (table.intent(target)) {
            case OPEN -> leg.state() == LegState.DECLINED ? reapply() : forward();
            case FORWARD -> forward();
            case DECLINE -> decline();
            case CLOSE -> close();
        };
    }

    /**
     * The refund was opened again after a refusal: the buyer re-applies, a new negotiation round under the same
     * refund (the workflow refuses it once the re-application window closed or the rounds are used up).
     */
    private Inbound reapply() {
        if (!allowed(CommandType.REAPPLY)) {
            return new Inbound.NoCounterpart("the refund was opened again, but the leg is " + leg.state()
                    + ": only a declined leg is applied for again");
        }
        return exit(CommandType.REAPPLY);
    }

    /**
     * Walks forward along the workflow until the leg shows the status. The way is planned first, so that a status
     * that no state on the way shows makes no command at all.
     */
    private Inbound forward() {
        if (passed(change.status())) {
            return new Inbound.Behind(table.outbound(facts).status());
        }
        List<Forward.Step> way = way();
        if (way.isEmpty()) {
            return new Inbound.NoCounterpart("no way forward from " + leg.state() + " leads to a leg that shows "
                    + change.status().apiName());
        }
        for (Forward.Step step : way) {
            String cannot = commands.add(step.command());
            if (cannot != null) {
                return new Inbound.Wait(commands.made(), step.command(), cannot);
            }
        }
        return new Inbound.Run(commands.made());
    }

    /** The steps from where the leg stands to the first state that shows the status; none when no state does. */
    private List<Forward.Step> way() {
        List<Forward.Step> way = new ArrayList<>();
        LegFacts at = facts;
        for (int i = 0; i < MAX_STEPS; i++) {
            Forward.Step step = Forward.from(at);
            if (step == null) {
                return List.of();
            }
            way.add(step);
            at = after(step);
            if (table.outbound(at).status() == change.status()) {
                return way;
            }
        }
        return List.of();
    }

    /** The facts after a step of the walk, with what the change's data decided on the way. */
    private LegFacts after(Forward.Step step) {
        LegFacts next = step.next();
        return switch (step.command()) {
            case AGREE_RETURN -> new LegFacts(next.state(), commands.outcome(), false);
            case REPORT_RESULT -> new LegFacts(next.state(), next.outcome(), commands.acceptsNothing());
            default -> next;
        };
    }

    /** True when the status is one that the leg showed on its way to where it stands. */
    private boolean passed(S status) {
        LegFacts at = new LegFacts(LegState.REQUESTED, facts.outcome(), false);
        for (int i = 0; i < MAX_STEPS && at.state() != leg.state(); i++) {
            if (table.outbound(at).status() == status) {
                return true;
            }
            Forward.Step step = Forward.from(at);
            if (step == null) {
                return false;
            }
            at = step.next();
        }
        return false;
    }

    /** The seller refused: the supplier declines, after the negotiation is opened if it was not. */
    private Inbound decline() {
        if (leg.state() == LegState.REQUESTED) {
            String cannot = commands.add(CommandType.OPEN_NEGOTIATION);
            if (cannot != null) {
                return new Inbound.Wait(commands.made(), CommandType.OPEN_NEGOTIATION, cannot);
            }
        } else if (!allowed(CommandType.DECLINE_RETURN)) {
            return new Inbound.NoCounterpart("a refusal of the refund in state " + leg.state() + " has no counterpart:"
                    + " the supplier declines only until the goods ship, and rejects returned goods by its"
                    + " inspection instead");
        }
        return exit(CommandType.DECLINE_RETURN);
    }

    /** The refund was closed: the leg is cancelled while it may be, closed by the reseller otherwise. */
    private Inbound close() {
        if (allowed(CommandType.CANCEL_RETURN)) {
            return exit(CommandType.CANCEL_RETURN);
        }
        if (allowed(CommandType.CLOSE_LEG)) {
            return exit(CommandType.CLOSE_LEG);
        }
        return new Inbound.NoCounterpart("the refund was closed, but the leg is " + leg.state()
                + " already: no step leaves that state");
    }

    private Inbound exit(CommandType step) {
        String cannot = commands.add(step);
        return cannot == null ? new Inbound.Run(commands.made()) : new Inbound.Wait(commands.made(), step, cannot);
    }

    private boolean allowed(CommandType step) {
        return !TABLE.rows(step, leg.state()).isEmpty();
    }
}
