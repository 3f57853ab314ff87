package dev.returnsync.core.engine;

import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.TenantId;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Issues reseller return numbers for submissions that come without one. Must return a valid
 * {@link NumberKind#RESELLER_RETURN} number (A-Z, 0-9, '-', at most 32 characters); should be easy to read out
 * on the phone. Must be safe for concurrent use. Uniqueness is checked by the store: on a clash the engine asks
 * for another number (a few times).
 */
@FunctionalInterface
public interface ResellerNumberGenerator {
    /**
     * The next number.
     *
     * @param tenant the tenant the number is for
     * @param now the time of the submission
     * @return the raw number
     */
    String next(TenantId tenant, Instant now);

    /**
     * {@return a generator of {@code RS-YYMMDD-XXXXX} in UTC, with five random characters, as {@link #dated} makes
     * them}
     */
    static ResellerNumberGenerator ofDefaults() {
        return dated("RS", ZoneId.of("UTC"), null);
    }

    /**
     * {@code PREFIX-YYMMDD-XXXXX}: the date of the submission in a zone, then five characters drawn from an
     * alphabet without look-alikes (no I, L, O, U, no 0 and 1): 24 million numbers per day.
     *
     * @param prefix 1 to 8 characters of A-Z
     * @param zone the zone of the date (e.g. {@code Asia/Shanghai})
     * @param random the random source, or {@code null} for {@link ThreadLocalRandom}; a given source is used under a
     *     lock, so tests can seed it
     * @return the generator
     */
    static ResellerNumberGenerator dated(String prefix, ZoneId zone, RandomGenerator random) {
        Objects.requireNonNull(prefix, "prefix must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        if (!prefix.matches("[A-Z]{1,8}")) {
            throw new IllegalArgumentException("prefix must be 1 to 8 letters A-Z, was '" + prefix + "'");
        }
        String alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
        DateTimeFormatter date = DateTimeFormatter.ofPattern("yyMMdd").withZone(zone);
        return (tenant, now) -> {
            char[] tail = new char[5];
            if (random == null) {
                RandomGenerator r = ThreadLocalRandom.current();
                for (int i = 0; i < tail.length; i++) {
                    tail[i] = alphabet.charAt(r.nextInt(alphabet.length()));
                }
            } else {
                synchronized (random) {
                    for (int i = 0; i < tail.length; i++) {
                        tail[i] = alphabet.charAt(random.nextInt(alphabet.length()));
                    }
                }
            }
            return prefix + '-' + date.format(now) + '-' + new String(tail);
        };
    }
}
