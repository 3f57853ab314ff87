package dev.returnsync.core.internal.outbox;

import java.time.Duration;

/** How the work of one outbox entry ended, and so what becomes of the entry. */
sealed interface Outcome {
    /** The work is done (or superseded): the entry is completed. */
    Outcome DONE = new Done();

    /** A pull-only supplier had nothing new: the entry is polled again one poll interval later. */
    Outcome POLL_AGAIN = new PollAgain();

    /** The work failed and may succeed later: another attempt after a backoff, parked after too many. */
    static Outcome retry(String error, Duration retryAfter) {
        return new Retry(error, retryAfter);
    }

    /** The work cannot succeed by trying again: the entry is parked for a person. */
    static Outcome park(String error) {
        return new Park(error);
    }

    /** Completed. */
    record Done() implements Outcome {
    }

    /** Polled again later. */
    record PollAgain() implements Outcome {
    }

    /**
     * Tried again later.
     *
     * @param error what failed, never text of host code
     * @param retryAfter the least delay the other side asked for, or {@code null}
     */
    record Retry(String error, Duration retryAfter) implements Outcome {
    }

    /**
     * Parked.
     *
     * @param error why
     */
    record Park(String error) implements Outcome {
    }
}
