package dev.returnsync.benchmarks;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;

import java.util.List;

/**
 * The mutable data object that squirrel-foundation and stateless4j carry beside their state (their docs keep
 * domain data in the machine's own fields or in an object the machine's state is stored in). Its actions
 * record each step's payload here.
 */
public final class CaseSheet {
    FlowState state = FlowState.NEW;
    CaseId caseId;
    ReturnNumber customerNumber;
    ReturnNumber resellerNumber;
    List<ReturnLine> lines;
    OutcomeType outcome;
    List<LineQuantity> authorized;
    ReturnNumber supplierNumber;
    ReturnNumber returnTracking;
    List<LineQuantity> received;
    List<LineQuantity> accepted;
    List<LineQuantity> rejected;
    Money refund;
    int transitions;

    /** An empty sheet of a case not submitted yet. */
    public CaseSheet() {
    }

    /** The state the sheet's case is in. */
    public FlowState state() {
        return state;
    }

    /** Sets the state; used as a state mutator by stateless4j. */
    public void state(FlowState next) {
        this.state = next;
    }

    /** Records what a step carried. */
    public void record(Step step, Object payload) {
        switch (step) {
            case SUBMIT -> {
                Scenario request = (Scenario) payload;
                caseId = request.caseId();
                customerNumber = request.customerNumber();
                resellerNumber = request.resellerNumber();
                lines = request.lines();
            }
            case AGREE -> {
                Scenario.Agreement agreement = (Scenario.Agreement) payload;
                outcome = agreement.outcome();
                authorized = agreement.authorized();
            }
            case ISSUE_NUMBER -> supplierNumber = (ReturnNumber) payload;
            case SHIP -> returnTracking = (ReturnNumber) payload;
            case CONFIRM_RECEIPT -> received = cast(payload);
            case REPORT_RESULT -> {
                Scenario.Inspection inspection = (Scenario.Inspection) payload;
                accepted = inspection.accepted();
                rejected = inspection.rejected();
            }
            case REPORT_TO_CUSTOMER -> refund = Outcome.refundDue(lines, outcome, authorized, accepted);
            case OPEN_NEGOTIATION, APPLY, SHARE_NUMBER, CONFIRM_RESULT -> {
                // the step carries no data
            }
        }
        transitions++;
    }

    /** A copy, as a restore from storage would produce it. */
    public CaseSheet copy() {
        CaseSheet copy = new CaseSheet();
        copy.state = state;
        copy.caseId = caseId;
        copy.customerNumber = customerNumber;
        copy.resellerNumber = resellerNumber;
        copy.lines = lines;
        copy.outcome = outcome;
        copy.authorized = authorized;
        copy.supplierNumber = supplierNumber;
        copy.returnTracking = returnTracking;
        copy.received = received;
        copy.accepted = accepted;
        copy.rejected = rejected;
        copy.refund = refund;
        copy.transitions = transitions;
        return copy;
    }

    /** The outcome in the shared shape. */
    public Outcome outcome() {
        return new Outcome(caseId, state.legState(), transitions, customerNumber, resellerNumber, supplierNumber,
                returnTracking, outcome, Outcome.total(authorized), Outcome.total(received), Outcome.total(accepted),
                Outcome.total(rejected), refund);
    }

    @SuppressWarnings("unchecked")
    private static List<LineQuantity> cast(Object payload) {
        return (List<LineQuantity>) payload;
    }
}
