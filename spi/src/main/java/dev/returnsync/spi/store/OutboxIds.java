package dev.returnsync.spi.store;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.internal.Checks;

import java.util.Objects;
import java.util.Optional;

/**
 * The ids of outbox entries. An entry is identified by its work: the tenant, the case, the version of the event
 * that caused it, the effect and the target. Its id is derived from these, so the same work always has the same id,
 * every retry of it carries that id, and no two pieces of work share one; suppliers and notifiers deduplicate by it
 * (it is the {@code idempotencyKey} of supplier requests and the id of notifications).
 *
 * <p>The format is published and stable: {@code <tenant>/<case>/<version>/<effect>/<target>}, where the tenant and
 * the case id are each preceded by their length and a colon, the version is written in decimal without leading
 * zeros, and the effect by its name (e.g. {@code 6:shop-1/6:case-9/4/REQUEST_RETURN/acme}). Ids and targets may
 * contain slashes; the lengths keep two different (tenant, case) pairs from ever giving the same id. Every id has at
 * most {@link #MAX_LENGTH} characters. A store may keep an entry's fields and build its id only when it is read:
 * {@link #parse} takes an id apart again.
 */
public final class OutboxIds {
    /** The most characters an outbox id has (239 for the longest ids, targets and effect): an id column's width. */
    public static final int MAX_LENGTH = 255;

    private OutboxIds() {
    }

    /**
     * The id of a piece of work.
     *
     * @param tenant the tenant of the case
     * @param caseId the case
     * @param version the version of the event that caused the work
     * @param effect what to do
     * @param target whom to do it for
     * @return the id
     */
    public static String of(TenantId tenant, CaseId caseId, long version, Effect effect, String target) {
        String t = tenant.value();
        String c = caseId.value();
        String e = effect.name();
        return new StringBuilder(t.length() + c.length() + e.length() + target.length() + 32)
                .append(t.length()).append(':').append(t).append('/').append(c.length()).append(':').append(c)
                .append('/').append(version).append('/').append(e).append('/').append(target).toString();
    }

    /**
     * The work an id names.
     *
     * @param tenant the tenant of the case
     * @param caseId the case
     * @param version the version of the event that caused the work
     * @param effect what to do
     * @param target whom to do it for
     */
    public record Work(TenantId tenant, CaseId caseId, long version, Effect effect, String target) {
    }

    /**
     * The work an id names, when the id is exactly one that {@link #of} makes: valid tenant and case ids of the
     * length given, a version of 1 or more without leading zeros, an effect's name and a valid target. Any other
     * string names no work.
     *
     * @param id the id
     * @return its work, or empty when the id is not well formed
     */
    public static Optional<Work> parse(String id) {
        Objects.requireNonNull(id, "outbox id must not be null");
        int[] at = {0};
        String tenant = prefixed(id, at);
        String caseId = tenant == null ? null : prefixed(id, at);
        int slash = caseId == null ? -1 : id.indexOf('/', at[0]);
        long version = slash < 0 ? -1 : digits(id, at[0], slash);
        int effectEnd = version < 1 ? -1 : id.indexOf('/', slash + 1);
        Effect effect = effectEnd < 0 ? null : effect(id, slash + 1, effectEnd);
        if (effect == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Work(TenantId.of(tenant), CaseId.of(caseId), version, effect,
                    Checks.id("outbox target", id.substring(effectEnd + 1))));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** {@code <length>:<text>/} from {@code at[0]}, moving it past the slash; null when not so shaped. */
    private static String prefixed(String id, int[] at) {
        int colon = id.indexOf(':', at[0]);
        long length = colon < 0 || colon - at[0] > 2 ? -1 : digits(id, at[0], colon);
        long end = colon + 1 + length;
        if (length < 1 || end >= id.length() || id.charAt((int) end) != '/') {
            return null;
        }
        at[0] = (int) end + 1;
        return id.substring(colon + 1, (int) end);
    }

    /** The decimal number between two indexes, or -1 unless they hold the digits of a positive long, no leading zero. */
    private static long digits(String id, int from, int to) {
        if (to <= from || to - from > 19 || id.charAt(from) == '0') {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char d = id.charAt(i);
            if (d < '0' || d > '9' || n > (Long.MAX_VALUE - (d - '0')) / 10) {
                return -1;
            }
            n = n * 10 + (d - '0');
        }
        return n;
    }

    /** The effect named between two indexes, or null. */
    private static Effect effect(String id, int from, int to) {
        for (Effect effect : Effect.values()) {
            String name = effect.name();
            if (name.length() == to - from && id.startsWith(name, from)) {
                return effect;
            }
        }
        return null;
    }
}
