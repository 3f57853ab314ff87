package dev.returnsync.examples.shop;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supplier's screen in the shop's portal: agree to the return the staff negotiates. Its return number, the
 * refusal and the receipt come from its own system through the signed webhook instead
 * ({@code returnsync.webhook.*}). In a real shop the supplier comes from the login, not the path.
 */
@RestController
@RequestMapping("/api/{tenant}/suppliers/{supplier}/returns/{caseId}")
class SupplierApi {
    private final ReturnSyncEngine engine;

    SupplierApi(ReturnSyncEngine engine) {
        this.engine = engine;
    }

    @PostMapping("/agreement")
    Views.ReturnView agree(@PathVariable String tenant, @PathVariable String supplier, @PathVariable String caseId,
                           @RequestHeader("Idempotency-Key") String key) {
        Actor actor = Actor.supplier(TenantId.of(tenant), SupplierId.of(supplier));
        return Views.ReturnView.of(engine.execute(Commands.as(actor).key(key).onCase(caseId).agreeReturn()
                .outcome(OutcomeType.RETURN_AND_REFUND).build()).state());
    }
}
