package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The builder example of docs/engine.md compiles, runs as described, and is what the doc shows. */
@Timeout(10)
class EngineDocCommandsTest {

    @Test
    void theExampleRunsAsShown() throws IOException {
        TenantId shop = TenantId.of("shop-1");
        SupplierId acme = SupplierId.of("acme");
        CaseId caseId = CaseId.of("case-1");
        Instant deliveredAt = Instant.parse("2026-11-01T08:00:00Z");
        // engine.md:start
        Command.SubmitReturn submit = Commands.as(Actor.customer(shop, CustomerId.of("c-1"))).key("req-1")
                .submitReturn()                              // 客户提交退货申请; the customer is the actor's
                .order(OrderId.of("order-9"))
                .customerNumber(ReturnNumber.customerRequest(shop, "AS20261103001"))
                .line(new ReturnLine(Sku.of("SHIRT-M"), acme, 1, 1, Money.of("CNY", "49.00")))
                .reason(ReasonCode.SIZE_OR_FIT, "too small")
                .wanted(OutcomeType.RETURN_AND_REFUND)
                .deliveredAt(deliveredAt)
                .build();                                    // no case id, no reseller number: the engine makes them

        CommandHeader reseller = Commands.as(Actor.reseller(shop, "staff-1")).onCase(caseId);
        Command open = reseller.key("open-1").openNegotiation().leg(acme).build();      // 代发商与供应商协商
        Command agree = Commands.as(Actor.supplier(shop, acme)).key("agree-1").onCase(caseId)
                .agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND).build();          // the leg is acme's own
        Command receipt = Commands.as(Actor.supplier(shop, acme)).key("receive-1").onCase(caseId)
                .confirmReceipt().received(LineQuantity.of("SHIRT-M", 1)).build();     // 供应商确认退货并处理

        // one error names every missing field; a role the workflow never allows is caught here too
        InvalidCommandException e = assertThrows(InvalidCommandException.class,
                () -> Commands.as(Actor.supplier(shop, acme)).confirmResult().build());
        // e.paths() = [actor, caseId, key]: a supplier may not confirm a result; only the customer may
        // engine.md:end
        assertEquals(List.of("actor", "caseId", "key"), e.paths());
        assertNull(submit.caseId());
        assertEquals(List.of(), ((Command.AgreeReturn) agree).authorized());
        assertEquals(acme, ((Command.ConfirmReceipt) receipt).leg());
        assertEquals(caseId, open.caseId());

        String source = Files.readString(Path.of("src/test/java/dev/returnsync/core/domain/command/"
                + "EngineDocCommandsTest.java"), StandardCharsets.UTF_8);
        String shown = source.substring(source.indexOf("// engine.md:start") + 19,
                source.indexOf("        // engine.md:end")).stripTrailing().stripIndent().strip();
        String doc = Files.readString(Path.of("../docs/engine.md"), StandardCharsets.UTF_8);
        assertTrue(doc.contains("```java\n" + shown + "\n```"),
                "docs/engine.md does not show this test's code:\n" + shown);
    }
}
