package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;

import java.util.Arrays;
import java.util.List;

/**
 * Builds {@link Command.ReportResult}, 供应商向代发商确认退货处理结果: the supplier reports its inspection. For
 * every SKU received, accepted plus rejected must equal received; a refund-only leg reports with both lists empty.
 * Both lists are empty, the note is empty and there is no restocking fee unless set.
 */
public final class ReportResultBuilder extends EvidenceBuilder<ReportResultBuilder, Command.ReportResult> {
    private List<LineQuantity> accepted = List.of();
    private List<LineQuantity> rejected = List.of();
    private String note = "";
    private Money restockingFee;

    ReportResultBuilder(CommandHeader header) {
        super(header, CommandType.REPORT_RESULT);
    }

    /**
     * The accepted quantity per SKU, replacing any given before.
     *
     * @param accepted the quantities
     * @return this builder
     */
    public ReportResultBuilder accepted(LineQuantity... accepted) {
        return accepted(Arrays.asList(accepted));
    }

    /**
     * The accepted quantity per SKU, replacing any given before.
     *
     * @param accepted the quantities; a null element is refused when the command is built
     * @return this builder
     */
    public ReportResultBuilder accepted(List<LineQuantity> accepted) {
        this.accepted = Snapshots.of(accepted);
        return this;
    }

    /**
     * The rejected quantity per SKU, replacing any given before.
     *
     * @param rejected the quantities
     * @return this builder
     */
    public ReportResultBuilder rejected(LineQuantity... rejected) {
        return rejected(Arrays.asList(rejected));
    }

    /**
     * The rejected quantity per SKU, replacing any given before.
     *
     * @param rejected the quantities; a null element is refused when the command is built
     * @return this builder
     */
    public ReportResultBuilder rejected(List<LineQuantity> rejected) {
        this.rejected = Snapshots.of(rejected);
        return this;
    }

    /**
     * The inspection note, at most {@link dev.returnsync.spi.Reason#MAX_TEXT} characters; empty unless set.
     *
     * @param note the note; characters that text may not hold are refused when the command is built
     * @return this builder
     */
    public ReportResultBuilder note(String note) {
        this.note = note;
        return this;
    }

    /**
     * What the supplier keeps of the refund for restocking, in the case's currency and at most the refund for the
     * goods accepted; none unless set.
     *
     * @param fee the restocking fee
     * @return this builder
     */
    public ReportResultBuilder restockingFee(Money fee) {
        this.restockingFee = fee;
        return this;
    }

    @Override
    void addDefaults(List<FieldDefault> defaults) {
        super.addDefaults(defaults);
        defaults.add(new FieldDefault("accepted", "none (as a refund-only leg reports)"));
        defaults.add(new FieldDefault("rejected", "none (as a refund-only leg reports)"));
        defaults.add(new FieldDefault("note", "empty"));
        defaults.add(new FieldDefault("restockingFee", "none"));
    }

    @Override
    Command.ReportResult make() {
        return new Command.ReportResult(header.key, header.actor, header.expectedVersion, header.externalVersion,
                header.caseId, leg(), accepted, rejected, note, restockingFee, evidence());
    }
}
