package dev.returnsync.testkit;

import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cast of a checked scenario: the tenant that owns the case and its customer, plus the outsiders the
 * checker uses to knock on the wrong doors (another customer of the same tenant, a supplier that has no leg
 * in the case, another tenant).
 *
 * @param tenant the tenant (reseller) that owns every case the checker opens
 * @param otherTenant a second tenant, whose actors must never reach the case
 * @param customer the customer who asks for the return
 * @param otherCustomer another customer of the same tenant
 * @param strangerSupplier a supplier with no leg in any case the checker opens
 * @param resellerUser the id of the reseller's user
 * @param systemName the id of the {@link dev.returnsync.spi.Role#SYSTEM} actor that fires deadlines
 * @param caseId the id of the case the checker opens
 * @param order the order the case is about
 */
public record Parties(TenantId tenant, TenantId otherTenant, CustomerId customer, CustomerId otherCustomer,
                      SupplierId strangerSupplier, String resellerUser, String systemName, CaseId caseId,
                      OrderId order) {
    private static final Parties DEFAULTS = new Parties(TenantId.of("T1"), TenantId.of("T2"), CustomerId.of("C1"),
            CustomerId.of("C2"), SupplierId.of("S-STRANGER"), "reseller-1", "timer", CaseId.of("case-1"),
            OrderId.of("order-1"));

    /**
     * Validates the parties: none null, the two tenants and the two customers distinct.
     *
     * @param tenant the tenant (reseller) that owns every case the checker opens
     * @param otherTenant a second tenant, whose actors must never reach the case
     * @param customer the customer who asks for the return
     * @param otherCustomer another customer of the same tenant
     * @param strangerSupplier a supplier with no leg in any case the checker opens
     * @param resellerUser the id of the reseller's user
     * @param systemName the id of the {@link dev.returnsync.spi.Role#SYSTEM} actor that fires deadlines
     * @param caseId the id of the case the checker opens
     * @param order the order the case is about
     */
    public Parties {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(otherTenant, "otherTenant");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(otherCustomer, "otherCustomer");
        Objects.requireNonNull(strangerSupplier, "strangerSupplier");
        Objects.requireNonNull(resellerUser, "resellerUser");
        Objects.requireNonNull(systemName, "systemName");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(order, "order");
        if (tenant.equals(otherTenant)) {
            throw new IllegalArgumentException("tenant and otherTenant must differ, both were " + tenant);
        }
        if (customer.equals(otherCustomer)) {
            throw new IllegalArgumentException("customer and otherCustomer must differ, both were " + customer);
        }
    }

    /**
     * {@return the default cast: tenant {@code T1} with customer {@code C1}; outsiders {@code T2}, {@code C2},
     * {@code S-STRANGER}}
     */
    public static Parties ofDefaults() {
        return DEFAULTS;
    }

    /** {@return the customer who owns the case} */
    public Actor ownCustomer() {
        return Actor.customer(tenant, customer);
    }

    /** {@return another customer of the same tenant} */
    public Actor foreignCustomer() {
        return Actor.customer(tenant, otherCustomer);
    }

    /** {@return the reseller's user} */
    public Actor reseller() {
        return Actor.reseller(tenant, resellerUser);
    }

    /**
     * The supplier of a leg.
     *
     * @param supplier the leg's supplier
     * @return the supplier as an actor of the tenant
     */
    public Actor supplier(SupplierId supplier) {
        return Actor.supplier(tenant, supplier);
    }

    /** {@return the timer that fires deadlines} */
    public Actor system() {
        return Actor.system(tenant, systemName);
    }

    /** {@return the reseller user of the other tenant} */
    public Actor otherTenantReseller() {
        return Actor.reseller(otherTenant, resellerUser);
    }

    /** {@return the same customer id, but in the other tenant} */
    public Actor otherTenantCustomer() {
        return Actor.customer(otherTenant, customer);
    }

    /**
     * Every actor the checker tries on a case: the own customer, the reseller, each leg's supplier, the timer,
     * and the outsiders.
     *
     * @param current the case
     * @return the actors, in that order
     */
    public List<Actor> everyone(ReturnCase current) {
        List<Actor> all = new ArrayList<>();
        all.add(ownCustomer());
        all.add(reseller());
        if (current != null) {
            current.legs().forEach(leg -> all.add(supplier(leg.supplier())));
        }
        all.add(system());
        all.add(foreignCustomer());
        all.add(supplier(strangerSupplier));
        all.add(otherTenantReseller());
        all.add(otherTenantCustomer());
        return all;
    }
}
