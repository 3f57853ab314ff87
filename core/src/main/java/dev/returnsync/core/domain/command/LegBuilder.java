package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.SupplierId;

/**
 * Builds a command that needs nothing but its leg: opening the negotiation, applying for the return, sharing the
 * supplier number, confirming the result, cancelling, firing a deadline.
 *
 * @param <C> the command built
 */
public final class LegBuilder<C extends Command.LegCommand> extends LegCommandBuilder<LegBuilder<C>, C> {
    /** Made by {@link CommandHeader}'s step methods, which pair each type with the record {@code C} it builds. */
    LegBuilder(CommandHeader header, CommandType type) {
        super(header, type);
    }

    // a switch rather than a constructor reference per step: on a cold JVM every method reference links its own
    // call site and spins a class at its first use
    @Override
    @SuppressWarnings("unchecked")
    C make() {
        CommandHeader h = header;
        SupplierId leg = leg();
        // typed as the interface, so that verifying this method loads none of the records it does not build
        Command.LegCommand command = switch (type()) {
            case OPEN_NEGOTIATION ->
                    new Command.OpenNegotiation(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg);
            case APPLY_FOR_RETURN ->
                    new Command.ApplyForReturn(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg);
            case SHARE_NUMBER_WITH_CUSTOMER ->
                    new Command.ShareNumberWithCustomer(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg);
            case CONFIRM_RESULT ->
                    new Command.ConfirmResult(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg);
            case CANCEL_RETURN ->
                    new Command.CancelReturn(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg);
            case FIRE_DEADLINE ->
                    new Command.FireDeadline(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg);
            case ACCEPT_PARTIAL_REFUND ->
                    new Command.AcceptPartialRefund(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg);
            default -> throw new IllegalStateException("not a command of the leg alone: " + type());
        };
        return (C) command;
    }
}
