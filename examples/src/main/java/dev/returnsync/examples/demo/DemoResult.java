package dev.returnsync.examples.demo;

import dev.returnsync.core.domain.ReturnCase;

import java.util.List;

/**
 * What the demo ended with: its cases as the engine sees them, the outbox work left, the notifications, and the
 * demo's own checks.
 *
 * @param cases the demo's cases, in order
 * @param pendingWork outbox entries still waiting (none after a good run)
 * @param parkedWork outbox entries parked (none after a good run)
 * @param notifications distinct notifications delivered
 * @param notificationCalls calls to the notifier
 * @param failures what the demo's checks found wrong; empty after a good run
 */
public record DemoResult(List<ReturnCase> cases, int pendingWork, int parkedWork, int notifications,
                         int notificationCalls, List<String> failures) {
    /** Copies the lists. */
    public DemoResult {
        cases = List.copyOf(cases);
        failures = List.copyOf(failures);
    }

    /** True when every check of the demo passed. */
    public boolean checksPassed() {
        return failures.isEmpty();
    }
}
