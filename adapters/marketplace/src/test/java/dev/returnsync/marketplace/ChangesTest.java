package dev.returnsync.marketplace;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static dev.returnsync.marketplace.Host.SUPPLIER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a host pushes after each command: exactly the legs whose marketplace status the command's events changed. */
@Timeout(20)
class ChangesTest {
    private final Host host = new Host("case-changes");
    private final Set<String> eventTypes = new TreeSet<>();

    @AfterEach
    void close() {
        host.close();
    }

    private void step(Command command) {
        Optional<ReturnCase> before = host.current();
        CommandResult result = host.execute(command);
        result.events().forEach(e -> eventTypes.add(e.type()));
        for (MarketplaceMapping<?> mapping : List.of(MarketplaceMapping.taobao(), MarketplaceMapping.alibaba1688())) {
            Map<SupplierId, Object> expected = new LinkedHashMap<>();
            Object now = mapping.outbound(result.state(), SUPPLIER).status();
            Object was = before.map(c -> (Object) mapping.outbound(c, SUPPLIER).status()).orElse(null);
            if (now != null && now != was) {
                expected.put(SUPPLIER, now);
            }
            assertEquals(expected, mapping.changes(before, result.state(), result.events()),
                    mapping.source() + " after " + command.type());
        }
    }

    @Test
    void everyCommandOfAWholeReturnReportsExactlyTheStatusesItChanged() {
        CommandResult opened = host.submit(new Inbound.Open(ExternalVersion.of("taobao", 1)),
                OutcomeType.RETURN_AND_REFUND);
        assertEquals(Map.of(SUPPLIER, TaobaoRefundStatus.WAIT_SELLER_AGREE),
                MarketplaceMapping.taobao().changes(Optional.empty(), opened.state(), opened.events()));
        assertEquals(Map.of(), MarketplaceMapping.alibaba1688().changes(Optional.empty(), opened.state(),
                opened.events()), "no 1688 refund before the reseller asks the supplier");

        step(host.asReseller().externalVersion("taobao", 2).openNegotiation().leg(SUPPLIER).build());
        step(host.asSupplier().agreeReturn().leg(SUPPLIER).outcome(OutcomeType.RETURN_AND_REFUND).build());
        step(host.asReseller().applyForReturn().leg(SUPPLIER).build());
        step(host.asSupplier().issueSupplierNumber().leg(SUPPLIER)
                .number(ReturnNumber.supplierReturn(SUPPLIER, "RMA-1")).build());
        step(host.asSupplier().replaceSupplierNumber().leg(SUPPLIER)
                .number(ReturnNumber.supplierReturn(SUPPLIER, "RMA-2")).build());
        step(host.asReseller().shareNumberWithCustomer().leg(SUPPLIER).build());
        step(host.as(dev.returnsync.spi.Actor.customer(Host.SHOP, Host.BUYER)).externalVersion("taobao", 3)
                .reportShipment().leg(SUPPLIER).tracking("SF", "SF0000000001").build());
        step(host.asSupplier().confirmReceipt().leg(SUPPLIER).received(LineQuantity.of("sku-1", 2)).build());
        step(host.asSupplier().reportResult().leg(SUPPLIER).accepted(LineQuantity.of("sku-1", 2)).note("ok").build());
        step(host.asReseller().reportResultToCustomer().leg(SUPPLIER).note("refund").build());
        step(host.as(dev.returnsync.spi.Actor.customer(Host.SHOP, Host.BUYER)).confirmResult().leg(SUPPLIER).build());

        assertTrue(eventTypes.containsAll(Set.of("SupplierNumberReplaced", "ExternalVersionRecorded",
                "ResultConfirmed")), eventTypes.toString());
        assertEquals(TaobaoRefundStatus.SUCCESS, MarketplaceMapping.taobao().outbound(host.state(), SUPPLIER).status());
    }
}
