package dev.returnsync.core.domain;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** Checks and merges the horizons that guards and policies declare. */
final class Horizons {
    private Horizons() {
    }

    /**
     * The declared horizons plus the new ones.
     *
     * @throws IllegalArgumentException if a new duration is not positive
     */
    static Set<Duration> union(Set<Duration> declared, Collection<Duration> more) {
        Set<Duration> all = new LinkedHashSet<>(declared);
        for (Duration duration : more) {
            Objects.requireNonNull(duration, "horizon");
            if (duration.isZero() || duration.isNegative()) {
                throw new IllegalArgumentException("a horizon must be a positive duration");
            }
            all.add(duration);
        }
        return Set.copyOf(all);
    }
}
