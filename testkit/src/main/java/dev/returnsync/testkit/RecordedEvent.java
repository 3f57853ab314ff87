package dev.returnsync.testkit;

import dev.returnsync.spi.ReturnEvent;

import java.util.Objects;
import java.util.Optional;

/**
 * An event of a case's history, with where its command came from: a party of the scenario, or a policy
 * reacting to an earlier event.
 *
 * @param event the event
 * @param policy the name of the policy whose command yielded the event, or {@code null} when a party (or the
 *     deadline timer) sent the command itself
 */
public record RecordedEvent(ReturnEvent event, String policy) {
    /**
     * Checks the event is there.
     *
     * @param event the event
     * @param policy the name of the policy whose command yielded the event, or {@code null} when a party (or the
     *     deadline timer) sent the command itself
     */
    public RecordedEvent {
        Objects.requireNonNull(event, "event");
    }

    /** {@return the policy whose command yielded the event, if a policy did} */
    public Optional<String> byPolicy() {
        return Optional.ofNullable(policy);
    }
}
