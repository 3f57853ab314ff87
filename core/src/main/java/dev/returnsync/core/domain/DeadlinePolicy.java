package dev.returnsync.core.domain;

import dev.returnsync.spi.LegState;

import java.time.Duration;
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
 * the number (else the leg expires); the supplier confirms receipt within 10 days of shipment (else
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

    private static final DeadlinePolicy DEFAULTS = builder()
            .on(LegState.NEGOTIATING, Duration.ofHours(48), TimeoutAction.ESCALATE)
            .on(LegState.PARTIAL_REFUND_OFFERED, Duration.ofHours(48), TimeoutAction.ESCALATE)
            .on(LegState.NUMBER_REQUESTED, Duration.ofHours(48), TimeoutAction.ESCALATE)
            .on(LegState.AWAITING_SHIPMENT, Duration.ofDays(7), TimeoutAction.EXPIRE)
            .on(LegState.SHIPPED, Duration.ofDays(10), TimeoutAction.ESCALATE)
            .on(LegState.RESULT_NOTIFIED, Duration.ofDays(7), TimeoutAction.AUTO_CONFIRM)
            .build();

    private static final DeadlinePolicy NONE = builder().build();

    private final Map<LegState, Deadline> deadlines;

    private DeadlinePolicy(Map<LegState, Deadline> deadlines) {
        this.deadlines = Collections.unmodifiableMap(new EnumMap<>(deadlines));
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
        return new Builder(new EnumMap<>(LegState.class));
    }

    /** {@return a builder that starts from this policy} */
    public Builder toBuilder() {
        EnumMap<LegState, Deadline> copy = new EnumMap<>(LegState.class);
        copy.putAll(deadlines);
        return new Builder(copy);
    }

    /**
     * The deadline of a state, if it has one.
     *
     * @param state the leg state
     * @return its deadline, or empty when it has none
     */
    public Optional<Deadline> deadline(LegState state) {
        return Optional.ofNullable(deadlines.get(state));
    }

    /** {@return every state's deadline, in state order} */
    public Map<LegState, Deadline> deadlines() {
        return deadlines;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof DeadlinePolicy that && deadlines.equals(that.deadlines);
    }

    @Override
    public int hashCode() {
        return deadlines.hashCode();
    }

    @Override
    public String toString() {
        return "DeadlinePolicy" + deadlines;
    }

    /** Builds a {@link DeadlinePolicy}; each setter validates its arguments. */
    public static final class Builder {
        private final EnumMap<LegState, Deadline> deadlines;

        private Builder(EnumMap<LegState, Deadline> deadlines) {
            this.deadlines = deadlines;
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
            deadlines.put(state, new Deadline(after, action));
            return this;
        }

        /**
         * Removes the deadline of a state.
         *
         * @param state the leg state
         * @return this builder
         */
        public Builder without(LegState state) {
            deadlines.remove(Objects.requireNonNull(state, "state must not be null"));
            return this;
        }

        /** {@return the policy} */
        public DeadlinePolicy build() {
            return new DeadlinePolicy(deadlines);
        }
    }
}
