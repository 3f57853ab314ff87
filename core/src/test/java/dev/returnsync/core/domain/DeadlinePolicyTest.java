package dev.returnsync.core.domain;

import dev.returnsync.spi.LegState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A deadline policy as a value: its deadlines by state, in state order, equal when they are, never shared with a
 * builder.
 */
@Timeout(10)
class DeadlinePolicyTest {
    private static final DeadlinePolicy.Deadline TWO_DAYS = new DeadlinePolicy.Deadline(Duration.ofDays(2),
            TimeoutAction.ESCALATE);
    private static final DeadlinePolicy.Deadline WEEK = new DeadlinePolicy.Deadline(Duration.ofDays(7),
            TimeoutAction.EXPIRE);

    @Test
    void theDeadlinesAreReadByStateAndInStateOrder() {
        DeadlinePolicy policy = DeadlinePolicy.builder()
                .on(LegState.AWAITING_SHIPMENT, Duration.ofDays(7), TimeoutAction.EXPIRE)
                .on(LegState.NEGOTIATING, Duration.ofDays(2), TimeoutAction.ESCALATE)
                .build();
        assertEquals(Optional.of(TWO_DAYS), policy.deadline(LegState.NEGOTIATING));
        assertEquals(Optional.empty(), policy.deadline(LegState.REQUESTED));
        assertEquals(WEEK, policy.deadlineOrNull(LegState.AWAITING_SHIPMENT));
        assertEquals(List.of(LegState.NEGOTIATING, LegState.AWAITING_SHIPMENT),
                List.copyOf(policy.deadlines().keySet()));
        assertEquals(Map.of(LegState.NEGOTIATING, TWO_DAYS, LegState.AWAITING_SHIPMENT, WEEK), policy.deadlines());
        assertThrows(UnsupportedOperationException.class, () -> policy.deadlines().remove(LegState.NEGOTIATING));
        assertEquals("DeadlinePolicy{NEGOTIATING=" + TWO_DAYS + ", AWAITING_SHIPMENT=" + WEEK + "}", policy.toString());
        assertEquals("DeadlinePolicy{}", DeadlinePolicy.none().toString());
    }

    @Test
    void policiesWithTheSameDeadlinesAreEqual() {
        DeadlinePolicy one = DeadlinePolicy.builder().on(LegState.NEGOTIATING, Duration.ofHours(48),
                TimeoutAction.ESCALATE).build();
        DeadlinePolicy other = DeadlinePolicy.builder()
                .on(LegState.SHIPPED, Duration.ofDays(1), TimeoutAction.EXPIRE)
                .on(LegState.NEGOTIATING, Duration.ofDays(2), TimeoutAction.ESCALATE)
                .without(LegState.SHIPPED)
                .build();
        assertEquals(one, other);
        assertEquals(one.hashCode(), other.hashCode());
        assertNotEquals(one, DeadlinePolicy.none());
        assertNotEquals(one, DeadlinePolicy.builder().on(LegState.NEGOTIATING, Duration.ofHours(47),
                TimeoutAction.ESCALATE).build());
        assertEquals(DeadlinePolicy.ofDefaults(), DeadlinePolicy.ofDefaults().toBuilder().build());
        assertEquals(DeadlinePolicy.none(), DeadlinePolicy.builder().build());
    }

    @Test
    void aBuilderNeitherChangesThePolicyItStartedFromNorTheOnesItBuilt() {
        DeadlinePolicy.Builder builder = DeadlinePolicy.ofDefaults().toBuilder();
        DeadlinePolicy built = builder.build();
        builder.without(LegState.NEGOTIATING).on(LegState.SHIPPED, Duration.ofDays(1), TimeoutAction.EXPIRE);
        assertEquals(DeadlinePolicy.ofDefaults(), built);
        assertEquals(Duration.ofHours(48), DeadlinePolicy.ofDefaults().deadlineOrNull(LegState.NEGOTIATING).after());
        assertEquals(Duration.ofDays(10), DeadlinePolicy.ofDefaults().deadlineOrNull(LegState.SHIPPED).after());
        assertEquals(Optional.empty(), builder.build().deadline(LegState.NEGOTIATING));
        assertEquals(Duration.ofDays(1), builder.build().deadlineOrNull(LegState.SHIPPED).after());
    }

    @Test
    void byDefaultEveryWaitForTheSupplierEscalatesSoThatNoResultIsWaitedForSilently() {
        for (LegState state : List.of(LegState.NEGOTIATING, LegState.NUMBER_REQUESTED, LegState.SHIPPED,
                LegState.RECEIVED, LegState.AWAITING_RESULT)) {
            assertEquals(TimeoutAction.ESCALATE, DeadlinePolicy.ofDefaults().deadlineOrNull(state).action(), state.name());
        }
        assertEquals(Duration.ofDays(7), DeadlinePolicy.ofDefaults().deadlineOrNull(LegState.RECEIVED).after());
        assertEquals(Duration.ofDays(7), DeadlinePolicy.ofDefaults().deadlineOrNull(LegState.AWAITING_RESULT).after());
    }
}
