package dev.returnsync.benchmarks;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;

import java.util.List;

/**
 * The floor: an immutable record and an enum switch, written for exactly this workflow. It checks the state
 * and the actor's role, records the same data, and allocates one record per step; it has no history, no
 * version check, no party check and no payload validation.
 */
final class HandWrittenFlow implements ReturnFlow {
    /**
     * The case of the floor implementation.
     *
     * @param state the state
     * @param transitions steps applied
     * @param caseId the case
     * @param customerNumber the customer request number
     * @param resellerNumber the reseller return number
     * @param lines the lines
     * @param outcome the agreed outcome
     * @param authorized authorized quantities
     * @param supplierNumber the supplier return number
     * @param returnTracking the return tracking number
     * @param received received quantities
     * @param accepted accepted quantities
     * @param rejected rejected quantities
     * @param refund the refund reported
     */
    record FloorCase(FlowState state, int transitions, CaseId caseId, ReturnNumber customerNumber,
                     ReturnNumber resellerNumber, List<ReturnLine> lines, OutcomeType outcome,
                     List<LineQuantity> authorized, ReturnNumber supplierNumber, ReturnNumber returnTracking,
                     List<LineQuantity> received, List<LineQuantity> accepted, List<LineQuantity> rejected,
                     Money refund) {

        static final FloorCase NEW = new FloorCase(FlowState.NEW, 0, null, null, null, null, null, null, null,
                null, null, null, null, null);

        @SuppressWarnings("unchecked")
        FloorCase next(Step step, Actor actor, Object payload) {
            if (state != step.from() || !step.allows(actor.role())) {
                throw new StepRefusedException(step, "a " + actor.role() + " in state " + state);
            }
            FlowState to = step.to();
            int n = transitions + 1;
            return switch (step) {
                case SUBMIT -> {
                    Scenario s = (Scenario) payload;
                    yield new FloorCase(to, n, s.caseId(), s.customerNumber(), s.resellerNumber(), s.lines(), null,
                            null, null, null, null, null, null, null);
                }
                case AGREE -> {
                    Scenario.Agreement a = (Scenario.Agreement) payload;
                    yield new FloorCase(to, n, caseId, customerNumber, resellerNumber, lines, a.outcome(),
                            a.authorized(), supplierNumber, returnTracking, received, accepted, rejected, refund);
                }
                case ISSUE_NUMBER -> new FloorCase(to, n, caseId, customerNumber, resellerNumber, lines, outcome,
                        authorized, (ReturnNumber) payload, returnTracking, received, accepted, rejected, refund);
                case SHIP -> new FloorCase(to, n, caseId, customerNumber, resellerNumber, lines, outcome, authorized,
                        supplierNumber, (ReturnNumber) payload, received, accepted, rejected, refund);
                case CONFIRM_RECEIPT -> new FloorCase(to, n, caseId, customerNumber, resellerNumber, lines, outcome,
                        authorized, supplierNumber, returnTracking, (List<LineQuantity>) payload, accepted, rejected,
                        refund);
                case REPORT_RESULT -> {
                    Scenario.Inspection i = (Scenario.Inspection) payload;
                    yield new FloorCase(to, n, caseId, customerNumber, resellerNumber, lines, outcome, authorized,
                            supplierNumber, returnTracking, received, i.accepted(), i.rejected(), refund);
                }
                case REPORT_TO_CUSTOMER -> new FloorCase(to, n, caseId, customerNumber, resellerNumber, lines,
                        outcome, authorized, supplierNumber, returnTracking, received, accepted, rejected,
                        Outcome.refundDue(lines, outcome, authorized, accepted));
                case OPEN_NEGOTIATION, APPLY, SHARE_NUMBER, CONFIRM_RESULT -> new FloorCase(to, n, caseId,
                        customerNumber, resellerNumber, lines, outcome, authorized, supplierNumber, returnTracking,
                        received, accepted, rejected, refund);
            };
        }

        Outcome toOutcome() {
            return new Outcome(caseId, state.legState(), transitions, customerNumber, resellerNumber,
                    supplierNumber, returnTracking, outcome, Outcome.total(authorized), Outcome.total(received),
                    Outcome.total(accepted), Outcome.total(rejected), refund);
        }
    }

    @Override
    public Outcome run(Scenario scenario) {
        FloorCase c = FloorCase.NEW;
        for (Step step : Step.all()) {
            c = c.next(step, scenario.actor(step), scenario.payload(step));
        }
        return c.toOutcome();
    }

    @Override
    public Object snapshot(Scenario scenario, Step next) {
        FloorCase c = FloorCase.NEW;
        for (Step step : Step.all()) {
            if (step == next) {
                break;
            }
            c = c.next(step, scenario.actor(step), scenario.payload(step));
        }
        return c;
    }

    @Override
    public Outcome resume(Object snapshot, Scenario scenario, Step next) {
        return ((FloorCase) snapshot).next(next, scenario.actor(next), scenario.payload(next)).toOutcome();
    }
}
