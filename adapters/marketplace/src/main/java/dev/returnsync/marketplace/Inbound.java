package dev.returnsync.marketplace;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.ExternalVersion;

import java.util.List;
import java.util.Objects;

/**
 * What a marketplace's status change asks of a host: the commands to run, in order, or why there are none. The
 * first command carries the change's refund version as an {@link ExternalVersion}, so a change delivered late or
 * twice is refused by the case ({@code STALE_EXTERNAL_VERSION}); the commands' idempotency keys derive from the
 * refund id, the version and the position, so running them again after a failure replays what already ran.
 */
public sealed interface Inbound {
    /** {@return the commands to run, in order; empty for the answers that run nothing} */
    default List<Command> commands() {
        return List.of();
    }

    /**
     * Run these commands; the leg then shows the status.
     *
     * @param commands the commands, in order, at least one
     */
    record Run(List<Command> commands) implements Inbound {
        /**
         * Copies the commands.
         *
         * @param commands the commands, in order, at least one
         */
        public Run {
            commands = List.copyOf(commands);
            if (commands.isEmpty()) {
                throw new IllegalArgumentException("commands: a run has at least one command");
            }
        }
    }

    /**
     * Run these commands (possibly none); the leg then waits for a step that the status change cannot make: one
     * that another party reports, or one that needs data the change lacks.
     *
     * @param commands the commands to run first, in order, possibly none
     * @param step the step the leg then waits for
     * @param reason why the change cannot make the step, in words
     */
    record Wait(List<Command> commands, CommandType step, String reason) implements Inbound {
        /**
         * Copies the commands.
         *
         * @param commands the commands to run first, in order, possibly none
         * @param step the step the leg then waits for
         * @param reason why the change cannot make the step, in words
         */
        public Wait {
            commands = List.copyOf(commands);
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The leg already shows the status: nothing to run. */
    record Shown() implements Inbound {
    }

    /**
     * The case is ahead of the marketplace: the status is one the leg has passed. Nothing to run; the host may push
     * the status the leg shows.
     *
     * @param shown the status the leg shows
     */
    record Behind(RefundStatus shown) implements Inbound {
        /**
         * Checks the status is there.
         *
         * @param shown the status the leg shows
         */
        public Behind {
            Objects.requireNonNull(shown, "shown");
        }
    }

    /**
     * The case already accepted a change of this refund at least as new: nothing to run.
     *
     * @param held the newest version the case accepted from the marketplace
     */
    record Stale(ExternalVersion held) implements Inbound {
        /**
         * Checks the version is there.
         *
         * @param held the newest version the case accepted from the marketplace
         */
        public Stale {
            Objects.requireNonNull(held, "held");
        }
    }

    /**
     * No case exists yet and the status opens a refund: the host submits the return from its order data, with this
     * external version on the submission ({@code CommandHeader.externalVersion}).
     *
     * @param version the external version to submit with
     */
    record Open(ExternalVersion version) implements Inbound {
        /**
         * Checks the version is there.
         *
         * @param version the external version to submit with
         */
        public Open {
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * The status change has no counterpart in the workflow from where the leg stands: nothing to run; a person
     * should look at the case.
     *
     * @param reason why, in words
     */
    record NoCounterpart(String reason) implements Inbound {
        /**
         * Checks the reason is there.
         *
         * @param reason why, in words
         */
        public NoCounterpart {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
