package dev.returnsync.core.domain;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The fold keeps the newest external version per source and refuses a history that goes back. */
@Timeout(10)
class ExternalVersionFoldTest {
    private static final Instant AT = Instant.parse("2026-11-03T08:00:00Z");
    private static final Actor RESELLER = Actor.reseller(TenantId.of("shop-1"), "staff-1");

    private static ReturnEvent recorded(String source, long version) {
        return new ReturnEvent.ExternalVersionRecorded(AT, RESELLER, ExternalVersion.of(source, version));
    }

    @Test
    void aNotNewerVersionOfTheSameSourceDoesNotFit() {
        Fixtures.Walk walk = new Fixtures.Walk();
        walk.submit(java.util.List.of(Fixtures.line("SKU-1", Fixtures.S1, 1, 1, "1.00")),
                dev.returnsync.spi.OutcomeType.RETURN_AND_REFUND);
        ReturnCase opened = walk.current;
        ReturnCase at5 = ReturnWorkflow.evolve(opened, recorded("taobao", 5));

        assertEquals(opened.version() + 1, at5.version());
        IllegalEventException e = assertThrows(IllegalEventException.class,
                () -> ReturnWorkflow.evolve(at5, recorded("taobao", 5)));
        assertEquals("ExternalVersionRecorded", e.eventType());
        assertEquals(6L, ReturnWorkflow.evolve(at5, recorded("taobao", 6)).externalVersion("taobao").getAsLong());
        assertEquals(1L, ReturnWorkflow.evolve(at5, recorded("1688", 1)).externalVersion("1688").getAsLong());
    }

    @Test
    void noCaseNoVersion() {
        assertThrows(IllegalEventException.class,
                () -> ReturnWorkflow.evolve(Optional.empty(), recorded("taobao", 1)));
    }

    @Test
    void theOnePassStepFoldsTheRecordedVersionAsDecideThenEvolveDo() {
        ReturnWorkflow workflow = ReturnWorkflow.ofDefaults();
        RuleContext context = workflow.contextAt(Fixtures.T0);
        Command submit = dev.returnsync.core.domain.command.Commands.headerOf(Fixtures.submit(
                        dev.returnsync.spi.IdempotencyKey.of("k-1"), Fixtures.customer(),
                        java.util.List.of(Fixtures.line("SKU-1", Fixtures.S1, 1, 1, "1.00")),
                        dev.returnsync.spi.OutcomeType.RETURN_AND_REFUND))
                .externalVersion("taobao", 1).submitReturn().customer(Fixtures.CUSTOMER)
                .order(dev.returnsync.spi.OrderId.of("order-9"))
                .customerNumber(dev.returnsync.spi.ReturnNumber.customerRequest(Fixtures.TENANT, "AS-1"))
                .resellerNumber(dev.returnsync.spi.ReturnNumber.resellerReturn(Fixtures.TENANT, "RS-1"))
                .line(Fixtures.line("SKU-1", Fixtures.S1, 1, 1, "1.00"))
                .reason(dev.returnsync.spi.ReasonCode.OTHER, "x").wanted(dev.returnsync.spi.OutcomeType.RETURN_AND_REFUND)
                .deliveredAt(Fixtures.DELIVERED).build();
        StepResult opened = workflow.step(Optional.empty(), submit, context);
        assertEquals(ReturnWorkflow.evolve(Optional.empty(), opened.decision().eventsOrThrow()), opened.after());

        Command open = dev.returnsync.core.domain.command.Commands.as(Fixtures.reseller()).key("k-2")
                .onCase(Fixtures.CASE).externalVersion("taobao", 2).openNegotiation().leg(Fixtures.S1).build();
        StepResult stepped = workflow.step(opened.after(), open, context);
        assertEquals(ReturnWorkflow.evolve(opened.after(), stepped.decision().eventsOrThrow()), stepped.after());
        assertEquals(2L, stepped.after().externalVersion("taobao").getAsLong());
    }
}
