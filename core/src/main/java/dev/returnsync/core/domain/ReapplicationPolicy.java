package dev.returnsync.core.domain;

import dev.returnsync.spi.TimeWindow;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a customer may re-apply after a supplier declined a leg (on Taobao a refused refund is not final: the buyer
 * changes the request and submits it again under the same refund id). Within {@link #window()} of the decline, and
 * while the leg has had fewer than {@link #maxRounds()} negotiation rounds, the customer may re-apply; the leg then
 * negotiates again in a new round. After the window the decline is final: the workflow checks the window when it
 * decides the re-application, so no deadline fires and a declined leg needs no timer.
 *
 * <p>{@link #ofDefaults()}: 7 days, 3 rounds (the first request and two re-applications). {@link #none()} turns
 * re-application off.
 *
 * @param window how long after the decline the customer may re-apply; positive, at most
 *     {@value TimeWindow#MAX_DEADLINE_DAYS} days
 * @param maxRounds the most negotiation rounds a leg may have, the first included; 1 to {@value #MAX_ROUNDS}
 */
public record ReapplicationPolicy(Duration window, int maxRounds) {
    /** The highest {@link #maxRounds()} accepted. */
    public static final int MAX_ROUNDS = 10;

    private static final ReapplicationPolicy DEFAULTS = new ReapplicationPolicy(Duration.ofDays(7), 3);
    private static final ReapplicationPolicy NONE = new ReapplicationPolicy(Duration.ofDays(1), 1);

    /**
     * Validates the policy.
     *
     * @param window how long after the decline the customer may re-apply; positive, at most
     *     {@value TimeWindow#MAX_DEADLINE_DAYS} days
     * @param maxRounds the most negotiation rounds a leg may have; 1 to {@value #MAX_ROUNDS}
     * @throws NullPointerException if the window is null
     * @throws IllegalArgumentException if a component is out of its range; the message names it
     */
    public ReapplicationPolicy {
        Objects.requireNonNull(window, "re-application window must not be null");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("re-application window must be positive, was " + window);
        }
        if (window.compareTo(Duration.ofDays(TimeWindow.MAX_DEADLINE_DAYS)) > 0) {
            throw new IllegalArgumentException("re-application window must be at most " + TimeWindow.MAX_DEADLINE_DAYS
                    + " days, was " + window);
        }
        if (maxRounds < 1 || maxRounds > MAX_ROUNDS) {
            throw new IllegalArgumentException("re-application maxRounds must be 1 to " + MAX_ROUNDS + ", was "
                    + maxRounds);
        }
    }

    /** {@return the default policy: re-apply within 7 days of a decline, at most 3 rounds per leg} */
    public static ReapplicationPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** {@return a policy under which a decline is always final: one round per leg} */
    public static ReapplicationPolicy none() {
        return NONE;
    }

    /**
     * The last instant a leg declined at {@code declinedAt} may be re-applied on.
     *
     * @param declinedAt when the leg was declined
     * @return the end of the window, inclusive
     */
    public Instant closesAt(Instant declinedAt) {
        return declinedAt.plus(window);
    }
}
