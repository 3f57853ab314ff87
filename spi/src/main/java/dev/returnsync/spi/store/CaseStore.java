package dev.returnsync.spi.store;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.NumberKind;
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
 * <p><b>Every key includes the tenant.</b> A case is identified by its tenant and its {@link CaseId}: the same case
 * id in two tenants names two independent cases, and nothing one tenant appends, reads or retries can reach another
 * tenant's case. Numbers, idempotency keys, due entries and outbox entries belong to a tenant's case the same way.
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
 *   <li><b>Number uniqueness per tenant.</b> A number is unique by its tenant and
 *       {@link ReturnNumber#uniquenessKey()}: linked to at most one case of the tenant. The same number in two
 *       tenants (a parcel's tracking number typed by customers of two resellers) links to each tenant's own case.</li>
 *   <li><b>Indexed look-ups.</b> {@link #findByNumber} and {@link #findDue} must not scan every case: their cost
 *       follows what they return, not the size of the store.</li>
 *   <li><b>Outbox ids.</b> An outbox entry is identified by its work; its {@linkplain OutboxEntry#id() id} is
 *       derived from it ({@link OutboxIds}). A store may keep the id or rebuild it from the entry's fields. An id
 *       given to {@link #renewOutbox}, {@link #completeOutbox} or {@link #failOutbox} that no pending entry has,
 *       including one not well formed ({@link OutboxIds#parse} finds no work in it), names no entry: the call
 *       returns false and changes nothing.</li>
 *   <li><b>Leases.</b> An outbox entry is held by at most one owner at a time until its lease ends.</li>
 *   <li><b>Ordered sends.</b> The {@linkplain Effect#isOrderedSend() ordered sends} of one case to one target are
 *       claimed one at a time, in version order (see {@link #claimOutbox}).</li>
 * </ul>
 */
public interface CaseStore {
    /**
     * Loads a case's events.
     *
     * @param tenant the tenant that owns the case
     * @param caseId the case, within the tenant
     * @return the history, or empty when the tenant has no such case
     */
    Optional<CaseHistory> load(TenantId tenant, CaseId caseId);

    /**
     * The events of a case after a version, oldest first: versions {@code afterVersion + 1} onward, with the same
     * visibility as {@link #load} (never part of a batch). Empty when there are none, or the case is unknown. A
     * caller that already folded a case up to {@code afterVersion} reads only what is new. The default reads the
     * whole history; a store whose reads cost per event (decoding, the network) should override it.
     *
     * @param tenant the tenant that owns the case
     * @param caseId the case, within the tenant
     * @param afterVersion the last version the caller has, 0 or more (0 reads the whole history)
     * @return the events after {@code afterVersion}, oldest first; empty when none
     * @throws IllegalArgumentException if {@code afterVersion} is negative
     */
    default List<ReturnEvent> loadAfter(TenantId tenant, CaseId caseId, long afterVersion) {
        if (afterVersion < 0) {
            throw new IllegalArgumentException("version must be zero or more, was " + afterVersion);
        }
        Optional<CaseHistory> history = load(tenant, caseId);
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
     *   <li>if the stored version of the batch's case (its tenant and case id; 0 for a case the tenant does not have)
     *       is not {@code expectedVersion}: {@link VersionConflictException};</li>
     *   <li>if a link's number is linked to another case of the tenant: {@link NumberAlreadyLinkedException}.</li>
     * </ol>
     * Then it appends the events (versions {@code expectedVersion + 1} onward), keeps every link of the batch
     * (a number already linked to this case is updated, e.g. when it becomes superseded; links are never
     * removed), sets the case's due time to {@code nextDueAt} (removing it when null), adds the outbox entries
     * (an entry whose id exists already, i.e. the same work not done yet, is ignored, as is a repeat within the
     * batch), and keeps the idempotency record. A batch only ever changes its
     * own tenant's case: another tenant's case of the same id is not touched.
     *
     * @param batch what to store, all of it or none
     * @throws IdempotencyKeyTakenException if the tenant already has a record for the batch's idempotency key
     * @throws VersionConflictException if the case's stored version is not the batch's expected version
     * @throws NumberAlreadyLinkedException if one of the batch's numbers is linked to another case of the tenant
     */
    void append(AppendBatch batch);

    /**
     * Finds where a number leads in a tenant, by its {@link ReturnNumber#uniquenessKey()}: superseded numbers are
     * found too, marked so. Another tenant's link of the same number is never found.
     *
     * @param tenant the tenant searched
     * @param number the number looked up, compared by its uniqueness key
     * @return the link, or empty when the tenant has no case with this number
     */
    Optional<NumberLink> findByNumber(TenantId tenant, ReturnNumber number);

    /**
     * Finds the links of a tenant whose number is in the {@linkplain NumberKind#namespace() namespace} of
     * {@code kind} and has the normalized {@code value}, whatever its scope: a tracking number typed without its
     * carrier, say, finds the return tracking and replacement tracking numbers of every carrier that have this
     * value. Superseded links are found too, marked so. Another tenant's links are never found.
     *
     * @param tenant the tenant searched
     * @param kind the kind whose namespace is searched
     * @param value the number's value, normalized as by {@link NumberKind#normalize(String)}
     * @param limit at most this many links, 1 or more
     * @return the links, ordered by {@link ReturnNumber#uniquenessKey()}
     */
    List<NumberLink> findByValue(TenantId tenant, NumberKind kind, String value, int limit);

    /**
     * The remembered outcome of a tenant's idempotency key, if any.
     *
     * @param tenant the tenant that used the key
     * @param key the idempotency key a command carried
     * @return the record kept when the key was first used, or empty when the key is unused
     */
    Optional<IdempotencyRecord> findIdempotency(TenantId tenant, IdempotencyKey key);

    /**
     * A page of the due index: the cases whose due time is at or before {@code dueAtOrBefore} and that come after
     * {@code after}, at most {@code limit}, in index order: by due time, then tenant, then case id. The first page
     * passes {@code after = null}; each next page passes the last case of the page before. So a caller walks the
     * whole index once, page by page, whatever it does with the cases it was given: a case that stays due (its
     * deadline was refused, or failed) never hides the cases behind it.
     *
     * <p>{@code after} is a position, not a case that must still be due: the comparison uses its due time, tenant
     * and case id as given. A case whose due time moved since it was returned is found again at its new position if
     * that lies after the cursor. Tenants and case ids are compared as text, in one order the store keeps for both
     * sorting and comparing (for plain ASCII ids, character order).
     *
     * <p>Must use an index on (due time, tenant, case id): the cost of a page follows the page, not the number of
     * cases before the cursor or in the store.
     *
     * @param dueAtOrBefore the latest due time to return, inclusive
     * @param after the last case of the previous page, or {@code null} for the first page
     * @param limit the largest page, at least 1
     * @return the page, in index order; shorter than {@code limit} (possibly empty) at the end of the index
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    List<DueCase> findDue(Instant dueAtOrBefore, DueCase after, int limit);

    /**
     * The first page of the due index: {@link #findDue(Instant, DueCase, int) findDue(dueAtOrBefore, null, limit)}.
     *
     * @param dueAtOrBefore the latest due time to return, inclusive
     * @param limit the largest page, at least 1
     * @return the first page, in index order
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    default List<DueCase> findDue(Instant dueAtOrBefore, int limit) {
        return findDue(dueAtOrBefore, null, limit);
    }

    /**
     * Claims up to {@code limit} outbox entries for {@code owner}: entries that are not parked, whose next attempt
     * is at or before {@code now}, and that nobody holds (no lease, or a lease that ended at or before
     * {@code now}), earliest next attempt first. Each claimed entry is leased to the owner until
     * {@code now + lease}; the returned entries show the lease. Concurrent claimers never get the same entry
     * while its lease holds.
     *
     * <p><b>Ordered sends.</b> An entry whose effect is an {@linkplain Effect#isOrderedSend() ordered send} is not
     * claimed while the same tenant's case has an unfinished ordered send to the same target with a lower version:
     * one that is pending (due or waiting for its next attempt) or leased, and not parked. So the sends of one case to
     * one supplier reach it one at a time, in the order of the events that caused them; a cancellation never reaches
     * a supplier while the request it cancels is pending or in flight. A parked earlier send does not block (it
     * waits for a person; the later send, e.g. the cancellation, still goes out). Entries of the same version are
     * not ordered among themselves, and other effects are neither blocked nor blocking.
     *
     * @param owner who claims, e.g. one dispatcher of one process; compared as text
     * @param now the store's notion of the current time, for due times and leases
     * @param lease how long the claimed entries stay held, positive
     * @param limit the most entries to claim, at least 1
     * @return the claimed entries, leased to {@code owner}; empty when none is claimable
     */
    List<OutboxEntry> claimOutbox(String owner, Instant now, Duration lease, int limit);

    /**
     * Renews the lease of an entry that {@code owner} holds and whose lease has not ended at {@code now}: the lease
     * then holds until {@code now + lease}. A dispatcher renews before each piece of work, so it never starts work
     * whose lease another dispatcher could take over, and again periodically, from another thread, while the work
     * runs, so no other dispatcher takes over a long call while the owner lives.
     *
     * @param entryId the outbox entry's id ({@link OutboxEntry#id()})
     * @param owner the owner that claimed it
     * @param now the current time, to tell whether the lease still holds
     * @param lease the new lease length from {@code now}, positive
     * @return false when the owner does not hold the entry at {@code now} (never claimed, claimed by another owner,
     *     lease ended, done, or failed); the entry is then left as it is
     * @throws IllegalArgumentException if {@code lease} is not positive
     */
    boolean renewOutbox(String entryId, String owner, Instant now, Duration lease);

    /**
     * Removes an entry whose work is done, if {@code owner} still holds it: the entry's lease names {@code owner}.
     * An owner whose lease ended succeeds as long as no other owner has claimed the entry since: the work is done,
     * and refusing would only make it run again. A claim by another owner replaces the owner, atomically, so a
     * lapsed owner can never complete (or fail) work that another dispatcher has taken over.
     *
     * @param entryId the outbox entry's id ({@link OutboxEntry#id()})
     * @param owner the owner that claimed it
     * @return false when the owner lost the entry to another claim, or never held it (the entry was left as it is)
     */
    boolean completeOutbox(String entryId, String owner);

    /**
     * Records a failed attempt of an entry that {@code owner} holds (its lease names {@code owner}, as for
     * {@link #completeOutbox}): one more attempt, the error, the next attempt time, parked or not; the lease ends.
     *
     * @param entryId the outbox entry's id ({@link OutboxEntry#id()})
     * @param owner the owner that claimed it
     * @param error what went wrong, kept for people to read
     * @param nextAttemptAt when the entry may be claimed again (ignored while parked)
     * @param park true to park the entry until {@link #retryParked} un-parks it
     * @return false when the owner lost the entry to another claim, or never held it (the entry was left as it is)
     */
    boolean failOutbox(String entryId, String owner, String error, Instant nextAttemptAt, boolean park);

    /**
     * The outbox entries of a tenant's case that are not done yet, parked ones included, oldest version first.
     *
     * @param tenant the tenant that owns the case
     * @param caseId the case, within the tenant
     * @return the pending, leased and parked entries; empty when none
     */
    List<OutboxEntry> outboxOf(TenantId tenant, CaseId caseId);

    /**
     * How much outbox work waits, over every tenant, for metrics and health checks; empty when the store cannot
     * tell. The default cannot tell; a store that can should answer from an index, without a scan of the whole
     * outbox when possible, since a metrics scrape or a health check may ask every few seconds.
     *
     * @return the figures, or empty when the store cannot tell
     */
    default Optional<OutboxStats> outboxStats() {
        return Optional.empty();
    }

    /**
     * Un-parks the parked entries of a tenant's case so they are tried again at {@code now}; attempts start again
     * from 0.
     *
     * @param tenant the tenant that owns the case
     * @param caseId the case, within the tenant
     * @param now when the un-parked entries become due
     * @return how many
 entries were un-parked
     */
    int retryParked(TenantId tenant, CaseId caseId, Instant now);
}
