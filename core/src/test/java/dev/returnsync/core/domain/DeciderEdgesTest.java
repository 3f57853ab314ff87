package dev.returnsync.core.domain;

import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Optional;

import static dev.returnsync.core.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The decider's edges: its initial state, reading a decision, and one way to say "no case yet". */
@Timeout(10)
class DeciderEdgesTest {
    private final ReturnWorkflow workflow = ReturnWorkflow.ofDefaults();
    private final RuleContext context = RuleContext.at(T0);

    private Command.SubmitReturn submit(String key) {
        return Fixtures.submit(IdempotencyKey.of(key), customer(), List.of(line("SKU-1", S1, 1, 1, "10.00")),
                OutcomeType.RETURN_AND_REFUND);
    }

    @Test
    void aCaseStartsFromTheInitialStateAndFoldsFromIt() {
        Optional<ReturnCase> initial = workflow.initialState();
        assertTrue(initial.isEmpty(), "before the first event there is no case");

        List<ReturnEvent> events = workflow.decide(initial, submit("k-1"), context).eventsOrThrow();
        ReturnCase opened = ReturnWorkflow.evolve(initial, events);

        assertEquals(CASE, opened.id());
        assertEquals(1, opened.version());
        Command open = new Command.OpenNegotiation(IdempotencyKey.of("k-2"), reseller(), null, null, CASE, S1);
        assertTrue(workflow.decide(opened, open, context).accepted(), "an existing case is passed as itself");
    }

    @Test
    void eventsOrThrowThrowsTheRefusal() {
        ReturnCase opened = ReturnWorkflow.evolve(workflow.initialState(),
                workflow.decide(workflow.initialState(), submit("k-1"), context).eventsOrThrow());
        Decision refused = workflow.decide(opened, submit("k-2"), context);

        RefusalException e = assertThrows(RefusalException.class, refused::eventsOrThrow);

        assertEquals(Refusal.Code.CASE_EXISTS, e.code());
        assertEquals(((Decision.Refused) refused).refusal(), e.refusal());
    }

    @Test
    void nullIsNeverACase() {
        ReturnCase none = null;
        NullPointerException decide = assertThrows(NullPointerException.class,
                () -> workflow.decide(none, submit("k-1"), context));
        assertTrue(decide.getMessage().contains("initialState()"), decide.getMessage());
        ReturnEvent event = workflow.decide(workflow.initialState(), submit("k-1"), context).eventsOrThrow().get(0);
        assertThrows(NullPointerException.class, () -> ReturnWorkflow.evolve(none, event));
    }

    @Test
    void noEventsOnNoCaseIsNoCase() {
        assertThrows(IllegalArgumentException.class, () -> ReturnWorkflow.evolve(workflow.initialState(), List.of()));
    }
}
