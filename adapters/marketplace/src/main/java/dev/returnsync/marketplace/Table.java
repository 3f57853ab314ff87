package dev.returnsync.marketplace;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.spi.Role;

/**
 * One marketplace's mapping as data: the status each leg shows, what each status asks of the leg, and which party
 * a status change of the marketplace speaks for. The switches have no default on purpose: a new leg state, status
 * or command type does not compile until its row is written.
 *
 * @param <S> the marketplace's status type
 */
interface Table<S extends Enum<S> & RefundStatus> {
    /** {@return the marketplace's name, which starts the sources of its refunds' versions, e.g. {@code "taobao"}} */
    String source();

    /** {@return the marketplace's status type} */
    Class<S> statusType();

    /** {@return the status a leg shows} */
    OutboundStatus<S> outbound(LegFacts leg);

    /** {@return what a status asks of the leg it is reported for} */
    Intent intent(S status);

    /**
     * The party a status change speaks for when the mapping makes a step's command.
     *
     * @param step the command type of the step
     * @return the role, or {@code null} when the marketplace never reports that step (another party reports it)
     */
    Role role(CommandType step);

    /** {@return true when the marketplace's refund id stands for the supplier return number (1688)} */
    boolean refundIdIsTheSupplierNumber();

    /** What a reported status asks of the leg. */
    enum Intent {
        /** The refund was opened, or opened again after a refusal. */
        OPEN,
        /** The leg moves forward along the workflow until it shows the status. */
        FORWARD,
        /** The seller refused the refund: the leg's supplier declines it. */
        DECLINE,
        /** The refund was closed: the leg is cancelled if it still may be, closed otherwise. */
        CLOSE
    }
}
