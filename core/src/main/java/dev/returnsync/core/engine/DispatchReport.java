package dev.returnsync.core.engine;

/**
 * What one {@link dev.returnsync.core.ReturnSyncEngine#dispatchPending} call did.
 *
 * @param done entries whose work is done (completed), superseded supplier sends included
 * @param retried entries that failed and wait for another attempt (polls without news included)
 * @param parked entries that were parked by this call
 * @param lost entries whose lease was taken over by another dispatcher: before their work (the renewal failed, so
 *     the work was not done here) or during it (its outcome was not recorded here)
 */
public record DispatchReport(int done, int retried, int parked, int lost) {
    /** {@return everything the call handled} */
    public int handled() {
        return done + retried + parked + lost;
    }
}
