package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ReturnEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.S1;
import static dev.returnsync.core.engine.EngineFixtures.T0;
import static dev.returnsync.core.engine.EngineFixtures.TENANT;
import static dev.returnsync.core.engine.EngineFixtures.line;
import static dev.returnsync.core.engine.EngineFixtures.open;
import static dev.returnsync.core.engine.EngineFixtures.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Event times of a case only move forward, even when an instance's clock lags behind another's. */
@Timeout(10)
class EventTimeTest {

    @Test
    void anInstanceWithALaggingClockDoesNotDateItsEventBeforeTheCasesLast() {
        InMemoryCaseStore store = new InMemoryCaseStore();
        TestClock ahead = new TestClock(T0.plus(Duration.ofMinutes(10)));
        TestClock behind = new TestClock(T0);
        CaseId c = CaseId.of("case-time");
        try (ReturnSyncEngine first = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
                .clock(ahead).build();
             ReturnSyncEngine second = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
                     .clock(behind).build()) {
            first.execute(submit(c, "AS-TIME", List.of(line("SKU-1", S1, 1, 1, "1.00"))));
            second.execute(open(c, S1));
            List<ReturnEvent> events = store.load(TENANT, c).orElseThrow().events();
            assertEquals(ahead.instant(), events.get(0).at());
            assertEquals(ahead.instant(), events.get(1).at(), "dated at the case's last event, not 10 minutes earlier");
            behind.set(T0.plus(Duration.ofMinutes(20)));
            first.execute(EngineFixtures.agree(c, S1));
            assertEquals(T0.plus(Duration.ofMinutes(10)), store.load(TENANT, c).orElseThrow().events().get(2).at(),
                    "a clock that is ahead of the case dates its own events by itself");
        }
    }
}
