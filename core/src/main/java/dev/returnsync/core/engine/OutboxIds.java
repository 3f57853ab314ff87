package dev.returnsync.core.engine;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.Effect;
import dev.returnsync.spi.store.OutboxEntry;

/**
 * The ids the engine gives its outbox entries, derived from the work itself, so that the same work always has the
 * same id and no two pieces of work share one: {@code <tenant>/<case>/<version>/<effect>/<target>}, where the tenant
 * and the case id are each preceded by their length and a colon (e.g. {@code 6:shop-1/6:case-9/4/REQUEST_RETURN/acme}).
 * Ids may contain slashes; the lengths keep two different (tenant, case) pairs from ever giving the same id. At most
 * 239 characters for ids of at most 64, within {@link OutboxEntry#MAX_ID_LENGTH}. A store may keep an entry's fields
 * and build its id only when it is read: {@link #matches} tells in place (nothing built) whether an id is the one
 * derived from the fields, {@link #parse} takes one apart.
 */
public final class OutboxIds {
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
     * The parts of a derived id.
     *
     * @param tenant the tenant id's value
     * @param caseId the case id's value
     * @param version the event's version
     * @param effect the effect's name
     * @param target the target
     */
    public record Parts(String tenant, String caseId, long version, String effect, String target) {
    }

    /**
     * True when {@code id} is exactly {@link #of} of the fields; compared in place.
     *
     * @param id the id
     * @param tenant the tenant of the case
     * @param caseId the case
     * @param version the version of the event that caused the work
     * @param effect what to do
     * @param target whom to do it for
     * @return whether the id is the one derived from the fields
     */
    public static boolean matches(String id, TenantId tenant, CaseId caseId, long version, Effect effect,
                                  String target) {
        String t = tenant.value();
        String c = caseId.value();
        int at = decimal(id, 0, t.length());
        at = text(id, chr(id, at, ':'), t);
        at = decimal(id, chr(id, at, '/'), c.length());
        at = text(id, chr(id, at, ':'), c);
        at = decimal(id, chr(id, at, '/'), version);
        at = text(id, chr(id, at, '/'), effect.name());
        at = text(id, chr(id, at, '/'), target);
        return at == id.length();
    }

    /**
     * The parts of an id shaped as {@link #of} makes them.
     *
     * @param id the id
     * @return its parts, or null for any other id
     */
    public static Parts parse(String id) {
        int[] at = {0};
        String tenant = prefixed(id, at);
        String caseId = tenant == null ? null : prefixed(id, at);
        if (caseId == null) {
            return null;
        }
        int slash = id.indexOf('/', at[0]);
        long version = slash < 0 ? -1 : digits(id, at[0], slash);
        if (version < 1) {
            return null;
        }
        int effectEnd = id.indexOf('/', slash + 1);
        if (effectEnd < 0) {
            return null;
        }
        return new Parts(tenant, caseId, version, id.substring(slash + 1, effectEnd), id.substring(effectEnd + 1));
    }

    /** {@code <length>:<text>/} from {@code at[0]}, moving it past the slash; null when not so shaped. */
    private static String prefixed(String id, int[] at) {
        int colon = id.indexOf(':', at[0]);
        long length = colon < 0 || colon - at[0] > 4 ? -1 : digits(id, at[0], colon);
        long end = colon + 1 + length;
        if (length < 1 || end >= id.length() || id.charAt((int) end) != '/') {
            return null;
        }
        at[0] = (int) end + 1;
        return id.substring(colon + 1, (int) end);
    }

    /** The decimal number between two indexes, or -1 when they hold anything but digits of a long. */
    private static long digits(String id, int from, int to) {
        if (to <= from || to - from > 19) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char d = id.charAt(i);
            if (d < '0' || d > '9') {
                return -1;
            }
            if (n > (Long.MAX_VALUE - (d - '0')) / 10) {
                return -1;
            }
            n = n * 10 + (d - '0');
        }
        return n;
    }

    /** The index after {@code n} written in decimal at {@code at}, or -1. */
    private static int decimal(String id, int at, long n) {
        int digits = 1;
        for (long m = n / 10; m > 0; m /= 10) {
            digits++;
        }
        int end = at + digits;
        if (at < 0 || end > id.length()) {
            return -1;
        }
        long rest = n;
        for (int i = end - 1; i >= at; i--, rest /= 10) {
            if (id.charAt(i) != (char) ('0' + rest % 10)) {
                return -1;
            }
        }
        return end;
    }

    /** The index after {@code text} at {@code at}, or -1. */
    private static int text(String id, int at, String text) {
        return at >= 0 && id.startsWith(text, at) ? at + text.length() : -1;
    }

    /** The index after {@code c} at {@code at}, or -1. */
    private static int chr(String id, int at, char c) {
        return at >= 0 && at < id.length() && id.charAt(at) == c ? at + 1 : -1;
    }
}
