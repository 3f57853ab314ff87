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
}
