package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.InvalidCommandException.Violation;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;

import java.time.Instant;
import java.util.List;

/**
 * Builds {@link Command.SubmitReturn}, 客户提交退货申请: the customer (or the reseller for them) asks to return
 * lines of a delivered order. Required: the order, the customer number, at least one line, the reason, the wanted
 * outcome and the delivery time; the customer too, unless the customer submits (then it is the actor). Optional:
 * the case id and the reseller number, which the engine generates when they are missing (a decision without the
 * engine needs both).
 */
public final class SubmitReturnBuilder extends CommandBuilder<Command.SubmitReturn> {
    private CustomerId customer;
    private OrderId order;
    private ReturnNumber customerNumber;
    private ReturnNumber resellerNumber;
    private List<ReturnLine> lines = List.of();
    private Reason reason;
    private OutcomeType wanted;
    private Instant deliveredAt;

    SubmitReturnBuilder(CommandHeader header) {
        super(header, CommandType.SUBMIT_RETURN);
    }

    /**
     * The customer whose return it is; needed when the reseller submits for them. When the customer submits, it is
     * the actor, and another customer is refused.
     *
     * @param customer the customer
     * @return this builder
     */
    public SubmitReturnBuilder customer(CustomerId customer) {
        this.customer = customer;
        return this;
    }

    /**
     * The order the lines were delivered with; required.
     *
     * @param order the order
     * @return this builder
     */
    public SubmitReturnBuilder order(OrderId order) {
        this.order = order;
        return this;
    }

    /**
     * The customer-side number (the marketplace's after-sale id); required.
     *
     * @param number a {@link ReturnNumber#customerRequest customer request number} scoped to the tenant
     * @return this builder
     */
    public SubmitReturnBuilder customerNumber(ReturnNumber number) {
        this.customerNumber = number;
        return this;
    }

    /**
     * The reseller return number of the case; when it is not set, the engine generates one with its
     * {@code ResellerNumberGenerator}.
     *
     * @param number a {@link ReturnNumber#resellerReturn reseller return number} scoped to the tenant
     * @return this builder
     */
    public SubmitReturnBuilder resellerNumber(ReturnNumber number) {
        this.resellerNumber = number;
        return this;
    }

    /**
     * Adds a line asked back; at least one, at most {@link ReturnLine#MAX_LINES}. The lines' suppliers make the
     * case's legs, one per supplier.
     *
     * @param line the line
     * @return this builder
     */
    public SubmitReturnBuilder line(ReturnLine line) {
        lines = Snapshots.plus(lines, line);
        return this;
    }

    /**
     * The lines asked back, replacing those added before.
     *
     * @param lines the lines; a null element is refused when the command is built
     * @return this builder
     */
    public SubmitReturnBuilder lines(List<ReturnLine> lines) {
        this.lines = Snapshots.of(lines);
        return this;
    }

    /**
     * Why the customer asks; required.
     *
     * @param reason the reason
     * @return this builder
     */
    public SubmitReturnBuilder reason(Reason reason) {
        this.reason = reason;
        return this;
    }

    /**
     * Why the customer asks, as a code and a text without evidence; required.
     *
     * @param code the reason code
     * @param text the free text, possibly empty
     * @return this builder
     * @throws IllegalArgumentException if the text breaks the rules of {@link Reason#text()}
     */
    public SubmitReturnBuilder reason(ReasonCode code, String text) {
        return reason(Reason.of(code, text));
    }

    /**
     * The outcome the customer wants; required.
     *
     * @param wanted return and refund, exchange, or refund only
     * @return this builder
     */
    public SubmitReturnBuilder wanted(OutcomeType wanted) {
        this.wanted = wanted;
        return this;
    }

    /**
     * When the order was delivered to the customer; required, and not after the time of the decision.
     *
     * @param deliveredAt the delivery time
     * @return this builder
     */
    public SubmitReturnBuilder deliveredAt(Instant deliveredAt) {
        this.deliveredAt = deliveredAt;
        return this;
    }

    @Override
    void addDefaults(List<FieldDefault> defaults) {
        defaults.add(new FieldDefault("caseId", "generated by the engine's CaseIdGenerator"));
        defaults.add(new FieldDefault("customer", "the acting customer, when a customer submits"));
        defaults.add(new FieldDefault("resellerNumber", "generated by the engine's ResellerNumberGenerator"));
    }

    @Override
    Command.SubmitReturn make() {
        return new Command.SubmitReturn(header.key, header.actor, header.expectedVersion, header.externalVersion, header.caseId,
                customer == null ? actingCustomer(header.actor) : customer, order, customerNumber, resellerNumber,
                lines, reason, wanted, deliveredAt);
    }

    @Override
    void checkParty(Command.SubmitReturn command, Actor actor, List<Violation> violations) {
        if (actor.role() == Role.CUSTOMER && command.customer() != null && !actor.is(command.customer())) {
            violations.add(new Violation("customer", "must be the acting customer"));
        }
    }

    private static CustomerId actingCustomer(Actor actor) {
        return actor != null && actor.role() == Role.CUSTOMER ? CustomerId.of(actor.id()) : null;
    }
}
