package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

/**
 * A supplier (供应商); each supplier owns one leg of a case.
 *
 * @param value the identifier: not blank, at most 64 characters, no surrounding space of any
 *     kind, no leading combining mark, no control, format, separator or non-characters, no unpaired surrogates
 */
public record SupplierId(String value) implements Comparable<SupplierId> {
    /**
     * Validates the identifier.
     *
     * @param value the identifier: not blank, at most 64 characters, no surrounding space of any kind, no leading combining
     *     mark, no control, format, separator or non-characters, no unpaired surrogates
     */
    public SupplierId {
        Checks.id("supplier id", value);
    }

    /**
     * Returns the identifier with this value.
     *
     * @param value the identifier, checked as by the constructor
     * @return the identifier
     * @throws IllegalArgumentException if the value breaks a rule of the identifier
     */
    public static SupplierId of(String value) {
        return new SupplierId(value);
    }

    @Override
    public int compareTo(SupplierId other) {
        return value.compareTo(other.value);
    }

    // Written out rather than generated: ids are compared and hashed everywhere, and the generated record
    // methods need an invokedynamic bootstrap per class on a cold JVM.
    @Override
    public boolean equals(Object other) {
        return other instanceof SupplierId that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
