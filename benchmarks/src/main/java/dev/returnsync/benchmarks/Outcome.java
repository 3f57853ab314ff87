package dev.returnsync.benchmarks;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;

import java.util.List;

/**
 * What every implementation hands back after a run: the state reached and the data the case carries, in one
 * shape so that implementations can be compared with {@code equals}.
 *
 * @param caseId the case
 * @param state the leg's state
 * @param transitions how many steps were applied to the case (returnsync: the case version)
 * @param customerNumber the customer request number linked at submission
 * @param resellerNumber the reseller return number linked at submission
 * @param supplierNumber the supplier return number, or {@code null} before it was issued
 * @param returnTracking the return tracking number, or {@code null} before the parcel shipped
 * @param outcome the agreed outcome, or {@code null} before agreement
 * @param authorized the units authorized, over all lines
 * @param received the units received, over all lines
 * @param accepted the units accepted, over all lines
 * @param rejected the units rejected, over all lines
 * @param refund the refund reported to the customer, or {@code null} before the report
 */
public record Outcome(CaseId caseId, LegState state, long transitions, ReturnNumber customerNumber,
                      ReturnNumber resellerNumber, ReturnNumber supplierNumber, ReturnNumber returnTracking,
                      OutcomeType outcome, int authorized, int received, int accepted, int rejected, Money refund) {

    /** The units over all entries of a list; zero for {@code null}. */
    public static int total(List<LineQuantity> quantities) {
        if (quantities == null) {
            return 0;
        }
        int total = 0;
        for (int i = 0; i < quantities.size(); i++) {
            total += quantities.get(i).quantity();
        }
        return total;
    }

    /**
     * The refund due for a leg, as returnsync computes it: accepted units for a return-and-refund, authorized
     * units for a refund-only, nothing for an exchange; in the currency of the first line. The peers and the
     * floor use this to carry the same figure.
     */
    public static Money refundDue(List<ReturnLine> lines, OutcomeType outcome, List<LineQuantity> authorized,
                                  List<LineQuantity> accepted) {
        long minor = 0;
        if (outcome == OutcomeType.RETURN_AND_REFUND || outcome == OutcomeType.REFUND_ONLY) {
            List<LineQuantity> units = outcome == OutcomeType.REFUND_ONLY ? authorized : accepted;
            for (int i = 0; i < lines.size(); i++) {
                ReturnLine line = lines.get(i);
                for (int j = 0; j < units.size(); j++) {
                    if (units.get(j).sku().equals(line.sku())) {
                        minor = Math.addExact(minor, Math.multiplyExact(line.unitPrice().minor(),
                                (long) units.get(j).quantity()));
                    }
                }
            }
        }
        return new Money(lines.get(0).unitPrice().currency(), minor);
    }

    /**
     * The cheap check a benchmark makes so that a wrong run cannot pass unnoticed.
     *
     * @throws IllegalStateException if the outcome is not in the state or not of the scenario's case
     */
    public Outcome check(Scenario scenario, FlowState expected) {
        if (state != expected.legState() || !scenario.caseId().equals(caseId)) {
            throw new IllegalStateException("expected " + scenario.caseId() + " in " + expected + " but got " + this);
        }
        return this;
    }
}
