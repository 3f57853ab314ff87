package dev.returnsync.examples.crash;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each engine process (an incarnation: one start of one slot) was killed, on the parent's monotonic clock. A
 * process is live from its start until its kill; the kill is recorded before the signal is sent, so a call the
 * parent sees as live can not come from a process that was already gone.
 */
final class Liveness {
    private final Map<String, Long> killedAt = new ConcurrentHashMap<>();

    /** Notes that the incarnation is killed now; call before sending the signal. */
    void killed(String incarnation) {
        killedAt.putIfAbsent(incarnation, System.nanoTime());
    }

    /** True while the incarnation has not been killed. */
    boolean alive(String incarnation) {
        return !killedAt.containsKey(incarnation);
    }

    /** Until when (nanoTime) the incarnation was live: its kill, or {@code Long.MAX_VALUE} if it never was killed. */
    long liveUntil(String incarnation) {
        return killedAt.getOrDefault(incarnation, Long.MAX_VALUE);
    }

    /** How many incarnations were killed. */
    int kills() {
        return killedAt.size();
    }
}
