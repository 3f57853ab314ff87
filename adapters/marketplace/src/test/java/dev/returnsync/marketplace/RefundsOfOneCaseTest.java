package dev.returnsync.marketplace;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.core.notify.NoopNotifier;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * One case, two suppliers, two Taobao refunds (Taobao refunds per order line): the refunds' versions are their own,
 * so a change of one refund is never stale because of a newer change of the other.
 */
@Timeout(20)
class RefundsOfOneCaseTest {
    private static final TenantId SHOP = TenantId.of("shop-1");
    private static final CustomerId BUYER = CustomerId.of("buyer-1");
    private static final SupplierId ACME = SupplierId.of("acme");
    private static final SupplierId BETA = SupplierId.of("beta");
    private static final CaseId CASE = CaseId.of("case-two-refunds");

    private final ReturnSyncEngine engine = ReturnSyncEngine.builder().store(new InMemoryCaseStore())
            .notifier(NoopNotifier.instance()).build();
    private final MarketplaceMapping<TaobaoRefundStatus> taobao = MarketplaceMapping.taobao();

    @AfterEach
    void close() {
        engine.close();
    }

    private ReturnCase state() {
        return engine.caseView(Actor.reseller(SHOP, "staff-1"), CASE).state();
    }

    private void submit() {
        engine.execute(Commands.as(Actor.customer(SHOP, BUYER)).key("submit").onCase(CASE).submitReturn()
                .customer(BUYER).order(OrderId.of("order-1")).customerNumber(ReturnNumber.customerRequest(SHOP, "TB-1"))
                .line(new ReturnLine(Sku.of("sku-a"), ACME, 1, 1, Money.of("CNY", "10.00")))
                .line(new ReturnLine(Sku.of("sku-b"), BETA, 1, 1, Money.of("CNY", "20.00")))
                .reason(ReasonCode.QUALITY_ISSUE, "broken").wanted(OutcomeType.RETURN_AND_REFUND)
                .deliveredAt(Instant.parse("2026-11-01T08:00:00Z")).build());
    }

    @Test
    void aLaterChangeOfOneRefundDoesNotMakeTheOtherRefundsChangesStale() {
        submit();

        // refund 2002 (beta's line) changed at a later time than refund 1001 (acme's), but is delivered first
        taobao.inbound(Optional.of(state()), StatusChange.of(BETA, "2002", TaobaoRefundStatus.SELLER_REFUSE_BUYER,
                1_733_212_900_000L)).commands().forEach(engine::execute);
        Inbound acme = taobao.inbound(Optional.of(state()), StatusChange.of(ACME, "1001",
                TaobaoRefundStatus.SELLER_REFUSE_BUYER, 1_733_212_800_000L));

        assertInstanceOf(Inbound.Run.class, acme, acme.toString());
        acme.commands().forEach(engine::execute);
        assertEquals(LegState.DECLINED, state().leg(ACME).orElseThrow().state());
        assertEquals(1_733_212_800_000L, state().externalVersion(taobao.source("1001")).getAsLong());
        assertEquals(1_733_212_900_000L, state().externalVersion(taobao.source("2002")).getAsLong());
    }

    @Test
    void aRefundIdTooLongForReadableKeysGetsDigestKeysThatReplay() {
        submit();
        String longId = "TB" + "9".repeat(38);
        StatusChange<TaobaoRefundStatus> change = StatusChange.of(ACME, longId, TaobaoRefundStatus.SELLER_REFUSE_BUYER,
                Long.MAX_VALUE);

        Inbound answer = taobao.inbound(Optional.of(state()), change);

        assertEquals(2, answer.commands().size(), answer.toString());
        assertEquals(answer, taobao.inbound(Optional.of(state()), change), "the same change, the same keys");
        answer.commands().forEach(engine::execute);
        long version = state().version();
        answer.commands().forEach(command -> assertEquals(true, engine.execute(command).replayed()));
        assertEquals(version, state().version());
    }
}
