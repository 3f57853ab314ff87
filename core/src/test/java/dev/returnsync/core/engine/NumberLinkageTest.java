package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Number linkage through the engine: uniqueness across cases and tenants, and look-ups by every kind. */
@Timeout(10)
class NumberLinkageTest {
    private final TestClock clock = new TestClock(T0);
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
            .clock(clock).build();

    @AfterEach
    void close() {
        engine.close();
    }

    private void toNumberRequested(CaseId c, String customerNumber) {
        engine.execute(submit(c, customerNumber, List.of(line("SKU-1", S1, 1, 1, "10.00"))));
        engine.execute(open(c, S1));
        engine.execute(agree(c, S1));
        engine.execute(apply(c, S1));
    }

    @Test
    void theSameSupplierNumberForASecondCaseIsRefusedWithoutLeakingTheFirst() {
        CaseId first = CaseId.of("case-first-secret");
        CaseId second = CaseId.of("case-second");
        toNumberRequested(first, "AS-SECRET-1");
        toNumberRequested(second, "AS-2");
        engine.execute(issue(first, S1, "SR-777"));
        long before = store.load(TENANT, second).orElseThrow().version();

        // the number typed with full-width digits and spaces is the same number after normalization
        Command.IssueSupplierNumber again = issue(second, S1, "sr-７７７ ");
        CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> engine.execute(again));

