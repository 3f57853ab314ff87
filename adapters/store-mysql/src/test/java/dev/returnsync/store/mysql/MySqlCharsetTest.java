package dev.returnsync.store.mysql;

import com.zaxxer.hikari.HikariDataSource;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.IdempotencyRecord;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.store.jdbc.ServerSetupException;
import dev.returnsync.store.jdbc.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's tables and procedure live in the host's database, whose default character set may be latin1 (MariaDB's
 * built-in default before 11.6) or utf8mb3: text that only utf8mb4 holds still goes through the append procedure
 * unchanged (numbers are ASCII, but their scope, a tenant or supplier id, may be any text), and a procedure whose parameters take another character set is refused at start.
 */
@Timeout(120)
class MySqlCharsetTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final String CHINESE = "质量问题：衣服有破洞 😀";

    @ParameterizedTest
    @ValueSource(strings = {"latin1", "utf8mb3"})
    void chinese_and_emoji_go_through_the_append_procedure_in_a_database_of_another_charset(String charset) {
        try (HikariDataSource pool = databaseWithCharset("returnsync_charset_" + charset, charset).pool(2)) {
            MySqlCaseStore store = MySqlCaseStore.builder(pool).build();
            TenantId tenant = TenantId.of("店铺😀");
            CaseId caseId = CaseId.of("退货😀");
            CustomerId customer = CustomerId.of("顾客😀");
            ReturnNumber customerNumber = ReturnNumber.customerRequest(tenant, "C-1");
            ReturnNumber resellerNumber = ReturnNumber.resellerReturn(tenant, "R-1");
            SupplierId supplier = SupplierId.of("供应商😀");
            ReturnEvent.ReturnRequested requested = new ReturnEvent.ReturnRequested(T0, Actor.customer(tenant, customer),
                    caseId, customer, OrderId.of("订单😀"), customerNumber, resellerNumber,
                    List.of(new ReturnLine(Sku.of("商品😀"), supplier, 1, 1, Money.of("CNY", "9.90"))),
                    Reason.of(ReasonCode.QUALITY_ISSUE, CHINESE), OutcomeType.RETURN_AND_REFUND, T0.minusSeconds(3600));
            ReturnEvent message = new ReturnEvent.MessageSent(T0.plusSeconds(1), Actor.customer(tenant, customer),
                    supplier, Role.SUPPLIER, CHINESE);
            IdempotencyKey key = IdempotencyKey.of("键😀");
            store.append(new AppendBatch(tenant, caseId, 0, List.of(requested, message),
                    List.of(new NumberLink(customerNumber, tenant, caseId, null, false),
                            new NumberLink(resellerNumber, tenant, caseId, supplier, false)),
                    T0.plusSeconds(86400),
                    List.of(OutboxEntry.pending(tenant, caseId, 1, Effect.NOTIFY, "CUSTOMER:顾客😀", T0)),
                    new IdempotencyRecord(tenant, key, "指纹😀", caseId, 1, 2)));

            assertEquals(List.of(requested, message), store.load(tenant, caseId).orElseThrow().events());
            assertEquals(caseId, store.findByNumber(tenant, customerNumber).orElseThrow().caseId());
            assertEquals(supplier, store.findByNumber(tenant, resellerNumber).orElseThrow().leg());
            assertEquals("指纹😀", store.findIdempotency(tenant, key).orElseThrow().fingerprint());
            assertEquals("CUSTOMER:顾客😀", store.outboxOf(tenant, caseId).get(0).target());
            assertFalse(store.load(tenant, CaseId.of("退货😁")).isPresent(), "no emoji folding");
        }
    }

    @Test
    void an_append_procedure_whose_parameters_are_not_utf8mb4_is_refused_at_start() {
        try (HikariDataSource pool = databaseWithCharset("returnsync_charset_latin1", "latin1").pool(1)) {
            MySqlCaseStore.builder(pool).build();
            TestDatabase.execute(pool, "DROP PROCEDURE returnsync_append");
            TestDatabase.execute(pool, MySqlTestStores.appendProcedure().replace(" CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", ""));

            ServerSetupException e = assertThrows(ServerSetupException.class, () -> MySqlCaseStore.builder(pool).build());
            assertTrue(e.getMessage().contains("returnsync_append"), e.getMessage());
            assertTrue(e.getMessage().contains("p_tenant"), e.getMessage());
            assertTrue(e.getMessage().contains("p_payload"), e.getMessage());
            assertTrue(e.getMessage().contains("utf8mb4_bin"), e.getMessage());
        }
    }

    /** A new, empty database whose default character set is this one. */
    private static TestDatabase databaseWithCharset(String name, String charset) {
        try (HikariDataSource server = TestDatabase.mariadb().pool(1)) {
            TestDatabase.execute(server, "DROP DATABASE IF EXISTS " + name);
            TestDatabase.execute(server, "CREATE DATABASE " + name + " DEFAULT CHARACTER SET " + charset);
        }
        return TestDatabase.mariadb().database(name);
    }
}
