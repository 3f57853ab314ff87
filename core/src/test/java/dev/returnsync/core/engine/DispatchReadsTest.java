package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.Mockito;

import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;

/**
 * Dispatching an outbox entry reads only the events it needs: with the case in the engine's fold cache, an entry
 * reads its case's events from the entry's own version on, never the whole history; the notifications it sends are
 * those of the case as of the entry's version.
 */
@Timeout(20)
class DispatchReadsTest {
    private static final CaseId CASE = CaseId.of("case-dispatch-reads");

    private final CaseStore store = Mockito.spy(new InMemoryCaseStore());
    private final InMemoryNotifier notifier = new InMemoryNotifier();
    private final TestClock clock = new TestClock(T0);
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(notifier).clock(clock)
            .build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void anEntryOfACachedCaseReadsOnlyTheEventsFromItsVersionOn() {
        List<Command> commands = List.of(
                submit(CASE, "DR-1", List.of(line("SKU-1", S1, 1, 1, "10.00"))),
                open(CASE, S1), agree(CASE, S1), apply(CASE, S1), issue(CASE, S1, "S1-DR"), share(CASE, S1));
        for (Command command : commands) {
            engine.execute(command);
            long version = store.load(TENANT, CASE).orElseThrow().version();
            Mockito.clearInvocations(store);

            DispatchReport report = engine.dispatchPending();

            assertTrue(report.done() + report.parked() > 0, "entries were worked after " + command.type());
            Mockito.verify(store, Mockito.never()).load(any(), any());
            Mockito.verify(store, Mockito.never()).loadAfter(any(), any(), Mockito.longThat(v -> v < version - 1));
        }
        List<Notification> sent = notifier.delivered();
        assertFalse(sent.isEmpty());
        assertTrue(sent.stream().allMatch(n -> n.caseId().equals(CASE) && n.tenant().equals(TENANT)));
    }
}
