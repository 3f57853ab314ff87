package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Guard;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.spi.ReasonCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

/** The example of docs/testing-rules.md, verbatim between the markers: if it stops compiling or passing, fix both. */
class DocumentationExampleTest {
    // --8<-- [start:example]
    @Test
    void noReasonWindowClosesSevenDaysAfterDelivery() {
        Duration window = Duration.ofDays(7);
        Guard guard = Guard.on(Command.SubmitReturn.class, "7-day window", (submit, current, ctx) ->
                submit.reason().code() == ReasonCode.NO_REASON && ctx.now().isAfter(submit.deliveredAt().plus(window))
                        ? Optional.of("no-reason returns close 7 days after delivery") : Optional.empty());
        RuleChecker checker = RuleChecker.forWorkflow(ReturnWorkflow.builder().guard(guard).build())
                .invariant("no late no-reason case", c -> c.reason().code() != ReasonCode.NO_REASON
                        || !c.createdAt().isAfter(c.deliveredAt().plus(window)))
                .invariant("refund at most what was paid", c -> c.legs().stream().allMatch(leg -> leg.refund() == null
                        || leg.refund().minor() <= leg.lines().stream()
                                .mapToLong(l -> l.unitPrice().minor() * l.requested()).sum()))
                .window(window);
        checker.exhaustive(5).check();
        checker.random(42).scenarios(300).steps(25).check();
    }
    // --8<-- [end:example]

    @Test
    void theGuideShowsThisExampleVerbatim() throws java.io.IOException {
        java.nio.file.Path guide = java.nio.file.Path.of("..", "docs", "testing-rules.md");
        java.nio.file.Path self = java.nio.file.Path.of("src", "test", "java", "dev", "returnsync", "testkit",
                "DocumentationExampleTest.java");
        String source = java.nio.file.Files.readString(self);
        String example = source.substring(source.indexOf("[start:example]") + "[start:example]".length() + 1,
                source.indexOf("    // --8<-- [end:example]"));
        String unindented = example.lines().map(l -> l.startsWith("    ") ? l.substring(4) : l)
                .collect(java.util.stream.Collectors.joining("\n"));
        org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.readString(guide).contains(unindented),
                "docs/testing-rules.md must show the example of this test verbatim");
        org.junit.jupiter.api.Assertions.assertTrue(unindented.lines().count() <= 20, "the example stays short");
    }
}
