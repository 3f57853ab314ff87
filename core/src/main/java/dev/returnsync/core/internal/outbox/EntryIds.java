package dev.returnsync.core.internal.outbox;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.Effect;

/**
 * Reads the outbox ids {@link OutboxPlanner#entryId} makes, so that a store may keep an entry's fields and build its
 * id only when it is read: {@link #matches} tells in place (nothing built) whether an id is the one derived from
 * the fields, {@link #parse} takes one apart. Not API.
 */
public final class EntryIds {
    private EntryIds() {
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

    /** True when {@code id} is exactly {@link OutboxPlanner#entryId} of the fields; compared in place. */
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

    /** The parts of an id shaped as {@link OutboxPlanner#entryId} makes them, or null for any other id. */
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
