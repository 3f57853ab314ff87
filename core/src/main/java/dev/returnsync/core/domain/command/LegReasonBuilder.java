package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.IdempotencyKey;
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
    private final Factory<C> factory;
    private Reason reason;

    LegReasonBuilder(CommandHeader header, CommandType type, Factory<C> factory) {
        super(header, type);
        this.factory = factory;
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

    @Override
    C make() {
        return factory.make(header.key, header.actor, header.expectedVersion, header.externalVersion, header.caseId, leg(), reason);
    }

    /** The record's constructor. */
    @FunctionalInterface
    interface Factory<C> {
        C make(IdempotencyKey key, Actor actor, Long expectedVersion, ExternalVersion externalVersion, CaseId caseId, SupplierId leg, Reason reason);
    }
}
