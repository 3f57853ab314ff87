package dev.returnsync.examples.host;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CaseStatus;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One return from request to the customer's confirmation, through the host's wiring, on the MariaDB of
 * {@code RETURNSYNC_MARIADB_URL} ({@code .ci/mariadb-start.sh} prints it). Without one it fails when {@code CI=true}
 * and is skipped otherwise.
 */
@Timeout(120)
class ReturnOnMariaDbTest {
    private static final TenantId SHOP = TenantId.of("shop-host");
    private static final SupplierId WAREHOUSE = SupplierId.of("warehouse-1");

    private final Clock clock = Clock.systemUTC();
    private final AtomicInteger keys = new AtomicInteger();
    /** Digits that make this run's ids and numbers new, so that runs on one database do not meet. */
    private final String run = Long.toString(Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L));

    @Test
    void a_return_runs_from_request_to_confirmation() {
        WarehouseSupplier warehouse = new WarehouseSupplier(WAREHOUSE);
        try (ReturnsHost host = ReturnsHost.start(setting("URL"), setting("USER"), setting("PASSWORD"), clock,
                warehouse)) {
            ReturnSyncEngine engine = host.engine();
            CaseId caseId = CaseId.of("host-" + run);
            CustomerId buyer = CustomerId.of("buyer-" + run);
            Actor customer = Actor.customer(SHOP, buyer);
            Actor reseller = Actor.reseller(SHOP, "service-desk");
            Actor supplier = Actor.supplier(SHOP, WAREHOUSE);

            LineQuantity one = LineQuantity.of("TEE-RED-L", 1);

            act(engine, as(customer, caseId).submitReturn().order(OrderId.of("order-" + run))
                    .customerNumber(ReturnNumber.customerRequest(SHOP, "TB-" + run))
                    .resellerNumber(ReturnNumber.resellerReturn(SHOP, "R-" + run))
                    .line(new ReturnLine(Sku.of("TEE-RED-L"), WAREHOUSE, 1, 1, Money.of("CNY", "59.90")))
                    .reason(ReasonCode.SIZE_OR_FIT, "尺码偏大").wanted(OutcomeType.RETURN_AND_REFUND)
                    .deliveredAt(clock.instant().minus(Duration.ofDays(3))).build());
            act(engine, as(reseller, caseId).openNegotiation().leg(WAREHOUSE).build());
            act(engine, as(supplier, caseId).agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND).build());
            act(engine, as(reseller, caseId).applyForReturn().leg(WAREHOUSE).build());
            assertEquals(LegState.AWAITING_SHIPMENT, legState(engine, reseller, caseId), "the warehouse's number came");
            act(engine, as(customer, caseId).reportShipment().leg(WAREHOUSE).tracking("SF", "SF" + run).build());
            act(engine, as(supplier, caseId).confirmReceipt().received(one).build());
            act(engine, as(supplier, caseId).reportResult().accepted(one).note("完好").build());
            act(engine, as(reseller, caseId).reportResultToCustomer().leg(WAREHOUSE).note("退款 59.90 元").build());
            act(engine, as(customer, caseId).confirmResult().leg(WAREHOUSE).build());

            assertEquals(CaseStatus.COMPLETED, engine.caseView(reseller, caseId).state().status());
            assertEquals(List.of("requestReturn R-" + run, "shareTracking SF" + run), warehouse.calls());
        }
    }

    private void act(ReturnSyncEngine engine, Command command) {
        engine.execute(command);
        engine.runOnce(clock.instant());
    }

    private static LegState legState(ReturnSyncEngine engine, Actor asker, CaseId caseId) {
        return engine.caseView(asker, caseId).state().leg(WAREHOUSE).orElseThrow().state();
    }

    /** The header of the next command: a fresh key, the actor and the case. */
    private CommandHeader as(Actor actor, CaseId caseId) {
        return Commands.as(actor).key(IdempotencyKey.of("host-" + run + "-" + keys.incrementAndGet())).onCase(caseId);
    }

    private static String setting(String name) {
        String value = System.getenv("RETURNSYNC_MARIADB_" + name);
        if (value == null || value.isBlank()) {
            String message = "no MariaDB configured (RETURNSYNC_MARIADB_" + name + "); start one with: eval \"$(bash"
                    + " .ci/mariadb-start.sh)\"";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the MariaDB tests to run, but " + message);
            }
            Assumptions.abort(message);
        }
        return value;
    }
}
