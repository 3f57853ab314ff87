package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.Money;

import java.util.List;

/**
 * Builds {@link Command.OfferPartialRefund}, 协商部分退款: the supplier (or the reseller) offers the customer a
 * refund for the leg instead of taking the goods back. Required: the amount (and the leg, unless the supplier
 * offers). The note is empty unless set.
 */
public final class OfferPartialRefundBuilder
        extends LegCommandBuilder<OfferPartialRefundBuilder, Command.OfferPartialRefund> {
    private Money amount;
    private String note = "";

    OfferPartialRefundBuilder(CommandHeader header) {
        super(header, CommandType.OFFER_PARTIAL_REFUND);
    }

    /**
     * The refund offered; required. In the case's currency, more than zero and at most what the leg's requested
     * lines are worth.
     *
     * @param amount the amount
     * @return this builder
     */
    public OfferPartialRefundBuilder amount(Money amount) {
        this.amount = amount;
        return this;
    }

    /**
     * What the customer is told with the offer, at most {@link dev.returnsync.spi.Reason#MAX_TEXT} characters; empty
     * unless set.
     *
     * @param note the note; characters that text may not hold are refused when the command is built
     * @return this builder
     */
    public OfferPartialRefundBuilder note(String note) {
        this.note = note;
        return this;
    }

    @Override
    void addDefaults(List<FieldDefault> defaults) {
        super.addDefaults(defaults);
        defaults.add(new FieldDefault("note", "empty"));
    }

    @Override
    Command.OfferPartialRefund make() {
        return new Command.OfferPartialRefund(header.key, header.actor, header.expectedVersion, header.externalVersion,
                header.caseId, leg(), amount, note);
    }
}
