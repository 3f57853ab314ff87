package dev.returnsync.core.domain;

import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Role;

import java.util.Objects;
import java.util.Set;

/**
 * One row of the transition table: a command type moves a leg from one state to another, fired by one of
 * the given roles, when a condition on the leg holds, and records one event. Rows are made by
 * {@link WorkflowDefinition} only; two rows are equal when all their parts are.
 */
public final class Transition {
    private final CommandType command;
    private final LegState from;
    private final LegState to;
    private final int roles;
    private final Condition condition;
    private final String event;

    /**
     * Checks the row.
     *
     * @param roles the roles that may fire it, as a mask of {@link RoleSet#bit}s
     * @throws IllegalArgumentException if the mask names no role or has a bit no role has
     */
    Transition(CommandType command, LegState from, LegState to, int roles, Condition condition, String event) {
        this.command = Objects.requireNonNull(command, "command");
        this.from = from;
        this.to = Objects.requireNonNull(to, "to");
        this.condition = Objects.requireNonNull(condition, "condition");
        this.event = Objects.requireNonNull(event, "event");
        if (roles == 0) {
            throw new IllegalArgumentException("a transition needs at least one role: " + command + " from " + from);
        }
        if ((roles & ~RoleSet.ALL) != 0) {
            throw new IllegalArgumentException("a transition's roles have a bit no role has: " + command + " from "
                    + from);
        }
        this.roles = roles;
    }

    /** {@return the command type} */
    public CommandType command() {
        return command;
    }

    /** {@return the state the leg must be in; {@code null} for the submission that creates the case} */
    public LegState from() {
        return from;
    }

    /** {@return the state the leg moves to (equal to {@code from} for a self-transition)} */
    public LegState to() {
        return to;
    }

    /** {@return the roles that may fire it, in {@link Role} order, unmodifiable} */
    public Set<Role> roles() {
        return RoleSet.of(roles);
    }

    /**
     * Whether a role may fire this row: one bit test.
     *
     * @param role the role
     * @return true when the row names the role
     */
    boolean allows(Role role) {
        return (roles & RoleSet.bit(role)) != 0;
    }

    /** {@return the roles that may fire it, as a mask of {@link RoleSet#bit}s} */
    int roleMask() {
        return roles;
    }

    /** {@return what else must hold of the leg} */
    public Condition condition() {
        return condition;
    }

    /** {@return the simple name of the event recorded} */
    public String event() {
        return event;
    }

    /** {@return true when this row leaves the state it starts in} */
    public boolean changesState() {
        return from != to;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Transition that && command == that.command && from == that.from
                && to == that.to && roles == that.roles && condition == that.condition && event.equals(that.event);
    }

    @Override
    public int hashCode() {
        return Objects.hash(command, from, to, roles, condition, event);
    }

    @Override
    public String toString() {
        return "Transition[command=" + command + ", from=" + from + ", to=" + to + ", roles=" + roles()
                + ", condition=" + condition + ", event=" + event + "]";
    }

    /** What must hold of the leg, beyond its state, for a row to apply. */
    public enum Condition {
        /** Nothing more. */
        ALWAYS(""),
        /** The agreed outcome ships goods back (return-and-refund or exchange). */
        SHIPS_GOODS("goods ship back"),
        /** The agreed outcome is refund-only. */
        REFUND_ONLY("refund only"),
        /** An exchange with at least one accepted unit: the replacement parcel is due. */
        REPLACEMENT_DUE("replacement due"),
        /** No replacement parcel is due. */
        NO_REPLACEMENT_DUE("no replacement due");

        private final String label;

        Condition(String label) {
            this.label = label;
        }

        /** {@return a short label for diagrams; empty for {@link #ALWAYS}} */
        public String label() {
            return label;
        }

        /**
         * Tests the condition.
         *
         * @param leg the leg
         * @return true when the condition holds of the leg
         */
        public boolean test(Leg leg) {
            return switch (this) {
                case ALWAYS -> true;
                case SHIPS_GOODS -> leg.shipsGoodsBack();
                case REFUND_ONLY -> !leg.shipsGoodsBack();
                case REPLACEMENT_DUE -> leg.replacementDue();
                case NO_REPLACEMENT_DUE -> !leg.replacementDue();
            };
        }
    }
}
