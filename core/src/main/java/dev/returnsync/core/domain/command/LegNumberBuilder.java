package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;

/**
 * Builds a command about a leg that carries a supplier return number: the number issued, or its replacement.
 *
 * @param <C> the command built
 */
public final class LegNumberBuilder<C extends Command.LegCommand> extends LegCommandBuilder<LegNumberBuilder<C>, C> {
    private final Factory<C> factory;
    private ReturnNumber number;

    LegNumberBuilder(CommandHeader header, CommandType type, Factory<C> factory) {
        super(header, type);
        this.factory = factory;
    }

    /**
     * The supplier return number; required. The workflow checks when it decides that it is a supplier return
     * number scoped to the leg's supplier ({@link ReturnNumber#supplierReturn}).
     *
     * @param number the number
     * @return this builder
     */
    public LegNumberBuilder<C> number(ReturnNumber number) {
        this.number = number;
        return this;
    }

    @Override
    C make() {
        return factory.make(header.key, header.actor, header.expectedVersion, header.externalVersion, header.caseId, leg(), number);
    }

    /** The record's constructor. */
    @FunctionalInterface
    interface Factory<C> {
        C make(IdempotencyKey key, Actor actor, Long expectedVersion, ExternalVersion externalVersion, CaseId caseId, SupplierId leg,
               ReturnNumber number);
    }
}
