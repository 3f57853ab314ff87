package dev.returnsync.core.domain;

import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One supplier's part of a return case, with its own workflow state and its own numbers. Immutable:
 * every step yields a new leg.
 *
 * @param supplier the supplier that shipped the leg's lines
 * @param state where the leg stands
 * @param since when the leg entered {@code state}; deadlines count from here
 * @param outcome the agreed outcome, or {@code null} before agreement
 * @param lines the leg's lines with their quantities per axis
 * @param supplierNumber the current supplier return number, or {@code null} before it is issued
 * @param supersededNumbers supplier return numbers replaced by the supplier, oldest first
 * @param returnTracking the tracking number of the parcel sent back, or {@code null}
 * @param replacementTracking the tracking number of the replacement parcel, or {@code null}
 * @param numberShared true once the customer was told the supplier return number
 * @param escalatedIn the waiting state in which the leg was escalated, or {@code null}
 * @param refund the refund reported to the customer, or {@code null} before the report
 */
public record Leg(SupplierId supplier, LegState state, Instant since, OutcomeType outcome, List<LineState> lines,
                  ReturnNumber supplierNumber, List<ReturnNumber> supersededNumbers, ReturnNumber returnTracking,
                  ReturnNumber replacementTracking, boolean numberShared, LegState escalatedIn, Money refund) {

    /** Copies the lists. */
    public Leg {
        lines = List.copyOf(lines);
        supersededNumbers = List.copyOf(supersededNumbers);
    }

    static Leg requested(SupplierId supplier, Instant at, List<LineState> lines) {
        return new Leg(supplier, LegState.REQUESTED, at, null, lines, null, List.of(), null, null, false, null, null);
    }

    /** The line of a SKU, if the leg has one. */
    public Optional<LineState> line(Sku sku) {
        for (LineState line : lines) {
            if (line.sku().equals(sku)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** True when the agreed outcome ships goods back (so the leg goes through shipping and receipt). */
    public boolean shipsGoodsBack() {
        return outcome == null || outcome.shipsGoodsBack();
    }

    /** True for an exchange in which at least one unit was accepted, so a replacement parcel is due. */
    public boolean replacementDue() {
        return outcome == OutcomeType.EXCHANGE && totalAccepted() > 0;
    }

    /** Units accepted after inspection, over all lines. */
    public int totalAccepted() {
        int total = 0;
        for (LineState line : lines) {
            total += line.accepted();
        }
        return total;
    }

    /**
     * The amount to refund for the leg as it stands: accepted units for a return-and-refund, authorized
     * units for a refund-only, nothing for an exchange. The amount is in the currency of the first line.
     */
    public Money refundDue() {
        Money total = new Money(lines.get(0).unitPrice().currency(), 0);
        if (outcome == null || outcome == OutcomeType.EXCHANGE) {
            return total;
        }
        for (LineState line : lines) {
            int units = outcome == OutcomeType.REFUND_ONLY ? line.authorized() : line.accepted();
            total = total.plus(line.unitPrice().times(units));
        }
        return total;
    }

    /**
     * When this leg's deadline falls due under a policy: the time it entered its state plus the state's
     * timeout, or empty when the state has none or was already escalated.
     */
    public Optional<Instant> dueAt(DeadlinePolicy policy) {
        return policy.deadline(state)
                .filter(deadline -> !(deadline.action() == TimeoutAction.ESCALATE && escalatedIn == state))
                .map(deadline -> since.plus(deadline.after()));
    }

    Leg movedTo(LegState next, Instant at) {
        if (next == state) {
            return this;
        }
        return new Leg(supplier, next, at, outcome, lines, supplierNumber, supersededNumbers, returnTracking,
                replacementTracking, numberShared, null, refund);
    }

    Leg withLines(UnaryOperator<LineState> change) {
        return new Leg(supplier, state, since, outcome, lines.stream().map(change).toList(), supplierNumber,
                supersededNumbers, returnTracking, replacementTracking, numberShared, escalatedIn, refund);
    }

    Leg withOutcome(OutcomeType agreed) {
        return new Leg(supplier, state, since, agreed, lines, supplierNumber, supersededNumbers, returnTracking,
                replacementTracking, numberShared, escalatedIn, refund);
    }

    Leg withSupplierNumber(ReturnNumber number) {
        List<ReturnNumber> superseded = supersededNumbers;
        if (supplierNumber != null) {
            superseded = new java.util.ArrayList<>(supersededNumbers);
            superseded.add(supplierNumber);
        }
        return new Leg(supplier, state, since, outcome, lines, number, superseded, returnTracking,
                replacementTracking, numberShared, escalatedIn, refund);
    }

    Leg withNumberShared() {
        return new Leg(supplier, state, since, outcome, lines, supplierNumber, supersededNumbers, returnTracking,
                replacementTracking, true, escalatedIn, refund);
    }

    Leg withReturnTracking(ReturnNumber tracking) {
        return new Leg(supplier, state, since, outcome, lines, supplierNumber, supersededNumbers, tracking,
                replacementTracking, numberShared, escalatedIn, refund);
    }

    Leg withReplacementTracking(ReturnNumber tracking) {
        return new Leg(supplier, state, since, outcome, lines, supplierNumber, supersededNumbers, returnTracking,
                tracking, numberShared, escalatedIn, refund);
    }

    Leg withEscalation(LegState waitingIn) {
        return new Leg(supplier, state, since, outcome, lines, supplierNumber, supersededNumbers, returnTracking,
                replacementTracking, numberShared, waitingIn, refund);
    }

    Leg withRefund(Money amount) {
        return new Leg(supplier, state, since, outcome, lines, supplierNumber, supersededNumbers, returnTracking,
                replacementTracking, numberShared, escalatedIn, amount);
    }
}
