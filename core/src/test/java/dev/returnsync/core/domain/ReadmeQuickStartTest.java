package dev.returnsync.core.domain;

import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's quick start compiles, runs, and is what the README shows. */
class ReadmeQuickStartTest {

    @Test
    void quickStartRunsAsShown() throws IOException {
        Instant deliveredAt = Instant.parse("2026-11-20T10:00:00Z");
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        // README:start
        ReturnWorkflow workflow = ReturnWorkflow.builder()
                .guard(Guards.noReasonWindow(Duration.ofDays(7)))          // 七天无理由
                .policy(Policies.autoShareSupplierNumber())
                .build();

        TenantId shop = TenantId.of("shop-1");
        Command submit = Commands.as(Actor.customer(shop, CustomerId.of("c-1"))).key("req-1").onCase("case-1")
                .submitReturn()                                             // 客户提交退货申请
                .order(OrderId.of("order-9"))
                .customerNumber(ReturnNumber.customerRequest(shop, "AS20261103001"))
                .resellerNumber(ReturnNumber.resellerReturn(shop, "RS-0001"))
                .line(new ReturnLine(Sku.of("SHIRT-M"), SupplierId.of("sup-1"), 1, 1, Money.of("CNY", "49.00")))
                .reason(ReasonCode.SIZE_OR_FIT, "too small")
                .wanted(OutcomeType.RETURN_AND_REFUND)
                .deliveredAt(deliveredAt)
                .build();

        List<ReturnEvent> events = workflow.decide(workflow.initialState(), submit, RuleContext.at(now)).eventsOrThrow();
        ReturnCase returnCase = ReturnWorkflow.evolve(workflow.initialState(), events);
        returnCase.resolve(ReturnNumber.customerRequest(shop, "ＡＳ２０２６１１０３００１"));  // full-width input finds it too
        // README:end
        Optional<NumberLink> link = returnCase.resolve(ReturnNumber.customerRequest(shop, "ＡＳ２０２６１１０３００１"));
        assertTrue(link.isPresent());
        assertEquals(CaseId.of("case-1"), link.get().caseId());

        String source = Files.readString(Path.of("src/test/java/dev/returnsync/core/domain/ReadmeQuickStartTest.java"),
                StandardCharsets.UTF_8);
        String shown = source.substring(source.indexOf("// README:start") + 16, source.indexOf("        // README:end"))
                .stripTrailing().stripIndent().strip();
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains("```java\n" + shown + "\n```"), "README.md's quick start is not this test's code:\n" + shown);
    }
}
