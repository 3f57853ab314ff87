package dev.returnsync.testkit;

import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.spi.OutcomeType;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library's own workflow, explored to depth 8 with every built-in invariant. */
class DefaultWorkflowExplorationTest {
    @Test
    void defaultWorkflowKeepsEveryBuiltInInvariantToDepth8() {
        CheckReport report = RuleChecker.forWorkflow(ReturnWorkflow.ofDefaults())
                .exhaustive(8)
                .check();
        System.out.println("[rule-checker] default workflow: " + report.summary());
        assertTrue(report.complete(), report.summary());
        assertEquals(8, report.depth());
        assertTrue(report.states() > 10_000, report.summary());
    }

    @Test
    void oneLegExploredToDepth12AcceptsEveryCommandTypeAndKeepsEveryInvariant() {
        CheckReport report = RuleChecker.forWorkflow(ReturnWorkflow.ofDefaults())
                .submissions(Submission.singleLeg(OutcomeType.RETURN_AND_REFUND))
                .exhaustive(12)
                .check();
        System.out.println("[rule-checker] single leg: " + report.summary());
        assertEquals(Set.of(), report.neverAccepted(), "every step of the workflow is reached: " + report.summary());
    }
}
