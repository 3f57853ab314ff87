package dev.returnsync.core.engine;

/**
 * How the command pipeline behaves. Immutable; {@link #ofDefaults()} or {@link #custom()}, whose setters validate
 * their arguments.
 */
public final class EngineConfig {
    private static final EngineConfig DEFAULTS = custom().build();

    private final int maxConflictRetries;
    private final int foldCacheSize;
    private final int deadlineBatchSize;

    private EngineConfig(Builder builder) {
        this.maxConflictRetries = builder.maxConflictRetries;
        this.foldCacheSize = builder.foldCacheSize;
        this.deadlineBatchSize = builder.deadlineBatchSize;
    }

    /** {@return the defaults: 16 conflict retries, a fold cache of 10,000 cases, deadlines in batches of 100} */
    public static EngineConfig ofDefaults() {
        return DEFAULTS;
    }

    /** {@return a builder that starts from the defaults} */
    public static Builder custom() {
        return new Builder();
    }

    /**
     * {@return how often a command is re-decided after losing the race for its case before {@link ContentionException}}
     */
    public int maxConflictRetries() {
        return maxConflictRetries;
    }

    /** {@return how many folded cases the engine keeps to avoid re-folding histories; 0 disables the cache} */
    public int foldCacheSize() {
        return foldCacheSize;
    }

    /** {@return how many due cases the deadline runner loads per page of the due index} */
    public int deadlineBatchSize() {
        return deadlineBatchSize;
    }

    /** Builds an {@link EngineConfig}; each setter validates its argument. */
    public static final class Builder {
        private int maxConflictRetries = 16;
        private int foldCacheSize = 10_000;
        private int deadlineBatchSize = 100;

        private Builder() {
        }

        /**
         * Conflict retries, 0 to 1,000.
         *
         * @param retries how often a command is re-decided after losing the race, 0 to 1,000
         * @return this builder
         */
        public Builder maxConflictRetries(int retries) {
            if (retries < 0 || retries > 1_000) {
                throw new IllegalArgumentException("maxConflictRetries must be 0 to 1000, was " + retries);
            }
            this.maxConflictRetries = retries;
            return this;
        }

        /**
         * Size of the fold cache, 0 (off) to 10,000,000.
         *
         * @param size how many folded cases are kept, 0 (off) to 10,000,000
         * @return this builder
         */
        public Builder foldCacheSize(int size) {
            if (size < 0 || size > 10_000_000) {
                throw new IllegalArgumentException("foldCacheSize must be 0 to 10000000, was " + size);
            }
            this.foldCacheSize = size;
            return this;
        }

        /**
         * Due cases per page of the deadline runner, 1 to 10,000.
         *
         * @param size due cases per page, 1 to 10,000
         * @return this builder
         */
        public Builder deadlineBatchSize(int size) {
            if (size < 1 || size > 10_000) {
                throw new IllegalArgumentException("deadlineBatchSize must be 1 to 10000, was " + size);
            }
            this.deadlineBatchSize = size;
            return this;
        }

        /** {@return the configuration} */
        public EngineConfig build() {
            return new EngineConfig(this);
        }
    }
}
