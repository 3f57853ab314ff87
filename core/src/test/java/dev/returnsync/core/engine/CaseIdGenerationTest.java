package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Iterator;
import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** A submission without a case id gets one from the engine's generator, and its retry is a replay. */
@Timeout(10)
class CaseIdGenerationTest {
    @Test
    void aSubmissionWithoutACaseIdGetsAGeneratedOneAndItsRetryReplaysIt() {
        try (ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
                .clock(new TestClock(T0)).build()) {
            Command.SubmitReturn noId = submit(null, "AS-NOID", List.of(line("SKU-1", S1, 1, 1, "1.00")));

            CommandResult first = engine.execute(noId);
            CommandResult retry = engine.execute(noId);

            CaseId generated = first.state().id();
            assertTrue(generated.value().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                    "a random UUID by default");
            assertFalse(first.replayed());
            assertTrue(retry.replayed(), "the same key and payload: the first outcome");
            assertEquals(generated, retry.state().id());
            assertEquals(1, engine.history(reseller(), generated).size());
        }
    }

    @Test
    void aGeneratedIdTakenInTheTenantIsDrawnAgainAndAGivenIdIsKept() {
        Iterator<String> ids = List.of("case-taken", "case-fresh").iterator();
        try (ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
                .caseIds((tenant, now) -> ids.next()).clock(new TestClock(T0)).build()) {
            engine.execute(submit(CaseId.of("case-taken"), "AS-TAKEN", List.of(line("SKU-1", S1, 1, 1, "1.00"))));

            CommandResult result = engine.execute(submit(null, "AS-FRESH", List.of(line("SKU-1", S1, 1, 1, "1.00"))));

            assertEquals(CaseId.of("case-fresh"), result.state().id());
            assertTrue(ids.hasNext() == false, "the generator was asked twice: once for the taken id, once more");
            assertThrows(NullPointerException.class, () -> ReturnSyncEngine.builder().caseIds(null));
        }
    }
}
