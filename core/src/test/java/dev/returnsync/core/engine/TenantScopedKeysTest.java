package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.DELIVERED;
import static dev.returnsync.core.engine.EngineFixtures.OTHER_TENANT;
import static dev.returnsync.core.engine.EngineFixtures.S1;
import static dev.returnsync.core.engine.EngineFixtures.T0;
import static dev.returnsync.core.engine.EngineFixtures.TENANT;
import static dev.returnsync.core.engine.EngineFixtures.key;
import static dev.returnsync.core.engine.EngineFixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Case ids and numbers belong to a tenant: one tenant can neither block nor detect another tenant's case ids and
 * numbers through the engine.
 */
@Timeout(10)
class TenantScopedKeysTest {
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
            .clock(new TestClock(T0)).build();

    @AfterEach
    void close() {
        engine.close();
    }

    /** The parties of one tenant. */
    private record Shop(TenantId tenant) {
        Actor customer() {
            return Actor.customer(tenant, CustomerId.of("c-1"));
        }

        Actor reseller() {
            return Actor.reseller(tenant, "staff-1");
        }

        Actor supplier() {
            return Actor.supplier(tenant, S1);
        }

        Command.SubmitReturn submit(CaseId c, String customerNumber) {
            return new Command.SubmitReturn(key(), customer(), null, null, c, CustomerId.of("c-1"), OrderId.of("o-1"),
                    ReturnNumber.customerRequest(tenant, customerNumber), null,
                    List.of(line("SKU-1", S1, 1, 1, "10.00")), Reason.of(ReasonCode.SIZE_OR_FIT, "too small"),
                    OutcomeType.RETURN_AND_REFUND, DELIVERED);
        }

        /** Takes the case to the point where the customer reports the parcel, then reports it. */
        List<Command> toShipped(CaseId c, SupplierId leg, String supplierNumber, String tracking) {
            return List.of(
                    new Command.OpenNegotiation(key(), reseller(), null, null, c, leg),
                    new Command.AgreeReturn(key(), supplier(), null, null, c, leg, OutcomeType.RETURN_AND_REFUND, List.of(), null, null, null, List.of()),
                    new Command.ApplyForReturn(key(), reseller(), null, null, c, leg),
                    new Command.IssueSupplierNumber(key(), supplier(), null, null, c, leg,
                            ReturnNumber.supplierReturn(leg, supplierNumber)),
                    new Command.ShareNumberWithCustomer(key(), reseller(), null, null, c, leg),
                    new Command.ReportShipment(key(), customer(), null, null, c, leg, ReturnNumber.returnTracking("SF", tracking)));
        }
    }

    @Test
    void twoTenantsUseTheSameCaseIdForTwoIndependentCases() {
        Shop mine = new Shop(TENANT);
        Shop theirs = new Shop(OTHER_TENANT);
        CaseId id = CaseId.of("case-shared");
        engine.execute(theirs.submit(id, "AS-THEIRS"));

        // the other tenant took the id first: this tenant still opens its own case under it
        engine.execute(mine.submit(id, "AS-MINE"));
        engine.execute(new Command.OpenNegotiation(key(), theirs.reseller(), null, null, id, S1));

        assertEquals(1, engine.caseView(mine.reseller(), id).state().version());
        assertEquals(2, engine.caseView(theirs.reseller(), id).state().version());
        assertEquals(ReturnNumber.customerRequest(TENANT, "AS-MINE"),
                engine.caseView(mine.customer(), id).state().customerNumber());
    }

    @Test
    void aParcelNumberTypedFirstInAnotherTenantBlocksNothing() {
        Shop mine = new Shop(TENANT);
        Shop theirs = new Shop(OTHER_TENANT);
        CaseId myCase = CaseId.of("case-mine");
        CaseId theirCase = CaseId.of("case-theirs");
        engine.execute(mine.submit(myCase, "AS-1"));
        engine.execute(theirs.submit(theirCase, "AS-2"));

        // a customer of the other tenant types this tenant's parcel number first
        theirs.toShipped(theirCase, S1, "SR-THEIRS", "SF123456789").forEach(engine::execute);
        mine.toShipped(myCase, S1, "SR-MINE", "SF123456789").forEach(engine::execute);

        ReturnNumber parcel = ReturnNumber.returnTracking("SF", "SF123456789");
        assertEquals(myCase, engine.findByNumber(mine.reseller(), parcel).orElseThrow().caseId());
        assertEquals(theirCase, engine.findByNumber(theirs.reseller(), parcel).orElseThrow().caseId());
    }
}
