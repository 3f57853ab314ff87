package dev.returnsync.store.jdbc.testing;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.notify.NoopNotifier;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.CaseStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an accepted command costs the database: one round trip, counted by a {@link CountingDataSource} around the
 * store's data source, for each step of a case through an engine that has the case in its fold cache (a submission
 * included). The work the engine does when it cannot be sure (a case another engine changed, a repeated command)
 * costs more calls and still ends right. A store module's test extends this class and says how its store is built.
 */
@Timeout(60)
public abstract class RoundTripContract {
    private static final TenantId SHOP = TenantId.of("shop-trips");
    private static final SupplierId SUPPLIER = SupplierId.of("sup-a");
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final Actor RESELLER = Actor.reseller(SHOP, "clerk");

    private CountingDataSource counted;
    private CaseStore store;
    private ReturnSyncEngine engine;
    private ReturnSyncEngine other;
    private int keys;

    /** {@return the test's data source, a pool on the test database} */
    protected abstract DataSource dataSource();

    /**
     * The store under test, on an empty database.
     *
     * @param dataSource the data source the store must use (the counting one)
     * @return the store
     */
    protected abstract CaseStore emptyStore(DataSource dataSource);

    @BeforeEach
    void engines() {
        counted = new CountingDataSource(dataSource());
        store = emptyStore(counted);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        engine = ReturnSyncEngine.builder().store(store).notifier(NoopNotifier.instance()).clock(clock).build();
        other = ReturnSyncEngine.builder().store(store).notifier(NoopNotifier.instance()).clock(clock).build();
    }

    @Test
    void every_accepted_command_of_a_case_is_one_round_trip() {
        CaseId id = CaseId.of("case-one-trip");
        assertOneTrip(submit(id));
        assertOneTrip(Commands.as(RESELLER).key(key()).onCase(id).openNegotiation().leg(SUPPLIER).build());
        assertOneTrip(Commands.as(Actor.supplier(SHOP, SUPPLIER)).key(key()).onCase(id).agreeReturn().leg(SUPPLIER)
                .outcome(OutcomeType.RETURN_AND_REFUND).build());
        assertOneTrip(Commands.as(RESELLER).key(key()).onCase(id).applyForReturn().leg(SUPPLIER).build());
        assertEquals(4, store.load(SHOP, id).orElseThrow().version(), "the store holds what the one trips wrote");
    }

    @Test
    void a_case_another_engine_changed_is_read_again_and_the_command_accepted() {
        CaseId id = CaseId.of("case-moved");
        engine.execute(submit(id));
        engine.execute(Commands.as(RESELLER).key(key()).onCase(id).openNegotiation().leg(SUPPLIER).build());
        other.execute(Commands.as(Actor.supplier(SHOP, SUPPLIER)).key(key()).onCase(id).agreeReturn().leg(SUPPLIER)
                .outcome(OutcomeType.RETURN_AND_REFUND).build());
        CommandResult applied = engine.execute(Commands.as(RESELLER).key(key()).onCase(id).applyForReturn()
                .leg(SUPPLIER).build());
        assertEquals(4, applied.state().version(), "decided on the case as the other engine left it");
    }

    @Test
    void a_repeated_command_is_replayed_whichever_engine_took_it_first() {
        CaseId id = CaseId.of("case-twin");
        Command submit = submit(id);
        engine.execute(submit);
        Command open = Commands.as(RESELLER).key(key()).onCase(id).openNegotiation().leg(SUPPLIER).build();
        CommandResult first = other.execute(open);
        CommandResult again = engine.execute(open);
        assertTrue(again.replayed(), "the twin is replayed, not refused");
        assertEquals(first.state().version(), again.state().version());
        assertTrue(engine.execute(submit).replayed(), "a repeated submission is replayed");
        assertFalse(first.replayed());
    }

    private void assertOneTrip(Command command) {
        counted.reset();
        CommandResult result = engine.execute(command);
        assertFalse(result.replayed());
        assertEquals(1, counted.calls(), command.type() + " accepted at version " + result.state().version()
                + " in one round trip");
    }

    private Command submit(CaseId id) {
        CustomerId customer = CustomerId.of("cust-" + id.value());
        return Commands.as(Actor.customer(SHOP, customer)).key(key()).onCase(id).submitReturn()
                .order(OrderId.of("order-" + id.value()))
                .customerNumber(ReturnNumber.customerRequest(SHOP, "CR-" + id.value()))
                .lines(List.of(new ReturnLine(Sku.of("SKU-1"), SUPPLIER, 1, 1, Money.of("CNY", "19.90"))))
                .reason(ReasonCode.QUALITY_ISSUE, "broken").wanted(OutcomeType.RETURN_AND_REFUND)
                .deliveredAt(NOW.minus(Duration.ofDays(1))).build();
    }

    private String key() {
        return "k-" + ++keys;
    }
}
