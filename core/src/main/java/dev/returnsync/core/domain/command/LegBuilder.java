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
    /** Made by {@link CommandHeader}'s step methods, which pair each type with the record {@code C} it builds. */
    LegBuilder(CommandHeader header, CommandType type) {
        super(header, type);
    }

    // a switch rather than a constructor reference per step: on a cold JVM every method reference links its own
    // call site and spins a class at its first use
    @Override
    @SuppressWarnings("unchecked")
    C make() {
        IdempotencyKey key = header.key;
        Actor actor = header.actor;
        Long expected = header.expectedVersion;
        ExternalVersion external = header.externalVersion;
        CaseId caseId = header.caseId;
        SupplierId leg = leg();
        // typed as the interface, so that verifying this method loads none of the records it does not build
        Command.LegCommand command = switch (type()) {
            case OPEN_NEGOTIATION -> new Command.OpenNegotiation(key, actor, expected, external, caseId, leg);
            case APPLY_FOR_RETURN -> new Command.ApplyForReturn(key, actor, expected, external, caseId, leg);
            case SHARE_NUMBER_WITH_CUSTOMER ->
                    new Command.ShareNumberWithCustomer(key, actor, expected, external, caseId, leg);
            case CONFIRM_RESULT -> new Command.ConfirmResult(key, actor, expected, external, caseId, leg);
            case CANCEL_RETURN -> new Command.CancelReturn(key, actor, expected, external, caseId, leg);
            case FIRE_DEADLINE -> new Command.FireDeadline(key, actor, expected, external, caseId, leg);
            case ACCEPT_PARTIAL_REFUND -> new Command.AcceptPartialRefund(key, actor, expected, external, caseId, leg);
            default -> throw new IllegalStateException("not a command of the leg alone: " + type());
        };
        return (C) command;
    }
}
