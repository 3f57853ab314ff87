package dev.returnsync.benchmarks;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Every implementation reaches the same state with the same data as returnsync on the same input. */
class FlowEquivalenceTest {
    private static final Map<FlowType, ReturnFlow> FLOWS = new EnumMap<>(FlowType.class);

    private static ReturnFlow flow(FlowType type) {
        return FLOWS.computeIfAbsent(type, FlowType::create);
    }

    @Test
    void returnsyncEndsTheScenarioCompletedWithEveryNumberAndTheRefund() {
        Scenario scenario = Scenario.of(7);
        Outcome outcome = flow(FlowType.RETURNSYNC).run(scenario);

        assertEquals(new Outcome(scenario.caseId(), LegState.COMPLETED, 11, scenario.customerNumber(),
                scenario.resellerNumber(), scenario.supplierNumber(), scenario.returnTracking(),
                OutcomeType.RETURN_AND_REFUND, 3, 3, 2, 1,
                new Money(Currency.getInstance("CNY"), Scenario.EXPECTED_REFUND_MINOR)), outcome);
    }

    @ParameterizedTest
    @EnumSource(FlowType.class)
    void runsTheWholeWorkflowToTheSameOutcomeAsReturnsync(FlowType type) {
        for (int index : new int[] {0, 1, 42, 99_999}) {
            Scenario scenario = Scenario.of(index);
            assertEquals(flow(FlowType.RETURNSYNC).run(scenario), flow(type).run(scenario), type + " on " + scenario);
        }
    }

    @ParameterizedTest
    @EnumSource(FlowType.class)
    void resumesEveryStepFromAStoredCaseToTheSameOutcomeAsReturnsync(FlowType type) {
        Scenario scenario = Scenario.of(3);
        for (Step step : Step.all()) {
            Object stored = flow(type).snapshot(scenario, step);
            Outcome expected = flow(FlowType.RETURNSYNC).resume(flow(FlowType.RETURNSYNC).snapshot(scenario, step),
                    scenario, step);
            Outcome first = flow(type).resume(stored, scenario, step);
            assertEquals(expected, first, type + " at " + step);
            assertEquals(step.to().legState(), first.state());
            assertEquals(step.ordinal() + 1L, first.transitions());
            assertEquals(first, flow(type).resume(stored, scenario, step), type + " must leave the snapshot unchanged");
        }
    }

    @ParameterizedTest
    @EnumSource(FlowType.class)
    void carriesEachNumberFromTheStepThatLinksIt(FlowType type) {
        Scenario scenario = Scenario.of(5);
        Outcome beforeIssue = flow(type).resume(flow(type).snapshot(scenario, Step.APPLY), scenario, Step.APPLY);
        assertNull(beforeIssue.supplierNumber());
        Outcome issued = flow(type).resume(flow(type).snapshot(scenario, Step.ISSUE_NUMBER), scenario,
                Step.ISSUE_NUMBER);
        assertEquals(scenario.supplierNumber(), issued.supplierNumber());
        assertNull(issued.returnTracking());
        Outcome shipped = flow(type).resume(flow(type).snapshot(scenario, Step.SHIP), scenario, Step.SHIP);
        assertEquals(scenario.returnTracking(), shipped.returnTracking());
        assertNull(shipped.refund());
    }

    @ParameterizedTest
    @EnumSource(FlowType.class)
    void refusesAStepFiredByARoleThatMayNotFireIt(FlowType type) {
        Scenario base = Scenario.of(11);
        Actor customer = Actor.customer(base.tenant(), base.customer());
        Scenario wrong = base.withActor(Step.ISSUE_NUMBER, customer);

        StepRefusedException refused = assertThrows(StepRefusedException.class, () -> flow(type).run(wrong));
        assertEquals(Step.ISSUE_NUMBER, refused.step());
        Object stored = flow(type).snapshot(wrong, Step.ISSUE_NUMBER);
        assertThrows(StepRefusedException.class, () -> flow(type).resume(stored, wrong, Step.ISSUE_NUMBER));
    }

    @ParameterizedTest
    @EnumSource(FlowType.class)
    void refusesAStepThatDoesNotFollowTheStoredState(FlowType type) {
        Scenario scenario = Scenario.of(12);
        Object stored = flow(type).snapshot(scenario, Step.SHIP);
        assertThrows(StepRefusedException.class, () -> flow(type).resume(stored, scenario, Step.CONFIRM_RESULT));
    }

    @ParameterizedTest
    @EnumSource(FlowType.class)
    void keepsSomethingForInFlightAndClosedCases(FlowType type) {
        Scenario scenario = Scenario.of(13);
        assertNotNull(flow(type).live(scenario, Step.CONFIRM_RECEIPT));
        assertNotNull(flow(type).closed(scenario));
    }
}
