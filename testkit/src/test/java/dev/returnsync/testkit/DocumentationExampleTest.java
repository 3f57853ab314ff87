package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Guard;
import dev.returnsync.core.domain.Guards;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.SupplierId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The examples of docs/testing-rules.md, verbatim between the markers: if one stops compiling or passing, fix both. */
class DocumentationExampleTest {
    // --8<-- [start:example]
    @Test
    void noReasonWindowClosesSevenDaysAfterDelivery() {
        Duration window = Duration.ofDays(7);
        Guard guard = Guard.named("7-day window").on(Command.SubmitReturn.class)
                .refuseWhen((submit, current, ctx) -> submit.reason().code() == ReasonCode.NO_REASON
                                && ctx.now().isAfter(submit.deliveredAt().plus(window)),
                        "no-reason returns close 7 days after delivery")
                .withHorizons(window);
        RuleChecker checker = RuleChecker.forWorkflow(ReturnWorkflow.builder().guard(guard).build())
                .invariant("no late no-reason case", c -> c.reason().code() != ReasonCode.NO_REASON
                        || !c.createdAt().isAfter(c.deliveredAt().plus(window)))
                .invariant(Invariant.forEachLeg("refund at most what was paid", (c, leg) -> leg.refund() == null
                        || leg.refund().minor() <= leg.lines().stream()
                                .mapToLong(l -> l.unitPrice().minor() * l.requested()).sum()));
        checker.exhaustive(5).check();
        checker.random(42).scenarios(300).steps(25).check();
    }
    // --8<-- [end:example]

    // --8<-- [start:fixture]
    @Test
    void suppliersWithoutExchangesRefuseToAgreeToOne() {
        Parties parties = Parties.ofDefaults();
        Command.SubmitReturn submit = Submission.singleLeg(OutcomeType.EXCHANGE).command(parties,
                Commands.as(parties.ownCustomer()).key("submit-1"), Instant.parse("2026-03-02T00:00:00Z")).build();
        SupplierId s1 = submit.lines().get(0).supplier();
        ReturnWorkflow workflow = ReturnWorkflow.builder().guard(Guards.noExchangesFrom(Set.of(s1))).build();

        WorkflowFixture.of(workflow)
                .givenAccepted(submit, Commands.as(parties.reseller()).key("open-1").onCase(submit.caseId())
                        .openNegotiation().leg(s1).build())
                .when(Commands.as(parties.supplier(s1)).key("agree-1").onCase(submit.caseId())
                        .agreeReturn().outcome(OutcomeType.EXCHANGE).build())
                .thenRefusedByRule("no-exchanges");
    }
    // --8<-- [end:fixture]

    // --8<-- [start:clock]
    @Test
    void aTestClockStandsStillUntilTheTestMovesIt() {
        TestClock clock = TestClock.at(Instant.parse("2026-03-02T00:00:00Z"));
        clock.advance(Duration.ofHours(49));
        assertEquals(Instant.parse("2026-03-04T01:00:00Z"), clock.instant());
        clock.set(Instant.parse("2026-03-02T00:00:00Z"));
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));   // the same time, moved together
        assertEquals(LocalDateTime.of(2026, 3, 2, 8, 0), LocalDateTime.now(shanghai));
    }
    // --8<-- [end:clock]

    @Test
    void theGuideShowsTheseExamplesVerbatim() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "testing-rules.md"));
        String source = Files.readString(Path.of("src", "test", "java", "dev", "returnsync", "testkit",
                "DocumentationExampleTest.java"));
        for (String name : List.of("example", "fixture", "clock")) {
            String start = "[start:" + name + "]";
            String example = source.substring(source.indexOf(start) + start.length() + 1,
                    source.indexOf("    // --8<-- [end:" + name + "]"));
            String unindented = example.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
                    .collect(Collectors.joining("\n"));
            assertTrue(guide.contains(unindented), "docs/testing-rules.md must show the example '" + name + "' verbatim");
            assertTrue(unindented.lines().count() <= 20, "the example '" + name + "' stays short");
        }
    }
}
