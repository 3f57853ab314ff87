package dev.returnsync.core.domain.command;

import java.util.ArrayList;
import java.util.List;

/**
 * The lists a builder holds: a snapshot of what the caller set, taken when it is set, and copied only when it must
 * be. An immutable list without a null element is kept as it is, so that the record, which keeps an immutable copy,
 * copies nothing either; a list with a null element is kept as a copy, for the record to refuse naming the index.
 */
final class Snapshots {
    private Snapshots() {
    }

    /**
     * The snapshot of a list a caller sets.
     *
     * @param values the list, possibly null or holding null
     * @return null, an immutable list, or a copy holding the null elements
     */
    static <T> List<T> of(List<T> values) {
        if (values == null) {
            return null;
        }
        try {
            // an immutable list (which never holds null) is kept as it is, without a scan or an iterator
            return List.copyOf(values);
        } catch (NullPointerException holdsNull) {
            return new ArrayList<>(values);
        }
    }

    /**
     * A snapshot with one more element.
     *
     * @param values a snapshot, not null
     * @param value the element, possibly null
     * @return a list the builder owns, with the element added
     */
    static <T> List<T> plus(List<T> values, T value) {
        List<T> owned = values instanceof ArrayList<T> list ? list : new ArrayList<>(values);
        owned.add(value);
        return owned;
    }
}
