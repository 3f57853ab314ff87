package dev.returnsync.core.domain;

import dev.returnsync.spi.ReturnEvent;

import java.util.List;
import java.util.Objects;

/** What {@link ReturnWorkflow#decide} answers: the events a command yields, or why it was refused. */
public sealed interface Decision {
    /** {@return true for {@link Accepted}} */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /**
     * The events of an accepted command.
     *
     * @return the events, in order, never empty
     * @throws RefusalException with the refusal, if the command was refused
     */
    List<ReturnEvent> eventsOrThrow();

    /**
     * The command is accepted and yields these events (in practice exactly one).
     *
     * @param events the events, in order
     */
    record Accepted(List<ReturnEvent> events) implements Decision {
        /**
         * Copies the events.
         *
         * @param events the events, in order; at least one
         */
        public Accepted {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("an accepted command yields at least one event");
            }
        }

        @Override
        public List<ReturnEvent> eventsOrThrow() {
            return events;
        }
    }

    /**
     * The command is refused and changes nothing.
     *
     * @param refusal why
     */
    record Refused(Refusal refusal) implements Decision {
        /**
         * Checks the refusal is there.
         *
         * @param refusal why; not null
         */
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        @Override
        public List<ReturnEvent> eventsOrThrow() {
            throw new RefusalException(refusal);
        }
    }
}
