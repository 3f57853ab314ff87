package dev.returnsync.spi.supplier;

import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.internal.Checks;

import java.time.Duration;
import java.util.List;

/**
 * What a supplier answers. Each call has its own sealed reply type, so the compiler tells an adapter author
 * which answers a call allows:
 * <ul>
 *   <li>{@link SupplierAdapter#requestReturn}: {@link ToRequest} = {@link NumberIssued}, {@link Pending},
 *       {@link Declined}, {@link RetryableFailure}, {@link PermanentFailure};</li>
 *   <li>{@link SupplierAdapter#poll}: {@link ToPoll} = {@link NothingNew}, {@link NumberIssued}, {@link Declined},
 *       {@link Received}, {@link RetryableFailure}, {@link PermanentFailure};</li>
 *   <li>{@link SupplierAdapter#shareTracking} and {@link SupplierAdapter#cancel}: {@link ToNotice} =
 *       {@link Done}, {@link RetryableFailure}, {@link PermanentFailure}.</li>
 * </ul>
 * Build replies with the factories ({@link #numberIssued}, {@link #pending()}, {@link #declined}, {@link #nothingNew()},
 * {@link #received}, {@link #done()}, {@link #retryLater}, {@link #failed}). Error texts are stored with the outbox
 * entry and shown on the case view: never put personal data in them.
 */
public sealed interface SupplierReply {
    /**
     * 供应商提供退货单号: the supplier issued its return number.
     *
     * @param number the number as the supplier wrote it
     * @return the reply
     */
    static NumberIssued numberIssued(String number) {
        return new NumberIssued(number);
    }

    /** {@return the reply that accepts the request: the number follows by a callback or by polling} */
    static Pending pending() {
        return new Pending();
    }

    /**
     * The supplier declines the return, for this reason.
     *
     * @param reason why the supplier declines
     * @return the reply
     */
    static Declined declined(Reason reason) {
        return new Declined(reason);
    }

    /** {@return the reply of a poll that found nothing new} */
    static NothingNew nothingNew() {
        return new NothingNew();
    }

    /**
     * A poll found that the supplier received the parcel, with these quantities per SKU.
     *
     * @param quantities the quantity received per SKU
     * @return the reply
     */
    static Received received(List<LineQuantity> quantities) {
        return new Received(quantities);
    }

    /** {@return the reply that the supplier took note} */
    static Done done() {
        return new Done();
    }

    /**
     * The call failed in a way that may pass; the engine retries with its own backoff.
     *
     * @param error what happened, without personal data
     * @return the reply
     */
    static RetryableFailure retryLater(String error) {
        return new RetryableFailure(error, null);
    }

    /**
     * The call failed in a way that may pass; the engine retries no earlier than the supplier asked.
     *
     * @param error what happened, without personal data
     * @param retryAfter the earliest time to retry, not negative
     * @return the reply
     */
    static RetryableFailure retryLater(String error, Duration retryAfter) {
        return new RetryableFailure(error, retryAfter);
    }

    /**
     * The call can never succeed as it is; the engine parks the work.
     *
     * @param error what happened, without personal data
     * @return the reply
     */
    static PermanentFailure failed(String error) {
        return new PermanentFailure(error);
    }

    /** A reply to {@link SupplierAdapter#requestReturn}. */
    sealed interface ToRequest extends SupplierReply {
    }

    /** A reply to {@link SupplierAdapter#poll}. */
    sealed interface ToPoll extends SupplierReply {
    }

    /** A reply to a call that only informs the supplier ({@link SupplierAdapter#shareTracking}, {@link SupplierAdapter#cancel}). */
    sealed interface ToNotice extends SupplierReply {
    }

    /**
     * 供应商提供退货单号: the supplier issued its return number. The engine records it as the supplier.
     *
     * @param number the number as the supplier wrote it; the engine normalizes it as a supplier return number
     */
    record NumberIssued(String number) implements ToRequest, ToPoll {
        /**
         * Validates the reply.
         *
         * @param number the number as the supplier wrote it; the engine normalizes it as a supplier return number
         */
        public NumberIssued {
            Checks.notNull("supplier number", number);
        }
    }

    /** The request is accepted; the number will follow, by a callback or by polling. */
    record Pending() implements ToRequest {
    }

    /**
     * The supplier declines the return. The engine records the refusal as the supplier.
     *
     * @param reason why
     */
    record Declined(Reason reason) implements ToRequest, ToPoll {
        /**
         * Validates the reply.
         *
         * @param reason why
         */
        public Declined {
            Checks.notNull("reason", reason);
        }
    }

    /** A poll found nothing new; the engine polls again later. */
    record NothingNew() implements ToPoll {
    }

    /**
     * A poll found that the supplier received the parcel, with these quantities. The engine records the receipt as
     * the supplier.
     *
     * @param quantities the received quantity per SKU
     */
    record Received(List<LineQuantity> quantities) implements ToPoll {
        /**
         * Validates the reply and copies the quantities.
         *
         * @param quantities the received quantity per SKU
         */
        public Received {
            quantities = List.copyOf(Checks.notNull("quantities", quantities));
        }
    }

    /** The supplier took note. */
    record Done() implements ToNotice {
    }

    /**
     * The call failed in a way that may pass (timeout, 5xx, rate limit): the engine retries with backoff, with the
     * same idempotency key.
     *
     * @param error what happened, in words, without personal data
     * @param retryAfter the earliest time to retry that the supplier asked for, or {@code null} for the engine's
     *     own backoff
     */
    record RetryableFailure(String error, Duration retryAfter) implements ToRequest, ToPoll, ToNotice {
        /**
         * Validates the reply.
         *
         * @param error what happened, in words, without personal data
         * @param retryAfter the earliest time to retry that the supplier asked for, or {@code null} for the engine's own backoff
         */
        public RetryableFailure {
            Checks.notNull("error", error);
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new IllegalArgumentException("retry-after must not be negative, was " + retryAfter);
            }
        }

        /**
         * A retryable failure with the engine's own backoff.
         *
         * @param error what happened, without personal data
         */
        public RetryableFailure(String error) {
            this(error, null);
        }
    }

    /**
     * The call can never succeed as it is (unknown supplier account, malformed data): the engine parks the work at
     * once and shows it on the case view.
     *
     * @param error what happened, in words, without personal data
     */
    record PermanentFailure(String error) implements ToRequest, ToPoll, ToNotice {
        /**
         * Validates the reply.
         *
         * @param error what happened, in words, without personal data
         */
        public PermanentFailure {
            Checks.notNull("error", error);
        }
    }
}
