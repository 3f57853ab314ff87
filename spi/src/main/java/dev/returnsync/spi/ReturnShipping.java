package dev.returnsync.spi;

import dev.returnsync.spi.internal.Checks;

/**
 * The return shipping fee (运费) of a leg as agreed in the negotiation, and who bears it.
 *
 * @param fee the fee for sending the parcel back; zero when nothing ships back or nothing was agreed
 * @param bearer who pays it
 * @param insuranceClaim the freight insurance (运费险) claim reference when {@code bearer} is
 *     {@link FeeBearer#FREIGHT_INSURANCE}, an identifier of at most 64 characters; {@code null} otherwise
 */
public record ReturnShipping(Money fee, FeeBearer bearer, String insuranceClaim) {
    /**
     * Validates the terms.
     *
     * @param fee the fee for sending the parcel back
     * @param bearer who pays it
     * @param insuranceClaim the freight insurance claim reference, required exactly when the insurance pays
     * @throws NullPointerException if the fee or the bearer is null, or the claim is missing for the insurance
     * @throws IllegalArgumentException if a claim is given for another bearer, or the claim is not an identifier
     */
    public ReturnShipping {
        Checks.notNull("shipping fee", fee);
        Checks.notNull("fee bearer", bearer);
        if (bearer == FeeBearer.FREIGHT_INSURANCE) {
            Checks.id("insurance claim", insuranceClaim);
        } else if (insuranceClaim != null) {
            throw new IllegalArgumentException("insurance claim is only for a fee borne by freight insurance");
        }
    }

    /**
     * No fee, borne as the reason calls for.
     *
     * @param currency the case's currency
     * @param reason the case's reason code
     * @return zero, borne by {@link FeeBearer#forReason}
     */
    public static ReturnShipping none(java.util.Currency currency, ReasonCode reason) {
        return new ReturnShipping(new Money(currency, 0), FeeBearer.forReason(reason), null);
    }

    /** {@return the part of the fee the customer's refund includes: the fee when the reseller or supplier pays} */
    public Money refundedToCustomer() {
        return bearer.refundedToCustomer() ? fee : new Money(fee.currency(), 0);
    }

    /** {@return the part of the fee the supplier owes the reseller: the fee when the supplier pays} */
    public Money owedBySupplier() {
        return bearer == FeeBearer.SUPPLIER ? fee : new Money(fee.currency(), 0);
    }

    // Written out like the ids' (not generated): the domain compares agreed terms with the leg's when it folds an
    // agreement, and a generated equals would link its own call site on a cold JVM.

    @Override
    public boolean equals(Object other) {
        return other instanceof ReturnShipping that && fee.equals(that.fee) && bearer == that.bearer
                && java.util.Objects.equals(insuranceClaim, that.insuranceClaim);
    }

    @Override
    public int hashCode() {
        return (fee.hashCode() * 31 + bearer.hashCode()) * 31 + java.util.Objects.hashCode(insuranceClaim);
    }
}
