package dev.returnsync.core.engine;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.core.domain.Refusal;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.store.OutboxEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.returnsync.core.engine.EngineFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Invalid commands are refused with errors that name the field, and change nothing. */
@Timeout(10)
class InvalidCommandTest {
    private final InMemoryCaseStore store = new InMemoryCaseStore();
    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(store).notifier(new InMemoryNotifier())
            .clock(new TestClock(T0)).build();
    private final CaseId c = CaseId.of("case-invalid");
    private long version;
    private List<OutboxEntry> outbox;

    @BeforeEach
    void openCase() {
        engine.execute(submit(c, "AS-I", List.of(line("SKU-1", S1, 2, 3, "10.00"))));
        engine.execute(open(c, S1));
        version = store.load(TENANT, c).orElseThrow().version();
        outbox = store.outboxOf(TENANT, c);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void nullFieldsAreNamedByTheirPath() {
        InvalidCommandException e = refusedAsInvalid(
                new Command.AgreeReturn(null, supplier(S1), -1L, null, c, null, null, null, null, null, null, List.of()));
        assertEquals(List.of("authorized", "expectedVersion", "key", "leg", "outcome"), e.paths());
        assertEquals(5, e.violations().size(), "one violation per field: " + e.violations());
        assertTrue(e.getMessage().startsWith("invalid AGREE_RETURN command: authorized must not be null; "), e.getMessage());
        assertEquals(dev.returnsync.core.domain.CommandType.AGREE_RETURN, e.command());
        assertTrue(e.violations().stream().anyMatch(v -> v.path().equals("expectedVersion")
                && v.message().contains("greater than or equal to 0")), e.violations().toString());

        // commands copy their lists, so a null element never reaches the engine
        assertThrows(NullPointerException.class, () -> new Command.ConfirmReceipt(IdempotencyKey.of("n"),
                supplier(S1), null, null, c, S1, Arrays.asList(LineQuantity.of("SKU-1", 1), null)));

        InvalidCommandException noActor = refusedAsInvalid(new Command.OpenNegotiation(IdempotencyKey.of("a"), null,
                null, null, c, S1));
        assertEquals(List.of("actor"), noActor.paths());

        InvalidCommandException emptyLines = assertThrows(InvalidCommandException.class, () -> engine.execute(
                new Command.SubmitReturn(key(), customer(), null, null, CaseId.of("case-none"), CUSTOMER, null,
                        dev.returnsync.spi.ReturnNumber.customerRequest(TENANT, "AS-X"), null, List.of(), null,
                        OutcomeType.EXCHANGE, null)));
        assertEquals(List.of("deliveredAt", "lines", "order", "reason"), emptyLines.paths());
        assertTrue(store.load(TENANT, CaseId.of("case-none")).isEmpty());
        assertUnchanged();
    }

    @Test
    void blankFieldsAndNonPositiveQuantitiesCannotEvenBeBuilt() {
        // the value types validate themselves, naming the field, before a command exists
        assertMessage(() -> IdempotencyKey.of("  "), "idempotency key must not be blank");
        assertMessage(() -> Sku.of(""), "sku must not be blank");
        assertMessage(() -> LineQuantity.of("SKU-1", -1), "quantity of SKU-1 must be zero or more");
        assertMessage(() -> new ReturnLine(Sku.of("SKU-1"), S1, 0, 1, dev.returnsync.spi.Money.of("CNY", "1")),
                "requested quantity of SKU-1 must be one or more");
        assertMessage(() -> line("SKU-1", S1, 4, 3, "1.00"), "requested quantity of SKU-1 (4) must not be above the delivered quantity (3)");
        assertMessage(() -> dev.returnsync.spi.ReturnNumber.supplierReturn(S1, " "), "supplier return number: must not be blank");
        assertUnchanged();
    }

    @Test
    void payloadsThatDoNotFitTheCaseAreRefusedNamingTheField() {
        CommandRefusedException unknownSku = refused(new Command.AgreeReturn(key(), supplier(S1), null, null, c, S1,
                OutcomeType.RETURN_AND_REFUND, List.of(LineQuantity.of("SKU-404", 1)), null, null, null, List.of()));
        assertEquals(Refusal.Code.INVALID_PAYLOAD, unknownSku.code());
        assertTrue(unknownSku.refusal().reason().startsWith("authorized: SKU SKU-404"), unknownSku.getMessage());

        CommandRefusedException aboveRequested = refused(new Command.AgreeReturn(key(), supplier(S1), null, null, c, S1,
                OutcomeType.RETURN_AND_REFUND, List.of(LineQuantity.of("SKU-1", 3)), null, null, null, List.of()));
        assertTrue(aboveRequested.refusal().reason().startsWith("authorized: quantity of SKU-1 (3) is above"),
                aboveRequested.getMessage());

        CommandRefusedException zero = refused(new Command.AgreeReturn(key(), supplier(S1), null, null, c, S1,
                OutcomeType.RETURN_AND_REFUND, List.of(LineQuantity.of("SKU-1", 0)), null, null, null, List.of()));
        assertEquals("authorized: at least one unit is needed", zero.refusal().reason());

        CommandRefusedException wrongKind = refused(new Command.AgreeReturn(key(), supplier(S1), null, null, c, S1,
                OutcomeType.RETURN_AND_REFUND, List.of(LineQuantity.of("SKU-1", 1), LineQuantity.of("SKU-1", 1)), null, null, null, List.of()));
        assertTrue(wrongKind.refusal().reason().contains("listed twice"));

        CommandRefusedException deliveredLater = refused(new Command.SubmitReturn(key(), customer(), null, null,
                CaseId.of("case-future"), CUSTOMER, dev.returnsync.spi.OrderId.of("o"),
                dev.returnsync.spi.ReturnNumber.customerRequest(TENANT, "AS-F"), null,
                List.of(line("SKU-1", S1, 1, 1, "1.00")), Reason.of(ReasonCode.OTHER, ""), OutcomeType.EXCHANGE,
                T0.plusSeconds(3600)));
        assertTrue(deliveredLater.refusal().reason().startsWith("deliveredAt"));
        assertTrue(store.load(TENANT, CaseId.of("case-future")).isEmpty());
        assertUnchanged();

        // a refused key leaves no record: the corrected command with the same key goes through
        IdempotencyKey reused = IdempotencyKey.of("fix-me");
        refused(new Command.AgreeReturn(reused, supplier(S1), null, null, c, S1, OutcomeType.RETURN_AND_REFUND,
                List.of(LineQuantity.of("SKU-1", 3)), null, null, null, List.of()));
        assertFalse(engine.execute(new Command.AgreeReturn(reused, supplier(S1), null, null, c, S1,
                OutcomeType.RETURN_AND_REFUND, List.of(LineQuantity.of("SKU-1", 2)), null, null, null, List.of())).replayed());
    }

    private InvalidCommandException refusedAsInvalid(Command command) {
        return assertThrows(InvalidCommandException.class, () -> engine.execute(command));
    }

    private CommandRefusedException refused(Command command) {
        return assertThrows(CommandRefusedException.class, () -> engine.execute(command));
    }

    private static void assertMessage(Executable build, String message) {
        RuntimeException e = assertThrows(RuntimeException.class, build);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    private void assertUnchanged() {
        assertEquals(version, store.load(TENANT, c).orElseThrow().version(), "no event was added");
        assertEquals(new ArrayList<>(outbox), store.outboxOf(TENANT, c), "no outbox work was added");
    }
}
