package dev.returnsync.testkit;

import dev.returnsync.core.domain.Command;
import dev.returnsync.testkit.internal.Describe;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One step of an explored or generated scenario: a command, or the clock moving forward. The clock never
 * moves back: an advance to an instant in the past leaves it where it is.
 */
public sealed interface Action {
    /** {@return the step in words, as shown in traces} */
    String describe();

    /**
     * A party (or the deadline timer) sends a command; the workflow decides it at the current time, then the
     * workflow's policies react to the events, as the engine would run them.
     *
     * @param command the command
     */
    record Execute(Command command) implements Action {
        /**
         * Checks the command is there.
         *
         * @param command the command
         */
        public Execute {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String describe() {
            return command.actor() + " " + Describe.command(command);
        }
    }

    /**
     * The clock moves to an instant, e.g. a deadline or the end of a return window.
     *
     * @param instant where the clock goes
     * @param label why this instant (e.g. {@code "due S1 NEGOTIATING - 1s"})
     */
    record AdvanceTo(Instant instant, String label) implements Action {
        /**
         * Checks the fields are there.
         *
         * @param instant where the clock goes
         * @param label why this instant (e.g. {@code "due S1 NEGOTIATING - 1s"})
         */
        public AdvanceTo {
            Objects.requireNonNull(instant, "instant");
            Objects.requireNonNull(label, "label");
        }

        @Override
        public String describe() {
            return "clock -> " + instant + " (" + label + ")";
        }
    }

    /**
     * The clock moves forward by a duration.
     *
     * @param duration how far, zero or positive
     */
    record AdvanceBy(Duration duration) implements Action {
        /**
         * Checks the duration is zero or positive.
         *
         * @param duration how far, zero or positive
         */
        public AdvanceBy {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative()) {
                throw new IllegalArgumentException("the clock only moves forward, not by " + duration);
            }
        }

        @Override
        public String describe() {
            return "clock + " + Describe.duration(duration);
        }
    }

    /**
     * The clock moves to the case's next due deadline plus an offset (which may be negative, to land just
     * before it). Nothing happens when no deadline is pending or the target lies in the past.
     *
     * @param offset added to the due time
     */
    record AdvanceToNextDue(Duration offset) implements Action {
        /**
         * Checks the offset is there.
         *
         * @param offset added to the due time
         */
        public AdvanceToNextDue {
            Objects.requireNonNull(offset, "offset");
        }

        @Override
        public String describe() {
            return "clock -> next due deadline" + (offset.isZero() ? "" : (offset.isNegative() ? " - " : " + ")
                    + Describe.duration(offset.abs()));
        }
    }
}
