package dev.returnsync.core.memory;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outbox index's claim order, whether slots were queued in time order (the ready queue's list) or not (its
 * sorted set), through adds, requeues, parking and removals: always next attempt time, then the order queued.
 */
@Timeout(20)
class ReadyQueueTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Comparator<OutboxIndex.Slot> CLAIM_ORDER = Comparator
            .comparing((OutboxIndex.Slot s) -> s.nextAttemptAt).thenComparingLong(s -> s.sequence);

    @Test
    void slotsComeInClaimOrderHoweverTheyWereQueued() {
        Random random = new Random(42);
        OutboxIndex index = new OutboxIndex();
        List<OutboxIndex.Slot> slots = new ArrayList<>();
        List<OutboxIndex.Slot> ofCase = new ArrayList<>();
        long clock = 0;
        for (int op = 0; op < 3000; op++) {
            int kind = random.nextInt(10);
            if (kind < 5 || slots.isEmpty()) {
                clock += random.nextInt(3);
                long at = random.nextInt(4) == 0 ? clock - random.nextInt(20) : clock;
                index.add(OutboxEntry.pending(TenantId.of("t"), CaseId.of("c"), op + 1, Effect.NOTIFY, "r",
                        T0.plusSeconds(at)), ofCase);
                slots.add(ofCase.get(ofCase.size() - 1));
            } else if (kind < 8) {
                OutboxIndex.Slot slot = slots.get(random.nextInt(slots.size()));
                index.requeue(slot, slot.attempts + 1, T0.plusSeconds(clock + random.nextInt(30) - 10), "x",
                        random.nextInt(5) == 0);
            } else {
                index.remove(slots.remove(random.nextInt(slots.size())));
            }
            Instant now = T0.plusSeconds(clock + random.nextInt(20) - 10);
            List<OutboxIndex.Slot> expected = slots.stream().filter(s -> !s.parked && !s.nextAttemptAt.isAfter(now))
                    .sorted(CLAIM_ORDER).toList();
            List<OutboxIndex.Slot> claimOrder = new ArrayList<>();
            for (Iterator<OutboxIndex.Slot> it = index.readyUntil(now); it.hasNext(); ) {
                claimOrder.add(it.next());
            }
            assertEquals(expected, claimOrder, "after operation " + op);
            List<OutboxIndex.Slot> ready = slots.stream().filter(s -> !s.parked).sorted(CLAIM_ORDER).toList();
            assertEquals(ready.size(), index.readyCount());
            assertEquals(ready.isEmpty() ? null : ready.get(0).nextAttemptAt, index.earliest());
        }
    }
}
