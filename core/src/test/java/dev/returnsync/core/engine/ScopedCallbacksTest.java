package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnCallbacks;
import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
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
    void theInspectionsResultIsReportedOnceAsTheSupplierOnItsOwnLegOnly() {
        CaseId c = CaseId.of("case-result");
        engine.execute(submit(c, "AS-" + c.value(), List.of(line("SKU-1", S1, 1, 1, "10.00"),
                line("SKU-2", S2, 1, 1, "20.00"))));
        for (SupplierId leg : List.of(S1, S2)) {
            engine.execute(open(c, leg));
            engine.execute(agree(c, leg));
            engine.execute(apply(c, leg));
        }
        engine.execute(issue(c, S1, "S1-7"));
        engine.execute(share(c, S1));
        engine.execute(ship(c, S1, "SF", "SF100200300"));
        engine.execute(receive(c, S1, "SKU-1", 1));
        ReturnNumber resellerNumber = engine.caseView(reseller(), c).state().resellerNumber();
        List<LineQuantity> accepted = List.of(LineQuantity.of("SKU-1", 1));

        CommandResult reported = engine.supplierCallbacks(TENANT, S1).forReturn(resellerNumber)
                .resultReported(accepted, List.of(), "ok", Money.of("CNY", "1.00"), List.of(),
                        IdempotencyKey.of("evt-r"));

        assertEquals(LegState.RESULT_REPORTED, reported.state().leg(S1).orElseThrow().state());
        assertEquals(supplier(S1), reported.events().get(0).actor());
        assertTrue(reported.state().leg(S2).isEmpty(), "the supplier sees its own leg only");
        CommandResult again = engine.supplierCallbacks(TENANT, S1).forReturn(resellerNumber)
                .resultReported(accepted, List.of(), "ok", Money.of("CNY", "1.00"), List.of(),
                        IdempotencyKey.of("evt-r"));
        assertTrue(again.replayed());
        CommandRefusedException tooEarly = assertThrows(CommandRefusedException.class,
                () -> engine.supplierCallbacks(TENANT, S2).forReturn(resellerNumber).resultReported(
                        List.of(LineQuantity.of("SKU-2", 1)), List.of(), "", null, List.of(), IdempotencyKey.of("evt-s")));
        assertEquals(LegState.NUMBER_REQUESTED, engine.caseView(reseller(), c).state().leg(S2).orElseThrow().state(),
                "S2 has received nothing, its leg did not move: " + tooEarly.code());
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
