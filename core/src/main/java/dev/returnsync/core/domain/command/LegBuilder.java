package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.SupplierId;

/**
 * Builds a command that needs nothing but its leg: opening the negotiation, applying for the return, sharing the
 * supplier number, confirming the result, cancelling, firing a deadline.
 *
 * @param <C> the command built
 */
public final class LegBuilder<C extends Command.LegCommand> extends LegCommandBuilder<LegBuilder<C>, C> {
    private final Factory<C> factory;

    LegBuilder(CommandHeader header, CommandType type, Factory<C> factory) {
        super(header, type);
        this.factory = factory;
    }

    @Override
    C make() {
        return factory.make(header.key, header.actor, header.expectedVersion, header.externalVersion, header.caseId, leg());
    }

    /** The record's constructor. */
    @FunctionalInterface
    interface Factory<C> {
        C make(IdempotencyKey key, Actor actor, Long expectedVersion, ExternalVersion externalVersion, CaseId caseId, SupplierId leg);
    }
}
