package dev.returnsync.marketplace;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.LineState;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.ExternalVersion;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.SupplierId;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Makes the commands of one status change, with the command builders: who fires each (by the table's role), its
 * idempotency key (from the refund id, the version and the position), the external version on the first, and the
 * step's payload from the change's data or its defaults. Not thread-safe: one per status change.
 */
final class StepCommands<S extends Enum<S> & RefundStatus> {
    private final Table<S> table;
    private final ReturnCase current;
    private final StatusChange<S> change;
    private final String resellerUser;
    private final List<Command> made = new ArrayList<>();
    /** The quantities received so far, as the walk knows them: the leg's, or what a receipt of the walk confirmed. */
    private List<LineQuantity> received;

    StepCommands(Table<S> table, ReturnCase current, StatusChange<S> change, String resellerUser) {
        this.table = table;
        this.current = current;
        this.change = change;
        this.resellerUser = resellerUser;
        this.received = quantities(LineState::received);
    }

    /** {@return the commands made so far, in order} */
    List<Command> made() {
        return List.copyOf(made);
    }

    /**
     * Makes the command of a step and keeps it.
     *
     * @return {@code null} when made, or why the change cannot make the step
     */
    String add(CommandType step) {
        Role role = table.role(step);
        if (role == null) {
            return "the " + step + " step is not a " + table.source() + " status change: another party reports it"
                    + " (a supplier through its adapter or callbacks, or a timer)";
        }
        CommandHeader header = Commands.as(actor(role)).key(key(made.size())).onCase(current.id());
        if (made.isEmpty()) {
            header = header.externalVersion(
                    new ExternalVersion(RefundSources.of(table.source(), change.refundId()), change.version()));
        }
        Object command = command(step, header);
        if (command instanceof String missing) {
            return missing;
        }
        made.add((Command) command);
        return null;
    }

    /** The command of a step, or the name of the data it lacks. */
    private Object command(CommandType step, CommandHeader header) {
        SupplierId leg = change.leg();
        return switch (step) {
            case OPEN_NEGOTIATION -> header.openNegotiation().leg(leg).build();
            case AGREE_RETURN -> header.agreeReturn().leg(leg).outcome(outcome()).build();
            case DECLINE_RETURN -> header.declineReturn().leg(leg).reason(reason()).build();
            case APPLY_FOR_RETURN -> header.applyForReturn().leg(leg).build();
            case ISSUE_SUPPLIER_NUMBER -> {
                String number = change.supplierNumber() != null ? change.supplierNumber()
                        : table.refundIdIsTheSupplierNumber() ? change.refundId() : null;
                yield number == null ? "the supplier return number (withSupplierNumber)"
                        : header.issueSupplierNumber().leg(leg).number(ReturnNumber.supplierReturn(leg, number)).build();
            }
            case SHARE_NUMBER_WITH_CUSTOMER -> header.shareNumberWithCustomer().leg(leg).build();
            case REPORT_SHIPMENT -> change.tracking() == null ? "the return tracking number (withTracking)"
                    : header.reportShipment().leg(leg).tracking(change.tracking()).build();
            case CONFIRM_RECEIPT -> {
                received = change.received() != null ? change.received() : authorized();
                yield header.confirmReceipt().leg(leg).received(received).build();
            }
            case REPORT_RESULT -> refundOnly() ? header.reportResult().leg(leg).note(note()).build()
                    : header.reportResult().leg(leg).accepted(change.accepted() != null ? change.accepted() : received)
                            .rejected(change.rejected() != null ? change.rejected() : List.of()).note(note()).build();
            case SHIP_REPLACEMENT -> change.replacementTracking() == null
                    ? "the replacement tracking number (withReplacementTracking)"
                    : header.shipReplacement().leg(leg).tracking(change.replacementTracking()).build();
            case REPORT_RESULT_TO_CUSTOMER -> header.reportResultToCustomer().leg(leg).note(note()).build();
            case CONFIRM_RESULT -> header.confirmResult().leg(leg).build();
            case CANCEL_RETURN -> header.cancelReturn().leg(leg).build();
            case CLOSE_LEG -> header.closeLeg().leg(leg).reason(reason()).build();
            case ACCEPT_PARTIAL_REFUND -> header.acceptPartialRefund().leg(leg).build();
            case REJECT_PARTIAL_REFUND -> header.rejectPartialRefund().leg(leg).reason(reason()).build();
            case REAPPLY -> header.reapply().leg(leg).reason(reason()).build();
            case SUBMIT_RETURN, REPLACE_SUPPLIER_NUMBER, DISPUTE_RESULT, FIRE_DEADLINE, OFFER_PARTIAL_REFUND,
                 SEND_MESSAGE ->
                    throw new IllegalStateException(step + " is no step a status change makes");
        };
    }

    /** True when the walk's agreement (or the leg's) ships nothing back. */
    boolean refundOnly() {
        return !outcome().shipsGoodsBack();
    }

    /** True when the walk's inspection (from the change's data) accepts nothing of what came back. */
    boolean acceptsNothing() {
        return change.accepted() != null && change.accepted().stream().allMatch(q -> q.quantity() == 0)
                && !refundOnly();
    }

    /** The outcome the walk agrees on: the change's, else the leg's, else the one the customer wanted. */
    OutcomeType outcome() {
        if (change.outcome() != null) {
            return change.outcome();
        }
        var leg = current.leg(change.leg()).orElseThrow();
        return leg.outcome() != null ? leg.outcome() : current.wanted();
    }

    private Actor actor(Role role) {
        return switch (role) {
            case CUSTOMER -> Actor.customer(current.tenant(), current.customer());
            case RESELLER -> Actor.reseller(current.tenant(), resellerUser);
            case SUPPLIER -> Actor.supplier(current.tenant(), change.leg());
            case SYSTEM -> throw new IllegalStateException("no status change speaks for the system");
        };
    }

    private Reason reason() {
        return change.reason() != null ? change.reason()
                : Reason.of(ReasonCode.OTHER, change.status().label() + " (" + table.source() + ")");
    }

    private String note() {
        return change.note() != null ? change.note() : change.status().label() + " (" + table.source() + ")";
    }

    /**
     * What the leg authorized; everything requested when the walk itself agreed, since its agreement authorizes
     * every requested unit.
     */
    private List<LineQuantity> authorized() {
        boolean agreedBefore = current.leg(change.leg()).orElseThrow().outcome() != null;
        return quantities(agreedBefore ? LineState::authorized : LineState::requested);
    }

    /** The leg's quantities on one axis, left out where zero. */
    private List<LineQuantity> quantities(ToIntFunction<LineState> axis) {
        List<LineQuantity> quantities = new ArrayList<>();
        for (LineState line : current.leg(change.leg()).orElseThrow().lines()) {
            int quantity = axis.applyAsInt(line);
            if (quantity > 0) {
                quantities.add(new LineQuantity(line.sku(), quantity));
            }
        }
        return quantities;
    }

    /**
     * The key of the command at a position: readable when it fits an idempotency key, else a digest of the same
     * text, so that the same change always gives the same keys.
     */
    private IdempotencyKey key(int position) {
        String text = table.source() + ":" + change.refundId() + ":" + change.version() + ":" + position;
        if (text.length() <= 64) {
            return IdempotencyKey.of(text);
        }
        return IdempotencyKey.of(table.source() + ":" + Sha256.hex(text, 40));
    }
}
