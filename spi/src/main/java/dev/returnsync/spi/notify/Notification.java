package dev.returnsync.spi.notify;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.internal.Checks;

import java.time.Instant;
import java.util.List;

/**
 * One message to one party about one step of a return. It carries ids and return numbers only: no names, no
 * addresses, no reason texts. The host's {@link Notifier} looks up whatever else it needs (the customer's
 * contact, the case through the engine's queries) by id.
 *
 * @param id a stable id, the same on every delivery attempt of this notification (it is the id of the outbox
 *     entry that carries it); notifiers deduplicate by it
 * @param tenant the tenant of the case
 * @param caseId the case
 * @param version the version of the case event the notification is about
 * @param leg the supplier whose leg the step is about, or {@code null} for a step of the whole case
 * @param recipient who the notification is for
 * @param type what happened
 * @param numbers the return numbers concerned: the case's customer request and reseller return numbers, then the
 *     leg's current supplier return number and tracking numbers (as of {@code version}), when there are any
 * @param at when the step happened (the event's time)
 * @param amount the money the step means for the recipient, or {@code null} when it is about none: for the
 *     customer the refund due to them (or the partial refund offered), for the supplier what it owes the reseller,
 *     for the reseller the refund due to the customer (or the partial refund offered)
 */
public record Notification(String id, TenantId tenant, CaseId caseId, long version, SupplierId leg,
                           Recipient recipient, NotificationType type, List<ReturnNumber> numbers, Instant at,
                           Money amount) {
    /**
     * Validates the notification and copies the numbers.
     *
     * @param id a stable id, the same on every delivery attempt of this notification (it is the id of the outbox entry that
     *     carries it); notifiers deduplicate by it
     * @param tenant the tenant of the case
     * @param caseId the case
     * @param version the version of the case event the notification is about
     * @param leg the supplier whose leg the step is about, or {@code null} for a step of the whole case
     * @param recipient who the notification is for
     * @param type what happened
     * @param numbers the return numbers concerned: the case's customer request and reseller return numbers, then the leg's
     *     current supplier return number and tracking numbers (as of {@code version}), when there are any
     * @param at when the step happened (the event's time)
     * @param amount the money the step means for the recipient, or {@code null} when it is about none
     */
    public Notification {
        Checks.notNull("notification id", id);
        if (id.isBlank()) {
            throw new IllegalArgumentException("notification id must not be blank");
        }
        Checks.notNull("tenant", tenant);
        Checks.notNull("case id", caseId);
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
        Checks.notNull("recipient", recipient);
        Checks.notNull("notification type", type);
        numbers = List.copyOf(Checks.notNull("numbers", numbers));
        Checks.notNull("at", at);
    }
}
