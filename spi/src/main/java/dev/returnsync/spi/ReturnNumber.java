package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A return number of one {@link NumberKind}, normalized, with the value of the scope it is unique in.
 *
 * <p>The constructor normalizes, so two numbers that a person would call the same (full-width digits,
 * spaces, letter case where the kind ignores it) are {@code equals}. Use the factory methods: they
 * take the scope as a typed id.
 *
 * @param kind the kind of number
 * @param scope the scope value: the tenant id, the supplier id or the carrier code, per {@link NumberKind#scope()}
 * @param value the number, normalized by the constructor
 */
public record ReturnNumber(NumberKind kind, String scope, String value) {
    /**
     * Normalizes and validates the number and its scope.
     *
     * @param kind the kind of number, not null
     * @param scope the tenant id, supplier id or carrier code, per {@link NumberKind#scope()}
     * @param value the number as typed; normalized per {@link NumberKind#normalize(String)}
     * @throws InvalidReturnNumberException if the number or a carrier code is malformed
     */
    public ReturnNumber {
        Checks.notNull("number kind", kind);
        scope = kind.scope() == NumberKind.Scope.CARRIER ? carrierCode(scope) : Checks.id("number scope", scope);
        value = kind.normalize(value);
    }

    /**
     * A customer-side number (marketplace after-sale id), unique in the tenant.
     *
     * @param tenant the tenant the number is unique in
     * @param number the number as typed
     * @return the normalized number
     */
    public static ReturnNumber customerRequest(TenantId tenant, String number) {
        return new ReturnNumber(NumberKind.CUSTOMER_REQUEST, tenant.value(), number);
    }

    /**
     * A reseller return number, unique in the tenant.
     *
     * @param tenant the tenant the number is unique in
     * @param number the number as typed
     * @return the normalized number
     */
    public static ReturnNumber resellerReturn(TenantId tenant, String number) {
        return new ReturnNumber(NumberKind.RESELLER_RETURN, tenant.value(), number);
    }

    /**
     * A supplier return number, unique for the supplier.
     *
     * @param supplier the supplier that issued the number
     * @param number the number as typed
     * @return the normalized number
     */
    public static ReturnNumber supplierReturn(SupplierId supplier, String number) {
        return new ReturnNumber(NumberKind.SUPPLIER_RETURN, supplier.value(), number);
    }

    /**
     * The tracking number of a parcel the customer sends back, unique for the carrier.
     *
     * @param carrier the carrier code, normalized as by {@link #carrierCode(String)}
     * @param number the tracking number as typed
     * @return the normalized number
     */
    public static ReturnNumber returnTracking(String carrier, String number) {
        return new ReturnNumber(NumberKind.RETURN_TRACKING, carrier, number);
    }

    /**
     * The tracking number of a replacement parcel, unique for the carrier.
     *
     * @param carrier the carrier code, normalized as by {@link #carrierCode(String)}
     * @param number the tracking number as typed
     * @return the normalized number
     */
    public static ReturnNumber replacementTracking(String carrier, String number) {
        return new ReturnNumber(NumberKind.REPLACEMENT_TRACKING, carrier, number);
    }

    /**
     * The key under which this number must be unique: namespace, scope and value. Two tracking
     * numbers of either kind with the same carrier and value share a key.
     *
     * @return namespace, scope and value, joined by {@code |}
     */
    public String uniquenessKey() {
        return String.join("|", kind.namespace(), scope, value);   // not +: no concatenation call site to link
    }

    /**
     * True when this number and another must be unique together: they have the same
     * {@link #uniquenessKey()}. Compares in place, without building the keys.
     *
     * @param other the number to compare with, not null
     * @return true when both numbers have the same uniqueness key
     */
    public boolean sameKey(ReturnNumber other) {
        return value.equals(other.value) && scope.equals(other.scope)
                && (kind == other.kind || kind.namespace().equals(other.kind.namespace()));
    }

    /**
     * Normalizes a carrier code: NFKC, no whitespace, upper case, 1 to 16 characters of A-Z, 0-9, '-', '_'.
     *
     * @param raw the code as typed
     * @return the normalized code

     * @throws InvalidReturnNumberException if the code is malformed
     */
    public static String carrierCode(String raw) {
        Checks.notNull("carrier code", raw);
        if (raw.length() > NumberKind.MAX_RAW_LENGTH) {
            throw new InvalidReturnNumberException(NumberKind.RETURN_TRACKING,
                    "carrier code must be at most " + NumberKind.MAX_RAW_LENGTH + " characters as typed");
        }
        String problem = Checks.textProblem(raw, false);
        if (problem != null) {
            throw new InvalidReturnNumberException(NumberKind.RETURN_TRACKING, "carrier code " + problem);
        }
        String code = NumberKind.stripWhitespace(Normalizer.normalize(raw, Normalizer.Form.NFKC))
                .toUpperCase(Locale.ROOT);
        if (code.isEmpty() || code.length() > 16) {
            throw new InvalidReturnNumberException(NumberKind.RETURN_TRACKING,
                    "carrier code must be 1 to 16 characters, was " + code.length());
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new InvalidReturnNumberException(NumberKind.RETURN_TRACKING,
                        "carrier code has a character that is not allowed at index " + i + "; allowed are A-Z, 0-9, '-', '_'");
            }
        }
        return code;
    }

    // Written out rather than generated, as for the ids: numbers are compared and hashed by the engine and the
    // stores, and the generated record methods need an invokedynamic bootstrap per class on a cold JVM.
    @Override
    public boolean equals(Object other) {
        return other instanceof ReturnNumber that && kind == that.kind && value.equals(that.value)
                && scope.equals(that.scope);
    }

    @Override
    public int hashCode() {
        return (kind.ordinal() * 31 + scope.hashCode()) * 31 + value.hashCode();
    }

    @Override
    public String toString() {
        return kind.scope() == NumberKind.Scope.CARRIER ? scope + ' ' + value : value;
    }
}
