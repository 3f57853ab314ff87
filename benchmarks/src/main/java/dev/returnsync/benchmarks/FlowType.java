package dev.returnsync.benchmarks;

/**
 * The implementations a benchmark can run, picked by {@code @Param}. {@link #create()} builds everything the
 * implementation shares between cases, so a benchmark creates one flow per thread in its setup, and the cold
 * start benchmark inside the measured call.
 */
public enum FlowType {
    /** returnsync's pure domain: step (decide and evolve in one pass) on an immutable case. */
    RETURNSYNC {
        @Override
        public ReturnFlow create() {
            return new ReturnsyncFlow();
        }
    },
    /** Spring Statemachine 4.0.2, a new machine from the factory per case. */
    SPRING_FRESH {
        @Override
        public ReturnFlow create() {
            return SpringFlow.fresh();
        }
    },
    /** Spring Statemachine 4.0.2, one machine reset to each case's context. */
    SPRING_POOLED {
        @Override
        public ReturnFlow create() {
            return SpringFlow.pooled();
        }
    },
    /** squirrel-foundation 0.3.10, builder reused, one machine per case. */
    SQUIRREL {
        @Override
        public ReturnFlow create() {
            return new SquirrelFlow();
        }
    },
    /** stateless4j 2.6.0, configuration reused, one machine per case over external state. */
    STATELESS4J {
        @Override
        public ReturnFlow create() {
            return new Stateless4jFlow();
        }
    },
    /** The floor: a hand-written immutable record and an enum switch. */
    HAND_WRITTEN {
        @Override
        public ReturnFlow create() {
            return new HandWrittenFlow();
        }
    };

    /** A new flow of this implementation, with its shared definition built. */
    public abstract ReturnFlow create();
}
