package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Validating configuration builders and the reseller number generator. */
class ConfigAndGeneratorTest {
    @Test
    void settersRefuseBadValuesNamingTheSetting() {
        assertMessage(() -> DispatcherConfig.custom().maxAttempts(0), "maxAttempts must be 1 to 1000, was 0");
        assertMessage(() -> DispatcherConfig.custom().jitter(1.5), "jitter must be 0.0 to 1.0, was 1.5");
        assertMessage(() -> DispatcherConfig.custom().jitter(Double.NaN), "jitter must be 0.0 to 1.0, was NaN");
        assertMessage(() -> DispatcherConfig.custom().lease(Duration.ZERO), "lease must be positive, was PT0S");
        assertMessage(() -> DispatcherConfig.custom().owner(" "), "owner must be 1 to 128 characters");
        assertMessage(() -> DispatcherConfig.custom().initialBackoff(Duration.ofHours(2)).build(),
                "initialBackoff PT2H is longer than maxBackoff PT1H");
        assertMessage(() -> EngineConfig.custom().maxConflictRetries(-1), "maxConflictRetries must be 0 to 1000, was -1");
        assertMessage(() -> EngineConfig.custom().foldCacheSize(-1), "foldCacheSize must be 0 to 10000000, was -1");
        assertThrows(IllegalStateException.class, () -> ReturnSyncEngine.builder().build());
        assertSame(DispatcherConfig.ofDefaults(), DispatcherConfig.ofDefaults());
    }

    @Test
    void backoffIsExponentialCappedAndJitteredDownward() {
        DispatcherConfig c = DispatcherConfig.custom().initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(10)).multiplier(3).jitter(0.2).build();
        assertEquals(Duration.ofSeconds(1), c.backoff(1, 0.0));
        assertEquals(Duration.ofSeconds(3), c.backoff(2, 0.0));
        assertEquals(Duration.ofSeconds(9), c.backoff(3, 0.0));
        assertEquals(Duration.ofSeconds(10), c.backoff(4, 0.0));
        assertEquals(Duration.ofSeconds(8), c.backoff(9, 1.0));
        assertThrows(IllegalArgumentException.class, () -> c.backoff(0, 0.5));
    }

    @Test
    void generatedNumbersAreValidReadableAndDatedInTheirZone() {
        Instant lateUtc = Instant.parse("2026-11-03T20:30:00Z"); // already the 4th in Shanghai
        ResellerNumberGenerator shanghai = ResellerNumberGenerator.dated("TM", ZoneId.of("Asia/Shanghai"), new Random(1));
        ResellerNumberGenerator sameSeed = ResellerNumberGenerator.dated("TM", ZoneId.of("Asia/Shanghai"), new Random(1));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String number = shanghai.next(TenantId.of("t"), lateUtc);
            assertTrue(number.matches("TM-261104-[2-9A-HJKMNP-TV-Z]{5}"), number);
            assertEquals(number, NumberKind.RESELLER_RETURN.normalize(number), "already normalized");
            assertEquals(number, sameSeed.next(TenantId.of("t"), lateUtc), "reproducible with a seeded random");
            seen.add(number);
        }
        assertTrue(seen.size() > 990, "few repeats in 1,000 draws: " + seen.size());
        assertTrue(ResellerNumberGenerator.ofDefaults().next(TenantId.of("t"), lateUtc).startsWith("RS-261103-"));
        assertMessage(() -> ResellerNumberGenerator.dated("rs", ZoneId.of("UTC"), null), "prefix must be 1 to 8 letters A-Z");
    }

    private static void assertMessage(org.junit.jupiter.api.function.Executable action, String message) {
        RuntimeException e = assertThrows(RuntimeException.class, action);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
