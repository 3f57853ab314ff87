package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.SupplierId;

/**
 * Builds a command about a leg that gives a reason: declining the return, disputing the result, closing the leg.
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
