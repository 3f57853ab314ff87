package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Guard;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Rule settings belong to the workflow: its builder takes them and the engine hands them to every rule. */
@Timeout(10)
class WorkflowSettingsTest {
    /** Refuses a submission with more lines than the setting {@code max-lines} allows (3 when not set). */
    private static final Guard MAX_LINES = Guard.named("max-lines").on(Command.SubmitReturn.class)
            .refuseWhen((submit, current, ctx) -> submit.lines().size() > Integer.parseInt(ctx.setting("max-lines", "3")),
                    "too many lines");

    @Test
    void theEngineDecidesWithTheWorkflowsSettings() {
        ReturnWorkflow strict = ReturnWorkflow.builder().guard(MAX_LINES).setting("max-lines", "1").build();
        try (ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
                .workflow(strict).clock(new TestClock(T0)).build()) {
            CommandRefusedException refused = assertThrows(CommandRefusedException.class,
                    () -> engine.execute(submit(CaseId.of("case-two-lines"), "AS-2L", List.of(
                            line("SKU-1", S1, 1, 1, "1.00"), line("SKU-2", S1, 1, 1, "1.00")))));
            assertEquals(Refusal.Code.RULE, refused.refusal().code());
            assertEquals("max-lines", refused.refusal().rule());

            engine.execute(submit(CaseId.of("case-one-line"), "AS-1L", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
        }
    }

    @Test
    void theBuilderCopiesChecksAndOverridesSettings() {
        Map<String, String> given = new LinkedHashMap<>(Map.of("a", "1", "b", "2"));
        ReturnWorkflow workflow = ReturnWorkflow.builder().settings(given).setting("b", "3").build();
        given.put("c", "4");

        assertEquals(Map.of("a", "1", "b", "3"), workflow.settings());
        RuleContext context = workflow.contextAt(T0);
        assertEquals(T0, context.now());
        assertEquals("3", context.setting("b", "none"));
        assertEquals(Map.of(), ReturnWorkflow.ofDefaults().settings());
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> ReturnWorkflow.builder().setting(" ", "x"));
        assertEquals("setting name must not be blank", blank.getMessage());
        assertThrows(NullPointerException.class, () -> ReturnWorkflow.builder().setting("a", null));
        assertThrows(NullPointerException.class, () -> ReturnWorkflow.builder().settings(null));
    }
}
