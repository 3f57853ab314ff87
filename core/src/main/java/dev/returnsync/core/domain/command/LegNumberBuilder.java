package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;

/**
 * Builds a command about a leg that carries a supplier return number: the number issued, or its replacement.
 *
 * @param <C> the command built
 */
public final class LegNumberBuilder<C extends Command.LegCommand> extends LegCommandBuilder<LegNumberBuilder<C>, C> {
    private ReturnNumber number;

    /** Made by {@link CommandHeader}'s step methods, which pair each type with the record {@code C} it builds. */
    LegNumberBuilder(CommandHeader header, CommandType type) {
        super(header, type);
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

    // a switch rather than a constructor reference per step, as in LegBuilder
    @Override
    @SuppressWarnings("unchecked")
    C make() {
        CommandHeader h = header;
        SupplierId leg = leg();
        // typed as the interface, so that verifying this method loads none of the records it does not build
        Command.LegCommand command = switch (type()) {
            case ISSUE_SUPPLIER_NUMBER ->
                    new Command.IssueSupplierNumber(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg, number);
            case REPLACE_SUPPLIER_NUMBER ->
                    new Command.ReplaceSupplierNumber(h.key, h.actor, h.expectedVersion, h.externalVersion, h.caseId, leg, number);
            default -> throw new IllegalStateException("not a command with a supplier number: " + type());
        };
        return (C) command;
    }
}
