package dev.returnsync.core.engine;

/**
 * What one {@link dev.returnsync.core.ReturnSyncEngine#runDue} call did.
 *
 * @param fired deadlines that fired (each appended one event)
 * @param refused deadlines that the workflow refused to fire (e.g. a custom rule, or a race with another runner)
 */
public record DeadlineReport(int fired, int refused) {
}
