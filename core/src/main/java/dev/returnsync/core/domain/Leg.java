package dev.returnsync.core.domain;

import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.ReturnShipping;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Settlement;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
 * @param money the money terms: fees, compensation and partial refund offers
 * @param round the negotiation round, 1 until the customer re-applies after a decline, then one more per
 *     re-application
 */
public record Leg(SupplierId supplier, LegState state, Instant since, OutcomeType outcome, List<LineState> lines,
                  ReturnNumber supplierNumber, List<ReturnNumber> supersededNumbers, ReturnNumber returnTracking,
                  ReturnNumber replacementTracking, boolean numberShared, LegState escalatedIn, Money refund,
                  LegMoney money, int round) {

    /**
     * Copies the lists.
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
     * @param money the money terms: fees, compensation and partial refund offers
     * @param round the negotiation round, at least 1
     * @throws IllegalArgumentException if the round is below 1
     */
    public Leg {
        java.util.Objects.requireNonNull(money, "money");
        lines = List.copyOf(lines);
        supersededNumbers = List.copyOf(supersededNumbers);
        if (round < 1) {
            throw new IllegalArgumentException("a leg's round starts at 1, was " + round);
        }
    }

    static Leg requested(SupplierId supplier, Instant at, List<LineState> lines, LegMoney money) {
        return new Leg(supplier, LegState.REQUESTED, at, null, lines, null, List.of(), null, null, false, null, null,
                money, 1);
    }

    /**
     * The line of a SKU, if the leg has one.
     *
     * @param sku the SKU
     * @return its line, or empty when the leg has none
     */
    public Optional<LineState> line(Sku sku) {
        return Optional.ofNullable(lineOrNull(sku));
    }

    LineState lineOrNull(Sku sku) {
        for (int i = 0; i < lines.size(); i++) {
            LineState line = lines.get(i);
            if (line.sku().equals(sku)) {
                return line;
            }
        }
        return null;
    }

    /** {@return true when the agreed outcome ships goods back (so the leg goes through shipping and receipt)} */
    public boolean shipsGoodsBack() {
        return outcome == null || outcome.shipsGoodsBack();
    }

    /** {@return true for an exchange in which at least one unit was accepted, so a replacement parcel is due} */
    public boolean replacementDue() {
        return outcome == OutcomeType.EXCHANGE && totalAccepted() > 0;
    }

    /** {@return units accepted after inspection, over all lines} */
    public int totalAccepted() {
        int total = 0;
        for (LineState line : lines) {
            total += line.accepted();
        }
        return total;
    }

    /**
     * The leg's money as it stands, computed exactly from its lines and its {@link #money() terms}: the refund for the
     * goods (accepted units for a return-and-refund, authorized units for a refund-only, nothing for an exchange, the
     * amount accepted for a partial refund), less the restocking fee, plus the shipping fee when the reseller or
     * the supplier bears it, plus the compensation; and what the supplier owes the reseller. The workflow keeps every
     * part in the case's currency and the sums within {@link Money#MAX_MINOR}.
     *
     * @return the settlement, in the currency of the leg's lines
     */
    public Settlement settlement() {
        return money.settle(outcome, lines);
    }

    /**
     * The refund for the goods of an outcome: unit prices times accepted units (return and refund; those of
     * {@code accepted} when given, else the lines'), times authorized units (refund only), zero (exchange or none).
     */
    static Money goodsRefund(OutcomeType outcome, List<LineState> lines, List<LineQuantity> accepted) {
        Money total = new Money(lines.get(0).unitPrice().currency(), 0);
        if (outcome == null || outcome == OutcomeType.EXCHANGE) {
            return total;
        }
        for (LineState line : lines) {
            int units = outcome == OutcomeType.REFUND_ONLY ? line.authorized()
                    : accepted == null ? line.accepted() : quantityOf(accepted, line.sku());
            total = total.plus(line.unitPrice().times(units));
        }
        return total;
    }

    /** {@return zero in the currency of the leg's lines} */
    Money zero() {
        return LegMoney.zero(lines.get(0).unitPrice().currency());
    }

    /** {@return what the leg's requested lines are worth: the bound of every refund and compensation of the leg} */
    public Money worth() {
        Money total = new Money(lines.get(0).unitPrice().currency(), 0);
        for (LineState line : lines) {
            total = total.plus(line.unitPrice().times(line.requested()));
        }
        return total;
    }

    /**
     * When this leg's deadline falls due under a policy: the time it entered its state plus the state's
     * timeout, or empty when the state has none or was already escalated.
     *
     * @param policy the deadline policy
     * @return the due time, or empty
     */
    public Optional<Instant> dueAt(DeadlinePolicy policy) {
        DeadlinePolicy.Deadline deadline = policy.deadline(state).orElse(null);
        if (deadline == null || (deadline.action() == TimeoutAction.ESCALATE && escalatedIn == state)) {
            return Optional.empty();
        }
        return Optional.of(since.plus(deadline.after()));
    }

    /** The linked number of this leg with the same uniqueness key as {@code number}, or null. */
    ReturnNumber numberLike(ReturnNumber number) {
        if (supplierNumber != null && supplierNumber.sameKey(number)) {
            return supplierNumber;
        }
        for (ReturnNumber old : supersededNumbers) {
            if (old.sameKey(number)) {
                return old;
            }
        }
        if (returnTracking != null && returnTracking.sameKey(number)) {
            return returnTracking;
        }
        if (replacementTracking != null && replacementTracking.sameKey(number)) {
            return replacementTracking;
        }
        return null;
    }

    // Each step below builds exactly one new Leg (and, where quantities change, one new line list).

    Leg movedTo(LegState next, Instant at) {
        if (next == state) {
            return this;
        }
        return new Leg(supplier, next, at, outcome, lines, supplierNumber, supersededNumbers, returnTracking,
                replacementTracking, numberShared, null, refund, money, round);
    }

    Leg agreed(OutcomeType agreed, List<LineQuantity> authorized, ReturnShipping shipping, Instant at) {
        return new Leg(supplier, LegState.AGREED, at, agreed, movedLines(LineMove.AUTHORIZE, authorized, null),
                supplierNumber, supersededNumbers, returnTracking, replacementTracking, numberShared, null, refund,
                shipping == null ? money : money.withShipping(shipping), round);
    }

    Leg received(List<LineQuantity> received, Instant at) {
        return new Leg(supplier, LegState.RECEIVED, at, outcome, movedLines(LineMove.RECEIVE, received, null),
                supplierNumber, supersededNumbers, returnTracking, replacementTracking, numberShared, null, refund, money,
                round);
    }

    Leg inspected(List<LineQuantity> accepted, List<LineQuantity> rejected, Money restockingFee, Instant at) {
        List<LineState> next = accepted.isEmpty() && rejected.isEmpty() ? lines
                : movedLines(LineMove.INSPECT, accepted, rejected);
        return new Leg(supplier, LegState.RESULT_REPORTED, at, outcome, next, supplierNumber, supersededNumbers,
                returnTracking, replacementTracking, numberShared, null, refund,
                restockingFee == null ? money : money.withRestockingFee(restockingFee), round);
    }

    Leg issued(ReturnNumber number, Instant at) {
        return new Leg(supplier, LegState.NUMBER_ISSUED, at, outcome, lines, number, supersededNumbers,
                returnTracking, replacementTracking, numberShared, null, refund, money, round);
    }

    Leg numberReplaced(ReturnNumber number) {
        ReturnNumber[] superseded = supersededNumbers.toArray(new ReturnNumber[supersededNumbers.size() + 1]);
        superseded[superseded.length - 1] = supplierNumber;
        return new Leg(supplier, state, since, outcome, lines, number, List.of(superseded), returnTracking,
                replacementTracking, numberShared, escalatedIn, refund, money, round);
    }

    Leg numberSharedWithCustomer(Instant at) {
        return new Leg(supplier, shipsGoodsBack() ? LegState.AWAITING_SHIPMENT : LegState.AWAITING_RESULT, at,
                outcome, lines, supplierNumber, supersededNumbers, returnTracking, replacementTracking, true, null,
                refund, money, round);
    }

    Leg shipped(ReturnNumber tracking, Instant at) {
        return new Leg(supplier, LegState.SHIPPED, at, outcome, lines, supplierNumber, supersededNumbers, tracking,
                replacementTracking, numberShared, null, refund, money, round);
    }

    Leg replacementShipped(ReturnNumber tracking, Instant at) {
        return new Leg(supplier, LegState.REPLACEMENT_SHIPPED, at, outcome, lines, supplierNumber, supersededNumbers,
                returnTracking, tracking, numberShared, null, refund, money, round);
    }

    Leg notified(Settlement settlement, Instant at) {
        return new Leg(supplier, LegState.RESULT_NOTIFIED, at, outcome, lines, supplierNumber, supersededNumbers,
                returnTracking, replacementTracking, numberShared, null, settlement.refund(),
                money.withCompensation(settlement.compensation()), round);
    }

    Leg partialRefundOffered(Money amount, Role by, Instant at) {
        return new Leg(supplier, LegState.PARTIAL_REFUND_OFFERED, at, outcome, lines, supplierNumber,
                supersededNumbers, returnTracking, replacementTracking, numberShared, null, refund,
                money.offered(amount, by), round);
    }

    /** Settled by the partial refund: a refund only, the goods staying with the customer. */
    Leg partialRefundAccepted(Settlement settlement, Instant at) {
        return new Leg(supplier, LegState.COMPLETED, at, OutcomeType.REFUND_ONLY, lines, supplierNumber,
                supersededNumbers, returnTracking, replacementTracking, numberShared, null, settlement.refund(),
                money.offerAccepted(), round);
    }

    /**
     * A new negotiation round after a decline: the leg negotiates again from scratch (no outcome, nothing
     * authorized, no refund); a supplier return number of the round before stays linked, superseded.
     */
    Leg reapplied(int nextRound, Instant at) {
        List<LineState> next = movedLines(LineMove.UNAUTHORIZE, null, null);
        List<ReturnNumber> superseded = supersededNumbers;
        if (supplierNumber != null) {
            ReturnNumber[] all = supersededNumbers.toArray(new ReturnNumber[supersededNumbers.size() + 1]);
            all[all.length - 1] = supplierNumber;
            superseded = List.of(all);
        }
        return new Leg(supplier, LegState.NEGOTIATING, at, null, next, null, superseded, returnTracking,
                replacementTracking, false, null, null, money, nextRound);
    }

    Leg escalated(LegState waitingIn) {
        return new Leg(supplier, state, since, outcome, lines, supplierNumber, supersededNumbers, returnTracking,
                replacementTracking, numberShared, waitingIn, refund, money, round);
    }

    /**
     * The lines after a step that changes their quantities: one new line each, and for one or two lines (what a leg
     * mostly has) no array besides the list's.
     */
    private List<LineState> movedLines(LineMove move, List<LineQuantity> first, List<LineQuantity> second) {
        return switch (lines.size()) {
            case 1 -> List.of(move.apply(lines.get(0), first, second));
            case 2 -> List.of(move.apply(lines.get(0), first, second), move.apply(lines.get(1), first, second));
            default -> {
                LineState[] next = new LineState[lines.size()];
                for (int i = 0; i < next.length; i++) {
                    next[i] = move.apply(lines.get(i), first, second);
                }
                yield List.of(next);
            }
        };
    }

    /** How a step changes a line's quantities (an enum rather than lambdas: nothing to link on a cold JVM). */
    private enum LineMove {
        /** Authorized: the quantity of the line's SKU in the first list. */
        AUTHORIZE,
        /** Received: the quantity of the line's SKU in the first list. */
        RECEIVE,
        /** Accepted and rejected: the quantities of the line's SKU in the first and the second list. */
        INSPECT,
        /** Nothing authorized any more: a new negotiation round. */
        UNAUTHORIZE;

        LineState apply(LineState line, List<LineQuantity> first, List<LineQuantity> second) {
            return switch (this) {
                case AUTHORIZE -> line.withAuthorized(quantityOf(first, line.sku()));
                case RECEIVE -> line.withReceived(quantityOf(first, line.sku()));
                case INSPECT -> line.withInspection(quantityOf(first, line.sku()), quantityOf(second, line.sku()));
                case UNAUTHORIZE -> line.withAuthorized(0);
            };
        }
    }

    /**
     * The first {@code size} elements of an array as an immutable list; one and two elements without copying the
     * array, which a case's few lines and legs mostly are.
     */
    static <T> List<T> listOf(T[] elements, int size) {
        return switch (size) {
            case 1 -> List.of(elements[0]);
            case 2 -> List.of(elements[0], elements[1]);
            default -> List.of(java.util.Arrays.copyOf(elements, size));
        };
    }

    /** The quantity of a SKU in a list (summed if listed more than once), zero when absent. */
    static int quantityOf(List<LineQuantity> quantities, Sku sku) {
        int total = 0;
        for (int i = 0; i < quantities.size(); i++) {
            LineQuantity q = quantities.get(i);
            if (q.sku().equals(sku)) {
                total += q.quantity();
            }
        }
        return total;
    }
}
