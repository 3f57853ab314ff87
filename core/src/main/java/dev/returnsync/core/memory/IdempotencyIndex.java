package dev.returnsync.core.memory;

import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.IdempotencyRecord;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The idempotency records, by tenant and key, kept for as long as the store lives, so kept small: a record whose
 * fingerprint is 64 lowercase hex digits (the engine's SHA-256) is held as four longs and its case and versions,
 * and made again when it is found; any other record is held as it is. Thread-safe: a key is claimed
 * atomically, and read without a lock.
 */
final class IdempotencyIndex {
    private static final String HEX = "0123456789abcdef";

    /**
     * Each tenant's records by key, each held as a {@link Kept} or an {@link IdempotencyRecord}. Keyed by the key's
     * value (keys are equal exactly when their values are), so no key object is kept per record.
     */
    private final ConcurrentHashMap<TenantId, ConcurrentHashMap<String, Object>> records =
            new ConcurrentHashMap<>();
    private final int expected;

    /**
     * An index whose first tenant's map is sized for about {@code expected} records; the maps of further tenants
     * start small and grow, so that many small tenants do not each hold a large table.
     */
    IdempotencyIndex(int expected) {
        this.expected = expected;
    }

    /** A tenant's records; null when it has none yet. */
    private ConcurrentHashMap<String, Object> of(TenantId tenant) {
        return records.get(tenant);
    }

    /** A record held by its fingerprint's bits. */
    private record Kept(long f0, long f1, long f2, long f3, CaseId caseId, long firstVersion, long lastVersion) {
        static Kept of(IdempotencyRecord r) {
            String f = r.fingerprint();
            if (f.length() != 64) {
                return null;
            }
            for (int i = 0; i < 64; i++) {
                if (digit(f.charAt(i)) < 0) {
                    return null;
                }
            }
            return new Kept(bits(f, 0), bits(f, 16), bits(f, 32), bits(f, 48), r.caseId(), r.firstVersion(),
                    r.lastVersion());
        }

        /** Sixteen lowercase hex digits, from {@code from} on, as the bits of a long. */
        private static long bits(String f, int from) {
            long bits = 0;
            for (int i = from; i < from + 16; i++) {
                bits = bits << 4 | digit(f.charAt(i));
            }
            return bits;
        }

        /** A lowercase hex digit's value, or -1. */
        private static int digit(char c) {
            if (c >= '0' && c <= '9') {
                return c - '0';
            }
            return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        }

        IdempotencyRecord restore(TenantId tenant, IdempotencyKey key) {
            char[] f = new char[64];
            long[] bits = {f0, f1, f2, f3};
            for (int i = 0; i < 64; i++) {
                f[i] = HEX.charAt((int) (bits[i / 16] >>> (60 - 4 * (i % 16))) & 0xf);
            }
            return new IdempotencyRecord(tenant, key, new String(f), caseId, firstVersion, lastVersion);
        }
    }

    /** True when the tenant has a record for the key. */
    boolean contains(TenantId tenant, IdempotencyKey key) {
        ConcurrentHashMap<String, Object> held = of(tenant);
        return held != null && held.containsKey(key.value());
    }

    /** Keeps a record, unless its tenant has one for its key already: then keeps nothing and returns false. */
    boolean claim(IdempotencyRecord record) {
        Kept kept = Kept.of(record);
        ConcurrentHashMap<String, Object> held = of(record.tenant());
        if (held == null) {
            held = records.computeIfAbsent(record.tenant(),
                    tenant -> new ConcurrentHashMap<>(records.isEmpty() ? expected : 16));
        }
        return held.putIfAbsent(record.key().value(), kept == null ? record : kept) == null;
    }

    /** The record of a tenant's key, if any. */
    Optional<IdempotencyRecord> find(TenantId tenant, IdempotencyKey key) {
        ConcurrentHashMap<String, Object> ofTenant = of(tenant);
        Object held = ofTenant == null ? null : ofTenant.get(key.value());
        if (held instanceof Kept kept) {
            return Optional.of(kept.restore(tenant, key));
        }
        return Optional.ofNullable((IdempotencyRecord) held);
    }
}
