package dev.returnsync.spi.supplier;

import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.internal.Checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a supplier answers. Each call has its own sealed reply type, so the compiler tells an adapter author
 * which answers a call allows:
 * <ul>
 *   <li>{@link SupplierAdapter#requestReturn}: {@link ToRequest} = {@link NumberIssued}, {@link Pending},
 *       {@link Declined}, {@link RetryableFailure}, {@link PermanentFailure};</li>
 *   <li>{@link SupplierAdapter#poll}: {@link ToPoll} = {@link NothingNew}, {@link NumberIssued}, {@link Declined},
 *       {@link Received}, {@link ResultReported}, {@link RetryableFailure}, {@link PermanentFailure};</li>
 *   <li>{@link SupplierAdapter#shareTracking} and {@link SupplierAdapter#cancel}: {@link ToNotice} =
 *       {@link Done}, {@link RetryableFailure}, {@link PermanentFailure}.</li>
 * </ul>
 * Build replies with the factories ({@link #numberIssued}, {@link #pending()}, {@link #declined}, {@link #nothingNew()},
 * {@link #received}, {@link #resultReported}, {@link #done()}, {@link #retryLater}, {@link #failed}). Error texts are stored with the outbox
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

    /**
     * 供应商向代发商确认退货处理结果: a poll found that the supplier inspected the returned goods, accepting and
     * rejecting these quantities, with an empty note, no restocking fee and no evidence; add them with
     * {@link ResultReported#withNote}, {@link ResultReported#withRestockingFee} and {@link ResultReported#withEvidence}.
     * A refund-only leg, which ships nothing back, is reported with both lists empty.
     *
     * @param accepted the accepted quantity per SKU; SKUs not listed count as zero
     * @param rejected the rejected quantity per SKU; SKUs not listed count as zero
     * @return the reply
     */
    static ResultReported resultReported(List<LineQuantity> accepted, List<LineQuantity> rejected) {
        return new ResultReported(accepted, rejected, "", null, List.of());
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

    /**
     * A poll found the result of the supplier's inspection (供应商向代发商确认退货处理结果), the same data the result
     * callback carries. The engine records it as the supplier with {@code ReportResult}; when the leg still waits
     * for the parcel, it first records the receipt of what the inspection accounts for ({@link #received()}).
     *
     * <p>Checked here: no null list, element or note, at most {@value ReturnLine#MAX_LINES} lines per list, no SKU
     * twice in a list, accepted plus rejected of a SKU at most {@value ReturnLine#MAX_QUANTITY}, a note of at most
     * {@value Reason#MAX_TEXT} characters without control or invisible characters, at most
     * {@value Evidence#MAX_COUNT} evidence references. Checked by the workflow when the engine records it: the SKUs
     * are lines of the leg, accepted plus rejected equal the received quantity of every line, the fee is in the
     * case's currency and at most the refund for the goods accepted.
     *
     * @param accepted the accepted quantity per SKU; SKUs not listed count as zero
     * @param rejected the rejected quantity per SKU; SKUs not listed count as zero
     * @param note the supplier's remark on the inspection, empty for none
     * @param restockingFee what the supplier keeps of the refund for restocking, or {@code null} for none
     * @param evidence the inspection's evidence (photos, the inspection report)
     */
    record ResultReported(List<LineQuantity> accepted, List<LineQuantity> rejected, String note,
                          Money restockingFee, List<Evidence> evidence) implements ToPoll {
        /**
         * Validates the reply and copies the lists.
         *
         * @param accepted the accepted quantity per SKU; SKUs not listed count as zero
         * @param rejected the rejected quantity per SKU; SKUs not listed count as zero
         * @param note the supplier's remark on the inspection, empty for none
         * @param restockingFee what the supplier keeps of the refund for restocking, or {@code null} for none
         * @param evidence the inspection's evidence (photos, the inspection report)
         * @throws NullPointerException if a list, an element or the note is null
         * @throws IllegalArgumentException if a rule above is broken; the message names the field and the rule
         */
        public ResultReported {
            accepted = lines("accepted", accepted);
            rejected = lines("rejected", rejected);
            Checks.text("note", note, Reason.MAX_TEXT);
            evidence = Evidence.list("evidence", evidence);
            for (Map.Entry<Sku, Integer> line : sum(accepted, rejected).entrySet()) {
                Checks.atMost("accepted + rejected", line.getKey(), line.getValue(), ReturnLine.MAX_QUANTITY);
            }
        }

        /**
         * The same result with this note.
         *
         * @param value the supplier's remark, at most {@value Reason#MAX_TEXT} characters
         * @return a new reply; this one is unchanged
         */
        public ResultReported withNote(String value) {
            return new ResultReported(accepted, rejected, value, restockingFee, evidence);
        }

        /**
         * The same result with this restocking fee.
         *
         * @param value what the supplier keeps of the refund for restocking, or {@code null} for none
         * @return a new reply; this one is unchanged
         */
        public ResultReported withRestockingFee(Money value) {
            return new ResultReported(accepted, rejected, note, value, evidence);
        }

        /**
         * The same result with this evidence.
         *
         * @param value the inspection's evidence, at most {@value Evidence#MAX_COUNT} references
         * @return a new reply; this one is unchanged
         */
        public ResultReported withEvidence(List<Evidence> value) {
            return new ResultReported(accepted, rejected, note, restockingFee, value);
        }

        /**
         * {@return what the inspection accounts for: accepted plus rejected per SKU, in the order the SKUs first
         * appear, SKUs with none left out}
         */
        public List<LineQuantity> received() {
            List<LineQuantity> out = new ArrayList<>();
            for (Map.Entry<Sku, Integer> line : sum(accepted, rejected).entrySet()) {
                if (line.getValue() > 0) {
                    out.add(new LineQuantity(line.getKey(), line.getValue()));
                }
            }
            return List.copyOf(out);
        }

        private static List<LineQuantity> lines(String field, List<LineQuantity> lines) {
            List<LineQuantity> copy = Checks.list(field, lines, ReturnLine.MAX_LINES);
            for (int i = 1; i < copy.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (copy.get(j).sku().equals(copy.get(i).sku())) {
                        throw new IllegalArgumentException(field + " must list each SKU once, found one again at index "
                                + i);
                    }
                }
            }
            return copy;
        }

        private static Map<Sku, Integer> sum(List<LineQuantity> accepted, List<LineQuantity> rejected) {
            Map<Sku, Integer> out = new LinkedHashMap<>();
            for (LineQuantity q : accepted) {
                out.merge(q.sku(), q.quantity(), Integer::sum);
            }
            for (LineQuantity q : rejected) {
                out.merge(q.sku(), q.quantity(), Integer::sum);
            }
            return out;
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
