package dev.returnsync.core.engine;

/**
 * What one {@link dev.returnsync.core.ReturnSyncEngine#runDue} call did.
 *
 * @param fired deadlines that fired (each appended one event)
 * @param refused deadlines that the workflow refused to fire (e.g. a custom rule, or a race with another runner)
 * @param failed deadlines that could not be fired because of a failure (e.g. the store was unreachable); their
 *     cases stay due, so the next run tries them again
 * @param stale cases that the store's due index listed as due but that had no deadline due at the run's time
 *     (e.g. the host lengthened a deadline after the case was stored); they are left as they are, and their index
 *     entry is corrected by the case's next change
 */
public record DeadlineReport(int fired, int refused, int failed, int stale) {
}
