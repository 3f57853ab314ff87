package dev.returnsync.core.engine;

import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.ReturnEvent;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of an accepted command: the events it appended and the case right after them.
 *
 * @param state the case right after the command's events (for a replay: as it was then, not as it is now), as the
 *     command's actor sees it: a supplier its own leg only
 * @param events the events the command appended, in order
 * @param replayed true when the command's key was seen before with the same payload: nothing was appended now,
 *     and this is the first outcome
 */
public record CommandResult(ReturnCase state, List<ReturnEvent> events, boolean replayed) {
    /**
     * Validates the result and copies the events.
     *
     * @param state the case right after the command's events (for a replay: as it was then, not as it is now), as the
     *     command's actor sees it: a supplier its own leg only
     * @param events the events the command appended, in order
     * @param replayed true when the command's key was seen before with the same payload: nothing was appended now, and
     *     this is the first outcome
     */
    public CommandResult {
        Objects.requireNonNull(state, "state");
        events = List.copyOf(events);
    }

    /** {@return the case's version after the command} */
    public long version() {
        return state.version();
    }
}
