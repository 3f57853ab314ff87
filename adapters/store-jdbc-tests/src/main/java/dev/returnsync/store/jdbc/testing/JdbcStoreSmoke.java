package dev.returnsync.store.jdbc.testing;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.DueCase;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.OutboxEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One pass through every table of a store: a case opened with a number, a due time, an outbox entry and an
 * idempotency key, then read back, claimed and completed. For tests that check a schema someone else applied.
 */
public final class JdbcStoreSmoke {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private JdbcStoreSmoke() {
    }

    /**
     * Runs the pass on a case that does not exist yet.
     *
     * @param store the store under test
     * @param tenant the tenant of the case
     * @param caseId a case the tenant does not have yet
     */
    public static void run(CaseStore store, TenantId tenant, CaseId caseId) {
        CustomerId customer = CustomerId.of("c-" + caseId.value());
        ReturnNumber customerNumber = ReturnNumber.customerRequest(tenant, "C-" + caseId.value());
        ReturnEvent.ReturnRequested requested = new ReturnEvent.ReturnRequested(T0, Actor.customer(tenant, customer),
                caseId, customer, OrderId.of("o-1"), customerNumber, ReturnNumber.resellerReturn(tenant, "R-1"),
                List.of(new ReturnLine(Sku.of("sku-1"), SupplierId.of("s-1"), 1, 1, Money.of("CNY", "9.90"))),
                Reason.of(ReasonCode.SIZE_OR_FIT, "尺码偏小"), OutcomeType.RETURN_AND_REFUND, T0.minusSeconds(3600));
        IdempotencyKey key = IdempotencyKey.of("smoke-" + caseId.value());
        Instant due = T0.plus(Duration.ofDays(1));
        store.append(new AppendBatch(tenant, caseId, 0, List.of(requested),
                List.of(new NumberLink(customerNumber, tenant, caseId, null, false)), due,
                List.of(OutboxEntry.pending(tenant, caseId, 1, Effect.NOTIFY, "CUSTOMER:c", T0)),
                new IdempotencyRecord(tenant, key, "fingerprint", caseId, 1, 1)));

        assertEquals(List.of(requested), store.load(tenant, caseId).orElseThrow().events());
        assertEquals(caseId, store.findByNumber(tenant, customerNumber).orElseThrow().caseId());
        assertEquals(caseId, store.findIdempotency(tenant, key).orElseThrow().caseId());
        assertTrue(store.findDue(due, null, 100).contains(new DueCase(tenant, caseId, due)));
        List<OutboxEntry> claimed = store.claimOutbox("smoke", T0, Duration.ofMinutes(1), 10);
        assertEquals(1, claimed.size());
        assertTrue(store.completeOutbox(claimed.get(0).id(), "smoke"));
        assertEquals(List.of(), store.outboxOf(tenant, caseId));
    }
}
