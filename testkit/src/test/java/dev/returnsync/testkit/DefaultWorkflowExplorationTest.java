package dev.returnsync.testkit;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.ReturnWorkflow;
import org.junit.jupiter.api.Test;

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
}
