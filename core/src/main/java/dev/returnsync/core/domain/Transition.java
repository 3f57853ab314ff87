package dev.returnsync.core.domain;

import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Role;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the transition table: a command type moves a leg from one state to another, fired by one of
 * the given roles, when a condition on the leg holds, and records one event.
 *
 * @param command the command type
 * @param from the state the leg must be in; {@code null} for the submission that creates the case
 * @param to the state the leg moves to (equal to {@code from} for a self-transition)
 * @param roles the roles that may fire it
 * @param condition what else must hold of the leg
 * @param event the simple name of the event recorded
 */
public record Transition(CommandType command, LegState from, LegState to, Set<Role> roles, Condition condition,
                         String event) {
    /**
     * Validates the row and copies the roles.
     *
     * @param command the command type
     * @param from the state the leg must be in; {@code null} for the submission that creates the case
     * @param to the state the leg moves to (equal to {@code from} for a self-transition)
     * @param roles the roles that may fire it
     * @param condition what else must hold of the leg
     * @param event the simple name of the event recorded
     */
    public Transition {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(event, "event");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a transition needs at least one role: " + command + " from " + from);
        }
        roles = Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    /** {@return true when this row leaves the state it starts in} */
    public boolean changesState() {
        return from != to;
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
