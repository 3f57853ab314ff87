package dev.returnsync.core.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * How the outbox dispatcher retries: exponential backoff with jitter, a cap of attempts after which the work is
 * parked, leases, and the polling of pull-only suppliers. Immutable; {@link #ofDefaults()} or {@link #custom()},
 * whose setters validate their arguments.
 *
 * <p>The delay after the {@code n}-th failed attempt ({@code n >= 1}) is
 * {@code d = min(maxBackoff, initialBackoff * multiplier^(n-1))}, then jittered to a value in
 * {@code [d * (1 - jitter), d]}.
 *
 * <p><b>Leases.</b> An entry is worked under a lease: the dispatcher renews it right before the entry's work, and
 * while the work runs a keep-alive renews it every {@link #keepAliveInterval()} (a third of the lease unless set),
 * until the work returns. So one notifier or supplier call may take longer than the lease: another engine never
 * takes the entry over while the process that works it lives. A process that dies mid-call stops renewing, and its
 * lease ends at most one lease later; then any dispatcher takes the entry over, with the same id. The lease is
 * therefore how long work stalls after a crash, and the keep-alive interval how often a long call touches the store.
 * {@link #maxCallDuration()} is the longest a call is expected to take (the adapters' timeouts); a call that takes
 * longer is logged at WARN. A claimed batch whose lease runs out before its last entries is claimed again, so a
 * batch need not fit in one lease, but {@code batchSize} times the usual call time should, or entries wait in a
 * claim they cannot be worked in.
 */
public final class DispatcherConfig {
    private static final DispatcherConfig DEFAULTS = custom().build();

    private final String owner;
    private final int batchSize;
    private final Duration lease;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final int maxAttempts;
    private final Duration pollInterval;
    private final int maxPolls;
    private final int maxRounds;
    private final Duration maxCallDuration;
    private final Duration keepAliveInterval;

    private DispatcherConfig(Builder b) {
        this.owner = b.owner;
        this.batchSize = b.batchSize;
        this.lease = b.lease;
        this.initialBackoff = b.initialBackoff;
        this.maxBackoff = b.maxBackoff;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.maxAttempts = b.maxAttempts;
        this.pollInterval = b.pollInterval;
        this.maxPolls = b.maxPolls;
        this.maxRounds = b.maxRounds;
        this.maxCallDuration = b.maxCallDuration != null ? b.maxCallDuration : b.lease.dividedBy(2);
        this.keepAliveInterval = b.keepAliveInterval != null ? b.keepAliveInterval : b.lease.dividedBy(3);
    }

    /**
     * Batches of 100, 2-minute leases, backoff from 5 s doubling up to 1 h with 50 % jitter, parked after 10
     * attempts; pull-only suppliers polled every 15 min, at most 700 times (about a week); at most 50 rounds per
     * {@code dispatchPending}; calls expected to take at most half the lease; the lease of an entry in work renewed
     * every third of the lease while its call runs. The owner name is random per engine
     * unless set.
     *
     * @return the default configuration
     */
    public static DispatcherConfig ofDefaults() {
        return DEFAULTS;
    }

    /** {@return a builder that starts from the defaults} */
    public static Builder custom() {
        return new Builder();
    }

    /** {@return the lease owner name of this dispatcher, or {@code null} for a random one per engine} */
    public String owner() {
        return owner;
    }

    /** {@return how many entries one claim takes} */
    public int batchSize() {
        return batchSize;
    }

    /**
     * How long a claimed entry is held before another dispatcher may take it; renewed from now before the entry's
     * work and every {@link #keepAliveInterval()} while it runs. After a crash, the entry waits at most this long.
     *
     * @return the lease length
     */
    public Duration lease() {
        return lease;
    }

    /** {@return the delay after the first failure} */
    public Duration initialBackoff() {
        return initialBackoff;
    }

    /** {@return the longest delay} */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** {@return the growth of the delay per failure} */
    public double multiplier() {
        return multiplier;
    }

    /** {@return the share of the delay that is random, 0 to 1} */
    public double jitter() {
        return jitter;
    }

    /** {@return how many failed attempts park an entry} */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** {@return how often a pull-only supplier is polled about a pending leg} */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** {@return how many polls without news park the polling} */
    public int maxPolls() {
        return maxPolls;
    }

    /** {@return how many claim rounds one {@code dispatchPending} call runs at most} */
    public int maxRounds() {
        return maxRounds;
    }

    /**
     * The longest a single notifier or supplier call is expected to take (the adapters' timeouts), shorter than the
     * lease; half the lease unless set. Work that takes longer is logged at WARN. A longer call is still safe: its
     * lease is kept alive while it runs (see {@link #keepAliveInterval()}).
     *
     * @return the longest expected call
     */
    public Duration maxCallDuration() {
        return maxCallDuration;
    }

    /**
     * How often the lease of an entry in work is renewed while its call runs, shorter than the lease; a third of the
     * lease unless set. The renewals stop as soon as the work returns, and with the process.
     *
     * @return the keep-alive interval
     */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /**
     * The delay before the next attempt after {@code failures} failed attempts, jittered with a random draw.
     *
     * @param failures failed attempts so far, at least 1
     * @param draw a random value in {@code [0, 1)}
     * @return the delay, at least one millisecond
     */
    public Duration backoff(int failures, double draw) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, failures - 1);
        double capped = Math.min(millis, maxBackoff.toMillis());
        double jittered = capped * (1.0 - jitter * draw);
        return Duration.ofMillis(Math.max(1L, Math.round(jittered)));
    }

    /** Builds a {@link DispatcherConfig}; each setter validates its argument. */
    public static final class Builder {
        private String owner;
        private int batchSize = 100;
        private Duration lease = Duration.ofMinutes(2);
        private Duration initialBackoff = Duration.ofSeconds(5);
        private Duration maxBackoff = Duration.ofHours(1);
        private double multiplier = 2.0;
        private double jitter = 0.5;
        private int maxAttempts = 10;
        private Duration pollInterval = Duration.ofMinutes(15);
        private int maxPolls = 700;
        private int maxRounds = 50;
        private Duration maxCallDuration;
        private Duration keepAliveInterval;

        private Builder() {
        }

        /**
         * The lease owner name; unique per running engine.
         *
         * @param owner the owner name, 1 to 128 characters, not blank; not null
         * @return this builder
         */
        public Builder owner(String owner) {
            Objects.requireNonNull(owner, "owner must not be null");
            if (owner.isBlank() || owner.length() > 128) {
                throw new IllegalArgumentException("owner must be 1 to 128 characters and not blank");
            }
            this.owner = owner;
            return this;
        }

        /**
         * Entries per claim, 1 to 10,000.
         *
         * @param size entries per claim, 1 to 10,000
         * @return this builder
         */
        public Builder batchSize(int size) {
            if (size < 1 || size > 10_000) {
                throw new IllegalArgumentException("batchSize must be 1 to 10000, was " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * Lease length, positive; longer than the keep-alive interval and the longest expected call.
         *
         * @param lease the lease length; not null
         * @return this builder
         */
        public Builder lease(Duration lease) {
            this.lease = positive("lease", lease);
            return this;
        }

        /**
         * First delay, positive.
         *
         * @param delay the delay after the first failure; not null
         * @return this builder
         */
        public Builder initialBackoff(Duration delay) {
            this.initialBackoff = positive("initialBackoff", delay);
            return this;
        }

        /**
         * Longest delay, positive.
         *
         * @param delay the longest delay; not null
         * @return this builder
         */
        public Builder maxBackoff(Duration delay) {
            this.maxBackoff = positive("maxBackoff", delay);
            return this;
        }

        /**
         * Growth per failure, 1.0 to 10.0.
         *
         * @param multiplier the growth per failure, 1.0 to 10.0
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0 && multiplier <= 10.0)) {
                throw new IllegalArgumentException("multiplier must be 1.0 to 10.0, was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * Random share of the delay, 0.0 to 1.0.
         *
         * @param jitter the random share, 0.0 to 1.0
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter must be 0.0 to 1.0, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * Failed attempts before parking, 1 to 1,000.
         *
         * @param attempts failed attempts before parking, 1 to 1,000
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1 || attempts > 1_000) {
                throw new IllegalArgumentException("maxAttempts must be 1 to 1000, was " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Polling interval for pull-only suppliers, positive.
         *
         * @param interval the polling interval; not null
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = positive("pollInterval", interval);
            return this;
        }

        /**
         * Polls without news before the polling is parked, 1 to 100,000.
         *
         * @param polls polls without news before parking, 1 to 100,000
         * @return this builder
         */
        public Builder maxPolls(int polls) {
            if (polls < 1 || polls > 100_000) {
                throw new IllegalArgumentException("maxPolls must be 1 to 100000, was " + polls);
            }
            this.maxPolls = polls;
            return this;
        }

        /**
         * Claim rounds per dispatch call, 1 to 100,000.
         *
         * @param rounds claim rounds per call, 1 to 100,000
         * @return this builder
         */
        public Builder maxRounds(int rounds) {
            if (rounds < 1 || rounds > 100_000) {
                throw new IllegalArgumentException("maxRounds must be 1 to 100000, was " + rounds);
            }
            this.maxRounds = rounds;
            return this;
        }

        /**
         * The longest a single notifier or supplier call may take, positive and shorter than the lease.
         *
         * @param duration the longest expected call; not null
         * @return this builder
         */
        public Builder maxCallDuration(Duration duration) {
            this.maxCallDuration = positive("maxCallDuration", duration);
            return this;
        }

        /**
         * How often the lease of an entry in work is renewed while it runs, positive and shorter than the lease.
         *
         * @param interval the keep-alive interval; not null
         * @return this builder
         */
        public Builder keepAliveInterval(Duration interval) {
            this.keepAliveInterval = positive("keepAliveInterval", interval);
            return this;
        }

        /**
         * The configuration.
         *
         * @return the configuration with these settings
         * @throws IllegalArgumentException if the initial backoff is longer than the longest, or the longest call or
         *     the keep-alive interval is not shorter than the lease
         */
        public DispatcherConfig build() {
            if (keepAliveInterval != null && keepAliveInterval.compareTo(lease) >= 0) {
                throw new IllegalArgumentException("keepAliveInterval must be shorter than lease");
            }
            if (maxCallDuration != null && maxCallDuration.compareTo(lease) >= 0) {
                throw new IllegalArgumentException("maxCallDuration " + maxCallDuration + " must be shorter than lease "
                        + lease);
            }
            if (initialBackoff.compareTo(maxBackoff) > 0) {
                throw new IllegalArgumentException("initialBackoff " + initialBackoff + " is longer than maxBackoff "
                        + maxBackoff);
            }
            return new DispatcherConfig(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name + " must not be null");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
