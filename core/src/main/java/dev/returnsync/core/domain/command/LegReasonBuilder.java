package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.SupplierId;

import java.util.List;

/**
 * Builds a command about a leg that gives a reason: declining the return, disputing the result, closing the leg,
 * re-applying after a decline.
 *
 * @param <C> the command built
 */
public final class LegReasonBuilder<C extends Command.LegCommand> extends LegCommandBuilder<LegReasonBuilder<C>, C> {
    private Reason reason;

    /** Made by {@link CommandHeader}'s step methods, which pair each type with the record {@code C} it builds. */
    LegReasonBuilder(CommandHeader header, CommandType type) {
        super(header, type);
    }

    /**
     * Why; required.
     *
     * @param reason the reason
     * @return this builder
     */
    public LegReasonBuilder<C> reason(Reason reason) {
        this.reason = reason;
        return this;
    }

    /**
     * Why, as a code and a text without evidence; required.
     *
     * @param code the reason code
     * @param text the free text, possibly empty
     * @return this builder
     * @throws IllegalArgumentException if the text breaks the rules of {@link Reason#text()}
     */
    public LegReasonBuilder<C> reason(ReasonCode code, String text) {
        return reason(Reason.of(code, text));
    }

    /**
     * Why, as a code, a text and evidence references; required.
     *
     * @param code the reason code
     * @param text the free text, possibly empty
     * @param evidence photos, videos, inspection reports, at most {@value Evidence#MAX_COUNT}
     * @return this builder
     * @throws IllegalArgumentException if the text or the evidence break the rules of {@link Reason}
     */
    public LegReasonBuilder<C> reason(ReasonCode code, String text, Evidence... evidence) {
        return reason(new Reason(code, text, List.of(evidence)));
    }

    // a switch rather than a constructor reference per step, as in LegBuilder
    @Override
    @SuppressWarnings("unchecked")
    C make() {
        CommandHeader h = header;
        SupplierId leg = leg();
        // typed as the interface, so that verifying this method loads none of the records it does not build
        Command.LegCommand command = switch (type()) {
            case DECLINE_RETURN ->
                    new Command.DeclineReturn(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg, reason);
            case DISPUTE_RESULT ->
                    new Command.DisputeResult(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg, reason);
            case CLOSE_LEG ->
                    new Command.CloseLeg(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg, reason);
            case REJECT_PARTIAL_REFUND ->
                    new Command.RejectPartialRefund(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg, reason);
            case REAPPLY ->
                    new Command.Reapply(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg, reason);
            default -> throw new IllegalStateException("not a command with a reason: " + type());
        };
        return (C) command;
    }
}
