package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.ForwardingCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A batch carries only the number links its events add or change, so a store writes no link that is already stored
 * as it is; every link of the case still resolves.
 */
@Timeout(10)
class ChangedLinksTest {
    private static final CaseId CASE = CaseId.of("case-links");

    private final List<AppendBatch> batches = new ArrayList<>();
    private final InMemoryCaseStore store = new InMemoryCaseStore();

    @Test
    void aBatchCarriesOnlyTheLinksItsEventsAddOrChange() {
        ForwardingCaseStore recording = new ForwardingCaseStore(store) {
            @Override
            public void append(AppendBatch batch) {
                batches.add(batch);
                super.append(batch);
            }
        };
        try (ReturnSyncEngine engine = ReturnSyncEngine.builder().store(recording).notifier(new InMemoryNotifier())
                .clock(new TestClock(T0)).build()) {
            engine.execute(submit(CASE, "AS-1", List.of(line("SKU-1", S1, 1, 1, "10.00"))));
            engine.execute(open(CASE, S1));
            engine.execute(agree(CASE, S1));
            engine.execute(apply(CASE, S1));
            engine.execute(issue(CASE, S1, "RMA-1"));

            assertEquals(List.of(2, 0, 0, 0, 1), batches.stream().map(b -> b.links().size()).toList());
            NumberLink issued = batches.get(4).links().get(0);
            assertEquals(NumberKind.SUPPLIER_RETURN, issued.number().kind());
            assertEquals(CASE, store.findByNumber(TENANT, ReturnNumber.customerRequest(TENANT, "AS-1")).orElseThrow()
                    .caseId(), "the links of earlier batches are kept");
        }
    }
}
