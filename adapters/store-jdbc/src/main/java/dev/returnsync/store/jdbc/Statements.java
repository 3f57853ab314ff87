package dev.returnsync.store.jdbc;

import dev.returnsync.spi.store.Effect;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The store's statements but the append's (a {@link BatchWriter}'s), written once, with the dialect's table names and syntax filled in. */
final class Statements {
    /** The outbox columns, in the order {@code JdbcCaseStore} binds and reads them. */
    static final String OUTBOX_COLUMNS = "tenant, case_id, version, effect, target, attempts, next_attempt_at,"
            + " last_error, parked, lease_owner, lease_until";

    /**
     * The claim's order among entries due at the same time: their work, in the order of the outbox's primary key (the
     * claimable index ends with these columns, so a claim reads it in order without a sort).
     */
    private static final String CLAIM_TIE_BREAK = "o.tenant, o.case_id, o.target, o.version, o.effect";

    /**
     * The effects that are ordered sends, as an SQL list, for the claim's {@code NOT EXISTS} (which reads the outbox of
     * one case and target by an index).
     */
    static final String ORDERED_SENDS = Arrays.stream(Effect.values()).filter(Effect::isOrderedSend)
            .map(effect -> "'" + effect.name() + "'").collect(Collectors.joining(", "));

    final String loadEvents;
    final String loadEventsAfter;
    final String currentVersion;
    final String findNumber;
    final String findValue;
    final String findIdempotency;
    final String findDue;
    final String findDueAfter;
    final String outboxOf;
    final String pickOutbox;
    final String leaseOutbox;
    final String renewOutbox;
    final String completeOutbox;
    final String outboxStats;
    final String failOutbox;
    final String retryParked;
    final String schemaVersion;

    Statements(Dialect d) {
        String events = d.table("events");
        String links = d.table("number_links");
        String due = d.table("due_cases");
        String outbox = d.table("outbox");

        loadEvents = "SELECT version, payload FROM " + events + " WHERE tenant = ? AND case_id = ? ORDER BY version";
        loadEventsAfter = "SELECT version, payload FROM " + events + " WHERE tenant = ? AND case_id = ?"
                + " AND version > ? ORDER BY version";
        currentVersion = "SELECT coalesce(max(version), 0) FROM " + events + " WHERE tenant = ? AND case_id = ?";

        String linkColumns = "kind, scope, value, case_id, leg, superseded";
        findNumber = "SELECT " + linkColumns + " FROM " + links + " WHERE tenant = ? AND uniqueness_key = ?";
        findValue = "SELECT " + linkColumns + " FROM " + links + " WHERE tenant = ? AND value = ? AND kind IN (?, ?)"
                + " ORDER BY uniqueness_key LIMIT ?";

        findIdempotency = d.findIdempotency();

        findDue = "SELECT tenant, case_id, due_at FROM " + due + " WHERE due_at <= ?"
                + " ORDER BY due_at, tenant, case_id LIMIT ?";
        findDueAfter = "SELECT tenant, case_id, due_at FROM " + due + " WHERE due_at <= ?"
                + " AND (due_at, tenant, case_id) > (?, ?, ?) ORDER BY due_at, tenant, case_id LIMIT ?";

        outboxOf = "SELECT " + OUTBOX_COLUMNS + " FROM " + outbox + " WHERE tenant = ? AND case_id = ?"
                + " ORDER BY version, effect, target";
        String orderedSend = "effect IN (" + ORDERED_SENDS + ")";
        pickOutbox = "SELECT " + OUTBOX_COLUMNS.replaceAll("(\\w+)", "o.$1") + " FROM " + outbox + " o"
                + " WHERE NOT o.parked AND o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until <= ?)"
                + " AND NOT (o." + orderedSend + " AND EXISTS (SELECT 1 FROM " + outbox + " e"
                + " WHERE e.tenant = o.tenant AND e.case_id = o.case_id AND e.target = o.target"
                + " AND e.version < o.version AND NOT e.parked AND e." + orderedSend + "))"
                + " ORDER BY o.next_attempt_at, " + CLAIM_TIE_BREAK + " LIMIT ? FOR UPDATE SKIP LOCKED";
        // an entry is found by its work, which its id names (rows written under ids of earlier formats included)
        String work = "tenant = ? AND case_id = ? AND version = ? AND effect = ? AND target = ?";
        leaseOutbox = "UPDATE " + outbox + " SET lease_owner = ?, lease_until = ? WHERE " + work;
        renewOutbox = "UPDATE " + outbox + " SET lease_until = ? WHERE " + work
                + " AND lease_owner = ? AND lease_until > ?";
        completeOutbox = "DELETE FROM " + outbox + " WHERE " + work + " AND lease_owner = ?";
        outboxStats = "SELECT parked, count(*) AS entries, min(next_attempt_at) AS oldest FROM " + outbox
                + " GROUP BY parked";
        failOutbox = "UPDATE " + outbox + " SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?,"
                + " parked = ?, lease_owner = NULL, lease_until = NULL WHERE " + work + " AND lease_owner = ?";
        retryParked = "UPDATE " + outbox + " SET parked = false, attempts = 0, next_attempt_at = ?,"
                + " lease_owner = NULL, lease_until = NULL WHERE tenant = ? AND case_id = ? AND parked";
        schemaVersion = "SELECT coalesce(max(version), 0) FROM " + d.table("schema_version");
    }
}
