package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money in the currency's minor unit (fen for CNY, cents for USD), never negative.
 *
 * @param currency the currency
 * @param minor the amount in minor units
 */
public record Money(Currency currency, long minor) {
    /** Validates the amount. */
    public Money {
        Checks.notNull("currency", currency);
        if (minor < 0) {
            throw new IllegalArgumentException("amount must be zero or more, was " + minor + " minor units");
        }
    }

    /** An amount given in major units with a decimal string, e.g. {@code Money.of("CNY", "59.90")}. */
    public static Money of(String currencyCode, String amount) {
        Currency currency = Currency.getInstance(currencyCode);
        BigDecimal value = new BigDecimal(amount).setScale(Math.max(0, currency.getDefaultFractionDigits()));
        return new Money(currency, value.unscaledValue().longValueExact());
    }

    /** This amount times a quantity. */
    public Money times(int quantity) {
        return new Money(currency, Math.multiplyExact(minor, (long) Checks.nonNegative("quantity", quantity)));
    }

    /** The sum of two amounts in the same currency. */
    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
        }
        return new Money(currency, Math.addExact(minor, other.minor));
    }

    /** The amount in major units, e.g. 59.90. */
    public BigDecimal amount() {
        return BigDecimal.valueOf(minor, Math.max(0, currency.getDefaultFractionDigits()));
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + ' ' + amount().toPlainString();
    }
}
