package dev.returnsync.core.domain;

import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static dev.returnsync.core.domain.Fixtures.CASE;
import static dev.returnsync.core.domain.Fixtures.S1;
import static dev.returnsync.core.domain.Fixtures.T0;
import static dev.returnsync.core.domain.Fixtures.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Times enter the domain only inside the window; a null list element is named with its index. */
@Timeout(10)
class TimeAndListBoundsTest {

    @Test
    void theDecisionTimeMustLieInTheWindow() {
        for (Instant bad : List.of(Instant.MAX, Instant.MIN, Instant.parse("0001-01-01T00:00:00Z"), TimeWindow.END)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RuleContext.at(bad));
            assertTrue(e.getMessage().startsWith("now must lie in"), e.getMessage());
        }
    }

    @Test
    void aDeliveryTimeBeforeTheWindowIsAnInvalidPayload() {
        Command.SubmitReturn submit = new Command.SubmitReturn(IdempotencyKey.of("k"), Fixtures.customer(), null, null, CASE,
                Fixtures.CUSTOMER, dev.returnsync.spi.OrderId.of("o"),
                dev.returnsync.spi.ReturnNumber.customerRequest(Fixtures.TENANT, "AS-1"),
                dev.returnsync.spi.ReturnNumber.resellerReturn(Fixtures.TENANT, "RS-1"),
                List.of(line("A", S1, 1, 1, "1.00")), dev.returnsync.spi.Reason.of(dev.returnsync.spi.ReasonCode.OTHER, ""),
                OutcomeType.RETURN_AND_REFUND, Instant.parse("0001-01-01T00:00:00Z"));
        Refusal refusal = ((Decision.Refused) ReturnWorkflow.ofDefaults().decide(Optional.empty(), submit, RuleContext.at(T0)))
                .refusal();
        assertEquals(Refusal.Code.INVALID_PAYLOAD, refusal.code());
        assertTrue(refusal.reason().startsWith("deliveredAt must lie in"), refusal.reason());
    }

    @Test
    void deadlinesAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> DeadlinePolicy.builder().on(dev.returnsync.spi.LegState.SHIPPED,
                Duration.ofDays(TimeWindow.MAX_DEADLINE_DAYS + 1), TimeoutAction.ESCALATE));
        assertThrows(IllegalArgumentException.class, () -> Guards.noReasonWindow(Duration.ofSeconds(Long.MAX_VALUE)));
    }

    @Test
    void aNullListElementOfACommandIsNamedWithItsIndex() {
        List<ReturnLine> lines = Arrays.asList(line("A", S1, 1, 1, "1.00"), null);
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> Fixtures.submit(IdempotencyKey.of("k"), Fixtures.customer(), lines, OutcomeType.EXCHANGE));
        assertEquals("lines[1] must not be null", e.getMessage());
        NullPointerException q = assertThrows(NullPointerException.class, () -> new Command.ConfirmReceipt(
                IdempotencyKey.of("k"), Fixtures.supplier(S1), null, null, CASE, S1, Arrays.asList((LineQuantity) null)));
        assertEquals("received[0] must not be null", q.getMessage());
    }
}
