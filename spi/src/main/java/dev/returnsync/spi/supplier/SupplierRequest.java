package dev.returnsync.spi.supplier;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.internal.Checks;

import java.util.List;

/**
 * The calls the engine makes to a supplier, one record per call. Every call carries an {@code idempotencyKey}:
 * the id of the outbox entry behind the call, the same on every retry of it. Nothing in a call is customer
 * personal data beyond ids and numbers; the reason's free text is the customer's words about the goods.
 */
public sealed interface SupplierRequest {
    /**
     * The idempotency key: the same on every attempt of this call.
     *
     * @return the key, 1 to 255 characters
     */
    String idempotencyKey();

    /**
     * The tenant (reseller) the call is for.
     *
     * @return the tenant
     */
    TenantId tenant();

    /**
     * The case.
     *
     * @return the case's id, within the tenant
     */
    CaseId caseId();

    /**
     * The supplier whose leg the call is about; the adapter's own supplier.
     *
     * @return the supplier
     */
    SupplierId leg();

    /**
     * The reseller return number of the case: how the supplier refers to the return in its replies.
     *
     * @return the reseller number
     */
    ReturnNumber resellerNumber();

    /**
     * 代发商向供应商申请退货: apply for the return and ask for a supplier return number.
     *
     * @param idempotencyKey the same on every attempt of this call, 1 to 255 characters
     * @param tenant the tenant (reseller) the call is for
     * @param caseId the case
     * @param leg the supplier asked
     * @param resellerNumber the reseller return number of the case
     * @param customerNumber the customer-side request number
     * @param lines the authorized quantity per SKU
     * @param outcome the agreed outcome
     * @param reason why the customer returns the goods
     */
    record RequestReturn(String idempotencyKey, TenantId tenant, CaseId caseId, SupplierId leg,
                         ReturnNumber resellerNumber, ReturnNumber customerNumber, List<LineQuantity> lines,
                         OutcomeType outcome, Reason reason) implements SupplierRequest {
        /**
         * Validates the call: every field is required.
         *
         * @param idempotencyKey the same on every attempt of this call, 1 to 255 characters
         * @param tenant the tenant the call is for
         * @param caseId the case
         * @param leg the supplier asked
         * @param resellerNumber the reseller return number of the case
         * @param customerNumber the customer-side request number
         * @param lines the authorized quantity per SKU; copied
         * @param outcome the agreed outcome
         * @param reason why the customer returns the goods
         * @throws NullPointerException if a field is null
         * @throws IllegalArgumentException if the key is blank or longer than 255 characters
         */
        public RequestReturn {
            check(idempotencyKey, tenant, caseId, leg, resellerNumber);
            Checks.notNull("customer number", customerNumber);
            lines = List.copyOf(Checks.notNull("lines", lines));
            Checks.notNull("outcome", outcome);
            Checks.notNull("reason", reason);
        }
    }

    /**
     * The customer shipped the parcel back: share its tracking number, so the supplier can match the parcel.
     *
     * @param idempotencyKey the same on every attempt of this call, 1 to 255 characters
     * @param tenant the tenant (reseller) the call is for
     * @param caseId the case
     * @param leg the supplier told
     * @param resellerNumber the reseller return number of the case
     * @param supplierNumber the supplier return number of the leg, or {@code null} if none was issued
     * @param tracking the carrier and tracking number of the parcel
     */
    record ShareTracking(String idempotencyKey, TenantId tenant, CaseId caseId, SupplierId leg,
                         ReturnNumber resellerNumber, ReturnNumber supplierNumber, ReturnNumber tracking)
            implements SupplierRequest {
        /**
         * Validates the call: every field but {@code supplierNumber} is required.
         *
         * @param idempotencyKey the same on every attempt of this call, 1 to 255 characters
         * @param tenant the tenant the call is for
         * @param caseId the case
         * @param leg the supplier told
         * @param resellerNumber the reseller return number of the case
         * @param supplierNumber the supplier return number of the leg, or {@code null} if none was issued
         * @param tracking the carrier and tracking number of the parcel
         * @throws NullPointerException if a required field is null
         * @throws IllegalArgumentException if the key is blank or longer than 255 characters
         */
        public ShareTracking {
            check(idempotencyKey, tenant, caseId, leg, resellerNumber);
            Checks.notNull("tracking", tracking);
        }
    }

    /**
     * Ask about a pending request: has the number been issued, the return declined, the parcel received, the goods
     * inspected?
     *
     * @param idempotencyKey the same on every attempt of this call, 1 to 255 characters
     * @param tenant the tenant (reseller) the call is for
     * @param caseId the case
     * @param leg the supplier asked
     * @param resellerNumber the reseller return number of the case
     * @param supplierNumber the supplier return number of the leg, or {@code null} while none was issued
     */
    record Poll(String idempotencyKey, TenantId tenant, CaseId caseId, SupplierId leg, ReturnNumber resellerNumber,
                ReturnNumber supplierNumber) implements SupplierRequest {
        /**
         * Validates the call: every field but {@code supplierNumber} is required.
         *
         * @param idempotencyKey the same on every attempt of this call, 1 to 255 characters
         * @param tenant the tenant the call is for
         * @param caseId the case
         * @param leg the supplier asked
         * @param resellerNumber the reseller return number of the case
         * @param supplierNumber the supplier return number of the leg, or {@code null} while none was issued
         * @throws NullPointerException if a required field is null
         * @throws IllegalArgumentException if the key is blank or longer than 255 characters
         */
        public Poll {
            check(idempotencyKey, tenant, caseId, leg, resellerNumber);
        }
    }

    /**
     * The return was cancelled after the supplier had been asked for it.
     *
     * @param idempotencyKey the same on every attempt of this call, 1 to 255 characters
     * @param tenant the tenant (reseller) the call is for
     * @param caseId the case
     * @param leg the supplier told
     * @param resellerNumber the reseller return number of the case
     * @param supplierNumber the supplier return number of the leg, or {@code null} if none was issued
     */
    record Cancel(String idempotencyKey, TenantId tenant, CaseId caseId, SupplierId leg, ReturnNumber resellerNumber,
                  ReturnNumber supplierNumber) implements SupplierRequest {
        /**
         * Validates the call: every field but {@code supplierNumber} is required.
         *
         * @param idempotencyKey the same on every attempt of this call, 1 to 255 characters
         * @param tenant the tenant the call is for
         * @param caseId the case
         * @param leg the supplier told
         * @param resellerNumber the reseller return number of the case
         * @param supplierNumber the supplier return number of the leg, or {@code null} if none was issued
         * @throws NullPointerException if a required field is null
         * @throws IllegalArgumentException if the key is blank or longer than 255 characters
         */
        public Cancel {

            check(idempotencyKey, tenant, caseId, leg, resellerNumber);
        }
    }

    private static void check(String key, TenantId tenant, CaseId caseId, SupplierId leg, ReturnNumber resellerNumber) {
        Checks.notNull("idempotency key", key);
        if (key.isBlank() || key.length() > 255) {
            throw new IllegalArgumentException("idempotency key must be 1 to 255 characters, was " + key.length());
        }
        Checks.notNull("tenant", tenant);
        Checks.notNull("case id", caseId);
        Checks.notNull("leg", leg);
        Checks.notNull("reseller number", resellerNumber);
    }
}
