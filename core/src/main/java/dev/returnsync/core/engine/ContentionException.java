package dev.returnsync.core.engine;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ReturnSyncException;

/**
 * A command lost the race for a case more often than the configured number of retries: other commands kept
 * changing the case between load and append. Nothing was changed; retryable: send the same command again, with
 * the same idempotency key, after a short pause.
 */
public final class ContentionException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** The case that kept changing. */
    private final CaseId caseId;
    /** How many times the command was decided and lost the race. */
    private final int attempts;

    /**
     * Creates the exception.
     *
     * @param caseId the case that kept changing
     * @param attempts how many times the command was decided and lost the race
     */
    public ContentionException(CaseId caseId, int attempts) {
        super("case " + caseId + " changed under the command " + attempts + " times in a row; nothing was changed");
        this.caseId = caseId;
        this.attempts = attempts;
    }

    /** {@return the case} */
    public CaseId caseId() {
        return caseId;
    }

    /** {@return how many times the command was decided and lost the race} */
    public int attempts() {
        return attempts;
    }
}
