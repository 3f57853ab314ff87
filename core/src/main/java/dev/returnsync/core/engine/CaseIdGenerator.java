package dev.returnsync.core.engine;

import dev.returnsync.spi.TenantId;

import java.time.Instant;
import java.util.UUID;

/**
 * Issues case ids for submissions that come without one. Must return a valid {@link dev.returnsync.spi.CaseId}
 * value (not blank, no whitespace at either end, at most 64 characters); must be safe for concurrent use. An id
 * that is taken in the tenant already makes the engine ask for another one (a few times).
 */
@FunctionalInterface
public interface CaseIdGenerator {
    /**
     * The next case id.
     *
     * @param tenant the tenant the case is for
     * @param now the time of the submission
     * @return the raw case id
     */
    String next(TenantId tenant, Instant now);

    /** {@return a generator of random UUIDs ({@code 3f2c...-...}): unique without coordination between engines} */
    static CaseIdGenerator ofDefaults() {
        return (tenant, now) -> UUID.randomUUID().toString();
    }
}
