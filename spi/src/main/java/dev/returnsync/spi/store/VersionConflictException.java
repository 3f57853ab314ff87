package dev.returnsync.spi.store;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.ReturnSyncException;

/** An append expected another version than the stored one: someone else changed the case first. */
public final class VersionConflictException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    private final CaseId caseId;
    private final long expectedVersion;
    private final long actualVersion;

    public VersionConflictException(CaseId caseId, long expectedVersion, long actualVersion) {
        super("case " + caseId + " is at version " + actualVersion + ", not at the expected " + expectedVersion);
        this.caseId = caseId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** The case. */
    public CaseId caseId() {
        return caseId;
    }

    /** The version the append expected. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version the store holds. */
    public long actualVersion() {
        return actualVersion;
    }
}
