package dev.returnsync.core.domain;

import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.IdempotencyKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Optional;

import static dev.returnsync.core.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * A submission may leave its case id and reseller number to the engine; the pure decider, which has no generator,
 * refuses such a submission naming the field instead of failing on the null.
 */
@Timeout(10)
class UngeneratedSubmissionTest {
    private final Command.SubmitReturn complete = submit(IdempotencyKey.of("k-1"), customer(),
            List.of(line("SKU-1", S1, 1, 1, "10.00")), OutcomeType.RETURN_AND_REFUND);

    @Test
    void withoutAResellerNumberTheDecisionIsARefusalNamingIt() {
        Refusal refusal = refusalOf(new Command.SubmitReturn(complete.key(), complete.actor(), null, null, CASE,
                complete.customer(), complete.order(), complete.customerNumber(), null, complete.lines(),
                complete.reason(), complete.wanted(), complete.deliveredAt()));
        assertEquals(Refusal.Code.INVALID_PAYLOAD, refusal.code());
        assertEquals("resellerNumber: needed to decide; the engine generates one when it is missing", refusal.reason());
    }

    @Test
    void withoutACaseIdTheDecisionIsARefusalNamingIt() {
        Refusal refusal = refusalOf(new Command.SubmitReturn(complete.key(), complete.actor(), null, null, null,
                complete.customer(), complete.order(), complete.customerNumber(), complete.resellerNumber(),
                complete.lines(), complete.reason(), complete.wanted(), complete.deliveredAt()));
        assertEquals(Refusal.Code.INVALID_PAYLOAD, refusal.code());
        assertEquals("caseId: needed to decide; the engine generates one when it is missing", refusal.reason());
    }

    private static Refusal refusalOf(Command.SubmitReturn submit) {
        Decision decision = ReturnWorkflow.ofDefaults().decide(Optional.empty(), submit, RuleContext.at(T0));
        return assertInstanceOf(Decision.Refused.class, decision).refusal();
    }
}
