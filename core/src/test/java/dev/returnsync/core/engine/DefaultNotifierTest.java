package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.core.notify.NoopNotifier;
import dev.returnsync.spi.CaseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The notifier is optional: without one the engine logs its notifications, and the no-op notifier drops them. */
@Timeout(10)
class DefaultNotifierTest {
    @Test
    void anEngineBuiltWithoutANotifierLogsAndCompletesItsNotifications() {
        try (ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
                .clock(new TestClock(T0)).build()) {
            CaseId c = CaseId.of("case-default-notifier");
            engine.execute(submit(c, "AS-DN", List.of(line("SKU-1", S1, 1, 1, "1.00"))));

            DispatchReport report = engine.dispatchPending();

            assertEquals(new DispatchReport(1, 0, 0, 0), report, "the reseller's notification, done");
            assertEquals(List.of(), engine.caseView(reseller(), c).pending());
        }
    }

    @Test
    void theNoopNotifierCompletesEveryNotification() {
        try (ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
                .notifier(NoopNotifier.instance()).clock(new TestClock(T0)).build()) {
            CaseId c = CaseId.of("case-noop-notifier");
            engine.execute(submit(c, "AS-NN", List.of(line("SKU-1", S1, 1, 1, "1.00"))));

            assertEquals(new DispatchReport(1, 0, 0, 0), engine.dispatchPending());
            assertEquals(List.of(), engine.caseView(reseller(), c).pending());
        }
    }
}
