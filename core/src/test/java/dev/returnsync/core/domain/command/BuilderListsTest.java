package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReturnLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.returnsync.core.domain.command.CommandBuildersTest.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The lists a builder is given: kept as set, without a copy per build when they are already immutable. */
@Timeout(10)
class BuilderListsTest {
    private static CommandHeader supplier() {
        return Commands.as(SUPPLIER).key(KEY).onCase(CASE);
    }

    @Test
    void anImmutableListReachesTheCommandWithoutACopy() {
        List<LineQuantity> authorized = List.of(ONE);
        List<LineQuantity> accepted = List.of(ONE);
        List<ReturnLine> lines = List.of(LINE);
        assertSame(authorized, supplier().agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND).authorized(authorized)
                .build().authorized());
        assertSame(authorized, supplier().confirmReceipt().received(authorized).build().received());
        Command.ReportResult result = supplier().reportResult().accepted(accepted).rejected(List.of()).note("")
                .build();
        assertSame(accepted, result.accepted());
        assertSame(lines, Commands.as(CUSTOMER).key(KEY).onCase(CASE).submitReturn().order(ORDER)
                .customerNumber(CUSTOMER_NUMBER).lines(lines).reason(REASON).wanted(OutcomeType.EXCHANGE)
                .deliveredAt(DELIVERED).build().lines());
    }

    @Test
    void aMutableListIsTakenAsItWasWhenSet() {
        List<LineQuantity> received = new ArrayList<>(List.of(ONE));
        ConfirmReceiptBuilder builder = supplier().confirmReceipt().received(received);
        received.clear();
        assertEquals(List.of(ONE), builder.build().received());
    }

    @Test
    void aLineAddedAfterTheLinesJoinsThemAndLeavesAnEarlierCommandAlone() {
        SubmitReturnBuilder builder = Commands.as(CUSTOMER).key(KEY).onCase(CASE).submitReturn().order(ORDER)
                .customerNumber(CUSTOMER_NUMBER).lines(List.of(LINE)).reason(REASON).wanted(OutcomeType.EXCHANGE)
                .deliveredAt(DELIVERED);
        Command.SubmitReturn first = builder.build();
        Command.SubmitReturn second = builder.line(LINE).build();
        assertEquals(List.of(LINE), first.lines());
        assertEquals(List.of(LINE, LINE), second.lines());
    }

    @Test
    void aNullElementIsStillNamedWithItsIndexWhenBuilt() {
        ConfirmReceiptBuilder builder = supplier().confirmReceipt().received(Arrays.asList(ONE, null));
        NullPointerException refused = assertThrows(NullPointerException.class, builder::build);
        assertEquals("received[1] must not be null", refused.getMessage());
    }
}
