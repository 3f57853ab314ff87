package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;

/**
 * An amount of money in the currency's minor unit (fen for CNY, cents for USD), from 0 to {@link #MAX_MINOR}.
 *
 * <p>Only currencies that are money are accepted: ISO 4217 codes with defined minor-unit digits, other than the
 * test and no-currency codes (XTS, XXX), precious metals (XAU, XAG, XPT, XPD) and funds or units of account (XDR,
 * XBA, XBB, XBC, XBD, XSU, XUA). Arithmetic is exact: a result outside the bounds throws
 * {@link AmountOutOfRangeException}, never wraps around.
 *
 * @param currency the currency
 * @param minor the amount in minor units, 0 to {@link #MAX_MINOR}
 */
public record Money(Currency currency, long minor) {
    /** The largest amount, in minor units: 10^15 (ten trillion yuan in fen). */
    public static final long MAX_MINOR = 1_000_000_000_000_000L;

    /** The longest amount text {@link #of} reads. */
    public static final int MAX_AMOUNT_TEXT = 24;

    private static final Set<String> NOT_MONEY = Set.of("XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB",
            "XBC", "XBD", "XSU", "XUA");

    /**
     * Validates the currency and the amount.
     *
     * @param currency the currency; money, not a test or metal code
     * @param minor the amount in minor units (cents, fen), 0 to {@link #MAX_MINOR}
     * @throws InvalidAmountException if the currency is not money
     * @throws AmountOutOfRangeException if the amount lies outside [0, {@link #MAX_MINOR}]
     */
    public Money {
        Checks.notNull("currency", currency);
        checkCurrency(currency);
        if (minor < 0 || minor > MAX_MINOR) {
            throw new AmountOutOfRangeException("amount must be 0 to " + MAX_MINOR + " minor units");
        }
    }

    /**
     * An amount given in major units with a plain decimal string, e.g. {@code Money.of("CNY", "59.90")}: digits,
     * optionally a point and at most as many fraction digits as the currency has; no sign, exponent, grouping or
     * space; at most {@value #MAX_AMOUNT_TEXT} characters.
     *
     * @param currencyCode an ISO 4217 code, e.g. {@code CNY}
     * @param amount the amount in major units, e.g. {@code 59.90}
     * @return the amount
     * @throws NullPointerException if an argument is null
     * @throws InvalidAmountException if the currency code or the amount is malformed, names no currency that is
     *     money, or the amount is above {@link #MAX_MINOR} minor units; the message names the field, not the value
     */
    public static Money of(String currencyCode, String amount) {
        Currency currency = currency(currencyCode);
        Checks.notNull("amount", amount);
        int digits = currency.getDefaultFractionDigits();
        if (amount.length() > MAX_AMOUNT_TEXT) {
            throw new InvalidAmountException("amount must be at most " + MAX_AMOUNT_TEXT + " characters");
        }
        int point = amount.indexOf('.');
        int whole = point < 0 ? amount.length() : point;
        int fraction = point < 0 ? 0 : amount.length() - point - 1;
        if (whole == 0 || (point >= 0 && fraction == 0) || !asciiDigits(amount, 0, whole)
                || !asciiDigits(amount, whole + 1, amount.length())) {
            throw new InvalidAmountException("amount must be a plain decimal number such as 59.90");
        }
        if (fraction > digits) {
            throw new InvalidAmountException("amount has more fraction digits than the currency's " + digits);
        }
        BigDecimal minor = new BigDecimal(amount).movePointRight(digits);
        if (minor.compareTo(BigDecimal.valueOf(MAX_MINOR)) > 0) {
            throw new AmountOutOfRangeException("amount must be at most " + MAX_MINOR + " minor units");
        }
        return new Money(currency, minor.longValueExact());
    }

    /**
     * The currency of an ISO 4217 code, if it is money.
     *
     * @param code an ISO 4217 code of three letters A-Z
     * @return the currency
     * @throws InvalidAmountException if the code is not three letters A-Z, is unknown, or is not money
     */
    public static Currency currency(String code) {
        Checks.notNull("currency", code);
        if (code.length() != 3 || !upperLetters(code)) {
            throw new InvalidAmountException("currency must be an ISO 4217 code of three letters A-Z");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidAmountException("currency must be a known ISO 4217 code");
        }
        checkCurrency(currency);
        return currency;
    }

    private static void checkCurrency(Currency currency) {
        // every code of NOT_MONEY starts with X (ISO 4217's codes of no country): any other code skips the set, a
        // look-up that every amount made by arithmetic would otherwise pay for
        String code = currency.getCurrencyCode();
        if (currency.getDefaultFractionDigits() < 0 || code.charAt(0) == 'X' && NOT_MONEY.contains(code)) {
            throw new InvalidAmountException(
                    "currency must be money: test codes, precious metals and funds are not accepted");
        }
    }

    private static boolean asciiDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean upperLetters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /**
     * This amount times a quantity.
     *
     * @param quantity how many, 0 or more
     * @return the product, in this currency
     * @throws IllegalArgumentException if the quantity is negative
     * @throws AmountOutOfRangeException if the product is above {@link #MAX_MINOR}
     */
    public Money times(int quantity) {
        Checks.nonNegative("quantity", quantity);
        if (quantity != 0 && minor > MAX_MINOR / quantity) {
            throw new AmountOutOfRangeException("amount times quantity must be at most " + MAX_MINOR + " minor units");
        }
        return new Money(currency, minor * quantity);
    }

    /**
     * The sum of two amounts in the same currency.
     *
     * @param other the amount to add, in this currency
     * @return the sum
     * @throws CurrencyMismatchException if the currencies differ
     * @throws AmountOutOfRangeException if the sum is above {@link #MAX_MINOR}
     */
    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException("cannot add amounts in two currencies");
        }
        if (other.minor > MAX_MINOR - minor) {
            throw new AmountOutOfRangeException("sum of amounts must be at most " + MAX_MINOR + " minor units");
        }
        return new Money(currency, minor + other.minor);
    }

    /**
     * This amount less another in the same currency.
     *
     * @param other the amount to take away, in this currency, at most this amount
     * @return the difference
     * @throws CurrencyMismatchException if the currencies differ
     * @throws AmountOutOfRangeException if {@code other} is larger than this amount (money is never negative)
     */
    public Money minus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException("cannot subtract amounts in two currencies");
        }
        if (other.minor > minor) {
            throw new AmountOutOfRangeException("difference of amounts must not be negative");
        }
        return new Money(currency, minor - other.minor);
    }

    /**
     * Whether this amount is larger than another in the same currency.
     *
     * @param other the amount to compare with, in this currency
     * @return true when this amount is larger
     * @throws CurrencyMismatchException if the currencies differ
     */
    public boolean isAbove(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException("cannot compare amounts in two currencies");
        }
        return minor > other.minor;
    }

    /** {@return true when the amount is zero} */
    public boolean isZero() {
        return minor == 0;
    }

    /** {@return the amount in major units, e.g. 59.90} */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits());
    }

    // Written out rather than generated, as for the ids: amounts are compared when events are folded, and the
    // generated record methods need an invokedynamic bootstrap per class on a cold JVM.
    @Override
    public boolean equals(Object other) {
        return other instanceof Money that && minor == that.minor && currency.equals(that.currency);
    }

    @Override
    public int hashCode() {
        return currency.hashCode() * 31 + Long.hashCode(minor);
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + ' ' + amount().toPlainString();
    }
}
