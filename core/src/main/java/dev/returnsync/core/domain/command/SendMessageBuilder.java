package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.Role;

/**
 * Builds {@link Command.SendMessage}: a party writes to another party about a leg. Required: the addressee and the
 * text (and the leg, unless a supplier writes about its own). The customer and the supplier write to the reseller; the
 * reseller writes to the customer or to the supplier.
 */
public final class SendMessageBuilder extends LegCommandBuilder<SendMessageBuilder, Command.SendMessage> {
    private Role to;
    private String text;

    SendMessageBuilder(CommandHeader header) {
        super(header, CommandType.SEND_MESSAGE);
    }

    /**
     * The role the message is addressed to; required.
     *
     * @param to {@link Role#RESELLER}, or for the reseller {@link Role#CUSTOMER} or {@link Role#SUPPLIER}
     * @return this builder
     */
    public SendMessageBuilder to(Role to) {
        this.to = to;
        return this;
    }

    /**
     * The message; required, not blank, at most {@value dev.returnsync.spi.ReturnEvent.MessageSent#MAX_TEXT}
     * characters, line breaks allowed.
     *
     * @param text the message
     * @return this builder
     */
    public SendMessageBuilder text(String text) {
        this.text = text;
        return this;
    }

    @Override
    Command.SendMessage make() {
        return new Command.SendMessage(header.key, header.actor, header.expectedVersion, header.externalVersion,
                header.caseId, leg(), to, text);
    }
}
