package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

/**
 * Who fires a command: a role, the party's id within that role, and the tenant the command is for.
 *
 * <p>For a {@link Role#CUSTOMER} the id is the {@link CustomerId}, for a {@link Role#SUPPLIER} the
 * {@link SupplierId}, for a {@link Role#RESELLER} the id of the reseller's user, and for
 * {@link Role#SYSTEM} the name of the timer or policy.
 *
 * @param role the role
 * @param id the party's id within its role
 * @param tenant the tenant the actor acts in
 */
public record Actor(Role role, String id, TenantId tenant) {
    /**
     * Validates the actor.
     *
     * @param role the role
     * @param id the party's id within its role
     * @param tenant the tenant the actor acts in
     */
    public Actor {
        Checks.notNull("actor role", role);
        Checks.id("actor id", id);
        Checks.notNull("actor tenant", tenant);
    }

    /**
     * A customer of the tenant.
     *
     * @param tenant the tenant the customer bought from
     * @param customer the customer
     * @return the actor
     */
    public static Actor customer(TenantId tenant, CustomerId customer) {
        return new Actor(Role.CUSTOMER, customer.value(), tenant);
    }

    /**
     * A user of the reseller that owns the tenant.
     *
     * @param tenant the reseller's tenant
     * @param userId the id of the reseller's user, as an id: not blank, at most 64 characters
     * @return the actor
     */
    public static Actor reseller(TenantId tenant, String userId) {
        return new Actor(Role.RESELLER, userId, tenant);
    }

    /**
     * A supplier acting on a case of the tenant.
     *
     * @param tenant the tenant whose case the supplier acts on
     * @param supplier the supplier
     * @return the actor
     */
    public static Actor supplier(TenantId tenant, SupplierId supplier) {
        return new Actor(Role.SUPPLIER, supplier.value(), tenant);
    }

    /**
     * A timer or policy of the library, named by {@code name}.
     *
     * @param tenant the tenant the timer or policy acts in
     * @param name the timer's or policy's name, as an id
     * @return the actor
     */
    public static Actor system(TenantId tenant, String name) {
        return new Actor(Role.SYSTEM, name, tenant);
    }

    /**
     * True when this actor is the given supplier.
     *
     * @param supplier the supplier to compare with
     * @return true when the role is supplier and the id is the supplier's
     */
    public boolean is(SupplierId supplier) {
        return role == Role.SUPPLIER && id.equals(supplier.value());
    }

    /**
     * True when this actor is the given customer.
     *
     * @param customer the customer to compare with
     * @return true when the role is customer and the id is the customer's
     */
    public boolean is(CustomerId customer) {
        return role == Role.CUSTOMER && id.equals(customer.value());
    }

    @Override
    public String toString() {
        return role + ":" + id + "@" + tenant;
    }
}
