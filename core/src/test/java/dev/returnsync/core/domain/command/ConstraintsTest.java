package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.core.domain.InvalidCommandException.Violation;
import dev.returnsync.core.internal.CommandValidator;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.returnsync.core.domain.command.CommandBuildersTest.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The builders' check of a record's constraints finds what the engine's validation finds, in the same words. */
@Timeout(30)
class ConstraintsTest {
    private static final CommandValidator VALIDATOR = new CommandValidator();

    @AfterAll
    static void close() {
        VALIDATOR.close();
    }

    static Stream<Command> invalidCommands() {
        List<ReturnLine> tooMany = Collections.nCopies(ReturnLine.MAX_LINES + 1, LINE);
        return Stream.of(
                new Command.AgreeReturn(null, SUPPLIER, -1L, null, CASE, null, null, null, null, null, null, List.of()),
                new Command.SubmitReturn(KEY, CUSTOMER, null, null, null, CUSTOMER_ID, null, CUSTOMER_NUMBER, null,
                        List.of(), null, OutcomeType.EXCHANGE, null),
                new Command.SubmitReturn(null, null, 2L, null, CASE, null, ORDER, null, RESELLER_NUMBER, tooMany, REASON,
                        null, DELIVERED),
                new Command.ReportResult(KEY, SUPPLIER, null, null, null, S1, null, List.of(), "x".repeat(501), null, List.of()),
                new Command.ReportResultToCustomer(null, RESELLER, 0L, null, CASE, S1, null, null),
                new Command.ConfirmReceipt(KEY, SUPPLIER, null, null, CASE, S1, List.<LineQuantity>of()),
                new Command.FireDeadline(null, null, -5L, null, null, null));
    }

    @ParameterizedTest
    @MethodSource("invalidCommands")
    void theBuildersCheckAgreesWithTheEngine(Command command) {
        InvalidCommandException engine = assertThrows(InvalidCommandException.class, () -> VALIDATOR.validate(command));
        List<Violation> builders = new ArrayList<>(Constraints.check(command));
        builders.sort(Comparator.comparing(Violation::path).thenComparing(Violation::message));
        assertEquals(engine.violations(), builders);
    }
}
