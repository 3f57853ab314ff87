package dev.returnsync.core.domain;

import dev.returnsync.spi.Money;
import dev.returnsync.spi.ReturnEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Guards and policies declare the durations they measure, for the testkit's rule checker. */
class HorizonsTest {
    static final Duration DAY = Duration.ofDays(1);
    static final Duration WEEK = Duration.ofDays(7);

    @Test
    void rulesDeclareNoHorizonUnlessTold() {
        assertEquals(Set.of(), Guard.named("any").refuseWhen((command, current, ctx) -> false, "never").horizons());
        assertEquals(Set.of(), Policies.autoAgreeUpTo(Money.of("CNY", "10.00")).horizons());
        assertEquals(Set.of(), Guards.evidenceForQualityComplaints().horizons());
    }

    @Test
    void theNoReasonWindowDeclaresItsWindow() {
        assertEquals(Set.of(WEEK), Guards.noReasonWindow(WEEK).horizons());
    }

    @Test
    void declaredHorizonsAddUpAndSurviveComposition() {
        Guard guard = Guards.noReasonWindow(WEEK).withHorizons(DAY);
        assertEquals(Set.of(WEEK, DAY), guard.horizons());
        assertEquals("no-reason-window", guard.name());
        Guard both = Guard.allOf("both", List.of(guard, Guards.evidenceForQualityComplaints().withHorizons(Duration.ofHours(2))));
        assertEquals(Set.of(WEEK, DAY, Duration.ofHours(2)), both.horizons());
        Policy policy = Policy.on(ReturnEvent.ReturnShipped.class, "late", (after, event, ctx) -> List.of())
                .withHorizons(DAY).withHorizons(WEEK);
        assertEquals(Set.of(DAY, WEEK), policy.horizons());
        assertEquals("late", policy.name());
    }

    @Test
    void aHorizonMustBePositive() {
        Guard guard = Guards.evidenceForQualityComplaints();
        assertThrows(IllegalArgumentException.class, () -> guard.withHorizons(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> guard.withHorizons(Duration.ofSeconds(-1)));
        assertThrows(NullPointerException.class, () -> guard.withHorizons((Duration) null));
        Policy policy = Policies.autoApplyForReturn();
        assertThrows(IllegalArgumentException.class, () -> policy.withHorizons(Duration.ofDays(-1)));
    }
}
