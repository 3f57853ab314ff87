package dev.returnsync.core.domain;

import dev.returnsync.spi.ReturnEvent;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ReturnWorkflow#step} answers: the events of an accepted command with the case after them, exactly as
 * {@link ReturnWorkflow#evolve} would fold them, or why the command was refused. An accepted step is one object
 * around its events and its case: no separate {@link Decision} and no list of events is built on the way.
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
     * The command is accepted: its event, the record of its external version if it carried one, and the case after
     * them. A step makes one event, or two: they are kept as they are, and {@link #events()} lists them when asked.
     *
     * @param event the command's event
     * @param externalVersion the record of the command's external version, or {@code null} when it carried none
     * @param after the case after the events
     */
    record Accepted(ReturnEvent event, ReturnEvent.ExternalVersionRecorded externalVersion, ReturnCase after)
            implements StepResult {
        /**
         * Checks that the event and the case are there.
         *
         * @param event the command's event; not null
         * @param externalVersion the record of the command's external version, or {@code null}
         * @param after the case after the events; not null
         */
        public Accepted {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(after, "after");
        }

        /**
         * The events, in order: the command's event, then the record of its external version if it carried one.
         *
         * @return the events, a new immutable list on each call
         */
        public List<ReturnEvent> events() {
            return externalVersion == null ? List.of(event) : List.of(event, externalVersion);
        }

        @Override
        public boolean accepted() {
            return true;
        }

        @Override
        public Decision decision() {
            return new Decision.Accepted(events());
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
