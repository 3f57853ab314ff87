package dev.returnsync.marketplace;

import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.SupplierId;

import java.util.List;
import java.util.Objects;

/**
 * A refund status change as a marketplace reports it (by message, callback or poll), with the data the steps it
 * implies may need. Made by {@link #of}; the {@code with...} methods return a copy with one more piece of data.
 * Data left out is {@code null}: the mapping then uses the defaults named on each method, or answers
 * {@link Inbound.Wait} naming what it lacks.
 *
 * @param leg the supplier whose leg the refund is about (a marketplace refund covers one supplier's goods)
 * @param refundId the marketplace's refund id: 1 to 40 characters, no white space or control characters
 * @param status the status the refund moved to
 * @param version the refund's version on the marketplace (Taobao's {@code refund_version}), zero or more; larger
 *     is newer
 * @param outcome the outcome agreed on the marketplace, or {@code null} for the one the customer wanted
 * @param supplierNumber the supplier return number, or {@code null} (1688: the refund id stands for it)
 * @param tracking the tracking number of the parcel sent back, or {@code null}
 * @param replacementTracking the tracking number of an exchange's replacement parcel, or {@code null}
 * @param received the quantities the supplier received, or {@code null} for everything authorized
 * @param accepted the quantities the supplier accepted, or {@code null} for everything received
 * @param rejected the quantities the supplier rejected, or {@code null} for none
 * @param reason why the refund was refused or closed, or {@code null} for the status's own words
 * @param note a note to pass on, or {@code null} for the status's own words
 * @param <S> the marketplace's status type
 */
public record StatusChange<S extends Enum<S> & RefundStatus>(SupplierId leg, String refundId, S status, long version,
                                                              OutcomeType outcome, String supplierNumber,
                                                              ReturnNumber tracking, ReturnNumber replacementTracking,
                                                              List<LineQuantity> received, List<LineQuantity> accepted,
                                                              List<LineQuantity> rejected, Reason reason, String note) {
    /** The longest refund id. */
    public static final int MAX_REFUND_ID = 40;

    /**
     * Validates the change and copies its lists.
     *
     * @param leg the supplier whose leg the refund is about
     * @param refundId the marketplace's refund id: 1 to 40 characters, no white space or control characters
     * @param status the status the refund moved to
     * @param version the refund's version on the marketplace, zero or more
     * @param outcome the outcome agreed on the marketplace, or {@code null}
     * @param supplierNumber the supplier return number, or {@code null}
     * @param tracking the tracking number of the parcel sent back, or {@code null}
     * @param replacementTracking the tracking number of an exchange's replacement parcel, or {@code null}
     * @param received the quantities the supplier received, or {@code null}
     * @param accepted the quantities the supplier accepted, or {@code null}
     * @param rejected the quantities the supplier rejected, or {@code null}
     * @param reason why the refund was refused or closed, or {@code null}
     * @param note a note to pass on, or {@code null}
     */
    public StatusChange {
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(refundId, "refundId");
        Objects.requireNonNull(status, "status");
        if (refundId.isEmpty() || refundId.length() > MAX_REFUND_ID
                || refundId.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || Character.isSpaceChar(c))) {
            throw new IllegalArgumentException("refundId must be 1 to " + MAX_REFUND_ID
                    + " characters without white space or control characters");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must be zero or more");
        }
        received = received == null ? null : List.copyOf(received);
        accepted = accepted == null ? null : List.copyOf(accepted);
        rejected = rejected == null ? null : List.copyOf(rejected);
    }

    /**
     * A change with no data beyond the status.
     *
     * @param leg the supplier whose leg the refund is about
     * @param refundId the marketplace's refund id
     * @param status the status the refund moved to
     * @param version the refund's version on the marketplace, zero or more
     * @param <S> the marketplace's status type
     * @return the change
     */
    public static <S extends Enum<S> & RefundStatus> StatusChange<S> of(SupplierId leg, String refundId, S status,
                                                                         long version) {
        return new StatusChange<>(leg, refundId, status, version, null, null, null, null, null, null, null, null,
                null);
    }

    /**
     * With the outcome agreed on the marketplace (Taobao: a refund with goods returned, or a refund only).
     *
     * @param outcome the outcome
     * @return a copy with it
     */
    public StatusChange<S> withOutcome(OutcomeType outcome) {
        return new StatusChange<>(leg, refundId, status, version, outcome, supplierNumber, tracking,
                replacementTracking, received, accepted, rejected, reason, note);
    }

    /**
     * With the supplier return number.
     *
     * @param number the number, as the supplier issued it
     * @return a copy with it
     */
    public StatusChange<S> withSupplierNumber(String number) {
        return new StatusChange<>(leg, refundId, status, version, outcome, number, tracking, replacementTracking,
                received, accepted, rejected, reason, note);
    }

    /**
     * With the tracking number of the parcel sent back (Taobao: {@code company_name} and {@code sid}).
     *
     * @param carrier the carrier's code
     * @param number the tracking number
     * @return a copy with it
     */
    public StatusChange<S> withTracking(String carrier, String number) {
        return new StatusChange<>(leg, refundId, status, version, outcome, supplierNumber,
                ReturnNumber.returnTracking(carrier, number), replacementTracking, received, accepted, rejected,
                reason, note);
    }

    /**
     * With the tracking number of an exchange's replacement parcel.
     *
     * @param carrier the carrier's code
     * @param number the tracking number
     * @return a copy with it
     */
    public StatusChange<S> withReplacementTracking(String carrier, String number) {
        return new StatusChange<>(leg, refundId, status, version, outcome, supplierNumber, tracking,
                ReturnNumber.replacementTracking(carrier, number), received, accepted, rejected, reason, note);
    }

    /**
     * With what the supplier received and how it judged it.
     *
     * @param received the quantities received
     * @param accepted the quantities accepted
     * @param rejected the quantities rejected
     * @return a copy with them
     */
    public StatusChange<S> withInspection(List<LineQuantity> received, List<LineQuantity> accepted,
                                          List<LineQuantity> rejected) {
        return new StatusChange<>(leg, refundId, status, version, outcome, supplierNumber, tracking,
                replacementTracking, received, accepted, rejected, reason, note);
    }

    /**
     * With why the refund was refused or closed.
     *
     * @param reason the reason
     * @return a copy with it
     */
    public StatusChange<S> withReason(Reason reason) {
        return new StatusChange<>(leg, refundId, status, version, outcome, supplierNumber, tracking,
                replacementTracking, received, accepted, rejected, reason, note);
    }

    /**
     * With a note to pass on.
     *
     * @param note the note
     * @return a copy with it
     */
    public StatusChange<S> withNote(String note) {
        return new StatusChange<>(leg, refundId, status, version, outcome, supplierNumber, tracking,
                replacementTracking, received, accepted, rejected, reason, note);
    }
}
