package dev.returnsync.marketplace;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.core.notify.NoopNotifier;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** A host application as a test sees it: a real engine on the in-memory store, and the parties' own commands. */
final class Host implements AutoCloseable {
    static final TenantId SHOP = TenantId.of("shop-1");
    static final CustomerId BUYER = CustomerId.of("buyer-1");
    static final SupplierId SUPPLIER = SupplierId.of("sup-1");
    static final Instant DELIVERED = Instant.parse("2026-11-01T08:00:00Z");

    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store)
            .notifier(NoopNotifier.instance()).build();
    private final AtomicInteger keys = new AtomicInteger();
    final CaseId caseId;
    private Instant now = Instant.parse("2026-11-03T08:00:00Z");

    Host(String caseId) {
        this.caseId = CaseId.of(caseId);
    }

    /** The case as it stands, or empty before it is opened. */
    Optional<ReturnCase> current() {
        return store.load(SHOP, caseId).isPresent()
                ? Optional.of(engine.caseView(reseller(), caseId).state()) : Optional.empty();
    }

    ReturnCase state() {
        return current().orElseThrow();
    }

    LegState legState() {
        return state().leg(SUPPLIER).orElseThrow().state();
    }

    CommandResult execute(Command command) {
        now = now.plus(Duration.ofMinutes(10));
        return engine.execute(command, now);
    }

    /** Runs what an inbound answer asks, asserting it is a run; returns the results. */
    List<CommandResult> run(Inbound answer) {
        assertInstanceOf(Inbound.Run.class, answer, answer.toString());
        List<CommandResult> results = new ArrayList<>();
        for (Command command : answer.commands()) {
            results.add(execute(command));
        }
        return results;
    }

    /** The host submits the return from its order data, as an {@link Inbound.Open} asks. */
    CommandResult submit(Inbound answer, OutcomeType wanted) {
        ExternalVersion version = assertInstanceOf(Inbound.Open.class, answer, answer.toString()).version();
        return execute(Commands.as(Actor.customer(SHOP, BUYER)).key("submit-" + caseId).onCase(caseId)
                .externalVersion(version).submitReturn().customer(BUYER).order(OrderId.of("order-" + caseId))
                .customerNumber(ReturnNumber.customerRequest(SHOP, "TB-" + caseId))
                .line(new ReturnLine(Sku.of("sku-1"), SUPPLIER, 2, 2, Money.of("CNY", "49.50")))
                .reason(ReasonCode.QUALITY_ISSUE, "stitching came loose").wanted(wanted).deliveredAt(DELIVERED)
                .build());
    }

    Actor reseller() {
        return Actor.reseller(SHOP, "staff-1");
    }

    CommandHeader as(Actor actor) {
        return Commands.as(actor).key("host-" + keys.incrementAndGet()).onCase(caseId);
    }

    CommandHeader asReseller() {
        return as(reseller());
    }

    CommandHeader asSupplier() {
        return as(Actor.supplier(SHOP, SUPPLIER));
    }

    void expectState(LegState expected) {
        assertEquals(expected, legState());
    }

    @Override
    public void close() {
        engine.close();
    }
}
