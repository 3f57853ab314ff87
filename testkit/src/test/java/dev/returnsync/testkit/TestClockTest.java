package dev.returnsync.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(30)
class TestClockTest {
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @Test
    void standsStillUntilMoved() {
        TestClock clock = TestClock.at(T0);
        assertEquals(T0, clock.instant());
        assertEquals(T0.toEpochMilli(), clock.millis());
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertEquals(T0.plus(Duration.ofHours(49)), clock.advance(Duration.ofHours(49)));
        assertEquals(T0.plus(Duration.ofHours(49)), clock.instant());
        clock.set(T0);
        assertEquals(T0, clock.instant());
    }

    @Test
    void refusesToAdvanceBackwards() {
        TestClock clock = TestClock.at(T0);
        assertThrows(IllegalArgumentException.class, () -> clock.advance(Duration.ofSeconds(-1)));
        assertEquals(T0, clock.instant());
        assertThrows(NullPointerException.class, () -> clock.set(null));
    }

    @Test
    void aZonedViewSharesTheTime() {
        TestClock clock = TestClock.at(T0);
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        TestClock view = clock.withZone(shanghai);
        assertSame(clock, clock.withZone(ZoneOffset.UTC));
        assertEquals(LocalDateTime.of(2026, 3, 2, 8, 0), LocalDateTime.now(view));
        clock.advance(Duration.ofHours(1));
        assertEquals(T0.plus(Duration.ofHours(1)), view.instant());
        assertEquals(shanghai, TestClock.at(T0, shanghai).getZone());
    }

    @Test
    void concurrentAdvancesAreAllCounted() throws Exception {
        TestClock clock = TestClock.at(T0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] done = new Future<?>[4];
            for (int i = 0; i < done.length; i++) {
                done[i] = pool.submit(() -> {
                    for (int j = 0; j < 1_000; j++) {
                        clock.advance(Duration.ofSeconds(1));
                    }
                });
            }
            for (Future<?> each : done) {
                each.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(T0.plusSeconds(4_000), clock.instant());
    }
}
