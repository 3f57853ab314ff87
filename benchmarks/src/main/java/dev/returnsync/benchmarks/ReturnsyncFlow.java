package dev.returnsync.benchmarks;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.InvalidCommandException;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.LineState;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.RuleContext;
import dev.returnsync.core.domain.StepResult;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.ReturnEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * returnsync's pure domain, used the way the engine uses it: per step a command with an idempotency key,
 * the actor and the version the caller saw, {@link ReturnWorkflow#step}: the checks of
 * {@link ReturnWorkflow#decide} (tenant, version, role, party, transition table with its conditions, payload:
 * quantities and number kind, scope and uniqueness) and the move into a new immutable case in one pass, as the
 * engine decides. The workflow definition is built once.
 */
final class ReturnsyncFlow implements ReturnFlow {
    /**
     * A closed case as a store keeps it: the final case and its events, the audit trail.
     *
     * @param state the final case
     * @param history its events, oldest first
     */
    record ClosedCase(ReturnCase state, List<ReturnEvent> history) {
    }

    private final ReturnWorkflow workflow = ReturnWorkflow.builder().build();

    @Override
    public Outcome run(Scenario scenario) {
        ReturnCase current = null;
        for (Step step : Step.all()) {
            current = step(current, scenario, step).after();
        }
        return outcome(current);
    }

    @Override
    public Object snapshot(Scenario scenario, Step next) {
        ReturnCase current = null;
        for (Step step : Step.all()) {
            if (step == next) {
                break;
            }
            current = step(current, scenario, step).after();
        }
        return current;
    }

    @Override
    public Outcome resume(Object snapshot, Scenario scenario, Step next) {
        return outcome(step((ReturnCase) snapshot, scenario, next).after());
    }

    @Override
    public Object closed(Scenario scenario) {
        List<ReturnEvent> history = new ArrayList<>(Step.all().size());
        ReturnCase current = null;
        for (Step step : Step.all()) {
            StepResult.Accepted result = step(current, scenario, step);
            history.addAll(result.events());
            current = result.after();
        }
        return new ClosedCase(current, List.copyOf(history));
    }

    /** One step as the engine takes it: the command decided and the case moved in one pass. */
    private StepResult.Accepted step(ReturnCase current, Scenario s, Step step) {
        Command command;
        try {
            command = command(current, s, step);
        } catch (InvalidCommandException e) {
            throw new StepRefusedException(step, e.getMessage());   // refused before deciding: e.g. the wrong role
        }
        RuleContext context = RuleContext.at(s.at(step));
        StepResult result = current == null ? workflow.step(workflow.initialState(), command, context)
                : workflow.step(current, command, context);
        if (result instanceof StepResult.Refused refused) {
            throw new StepRefusedException(step, refused.refusal().toString());
        }
        return (StepResult.Accepted) result;
    }

    static Command command(ReturnCase current, Scenario s, Step step) {
        return command(current == null ? null : current.version(), s, step);
    }

    /** The command of a step, sent by a caller that saw the case at version {@code seen} (null: no case yet). */
    static Command command(Long seen, Scenario s, Step step) {
        CommandHeader h = Commands.as(s.actor(step)).key(s.key(step)).onCase(s.caseId()).expectedVersion(seen);
        var leg = s.supplier();
        return switch (step) {
            case SUBMIT -> h.submitReturn().customer(s.customer()).order(s.order()).customerNumber(s.customerNumber())
                    .resellerNumber(s.resellerNumber()).lines(s.lines()).reason(s.reason()).wanted(s.wanted())
                    .deliveredAt(s.deliveredAt()).build();
            case OPEN_NEGOTIATION -> h.openNegotiation().leg(leg).build();
            case AGREE -> h.agreeReturn().leg(leg).outcome(s.agreement().outcome())
                    .authorized(s.agreement().authorized()).build();
            case APPLY -> h.applyForReturn().leg(leg).build();
            case ISSUE_NUMBER -> h.issueSupplierNumber().leg(leg).number(s.supplierNumber()).build();
            case SHARE_NUMBER -> h.shareNumberWithCustomer().leg(leg).build();
            case SHIP -> h.reportShipment().leg(leg).tracking(s.returnTracking()).build();
            case CONFIRM_RECEIPT -> h.confirmReceipt().leg(leg).received(s.received()).build();
            case REPORT_RESULT -> h.reportResult().leg(leg).accepted(s.inspection().accepted())
                    .rejected(s.inspection().rejected()).note(s.inspection().note()).build();
            case REPORT_TO_CUSTOMER -> h.reportResultToCustomer().leg(leg).note(s.customerNote()).build();
            case CONFIRM_RESULT -> h.confirmResult().leg(leg).build();
        };
    }

    private static Outcome outcome(ReturnCase c) {
        Leg leg = c.legs().get(0);
        int authorized = 0;
        int received = 0;
        int accepted = 0;
        int rejected = 0;
        for (LineState line : leg.lines()) {
            authorized += line.authorized();
            received += line.received();
            accepted += line.accepted();
            rejected += line.rejected();
        }
        return new Outcome(c.id(), leg.state(), c.version(), c.customerNumber(), c.resellerNumber(),
                leg.supplierNumber(), leg.returnTracking(), leg.outcome(), authorized, received, accepted, rejected,
                leg.refund());
    }
}
