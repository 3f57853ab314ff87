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
 * Builds a command about a leg that reports a parcel by its carrier tracking number: the return parcel the
 * customer sent back, or the replacement parcel the supplier sent.
 *
 * @param <C> the command built
 */
public final class TrackingBuilder<C extends Command.LegCommand> extends LegCommandBuilder<TrackingBuilder<C>, C> {
    private final Factory<C> factory;
    private final Kind kind;
    private ReturnNumber tracking;

    TrackingBuilder(CommandHeader header, CommandType type, Kind kind, Factory<C> factory) {
        super(header, type);
        this.kind = kind;
        this.factory = factory;
    }

    /**
     * The tracking number; required.
     *
     * @param tracking a return tracking number for the return parcel, a replacement tracking number for the
     *     replacement parcel (the workflow checks the kind when it decides)
     * @return this builder
     */
    public TrackingBuilder<C> tracking(ReturnNumber tracking) {
        this.tracking = tracking;
        return this;
    }

    /**
     * The tracking number, of the kind this step needs.
     *
     * @param carrier the carrier's code, e.g. {@code SF}
     * @param number the carrier's tracking number
     * @return this builder
     * @throws dev.returnsync.spi.InvalidReturnNumberException if the carrier or the number is malformed
     */
    public TrackingBuilder<C> tracking(String carrier, String number) {
        return tracking(kind.number(carrier, number));
    }

    @Override
    C make() {
        return factory.make(header.key, header.actor, header.expectedVersion, header.externalVersion, header.caseId, leg(), tracking);
    }

    /** How a carrier and a number make the tracking number of the step. */
    @FunctionalInterface
    interface Kind {
        ReturnNumber number(String carrier, String number);
    }

    /** The record's constructor. */
    @FunctionalInterface
    interface Factory<C> {
        C make(IdempotencyKey key, Actor actor, Long expectedVersion, ExternalVersion externalVersion, CaseId caseId, SupplierId leg,
               ReturnNumber tracking);
    }
}
