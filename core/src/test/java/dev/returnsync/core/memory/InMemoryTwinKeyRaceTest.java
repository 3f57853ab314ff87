package dev.returnsync.core.memory;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.IdempotencyKeyTakenException;
import dev.returnsync.spi.store.IdempotencyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * CaseStore.append checks, in this order, the idempotency key, the version, the numbers: "the first that fails
 * throws". Two twins (same key, same numbers: a submission retried while the first try still runs, each with a
 * generated case id) race on two cases. Whichever loses must see the key taken: the winner claimed the key and
 * linked the numbers in one batch, so no loser can find the numbers taken but the key free.
 */
@Timeout(60)
class InMemoryTwinKeyRaceTest {
    private static final int LINKS = 300;
    private static final int ROUNDS = 2_000;

    private static AppendBatch twin(CaseId c) {
        List<ReturnEvent> events = List.of(InMemoryCaseStoreTest.opened(c));
        List<NumberLink> links = new ArrayList<>(LINKS);
        for (int i = 0; i < LINKS; i++) {
            links.add(InMemoryCaseStoreTest.link(ReturnNumber.returnTracking("SF", "SF" + (1_000_000 + i)), c));
        }
        IdempotencyRecord record = new IdempotencyRecord(InMemoryCaseStoreTest.T, IdempotencyKey.of("twin"), "fp",
                c, 1, 1);
        return new AppendBatch(InMemoryCaseStoreTest.T, c, 0, events, links, null, List.of(), record);
    }

    @Test
    void aTwinLosingTheRaceOnAnotherCaseSeesTheKeyTakenNotItsNumbers() throws Exception {
        AtomicInteger round = new AtomicInteger(-1);
        AtomicInteger done = new AtomicInteger();
        AtomicReference<InMemoryCaseStore> store = new AtomicReference<>();
        AtomicReference<Throwable> wrong = new AtomicReference<>();
        AtomicReference<AppendBatch[]> batches = new AtomicReference<>();
        Thread[] workers = new Thread[2];
        for (int w = 0; w < 2; w++) {
            int side = w;
            workers[w] = new Thread(() -> {
                for (int r = 0; r < ROUNDS && wrong.get() == null; r++) {
                    while (round.get() < r) {
                        Thread.yield();
                    }
                    try {
                        store.get().append(batches.get()[side]);
                    } catch (IdempotencyKeyTakenException expected) {
                        // the loser of the key
                    } catch (Throwable e) {
                        wrong.compareAndSet(null, new AssertionError("round " + r + ": the loser threw " + e, e));
                    }
                    done.incrementAndGet();
                }
            });
            workers[w].setDaemon(true);
            workers[w].start();
        }
        for (int r = 0; r < ROUNDS && wrong.get() == null; r++) {
            store.set(new InMemoryCaseStore());
            batches.set(new AppendBatch[] {twin(CaseId.of("a-" + r)), twin(CaseId.of("b-" + r))});
            round.set(r);
            while (done.get() < 2 * (r + 1) && wrong.get() == null) {
                Thread.yield();
            }
        }
        round.set(ROUNDS);
        for (Thread worker : workers) {
            worker.join(10_000);
        }
        assertNull(wrong.get(), () -> String.valueOf(wrong.get()));
    }
}
