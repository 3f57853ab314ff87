package dev.returnsync.core.domain.command;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException.Violation;

import java.util.List;

/**
 * The Jakarta constraints of every command record as plain code, so that a build reads no annotation and
 * calls no accessor by reflection: generated from the records' annotations by {@code
 * CompiledConstraintsTest}, which fails when they differ. After changing a command record, regenerate: {@code
 * mvn -o -q -B test -pl core -am -Dtest=CompiledConstraintsTest -Dreturnsync.updateDocs=true
 * -Dsurefire.failIfNoSpecifiedTests=false}. A command type missing here is checked from its annotations by
 * {@link Constraints}; should this class no longer compile after a record changed, remove that record's case
 * and regenerate. A record is compiled only when the values it cascades to ({@code @Valid}) carry no
 * constraint, as each case says: otherwise the engine checks it in full, cascade included, with a validator.
 */
final class CompiledConstraints {
    private CompiledConstraints() {
    }

    /**
     * Adds the constraints a command breaks, in component order, with the messages of {@link Constraints}.
     *
     * @param command the command
     * @param violations where the broken constraints are added
     * @return false, adding nothing, if the command's type or record is not compiled here
     */
    static boolean check(Command command, List<Violation> violations) {
        switch (command.type()) {
            case SUBMIT_RETURN -> {
                if (!(command instanceof Command.SubmitReturn c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.customer(), "customer", violations);
                Constraints.notNull(c.order(), "order", violations);
                Constraints.notNull(c.customerNumber(), "customerNumber", violations);
                Constraints.notEmpty(c.lines(), "lines", violations);
                Constraints.size(c.lines(), 0, 200, "lines", violations);
                Constraints.notNull(c.reason(), "reason", violations);
                Constraints.notNull(c.wanted(), "wanted", violations);
                Constraints.notNull(c.deliveredAt(), "deliveredAt", violations);
                // lines: each element cascaded (@Valid) to ReturnLine, which carries no constraint
                // reason: cascaded (@Valid) to Reason, which carries no constraint
            }
            case OPEN_NEGOTIATION -> {
                if (!(command instanceof Command.OpenNegotiation c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
            }
            case AGREE_RETURN -> {
                if (!(command instanceof Command.AgreeReturn c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.outcome(), "outcome", violations);
                Constraints.notNull(c.authorized(), "authorized", violations);
                Constraints.size(c.insuranceClaim(), 0, 64, "insuranceClaim", violations);
                Constraints.notNull(c.evidence(), "evidence", violations);
                Constraints.size(c.evidence(), 0, 20, "evidence", violations);
            }
            case DECLINE_RETURN -> {
                if (!(command instanceof Command.DeclineReturn c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.reason(), "reason", violations);
                // reason: cascaded (@Valid) to Reason, which carries no constraint
            }
            case APPLY_FOR_RETURN -> {
                if (!(command instanceof Command.ApplyForReturn c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
            }
            case ISSUE_SUPPLIER_NUMBER -> {
                if (!(command instanceof Command.IssueSupplierNumber c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.number(), "number", violations);
            }
            case REPLACE_SUPPLIER_NUMBER -> {
                if (!(command instanceof Command.ReplaceSupplierNumber c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.number(), "number", violations);
            }
            case SHARE_NUMBER_WITH_CUSTOMER -> {
                if (!(command instanceof Command.ShareNumberWithCustomer c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
            }
            case REPORT_SHIPMENT -> {
                if (!(command instanceof Command.ReportShipment c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.tracking(), "tracking", violations);
            }
            case CONFIRM_RECEIPT -> {
                if (!(command instanceof Command.ConfirmReceipt c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notEmpty(c.received(), "received", violations);
            }
            case REPORT_RESULT -> {
                if (!(command instanceof Command.ReportResult c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.accepted(), "accepted", violations);
                Constraints.notNull(c.rejected(), "rejected", violations);
                Constraints.notNull(c.note(), "note", violations);
                Constraints.size(c.note(), 0, 500, "note", violations);
                Constraints.notNull(c.evidence(), "evidence", violations);
                Constraints.size(c.evidence(), 0, 20, "evidence", violations);
            }
            case SHIP_REPLACEMENT -> {
                if (!(command instanceof Command.ShipReplacement c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.tracking(), "tracking", violations);
            }
            case REPORT_RESULT_TO_CUSTOMER -> {
                if (!(command instanceof Command.ReportResultToCustomer c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.note(), "note", violations);
                Constraints.size(c.note(), 0, 500, "note", violations);
            }
            case CONFIRM_RESULT -> {
                if (!(command instanceof Command.ConfirmResult c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
            }
            case DISPUTE_RESULT -> {
                if (!(command instanceof Command.DisputeResult c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.reason(), "reason", violations);
                // reason: cascaded (@Valid) to Reason, which carries no constraint
            }
            case CANCEL_RETURN -> {
                if (!(command instanceof Command.CancelReturn c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
            }
            case CLOSE_LEG -> {
                if (!(command instanceof Command.CloseLeg c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.reason(), "reason", violations);
                // reason: cascaded (@Valid) to Reason, which carries no constraint
            }
            case FIRE_DEADLINE -> {
                if (!(command instanceof Command.FireDeadline c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
            }
            case OFFER_PARTIAL_REFUND -> {
                if (!(command instanceof Command.OfferPartialRefund c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.amount(), "amount", violations);
                Constraints.notNull(c.note(), "note", violations);
                Constraints.size(c.note(), 0, 500, "note", violations);
            }
            case ACCEPT_PARTIAL_REFUND -> {
                if (!(command instanceof Command.AcceptPartialRefund c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
            }
            case REJECT_PARTIAL_REFUND -> {
                if (!(command instanceof Command.RejectPartialRefund c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.reason(), "reason", violations);
                // reason: cascaded (@Valid) to Reason, which carries no constraint
            }
            case REAPPLY -> {
                if (!(command instanceof Command.Reapply c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.reason(), "reason", violations);
                // reason: cascaded (@Valid) to Reason, which carries no constraint
            }
            case SEND_MESSAGE -> {
                if (!(command instanceof Command.SendMessage c)) {
                    return false;
                }
                Constraints.notNull(c.key(), "key", violations);
                Constraints.notNull(c.actor(), "actor", violations);
                Constraints.positiveOrZero(c.expectedVersion(), "expectedVersion", violations);
                Constraints.notNull(c.caseId(), "caseId", violations);
                Constraints.notNull(c.leg(), "leg", violations);
                Constraints.notNull(c.to(), "to", violations);
                Constraints.notBlank(c.text(), "text", violations);
                Constraints.size(c.text(), 0, 1000, "text", violations);
            }
            default -> {
                return false;
            }
        }
        return true;
    }
}
