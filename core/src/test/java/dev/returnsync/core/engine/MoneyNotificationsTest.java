package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.FeeBearer;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Settlement;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.NotificationType;
import dev.returnsync.testsupport.InMemoryNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The money of a case through the engine: the views show each leg's and the case's settlement, and each
 * notification carries the amount the step means for its recipient.
 */
@Timeout(20)
class MoneyNotificationsTest {
    private final InMemoryNotifier notifier = new InMemoryNotifier();
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
            .notifier(notifier).clock(new TestClock(T0)).build();

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void viewsAndNotificationsCarryTheRefundTheSupplierDebtAndTheOffer() {
        CaseId c = CaseId.of("case-money");
        engine.execute(submit(c, "AS-M-1", List.of(line("SKU-1", S1, 2, 2, "50.00"), line("SKU-2", S2, 1, 1, "30.00"))));
        engine.execute(open(c, S1));
        engine.execute(Commands.as(supplier(S1)).key(key()).onCase(c).agreeReturn()
                .outcome(OutcomeType.RETURN_AND_REFUND).shippingFee(Money.of("CNY", "10.00"))
                .feeBearer(FeeBearer.SUPPLIER).build());
        engine.execute(apply(c, S1));
        engine.execute(issue(c, S1, "RMA-1"));
        engine.execute(share(c, S1));
        engine.execute(ship(c, S1, "SF", "SF1234567890"));
        engine.execute(receive(c, S1, "SKU-1", 2));
        engine.execute(Commands.as(supplier(S1)).key(key()).onCase(c).reportResult()
                .accepted(LineQuantity.of("SKU-1", 2)).restockingFee(Money.of("CNY", "4.00"))
                .build());
        engine.execute(tell(c, S1));
        engine.execute(open(c, S2));
        engine.execute(Commands.as(reseller()).key(key()).onCase(c).offerPartialRefund().leg(S2)
                .amount(Money.of("CNY", "6.00")).build());
        engine.execute(Commands.as(customer()).key(key()).onCase(c).acceptPartialRefund().leg(S2).build());
        engine.dispatchPending();

        Settlement s1 = new Settlement(Money.of("CNY", "100.00"), Money.of("CNY", "4.00"), Money.of("CNY", "10.00"),
                Money.of("CNY", "0"), Money.of("CNY", "106.00"), Money.of("CNY", "106.00"));
        CaseView view = engine.caseView(reseller(), c);
        assertEquals(s1, view.state().leg(S1).orElseThrow().settlement());
        assertEquals(Money.of("CNY", "112.00"), view.state().settlement().refund());
        assertEquals(Money.of("CNY", "106.00"), view.state().settlement().supplierOwes(),
                "the reseller's own offer is the reseller's money");

        assertEquals(Money.of("CNY", "106.00"), amount(NotificationType.RESULT_REPORTED_TO_CUSTOMER, Role.CUSTOMER, S1));
        assertEquals(Money.of("CNY", "106.00"), amount(NotificationType.RESULT_REPORTED, Role.RESELLER, S1),
                "at inspection the reseller learns what the supplier owes");
        assertEquals(Money.of("CNY", "6.00"), amount(NotificationType.PARTIAL_REFUND_OFFERED, Role.CUSTOMER, S2));
        assertEquals(Money.of("CNY", "0"), amount(NotificationType.PARTIAL_REFUND_ACCEPTED, Role.SUPPLIER, S2));
        assertEquals(Money.of("CNY", "6.00"), amount(NotificationType.PARTIAL_REFUND_ACCEPTED, Role.RESELLER, S2));
        assertNull(amount(NotificationType.NEGOTIATION_OPENED, Role.SUPPLIER, S2), "a step about no money");
    }

    private Money amount(NotificationType type, Role role, SupplierId leg) {
        List<Notification> found = notifier.delivered().stream()
                .filter(n -> n.type() == type && n.recipient().role() == role && leg.equals(n.leg())).toList();
        assertEquals(1, found.size(), type + " to " + role + ": " + found);
        return found.get(0).amount();
    }
}
