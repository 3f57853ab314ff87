package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.NotificationType;
import dev.returnsync.testsupport.InMemoryNotifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The message thread: who may write to whom, who reads what, that a message moves no leg, and that bad input is
 * refused by name and changes nothing.
 */
@Timeout(10)
class MessagesTest {
    private static final CaseId CASE = CaseId.of("case-thread");

    private final TestClock clock = new TestClock(T0);
    private final InMemoryNotifier notifier = new InMemoryNotifier();
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(notifier).clock(clock)
            .build();

    @AfterEach
    void close() {
        engine.close();
    }

    private void twoLegs() {
        engine.execute(submit(CASE, "AS-T", List.of(line("SKU-1", S1, 1, 1, "10.00"), line("SKU-2", S2, 1, 1, "20.00"))));
        engine.execute(open(CASE, S1));
    }

    private static List<String> texts(List<ReturnEvent.MessageSent> thread) {
        return thread.stream().map(ReturnEvent.MessageSent::text).toList();
    }

    @Test
    void eachPartyReadsWhatItWroteAndWhatIsAddressedToItTheResellerReadsEverything() {
        twoLegs();
        engine.execute(message(CASE, S1, customer(), Role.RESELLER, "c->r"));
        engine.execute(message(CASE, S1, reseller(), Role.SUPPLIER, "r->s1"));
        engine.execute(message(CASE, S1, supplier(S1), Role.RESELLER, "s1->r"));
        engine.execute(message(CASE, S2, supplier(S2), Role.RESELLER, "s2->r"));
        engine.execute(message(CASE, S1, reseller(), Role.CUSTOMER, "r->c"));

        assertEquals(List.of("c->r", "r->s1", "s1->r", "s2->r", "r->c"), texts(engine.messages(reseller(), CASE)));
        assertEquals(List.of("c->r", "r->c"), texts(engine.messages(customer(), CASE)));
        assertEquals(List.of("r->s1", "s1->r"), texts(engine.messages(supplier(S1), CASE)));
        assertEquals(List.of("s2->r"), texts(engine.messages(supplier(S2), CASE)));
        // the history, the audit trail, leaves out the same messages
        List<ReturnEvent> customerHistory = engine.history(customer(), CASE);
        assertEquals(2, customerHistory.stream().filter(e -> e instanceof ReturnEvent.MessageSent).count());
        assertEquals(5, engine.history(reseller(), CASE).stream().filter(e -> e instanceof ReturnEvent.MessageSent)
                .count());
    }

    @Test
    void aMessageMovesNoLegAndIsNotifiedToItsAddresseeOnly() {
        twoLegs();
        long before = engine.caseView(reseller(), CASE).state().version();
        var result = engine.execute(message(CASE, S1, reseller(), Role.SUPPLIER, "please check the seam"));
        assertEquals(before + 1, result.state().version());
        assertEquals(LegState.NEGOTIATING, result.state().leg(S1).orElseThrow().state());
        engine.dispatchPending();
        List<Notification> aboutIt = notifier.delivered().stream()
                .filter(n -> n.type() == NotificationType.MESSAGE_SENT).toList();
        assertEquals(1, aboutIt.size(), aboutIt.toString());
        assertEquals(Role.SUPPLIER, aboutIt.get(0).recipient().role());
    }

    @Test
    void theCustomerAndTheSupplierDoNotWriteToEachOtherNorAnyoneToItsOwnRole() {
        twoLegs();
        long before = engine.caseView(reseller(), CASE).state().version();
        for (var wrong : List.of(message(CASE, S1, customer(), Role.SUPPLIER, "hi"),
                message(CASE, S1, supplier(S1), Role.CUSTOMER, "hi"),
                message(CASE, S1, reseller(), Role.RESELLER, "note to self"))) {
            CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> engine.execute(wrong));
            assertEquals(Refusal.Code.INVALID_PAYLOAD, e.code());
            assertTrue(e.getMessage().contains("to: a "), e.getMessage());
        }
        Actor system = Actor.system(TENANT, "timer");
        CommandRefusedException bySystem = assertThrows(CommandRefusedException.class,
                () -> engine.execute(Commands.as(system).key(key()).onCase(CASE).sendMessage().leg(S1).to(Role.CUSTOMER)
                        .text("beep").buildUnchecked()));
        assertEquals(Refusal.Code.ROLE_NOT_ALLOWED, bySystem.code());
        assertEquals(before, engine.caseView(reseller(), CASE).state().version(), "refusals change nothing");
    }

    @Test
    void aBlankOrTooLongTextIsRefusedByNameWithoutEchoingIt() {
        twoLegs();
        String secret = "x".repeat(ReturnEvent.MessageSent.MAX_TEXT) + "SECRET";
        for (String text : List.of("   ", secret)) {
            InvalidCommandException e = assertThrows(InvalidCommandException.class, () -> engine.execute(
                    Commands.as(customer()).key(key()).onCase(CASE).sendMessage().leg(S1).to(Role.RESELLER).text(text)
                            .buildUnchecked()));
            assertEquals("text", e.violations().get(0).path(), e.getMessage());
            assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        }
        IllegalArgumentException control = assertThrows(IllegalArgumentException.class, () -> Commands.as(customer())
                .key(key()).onCase(CASE).sendMessage().leg(S1).to(Role.RESELLER).text("a\u0000b").buildUnchecked());
        assertTrue(control.getMessage().startsWith("text "), control.getMessage());
        assertEquals(List.of(), engine.messages(reseller(), CASE));
    }

    @Test
    void aFinishedLegTakesNoMoreMessages() {
        twoLegs();
        engine.execute(Commands.as(reseller()).key(key()).onCase(CASE).closeLeg().leg(S2)
                .reason(ReasonCode.OTHER, "settled by phone").build());
        CommandRefusedException e = assertThrows(CommandRefusedException.class,
                () -> engine.execute(message(CASE, S2, supplier(S2), Role.RESELLER, "but wait")));
        assertEquals(Refusal.Code.ILLEGAL_TRANSITION, e.code());
    }
}
