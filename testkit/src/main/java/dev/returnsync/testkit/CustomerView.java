package dev.returnsync.testkit;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReturnNumber;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the customer may see of a case, as this testkit defines it: the case-level numbers (their own request
 * number and the reseller return number), and per leg, in the order of the case's legs, its state and only
 * that leg's own numbers: the supplier return number once the reseller has shared it (never a superseded
 * one), the tracking number of the parcel they sent back, and the replacement's tracking number. A customer
 * view never names suppliers, and a leg never shows another leg's numbers.
 *
 * @param caseId the case
 * @param caseNumbers the customer request number and the reseller return number
 * @param legs one view per leg, in the case's leg order
 */
public record CustomerView(CaseId caseId, List<ReturnNumber> caseNumbers, List<LegView> legs) {
    /**
     * Copies the lists.
     *
     * @param caseId the case
     * @param caseNumbers the customer request number and the reseller return number
     * @param legs one view per leg, in the case's leg order
     */
    public CustomerView {
        Objects.requireNonNull(caseId, "caseId");
        caseNumbers = List.copyOf(caseNumbers);
        legs = List.copyOf(legs);
    }

    /**
     * One leg as the customer sees it.
     *
     * @param state the leg's state
     * @param numbers the leg's own numbers the customer may see
     */
    public record LegView(LegState state, List<ReturnNumber> numbers) {
        /**
         * Copies the numbers.
         *
         * @param state the leg's state
         * @param numbers the leg's own numbers the customer may see
         */
        public LegView {
            Objects.requireNonNull(state, "state");
            numbers = List.copyOf(numbers);
        }
    }

    /**
     * The customer's view of a case.
     *
     * @param current the case
     * @return what its customer may see of it
     */
    public static CustomerView of(ReturnCase current) {
        List<LegView> legs = new ArrayList<>(current.legs().size());
        for (Leg leg : current.legs()) {
            List<ReturnNumber> numbers = new ArrayList<>(3);
            if (leg.numberShared() && leg.supplierNumber() != null) {
                numbers.add(leg.supplierNumber());
            }
            if (leg.returnTracking() != null) {
                numbers.add(leg.returnTracking());
            }
            if (leg.replacementTracking() != null) {
                numbers.add(leg.replacementTracking());
            }
            legs.add(new LegView(leg.state(), numbers));
        }
        return new CustomerView(current.id(), List.of(current.customerNumber(), current.resellerNumber()), legs);
    }
}
