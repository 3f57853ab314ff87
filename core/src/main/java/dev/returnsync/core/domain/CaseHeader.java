package dev.returnsync.core.domain;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.TenantId;

import java.time.Instant;

/**
 * What a request fixes when it opens a {@link ReturnCase} and no later step changes: its ids, its two case-level
 * numbers, the reason, the wanted outcome and its times. Immutable; every version of a case holds the same header,
 * so a step builds a small new case around it instead of copying these parts.
 *
 * @param id the case id
 * @param tenant the reseller that owns the case
 * @param customer the customer who asked
 * @param order the storefront order
 * @param customerNumber the customer-side number
 * @param resellerNumber the reseller return number
 * @param reason why the customer asked
 * @param wanted the outcome the customer wants
 * @param deliveredAt when the order was delivered
 * @param createdAt when the case was opened
 */
public record CaseHeader(CaseId id, TenantId tenant, CustomerId customer, OrderId order, ReturnNumber customerNumber,
                         ReturnNumber resellerNumber, Reason reason, OutcomeType wanted, Instant deliveredAt,
                         Instant createdAt) {
}
