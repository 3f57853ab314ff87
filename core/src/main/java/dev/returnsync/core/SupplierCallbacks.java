package dev.returnsync.core;

import dev.returnsync.core.engine.CaseNotFoundException;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.util.Objects;

/**
 * What one supplier reports by callback (the host's webhook) about returns of one tenant, turned into commands as
 * that supplier. Get it from {@link ReturnSyncEngine#supplierCallbacks(TenantId, SupplierId)} and name the return
 * with {@link #forReturn}:
 *
 * <pre>{@code
 * engine.supplierCallbacks(tenant, supplier).forReturn(resellerNumber).numberIssued("ACME-1", key);
 * }</pre>
 *
 * <p>The supplier names the return by the reseller return number it was sent; the number is looked up as the
 * supplier, through the same visibility policy as every query, so the supplier finds only returns in which it has a
 * leg. A number that is unknown in the tenant and a return in which the supplier has no leg get the same answer: a
 * {@link CaseNotFoundException} naming the callback's command type and no case. Immutable and thread-safe.
 */
public final class SupplierCallbacks {
    private final ReturnSyncEngine engine;
    private final TenantId tenant;
    private final SupplierId supplier;

    SupplierCallbacks(ReturnSyncEngine engine, TenantId tenant, SupplierId supplier) {
        this.engine = engine;
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.supplier = Objects.requireNonNull(supplier, "supplier must not be null");
    }

    /** {@return the tenant of the callbacks} */
    public TenantId tenant() {
        return tenant;
    }

    /** {@return the supplier that calls back} */
    public SupplierId supplier() {
        return supplier;
    }

    /**
     * The callbacks about one return.
     *
     * @param resellerNumber the reseller return number of the return, in this tenant
     * @return the callbacks about that return, as this supplier
     * @throws InvalidReturnNumberException if the number is not a reseller return number of this tenant
     */
    public ReturnCallbacks forReturn(ReturnNumber resellerNumber) {
        Objects.requireNonNull(resellerNumber, "reseller number must not be null");
        if (resellerNumber.kind() != NumberKind.RESELLER_RETURN) {
            throw new InvalidReturnNumberException(NumberKind.RESELLER_RETURN,
                    "a callback names its return by the reseller return number, not by a " + resellerNumber.kind().label());
        }
        if (!resellerNumber.scope().equals(tenant.value())) {
            throw new InvalidReturnNumberException(NumberKind.RESELLER_RETURN,
                    "the number must be of the callbacks' tenant");
        }
        return new ReturnCallbacks(engine, tenant, supplier, resellerNumber);
    }

    /**
     * The callbacks about one return, named by the reseller return number as the supplier sent it back.
     *
     * @param resellerNumber the reseller return number, raw; normalized like every reseller return number
     * @return the callbacks about that return, as this supplier
     * @throws InvalidReturnNumberException if the number is malformed
     */
    public ReturnCallbacks forReturn(String resellerNumber) {
        return forReturn(ReturnNumber.resellerReturn(tenant, resellerNumber));
    }
}
