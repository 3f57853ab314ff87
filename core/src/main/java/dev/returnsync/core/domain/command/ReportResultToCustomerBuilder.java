package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.Money;

import java.util.List;

/**
 * Builds {@link Command.ReportResultToCustomer}, 代发商向客户确认退货处理结果: the reseller tells the customer
 * the result, with the refund due, also after a dispute. Required: the leg. The note is empty unless set; the
 * shipping compensation is the one granted before (none at first) unless set.
 */
public final class ReportResultToCustomerBuilder
        extends LegCommandBuilder<ReportResultToCustomerBuilder, Command.ReportResultToCustomer> {
    private String note = "";
    private Money compensation;

    ReportResultToCustomerBuilder(CommandHeader header) {
        super(header, CommandType.REPORT_RESULT_TO_CUSTOMER);
    }

    /**
     * What the customer is told, at most {@link dev.returnsync.spi.Reason#MAX_TEXT} characters; empty unless set.
     *
     * @param note the note; characters that text may not hold are refused when the command is built
     * @return this builder
     */
    public ReportResultToCustomerBuilder note(String note) {
        this.note = note;
        return this;
    }

    /**
     * The shipping compensation the reseller grants the customer, added to the refund; in the case's currency and at
     * most what the leg's requested lines are worth. Unset keeps what was granted before (none at first).
     *
     * @param compensation the compensation
     * @return this builder
     */
    public ReportResultToCustomerBuilder compensation(Money compensation) {
        this.compensation = compensation;
        return this;
    }

    @Override
    void addDefaults(List<FieldDefault> defaults) {
        super.addDefaults(defaults);
        defaults.add(new FieldDefault("note", "empty"));
        defaults.add(new FieldDefault("compensation", "what was granted before; none at first"));
    }

    @Override
    Command.ReportResultToCustomer make() {
        return new Command.ReportResultToCustomer(header.key, header.actor, header.expectedVersion,
                header.externalVersion, header.caseId, leg(), note, compensation);
    }
}
