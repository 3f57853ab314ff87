package dev.returnsync.core.domain;

import dev.returnsync.spi.AmountOutOfRangeException;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TimeWindow;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Ready-made guards for rules that many shops have. Each is named; compose them with {@link Guard#and}. */
public final class Guards {
    private Guards() {
    }

    /**
     * 七天无理由退货: a return without a reason must be asked within {@code window} of delivery. The window
     * is inclusive: a request at exactly {@code deliveredAt + window} is still allowed. Its horizon is the window.
     *
     * @param window how long after delivery a return without a reason may be asked
     * @return the guard, named {@code no-reason-window}
     * @throws IllegalArgumentException if the window is not positive or longer than
     *     {@link TimeWindow#MAX_DEADLINE_DAYS} days
     */
    public static Guard noReasonWindow(Duration window) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()
                || window.compareTo(Duration.ofDays(TimeWindow.MAX_DEADLINE_DAYS)) > 0) {
            throw new IllegalArgumentException("window must be positive and at most " + TimeWindow.MAX_DEADLINE_DAYS
                    + " days, was " + window);
        }
        return Guard.named("no-reason-window").on(Command.SubmitReturn.class)
                .refuseWhen((submit, current, context) -> submit.reason().code() == ReasonCode.NO_REASON
                                && context.now().isAfter(submit.deliveredAt().plus(window)),
                        (submit, current, context) -> "returns without a reason close " + window.toDays()
                                + " days after delivery (" + submit.deliveredAt().plus(window) + ")")
                .withHorizons(window);
    }

    /**
     * {@return a guard: quality complaints (faulty, damaged, wrong or not as described) need at least one evidence
     * reference}
     */
    public static Guard evidenceForQualityComplaints() {
        return Guard.named("evidence-for-quality-complaints").on(Command.SubmitReturn.class)
                .refuseWhen((submit, current, context) -> submit.reason().code().isQualityComplaint()
                                && submit.reason().evidence().isEmpty(),
                        (submit, current, context) -> "a " + submit.reason().code()
                                + " complaint needs at least one evidence reference");
    }

    /**
     * These suppliers accept no exchanges: agreeing to an exchange on their legs is refused.
     *
     * @param suppliers the suppliers; not null
     * @return the guard
     */
    public static Guard noExchangesFrom(Set<SupplierId> suppliers) {
        Set<SupplierId> refusing = Set.copyOf(suppliers);
        return Guard.named("no-exchanges").on(Command.AgreeReturn.class)
                .refuseWhen((agree, current, context) -> agree.outcome() == OutcomeType.EXCHANGE
                                && refusing.contains(agree.leg()),
                        (agree, current, context) -> "supplier " + agree.leg() + " accepts no exchanges");
    }

    /**
     * A return may ask back at most {@code limit} in value (sum of requested quantity times unit price).
     *
     * @param limit the highest value; not null
     * @return the guard
     */
    public static Guard maximumValue(Money limit) {
        Objects.requireNonNull(limit, "limit");
        return Guard.named("maximum-value").on(Command.SubmitReturn.class)
                .refuseWhen((submit, current, context) -> aboveLimit(submit, limit).isPresent(),
                        (submit, current, context) -> aboveLimit(submit, limit).orElseThrow());
    }

    /** Why a submission is worth more than the limit, or empty when it is not. */
    private static Optional<String> aboveLimit(Command.SubmitReturn submit, Money limit) {
        Money total = new Money(limit.currency(), 0);
        for (ReturnLine line : submit.lines()) {
            if (!line.unitPrice().currency().equals(limit.currency())) {
                return Optional.of("line " + line.sku() + " is priced in " + line.unitPrice().currency()
                        + ", the limit in " + limit.currency());
            }
            try {
                total = total.plus(line.unitPrice().times(line.requested()));
            } catch (AmountOutOfRangeException e) {
                return Optional.of("the return is worth more than the largest amount, above the limit of " + limit);
            }
        }
        return total.minor() > limit.minor()
                ? Optional.of("the return is worth " + total + ", above the limit of " + limit)
                : Optional.empty();
    }
}
