package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.LineQuantity;

import java.util.Arrays;
import java.util.List;

/**
 * Builds {@link Command.ConfirmReceipt}, 供应商确认退货并处理: the supplier located the return by its number and
 * confirms what it received. Required: the received quantities, at least one (and the leg, unless the supplier
 * confirms); SKUs not listed count as zero.
 */
public final class ConfirmReceiptBuilder extends LegCommandBuilder<ConfirmReceiptBuilder, Command.ConfirmReceipt> {
    private List<LineQuantity> received = List.of();

    ConfirmReceiptBuilder(CommandHeader header) {
        super(header, CommandType.CONFIRM_RECEIPT);
    }

    /**
     * The received quantity per SKU, replacing any given before; at least one.
     *
     * @param received the quantities
     * @return this builder
     */
    public ConfirmReceiptBuilder received(LineQuantity... received) {
        return received(Arrays.asList(received));
    }

    /**
     * The received quantity per SKU, replacing any given before; at least one.
     *
     * @param received the quantities; a null element is refused when the command is built
     * @return this builder
     */
    public ConfirmReceiptBuilder received(List<LineQuantity> received) {
        this.received = Snapshots.of(received);
        return this;
    }

    @Override
    Command.ConfirmReceipt make() {
        return new Command.ConfirmReceipt(header.key, header.actor, header.expectedVersion, header.externalVersion, header.caseId, leg(),
                received);
    }
}
