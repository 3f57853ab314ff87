package dev.returnsync.core.domain;

import dev.returnsync.spi.Role;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An unmodifiable set of roles held as a bit mask over {@link Role#ordinal()}, iterated in {@link Role} order; equal
 * to any set of the same roles. There are only sixteen, made once. The transition table keeps its rows' roles as
 * masks: a row is made with one {@code int}, where a set of its own was a defensive copy and a walk, and a role is
 * looked up with one bit test.
 */
final class RoleSet extends AbstractSet<Role> {
    private static final Role[] ROLES = Role.values();
    /** The mask of every role. */
    static final int ALL = (1 << ROLES.length) - 1;
    private static final RoleSet[] BY_MASK = new RoleSet[ALL + 1];

    static {
        for (int mask = 0; mask <= ALL; mask++) {
            BY_MASK[mask] = new RoleSet(mask);
        }
    }

    private final int mask;

    private RoleSet(int mask) {
        this.mask = mask;
    }

    /**
     * The set of the roles of a mask.
     *
     * @param mask bits of {@link #bit}
     * @return the set, shared
     * @throws IllegalArgumentException if the mask has a bit no role has
     */
    static RoleSet of(int mask) {
        if ((mask & ~ALL) != 0) {
            throw new IllegalArgumentException("a role set's mask has bits no role has");
        }
        return BY_MASK[mask];
    }

    /**
     * The bit of a role in a mask.
     *
     * @param role the role
     * @return {@code 1 << role.ordinal()}
     */
    static int bit(Role role) {
        return 1 << role.ordinal();
    }

    /**
     * Whether the set holds a role: one bit test.
     *
     * @param role the role; not null
     * @return true when it does
     */
    boolean has(Role role) {
        return (mask & bit(role)) != 0;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof Role role && has(role);
    }

    @Override
    public int size() {
        return Integer.bitCount(mask);
    }

    @Override
    public boolean isEmpty() {
        return mask == 0;
    }

    @Override
    public Iterator<Role> iterator() {
        return new Iterator<>() {
            private int left = mask;

            @Override
            public boolean hasNext() {
                return left != 0;
            }

            @Override
            public Role next() {
                if (left == 0) {
                    throw new NoSuchElementException();
                }
                int ordinal = Integer.numberOfTrailingZeros(left);
                left &= left - 1;
                return ROLES[ordinal];
            }
        };
    }
}
