package dev.returnsync.core.domain;

import dev.returnsync.spi.LegState;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Gives each waiting state a timeout and what happens when it passes. Due times are computed from the
 * time a leg entered its state (an event timestamp), never from a clock.
 *
 * <p>{@link #ofDefaults()}: the supplier answers the negotiation within 48 hours and issues its return
 * number within 48 hours, and the customer answers a partial refund offer within 48 hours of each offer (else
 * escalate to the reseller); the customer ships within 7 days of getting
 * the number (else the leg expires); the supplier confirms receipt within 10 days of shipment and reports the
 * inspection's result within 7 days of the receipt, or of sharing its number on a leg that ships nothing back (else
 * escalate); the customer confirms the result within 7 days (else it is confirmed automatically).
 */
public final class DeadlinePolicy {
    /**
     * One waiting state's timeout.
     *
     * @param after how long after entering the state the deadline falls due, positive and at most
     *     {@link dev.returnsync.spi.TimeWindow#MAX_DEADLINE_DAYS} days
     * @param action what happens then
     */
    public record Deadline(Duration after, TimeoutAction action) {
        /**
         * Validates the deadline.
         *
         * @param after how long after entering the state the deadline falls due, positive and at most {@link
         *     dev.returnsync.spi.TimeWindow#MAX_DEADLINE_DAYS} days
         * @param action what happens then
         */
        public Deadline {
            Objects.requireNonNull(after, "deadline duration must not be null");
            Objects.requireNonNull(action, "timeout action must not be null");
            if (after.isZero() || after.isNegative()) {
                throw new IllegalArgumentException("deadline duration must be positive, was " + after);
            }
            if (after.compareTo(java.time.Duration.ofDays(dev.returnsync.spi.TimeWindow.MAX_DEADLINE_DAYS)) > 0) {
                throw new IllegalArgumentException("deadline duration must be at most "
                        + dev.returnsync.spi.TimeWindow.MAX_DEADLINE_DAYS + " days, was " + after);
            }
        }
    }

    private static final LegState[] STATES = LegState.values();

    private static final DeadlinePolicy DEFAULTS = builder()
            .on(LegState.NEGOTIATING, Duration.ofHours(48), TimeoutAction.ESCALATE)
            .on(LegState.PARTIAL_REFUND_OFFERED, Duration.ofHours(48), TimeoutAction.ESCALATE)
            .on(LegState.NUMBER_REQUESTED, Duration.ofHours(48), TimeoutAction.ESCALATE)
            .on(LegState.AWAITING_SHIPMENT, Duration.ofDays(7), TimeoutAction.EXPIRE)
            .on(LegState.SHIPPED, Duration.ofDays(10), TimeoutAction.ESCALATE)
            .on(LegState.RECEIVED, Duration.ofDays(7), TimeoutAction.ESCALATE)
            .on(LegState.AWAITING_RESULT, Duration.ofDays(7), TimeoutAction.ESCALATE)
            .on(LegState.RESULT_NOTIFIED, Duration.ofDays(7), TimeoutAction.AUTO_CONFIRM)
            .build();

    private static final DeadlinePolicy NONE = builder().build();

    /**
     * [state ordinal] -> its deadline, or null. An array, not an enum map: the default policy is made on a cold JVM
     * when the first workflow is built, and a map keyed by state would ask the JVM for the states by reflection.
     */
    private final Deadline[] byState;

    private DeadlinePolicy(Deadline[] byState) {
        this.byState = byState.clone();
    }

    /** {@return the defaults described in the class comment} */
    public static DeadlinePolicy ofDefaults() {
        return DEFAULTS;
    }

    /** {@return a policy without any deadline} */
    public static DeadlinePolicy none() {
        return NONE;
    }

    /** {@return a builder that starts empty} */
    public static Builder builder() {
        return new Builder(new Deadline[STATES.length]);
    }

    /** {@return a builder that starts from this policy} */
    public Builder toBuilder() {
        return new Builder(byState.clone());
    }

    /**
     * The deadline of a state, if it has one.
     *
     * @param state the leg state
     * @return its deadline, or empty when it has none
     */
    public Optional<Deadline> deadline(LegState state) {
        return Optional.ofNullable(deadlineOrNull(state));
    }

    /** The deadline of a state, or null when it has none; {@link #deadline} without the optional. */
    Deadline deadlineOrNull(LegState state) {
        return byState[state.ordinal()];
    }

    /** {@return every state's deadline, in state order, unmodifiable} */
    public Map<LegState, Deadline> deadlines() {
        Map<LegState, Deadline> deadlines = new EnumMap<>(LegState.class);
        for (LegState state : STATES) {
            if (byState[state.ordinal()] != null) {
                deadlines.put(state, byState[state.ordinal()]);
            }
        }
        return Collections.unmodifiableMap(deadlines);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DeadlinePolicy that && Arrays.equals(byState, that.byState);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(byState);
    }

    @Override
    public String toString() {
        return "DeadlinePolicy" + deadlines();
    }

    /** Builds a {@link DeadlinePolicy}; each setter validates its arguments. */
    public static final class Builder {
        private final Deadline[] byState;

        private Builder(Deadline[] byState) {
            this.byState = byState;
        }

        /**
         * Gives a state a deadline.
         *
         * @param state the waiting state; not terminal
         * @param after how long after entering the state the deadline falls due; positive
         * @param action what happens then
         * @return this builder
         * @throws IllegalArgumentException if the state is terminal, the duration not positive, or the action
         *     is {@link TimeoutAction#AUTO_CONFIRM} on a state other than {@link LegState#RESULT_NOTIFIED}
         */
        public Builder on(LegState state, Duration after, TimeoutAction action) {
            Objects.requireNonNull(state, "state must not be null");
            if (state.isTerminal()) {
                throw new IllegalArgumentException("a terminal state has no deadline: " + state);
            }
            if (action == TimeoutAction.AUTO_CONFIRM && state != LegState.RESULT_NOTIFIED) {
                throw new IllegalArgumentException("AUTO_CONFIRM is only possible in RESULT_NOTIFIED, not in " + state);
            }
            byState[state.ordinal()] = new Deadline(after, action);
            return this;
        }

        /**
         * Removes the deadline of a state.
         *
         * @param state the leg state
         * @return this builder
         */
        public Builder without(LegState state) {
            byState[Objects.requireNonNull(state, "state must not be null").ordinal()] = null;
            return this;
        }

        /** {@return the policy} */
        public DeadlinePolicy build() {
            return new DeadlinePolicy(byState);
        }
    }
}
