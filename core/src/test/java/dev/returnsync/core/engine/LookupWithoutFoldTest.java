package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.testsupport.InMemoryNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Look-ups and history answer who may see a case from its opening event (or any cached fold of it), never by
 * folding its history: a case whose history no longer folds past its first event is still looked up, for every
 * party as the visibility policy says, while anything that needs the folded case fails.
 */
@Timeout(20)
class LookupWithoutFoldTest {
    private static final CaseId CASE = CaseId.of("case-nofold");

    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final TestClock clock = new TestClock(T0);
    private final ReturnSyncEngine writer = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
            .clock(clock).build();
    /** No fold cache: every answer comes from the store. */
    private final ReturnSyncEngine reader = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
            .clock(clock).engineConfig(EngineConfig.custom().foldCacheSize(0).build()).build();

    @AfterEach
    void close() {
        writer.close();
        reader.close();
    }

    @Test
    void aLookUpNeverFoldsTheCase() {
        writer.execute(submit(CASE, "NF-1", List.of(line("SKU-1", S1, 1, 1, "10.00"), line("SKU-2", S2, 1, 1, "5.00"))));
        writer.execute(open(CASE, S1));
        writer.execute(agree(CASE, S1));
        writer.execute(apply(CASE, S1));
        writer.execute(issue(CASE, S1, "S1-NR"));
        List<ReturnEvent> events = store.load(TENANT, CASE).orElseThrow().events();
        // a second opening event: the history no longer folds past version 5
        store.append(new AppendBatch(TENANT, CASE, events.size(), List.of(events.get(0)), List.of(), null, List.of(),
                null));
        assertThrows(StoreException.class, () -> reader.caseView(reseller(), CASE), "the history does not fold");

        ReturnNumber customerNumber = ReturnNumber.customerRequest(TENANT, "NF-1");
        ReturnNumber s1Number = ReturnNumber.supplierReturn(S1, "S1-NR");
        Actor otherCustomer = Actor.customer(TENANT, CustomerId.of("c-other"));
        assertTrue(reader.findByNumber(reseller(), s1Number).isPresent());
        assertTrue(reader.findByNumber(customer(), customerNumber).isPresent());
        assertTrue(reader.findByNumber(customer(), s1Number).isPresent());
        assertTrue(reader.findByNumber(supplier(S1), s1Number).isPresent());
        assertTrue(reader.findByNumber(supplier(S1), customerNumber).isPresent());
        assertTrue(reader.findByNumber(supplier(S2), customerNumber).isPresent(), "S2 has a leg");
        assertTrue(reader.findByNumber(supplier(S2), s1Number).isEmpty(), "another supplier's leg number");
        assertTrue(reader.findByNumber(supplier(S3), customerNumber).isEmpty(), "no leg, no party");
        assertTrue(reader.findByNumber(otherCustomer, customerNumber).isEmpty(), "another customer");
        assertTrue(reader.findByNumber(Actor.reseller(OTHER_TENANT, "staff-1"), customerNumber).isEmpty());
        assertEquals(1, reader.lookup(supplier(S1), "S1-NR").size());
        assertEquals(List.of(), reader.lookup(supplier(S3), "NF-1"));

        assertEquals(6, reader.history(supplier(S1), CASE).size(), "the history is read, not folded");
        assertThrows(CaseNotFoundException.class, () -> reader.history(supplier(S3), CASE));
        assertThrows(CaseNotFoundException.class, () -> reader.history(otherCustomer, CASE));
    }
}
