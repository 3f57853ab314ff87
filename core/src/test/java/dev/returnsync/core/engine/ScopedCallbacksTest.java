package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnCallbacks;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.testsupport.InMemoryNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Supplier callbacks scoped to a tenant, a supplier and one return, with typed numbers. */
@Timeout(10)
class ScopedCallbacksTest {
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
            .clock(new TestClock(T0)).build();

    @AfterEach
    void close() {
        engine.close();
    }

    private ReturnNumber numberRequested(CaseId c, SupplierId leg) {
        engine.execute(submit(c, "AS-" + c.value(), List.of(line("SKU-1", leg, 1, 1, "10.00"))));
        engine.execute(open(c, leg));
        engine.execute(agree(c, leg));
        engine.execute(apply(c, leg));
        return engine.caseView(reseller(), c).state().resellerNumber();
    }

    @Test
    void aScopedCallbackRoundTripsWithTypedNumbers() {
        CaseId c = CaseId.of("case-scoped");
        ReturnNumber resellerNumber = numberRequested(c, S1);
        ReturnCallbacks callbacks = engine.supplierCallbacks(TENANT, S1).forReturn(resellerNumber);
        assertEquals(resellerNumber, callbacks.resellerNumber());

        CommandResult issued = callbacks.numberIssued("s1-9", IdempotencyKey.of("evt-1"));

        assertEquals(ReturnNumber.supplierReturn(S1, "S1-9"), issued.state().leg(S1).orElseThrow().supplierNumber());
        assertEquals(supplier(S1), issued.events().get(0).actor());
        assertTrue(callbacks.numberIssued("S1-9", IdempotencyKey.of("evt-2")).replayed());
    }

    @Test
    void theRawFormFindsTheSameReturn() {
        CaseId c = CaseId.of("case-raw");
        ReturnNumber resellerNumber = numberRequested(c, S1);
        CommandResult declined = engine.supplierCallbacks(TENANT, S1).forReturn(resellerNumber.value().toLowerCase())
                .declined(Reason.of(ReasonCode.OTHER, "no"), IdempotencyKey.of("evt-3"));
        assertEquals(LegState.DECLINED, declined.state().leg(S1).orElseThrow().state());
    }

    @Test
    void aNumberOfAnotherKindOrTenantIsRefusedBeforeAnyLookUp() {
        var callbacks = engine.supplierCallbacks(TENANT, S1);
        InvalidReturnNumberException kind = assertThrows(InvalidReturnNumberException.class,
                () -> callbacks.forReturn(ReturnNumber.supplierReturn(S1, "SECRET-1")));
        assertEquals(NumberKind.RESELLER_RETURN, kind.kind());
        assertFalse(kind.getMessage().contains("SECRET-1"), kind.getMessage());
        InvalidReturnNumberException tenant = assertThrows(InvalidReturnNumberException.class,
                () -> callbacks.forReturn(ReturnNumber.resellerReturn(OTHER_TENANT, "SECRET-2")));
        assertFalse(tenant.getMessage().contains("SECRET-2"), tenant.getMessage());
        assertFalse(tenant.getMessage().contains(OTHER_TENANT.value()), tenant.getMessage());
    }
}
