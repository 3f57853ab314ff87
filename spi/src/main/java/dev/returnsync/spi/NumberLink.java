package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

/**
 * Where a return number leads: its case, and its leg when the number belongs to one supplier's part.
 *
 * @param number the linked number
 * @param tenant the tenant of the case
 * @param caseId the case
 * @param leg the supplier whose leg the number belongs to, or {@code null} for numbers of the whole case
 *     (customer request number, reseller return number)
 * @param superseded true for a supplier return number that the supplier replaced; it still resolves
 */
public record NumberLink(ReturnNumber number, TenantId tenant, CaseId caseId, SupplierId leg, boolean superseded) {
    /**
     * Validates the link.
     *
     * @param number the linked number
     * @param tenant the tenant of the case
     * @param caseId the case
     * @param leg the supplier whose leg the number belongs to, or {@code null} for numbers of the whole case (customer
     *     request number, reseller return number)
     * @param superseded true for a supplier return number that the supplier replaced; it still resolves
     */
    public NumberLink {
        Checks.notNull("number", number);
        Checks.notNull("tenant", tenant);
        Checks.notNull("case id", caseId);
        if (superseded && number.kind() != NumberKind.SUPPLIER_RETURN) {
            throw new IllegalArgumentException("only supplier return numbers can be superseded, not a " + number.kind().label());
        }
    }
}
