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
}
