package dev.returnsync.core.domain;

import dev.returnsync.spi.ReturnEvent;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ReturnWorkflow#step} answers: the events of an accepted command with the case after them, exactly as
 * {@link ReturnWorkflow#evolve} would fold them, or why the command was refused. An accepted step is one object
 * around its events and its case: no separate {@link Decision} is built on the way.
 */
public sealed interface StepResult {
    /** {@return true for {@link Accepted}} */
    boolean accepted();

    /**
     * The case after the events.
     *
     * @return the case after the events; {@code null} when the command was refused
     */
    ReturnCase after();

    /**
     * The step as {@link ReturnWorkflow#decide} answers it, built on each call (to compare the two, or for a caller
     * that wants a {@link Decision}).
     *
     * @return the events, or the refusal
     */
    Decision decision();

    /**
     * The command is accepted: its events, and the case after them.
     *
     * @param events the events, in order: the command's event, then the record of its external version if it
     *     carried one
     * @param after the case after the events
     */
    record Accepted(List<ReturnEvent> events, ReturnCase after) implements StepResult {
        /**
         * Checks that the events and the case are there; the workflow passes an immutable list, which is kept.
         *
         * @param events the events, in order; at least one
         * @param after the case after the events; not null
         */
        public Accepted {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("events: an accepted command yields at least one event");
            }
            Objects.requireNonNull(after, "after");
        }

        @Override
        public boolean accepted() {
            return true;
        }

        @Override
        public Decision decision() {
            return new Decision.Accepted(events);
        }
    }

    /**
     * The command is refused and changes nothing.
     *
     * @param refusal why
     */
    record Refused(Refusal refusal) implements StepResult {
        /**
         * Checks the refusal is there.
         *
         * @param refusal why; not null
         */
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public boolean accepted() {
            return false;
        }

        /** {@return null: a refused command moves no case} */
        @Override
        public ReturnCase after() {
            return null;
        }

        @Override
        public Decision decision() {
            return new Decision.Refused(refusal);
        }
    }
}
