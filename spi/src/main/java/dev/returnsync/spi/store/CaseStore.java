package dev.returnsync.spi.store;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Storage of return cases: their events, number links, idempotency records, deadline index and outbox.
 * The engine is the only caller; several engines (in several processes) may share one store.
 *
 * <p>Every implementation must be safe for concurrent use and must give these guarantees, which the testkit's
 * {@code CaseStoreContract} suite checks:
 * <ul>
 *   <li><b>Atomic append.</b> {@link #append} stores all of a batch (events, links, due time, outbox entries,
 *       idempotency record) or none of it. A reader never sees part of a batch; in particular, whoever sees a
 *       batch's events also finds its idempotency record (the engine reads the case, then the key, to replay a
 *       twin of a command instead of refusing it).</li>
 *   <li><b>Optimistic versions.</b> An append succeeds only if the stored version equals the batch's expected
 *       version; of two appends expecting the same version, exactly one succeeds. Versions have no gaps.</li>
 *   <li><b>Number uniqueness.</b> A number is unique by {@link ReturnNumber#uniquenessKey()} across the whole
 *       store: linked to at most one case, whatever the tenant.</li>
 *   <li><b>Indexed look-ups.</b> {@link #findByNumber} and {@link #findDue} must not scan every case: their cost
 *       follows what they return, not the size of the store.</li>
 *   <li><b>Leases.</b> An outbox entry is held by at most one owner at a time until its lease ends.</li>
 * </ul>
 */
public interface CaseStore {
    /**
     * Loads a case's events.
     *
     * @return the history, or empty when the store has no such case
     */
    Optional<CaseHistory> load(CaseId caseId);

    /**
     * The events of a case after a version, oldest first: versions {@code afterVersion + 1} onward, with the same
     * visibility as {@link #load} (never part of a batch). Empty when there are none, or the case is unknown. A
     * caller that already folded a case up to {@code afterVersion} reads only what is new. The default reads the
     * whole history; a store whose reads cost per event (decoding, the network) should override it.
     *
     * @throws IllegalArgumentException if {@code afterVersion} is negative
     */
    default List<ReturnEvent> loadAfter(CaseId caseId, long afterVersion) {
        if (afterVersion < 0) {
            throw new IllegalArgumentException("version must be zero or more, was " + afterVersion);
        }
        Optional<CaseHistory> history = load(caseId);
        if (history.isEmpty() || history.get().version() <= afterVersion) {
            return List.of();
        }
        return history.get().events().subList((int) afterVersion, (int) history.get().version());
    }

    /**
     * Stores a batch atomically. The checks run in this order, and the first that fails throws, leaving the
     * store unchanged:
     * <ol>
     *   <li>if the batch has an idempotency record and the tenant already has a record for its key:
     *       {@link IdempotencyKeyTakenException};</li>
     *   <li>if the stored version (0 for an unknown case) is not {@code expectedVersion}:
     *       {@link VersionConflictException};</li>
     *   <li>if a link's number is linked to another case: {@link NumberAlreadyLinkedException}.</li>
     * </ol>
     * Then it appends the events (versions {@code expectedVersion + 1} onward), keeps every link of the batch
     * (a number already linked to this case is updated, e.g. when it becomes superseded; links are never
     * removed), sets the case's due time to {@code nextDueAt} (removing it when null), adds the outbox entries
     * (an entry whose id exists already is ignored), and keeps the idempotency record.
     */
    void append(AppendBatch batch);

    /**
     * Finds where a number leads, by its {@link ReturnNumber#uniquenessKey()}: superseded numbers are found
     * too, marked so. The caller checks that the link's tenant is the asker's.
     */
    Optional<NumberLink> findByNumber(ReturnNumber number);

    /** The remembered outcome of a tenant's idempotency key, if any. */
    Optional<IdempotencyRecord> findIdempotency(TenantId tenant, IdempotencyKey key);

    /**
     * The cases whose due time is at or before {@code dueAtOrBefore}, earliest first, at most {@code limit}.
     * Must use an index on the due time.
     */
    List<DueCase> findDue(Instant dueAtOrBefore, int limit);

    /**
     * Claims up to {@code limit} outbox entries for {@code owner}: entries that are not parked, whose next attempt
     * is at or before {@code now}, and that nobody holds (no lease, or a lease that ended at or before
     * {@code now}), earliest next attempt first. Each claimed entry is leased to the owner until
     * {@code now + lease}; the returned entries show the lease. Concurrent claimers never get the same entry
     * while its lease holds.
     */
    List<OutboxEntry> claimOutbox(String owner, Instant now, Duration lease, int limit);

    /**
     * Renews the lease of an entry that {@code owner} holds and whose lease has not ended at {@code now}: the lease
     * then holds until {@code now + lease}. A dispatcher renews before each piece of work, so it never starts work
     * whose lease another dispatcher could take over.
     *
     * @return false when the owner does not hold the entry at {@code now} (never claimed, claimed by another owner,
     *     lease ended, done, or failed); the entry is then left as it is
     * @throws IllegalArgumentException if {@code lease} is not positive
     */
    boolean renewOutbox(String entryId, String owner, Instant now, Duration lease);

    /**
     * Removes an entry whose work is done, if {@code owner} still holds its lease.
     *
     * @return false when the owner lost the lease (the entry was left as it is)
     */
    boolean completeOutbox(String entryId, String owner);

    /**
     * Records a failed attempt of an entry that {@code owner} holds: one more attempt, the error, the next attempt
     * time, parked or not; the lease ends.
     *
     * @return false when the owner lost the lease (the entry was left as it is)
     */
    boolean failOutbox(String entryId, String owner, String error, Instant nextAttemptAt, boolean park);

    /** The outbox entries of a case that are not done yet, parked ones included, oldest version first. */
    List<OutboxEntry> outboxOf(CaseId caseId);

    /**
     * Un-parks the parked entries of a case so they are tried again at {@code now}; attempts start again from 0.
     *
     * @return how many entries were un-parked
     */
    int retryParked(CaseId caseId, Instant now);
}
