package dev.returnsync.testkit;

import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.SubmitReturnBuilder;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An initial return request the checker starts exploring from: the lines (which decide the legs), the reason
 * and the outcome the customer wants. The parties, ids and numbers come from {@link Parties}; the order counts
 * as delivered at the checker's start instant.
 *
 * @param name a short name, shown in traces
 * @param lines the lines asked back, at least one
 * @param reason why the customer asks
 * @param wanted the outcome the customer wants
 */
public record Submission(String name, List<ReturnLine> lines, Reason reason, OutcomeType wanted) {
    private static final Money PRICE = Money.of("CNY", "59.90");
    private static final Money OTHER_PRICE = Money.of("CNY", "12.50");

    /**
     * Validates the submission and copies the lines.
     *
     * @param name a short name, shown in traces
     * @param lines the lines asked back, at least one
     * @param reason why the customer asks
     * @param wanted the outcome the customer wants
     */
    public Submission {
        Objects.requireNonNull(name, "name");
        lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a submission needs at least one line");
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(wanted, "wanted");
    }

    /**
     * One leg (supplier {@code S1}), one line {@code SKU-1}: 2 asked back of 3 delivered, so the quantity domain
     * 0 / 1 / max has three distinct values. Reason: no-reason return.
     *
     * @param wanted the outcome the customer wants
     * @return the submission
     */
    public static Submission singleLeg(OutcomeType wanted) {
        return new Submission("single-leg " + wanted,
                List.of(new ReturnLine(Sku.of("SKU-1"), SupplierId.of("S1"), 2, 3, PRICE)),
                Reason.of(ReasonCode.NO_REASON, "changed my mind"), wanted);
    }

    /**
     * Two legs: {@code SKU-1} from {@code S1} (1 of 1) and {@code SKU-2} from {@code S2} (1 of 2). Reason: quality
     * issue with one piece of evidence.
     *
     * @param wanted the outcome the customer wants
     * @return the submission
     */
    public static Submission multiSupplier(OutcomeType wanted) {
        return new Submission("multi-supplier " + wanted,
                List.of(new ReturnLine(Sku.of("SKU-1"), SupplierId.of("S1"), 1, 1, PRICE),
                        new ReturnLine(Sku.of("SKU-2"), SupplierId.of("S2"), 1, 2, OTHER_PRICE)),
                new Reason(ReasonCode.QUALITY_ISSUE, "torn seam", List.of(Evidence.of(EvidenceKind.PHOTO, "photo-1"))), wanted);
    }

    /** {@return a single leg for each outcome type, and a two-supplier case: the checker's default starting points} */
    public static List<Submission> defaults() {
        return List.of(singleLeg(OutcomeType.RETURN_AND_REFUND), singleLeg(OutcomeType.EXCHANGE),
                singleLeg(OutcomeType.REFUND_ONLY), multiSupplier(OutcomeType.RETURN_AND_REFUND));
    }

    /**
     * This submission with another reason.
     *
     * @param other the reason to use
     * @return a new submission; this one is unchanged
     */
    public Submission withReason(Reason other) {
        return new Submission(name, lines, other, wanted);
    }

    /**
     * The builder of the command that submits this request, every field set: the case id, the customer, the order
     * and both numbers from the cast, the rest from this submission. Call {@code build()}; a checker that must
     * also see the workflow refuse a wrong actor calls {@code buildUnchecked()}.
     *
     * <pre>{@code
     * Command.SubmitReturn submit = Submission.singleLeg(OutcomeType.EXCHANGE)
     *         .command(parties, Commands.as(parties.ownCustomer()).key("submit-1"), deliveredAt).build();
     * }</pre>
     *
     * @param parties the cast (tenant, customer, case id)
     * @param header who submits (normally {@link Parties#ownCustomer()}), with the idempotency key and optionally an
     *     expected version; its case is replaced by the cast's
     * @param deliveredAt when the order was delivered
     * @return the builder
     */
    public SubmitReturnBuilder command(Parties parties, CommandHeader header, Instant deliveredAt) {
        return header.onCase(parties.caseId()).submitReturn().customer(parties.customer()).order(parties.order())
                .customerNumber(ReturnNumber.customerRequest(parties.tenant(), "AS-" + parties.caseId().value()))
                .resellerNumber(ReturnNumber.resellerReturn(parties.tenant(), "R-" + parties.caseId().value()))
                .lines(lines).reason(reason).wanted(wanted).deliveredAt(deliveredAt);
    }
}
