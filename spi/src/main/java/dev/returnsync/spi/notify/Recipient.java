package dev.returnsync.spi.notify;

import dev.returnsync.spi.Role;
import dev.returnsync.spi.internal.Checks;

/**
 * Who a notification is for: a party by role and id. For a {@link Role#CUSTOMER} the id is the customer id, for
 * a {@link Role#RESELLER} the tenant id (the reseller owns the tenant), for a {@link Role#SUPPLIER} the supplier
 * id. Never a name, address or any other personal data: the host looks those up by id.
 *
 * @param role the party's role; never {@link Role#SYSTEM}
 * @param id the party's id within its role
 */
public record Recipient(Role role, String id) {
    /**
     * Validates the recipient.
     *
     * @param role the party's role; never {@link Role#SYSTEM}
     * @param id the party's id within its role
     */
    public Recipient {
        Checks.notNull("recipient role", role);
        if (role == Role.SYSTEM) {
            throw new IllegalArgumentException("the SYSTEM role receives no notifications");
        }
        Checks.id("recipient id", id);
    }

    @Override
    public String toString() {
        return role + ":" + id;
    }
}