        assertEquals(dev.returnsync.core.domain.Refusal.Code.NUMBER_TAKEN, e.code());
        assertTrue(e.getMessage().contains(ReturnNumber.supplierReturn(S1, "SR-777").toString()), e.getMessage());
        for (String secret : List.of(first.value(), "AS-SECRET-1", CUSTOMER.value(), "case-first")) {
            assertFalse(e.getMessage().contains(secret), "message leaks " + secret + ": " + e.getMessage());
        }
        assertEquals(before, store.load(TENANT, second).orElseThrow().version(), "the refused command changed nothing");
        assertTrue(store.findIdempotency(TENANT, again.key()).isEmpty(), "no idempotency record for a refusal");
        assertEquals(first, engine.findByNumber(reseller(), again.number()).orElseThrow().caseId());
    }

    @Test
    void anotherTenantsNumberIsRefusedAndItsCaseLooksMissing() {
        CaseId mine = CaseId.of("case-mine");
        toNumberRequested(mine, "AS-1");
        engine.execute(issue(mine, S1, "SR-1"));
        engine.execute(share(mine, S1));
        engine.execute(ship(mine, S1, "SF", "SF123456789"));

        // another tenant's customer reports the same parcel: refused, nothing about the first tenant in the message
        Actor intruder = Actor.customer(OTHER_TENANT, CustomerId.of("c-9"));
        CaseId theirs = CaseId.of("case-theirs");
        engine.execute(new Command.SubmitReturn(key(), intruder, null, null, theirs, CustomerId.of("c-9"), OrderId.of("o-9"),
                ReturnNumber.customerRequest(OTHER_TENANT, "AS-1"), null, List.of(line("SKU-1", S1, 1, 1, "1.00")),
                Reason.of(ReasonCode.OTHER, ""), OutcomeType.RETURN_AND_REFUND, DELIVERED));
        assertEquals(mine, engine.findByNumber(reseller(), ReturnNumber.customerRequest(TENANT, "AS-1")).orElseThrow()
                .caseId(), "customer request numbers are unique per tenant only");

        Actor otherReseller = Actor.reseller(OTHER_TENANT, "boss");
        assertTrue(engine.findByNumber(otherReseller, ReturnNumber.returnTracking("SF", "SF123456789")).isEmpty(),
                "another tenant cannot find the parcel");
        assertThrows(CaseNotFoundException.class, () -> engine.caseView(otherReseller, mine));
        assertThrows(CaseNotFoundException.class, () -> engine.history(otherReseller, mine));
        CaseNotFoundException missing = assertThrows(CaseNotFoundException.class,
                () -> engine.execute(new Command.CloseLeg(key(), otherReseller, null, null, mine, S1, Reason.of(ReasonCode.OTHER, ""))));
        CaseNotFoundException unknown = assertThrows(CaseNotFoundException.class,
                () -> engine.execute(new Command.CloseLeg(key(), otherReseller, null, null, CaseId.of("case-nowhere"), S1,
                        Reason.of(ReasonCode.OTHER, ""))));
        assertEquals(unknown.code(), missing.code(), "another tenant's case looks like a missing one");
        assertEquals(unknown.getMessage().replace("case-nowhere", "X"), missing.getMessage().replace(mine.value(), "X"));
    }

    @Test
    void everyKindOfNumberResolvesSupersededOnesIncluded() {
        CaseId c = CaseId.of("case-kinds");
        toNumberRequested(c, "AS-KINDS");
        engine.execute(issue(c, S1, "SR-OLD"));
        engine.execute(new Command.ReplaceSupplierNumber(key(), supplier(S1), null, null, c, S1,
                ReturnNumber.supplierReturn(S1, "SR-NEW")));
        engine.execute(share(c, S1));
        engine.execute(ship(c, S1, "SF", "SF555666777"));
        Leg leg = engine.caseView(reseller(), c).state().leg(S1).orElseThrow();
        ReturnNumber reseller = engine.caseView(reseller(), c).state().resellerNumber();

        Map<ReturnNumber, Boolean> expected = Map.of(
                ReturnNumber.customerRequest(TENANT, "AS-KINDS"), false,
                reseller, false,
                ReturnNumber.supplierReturn(S1, "SR-OLD"), true,
                ReturnNumber.supplierReturn(S1, "SR-NEW"), false,
                ReturnNumber.returnTracking("sf", "sf 555 666 777"), false,
                ReturnNumber.replacementTracking("SF", "SF555666777"), false);
        expected.forEach((number, superseded) -> {
            NumberLink link = engine.findByNumber(reseller(), number).orElseThrow(() -> new AssertionError(number));
            assertEquals(c, link.caseId());
            assertEquals(superseded, link.superseded(), number.toString());
            assertEquals(number.kind() == NumberKind.CUSTOMER_REQUEST || number.kind() == NumberKind.RESELLER_RETURN
                    ? null : S1, link.leg());
            assertTrue(engine.findByNumber(customer(), number).isPresent(), "the customer finds their own case");
            assertTrue(engine.findByNumber(supplier(S1), number).isPresent(), "the supplier finds its own leg");
            assertTrue(engine.findByNumber(Actor.customer(TENANT, CustomerId.of("c-other")), number).isEmpty());
            assertTrue(engine.findByNumber(supplier(S2), number).isEmpty(), "another supplier finds nothing");
        });
        assertEquals("SR-NEW", leg.supplierNumber().value());

        // raw strings, as people type them
        assertEquals(List.of(c), ids(engine.lookup(customer(), "as-kinds".toUpperCase())));
        assertEquals(List.of(c), ids(engine.lookup(reseller(), reseller.value().toLowerCase())));
        assertEquals(List.of(c), ids(engine.lookup(supplier(S1), "sr-old")), "superseded, found by the supplier");
        assertEquals(List.of(c), ids(engine.lookup(customer(), "sr-old")), "any supplier's number, for the customer");
        assertEquals(List.of(c), ids(engine.lookup(reseller(), "SR-NEW")), "any supplier's number, for the reseller");
        assertEquals(List.of(), ids(engine.lookup(supplier(S2), "SR-NEW")), "not another supplier's number");
        // a tracking number typed without its carrier, as in a back-office search box
        assertEquals(List.of(c), ids(engine.lookup(reseller(), "sf555666777")));
        assertEquals(List.of(c), ids(engine.lookup(customer(), "SF 555 666 777")));
        assertEquals(List.of(c), ids(engine.lookup(supplier(S1), "SF555666777")));
        assertEquals(List.of(), ids(engine.lookup(supplier(S2), "SF555666777")), "another supplier finds nothing");
        assertEquals(List.of(), ids(engine.lookup(Actor.customer(TENANT, CustomerId.of("c-other")), "SF555666777")));
        assertEquals(List.of(), ids(engine.lookup(Actor.reseller(OTHER_TENANT, "x"), "SF555666777")));
        assertEquals(List.of(c), ids(engine.lookup(customer(), "ＳＲ－ＯＬＤ", S1.value())));
        assertEquals(List.of(c), ids(engine.lookup(customer(), "SF 555 666 777", "sf")));
        assertEquals(List.of(), ids(engine.lookup(customer(), "SF 555 666 777", "ZTO")));
        assertEquals(List.of(), ids(engine.lookup(Actor.reseller(OTHER_TENANT, "x"), "AS-KINDS")));
        assertEquals(Optional.empty(), engine.findByNumber(reseller(), ReturnNumber.supplierReturn(S2, "SR-OLD")));
    }

    @Test
    void aGeneratedResellerNumberThatClashesIsDrawnAgain() {
        String[] draws = {"RS-1", "RS-1", "RS-2"};
        int[] next = {0};
        ReturnSyncEngine generating = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
                .clock(clock).resellerNumbers((tenant, now) -> draws[next[0]++]).build();
        CaseId a = CaseId.of("case-a");
        CaseId b = CaseId.of("case-b");
        assertEquals("RS-1", generating.execute(submit(a, "AS-A", List.of(line("SKU-1", S1, 1, 1, "1.00"))))
                .state().resellerNumber().value());
        assertEquals("RS-2", generating.execute(submit(b, "AS-B", List.of(line("SKU-1", S1, 1, 1, "1.00"))))
                .state().resellerNumber().value());
        // a number the host gives is not replaced: a clash is the host's error
        Command.SubmitReturn given = new Command.SubmitReturn(IdempotencyKey.of("given"), customer(), null, null,
                CaseId.of("case-c"), CUSTOMER, OrderId.of("o"), ReturnNumber.customerRequest(TENANT, "AS-C"),
                ReturnNumber.resellerReturn(TENANT, "RS-2"), List.of(line("SKU-1", S1, 1, 1, "1.00")),
                Reason.of(ReasonCode.OTHER, ""), OutcomeType.RETURN_AND_REFUND, DELIVERED);
        assertEquals(dev.returnsync.core.domain.Refusal.Code.NUMBER_TAKEN,
                assertThrows(CommandRefusedException.class, () -> generating.execute(given)).code());
        assertTrue(store.load(TENANT, CaseId.of("case-c")).isEmpty());
        generating.close();
    }

    @Test
    void aSupplierCallbackTouchesOnlyItsOwnLeg() {
        CaseId c = CaseId.of("case-callback");
        toNumberRequested(c, "AS-CB");
        String resellerNumber = engine.caseView(reseller(), c).state().resellerNumber().value();
        long version = store.load(TENANT, c).orElseThrow().version();

        CommandRefusedException stranger = assertThrows(CaseNotFoundException.class, () -> engine
                .supplierCallbacks(TENANT, S2).forReturn(resellerNumber).numberIssued("S2-1", IdempotencyKey.of("evt-1")));
        assertNull(stranger.caseId(), "a supplier without a leg learns no case id");
        assertThrows(CaseNotFoundException.class, () -> engine.execute(new Command.IssueSupplierNumber(key(),
                supplier(S2), null, null, c, S1, ReturnNumber.supplierReturn(S1, "X-1"))), "a supplier without a leg");
        assertThrows(CaseNotFoundException.class, () -> engine.supplierCallbacks(OTHER_TENANT, S1)
                .forReturn(resellerNumber).numberIssued("S1-1", IdempotencyKey.of("evt-2")),
                "the reseller number of another tenant is unknown");
        assertEquals(version, store.load(TENANT, c).orElseThrow().version());

        CommandResult issued = engine.supplierCallbacks(TENANT, S1).forReturn(resellerNumber.toLowerCase())
                .numberIssued("s1-1", IdempotencyKey.of("evt-3"));
        assertEquals("S1-1", issued.state().leg(S1).orElseThrow().supplierNumber().value());
        assertEquals(supplier(S1), issued.events().get(0).actor());
        CommandResult again = engine.supplierCallbacks(TENANT, S1).forReturn(resellerNumber).numberIssued("S1-1",
                IdempotencyKey.of("evt-4"));
        assertTrue(again.replayed() && again.events().isEmpty(), "the same number again is no error");
        assertThrows(CommandRefusedException.class, () -> engine.supplierCallbacks(TENANT, S1).forReturn(resellerNumber)
                .numberIssued("S1-2", IdempotencyKey.of("evt-5")), "another number is not silently dropped");
    }

    private static List<CaseId> ids(List<NumberLink> links) {
        return links.stream().map(NumberLink::caseId).toList();
    }
}
