package dev.returnsync.spi.store;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ReturnSyncException;

/** An append expected another version than the stored one: someone else changed the case first. */
public final class VersionConflictException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** The case appended to. */
    private final CaseId caseId;
    /** The version the append expected. */
    private final long expectedVersion;
    /** The version the store holds. */
    private final long actualVersion;

    /**
     * Creates the exception.
     *
     * @param caseId the case appended to
     * @param expectedVersion the version the append expected, 0 for a new case
     * @param actualVersion the version the store holds, 0 when it has no such case
     */
    public VersionConflictException(CaseId caseId, long expectedVersion, long actualVersion) {
        super("case " + caseId + " is at version " + actualVersion + ", not at the expected " + expectedVersion);
        this.caseId = caseId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** {@return the case appended to} */
    public CaseId caseId() {
        return caseId;
    }

    /** {@return the version the append expected} */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** {@return the version the store holds} */
    public long actualVersion() {
        return actualVersion;
    }
}
