package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;

/**
 * Builds a command about a leg that reports a parcel by its carrier tracking number: the return parcel the
 * customer sent back, or the replacement parcel the supplier sent.
 *
 * @param <C> the command built
 */
public final class TrackingBuilder<C extends Command.LegCommand> extends LegCommandBuilder<TrackingBuilder<C>, C> {
    private ReturnNumber tracking;

    /** Made by {@link CommandHeader}'s step methods, which pair each type with the record {@code C} it builds. */
    TrackingBuilder(CommandHeader header, CommandType type) {
        super(header, type);
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
        return tracking(type() == CommandType.SHIP_REPLACEMENT ? ReturnNumber.replacementTracking(carrier, number)
                : ReturnNumber.returnTracking(carrier, number));
    }

    // a switch rather than a constructor reference per step, as in LegBuilder
    @Override
    @SuppressWarnings("unchecked")
    C make() {
        CommandHeader h = header;
        SupplierId leg = leg();
        // typed as the interface, so that verifying this method loads none of the records it does not build
        Command.LegCommand command = switch (type()) {
            case REPORT_SHIPMENT ->
                    new Command.ReportShipment(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg, tracking);
            case SHIP_REPLACEMENT ->
                    new Command.ShipReplacement(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg, tracking);
            default -> throw new IllegalStateException("not a command with a tracking number: " + type());
        };
        return (C) command;
    }
}
