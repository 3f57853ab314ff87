package dev.returnsync.core.domain;

import dev.returnsync.core.domain.Transition.Condition;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.returnsync.spi.LegState.*;

/**
 * The workflow of one leg as data: the transition table. The deadline rows ({@link CommandType#FIRE_DEADLINE})
 * follow the deadline policy; every other row is fixed. The table prints itself as a Mermaid state diagram
 * or as Graphviz DOT.
 */
public final class WorkflowDefinition {
    private static final LegState[] BEFORE_SHIPPING = {REQUESTED, NEGOTIATING, PARTIAL_REFUND_OFFERED, AGREED,
            NUMBER_REQUESTED, NUMBER_ISSUED, AWAITING_SHIPMENT, AWAITING_RESULT};
    private static final LegState[] DECLINABLE = {NUMBER_REQUESTED, NUMBER_ISSUED, AWAITING_SHIPMENT, AWAITING_RESULT};
    private static final LegState[] NUMBER_REPLACEABLE = {NUMBER_ISSUED, AWAITING_SHIPMENT, AWAITING_RESULT, SHIPPED};
    private static final int CUSTOMER = RoleSet.bit(Role.CUSTOMER);
    private static final int RESELLER = RoleSet.bit(Role.RESELLER);
    private static final int SUPPLIER = RoleSet.bit(Role.SUPPLIER);
    private static final int SYSTEM = RoleSet.bit(Role.SYSTEM);
    private static final int STATES = LegState.values().length + 1;

    /** The table of the default deadline policy, built once: every {@link ReturnWorkflow} of the defaults uses it. */
    private static final WorkflowDefinition DEFAULTS = build(DeadlinePolicy.ofDefaults());

    private final List<Transition> transitions;
    /** The hot path's view of the table: [command type][from state + 1, 0 for none] -> its rows in order, or null. */
    private final Transition[][][] table;
    /** [command type] -> the roles that may fire it from some state, as a mask of {@link RoleSet#bit}s. */
    private final int[] commandRoles;

    // One pass over the rows, no maps, no sets and no lambdas: this runs on a cold JVM when the first case is decided,
    // where every bytecode is interpreted, every lambda links its own call site and every collection class iterated
    // is one more class to load. A slot no row starts from stays null; most slots that have rows have one.
    private WorkflowDefinition(List<Transition> transitions) {
        this.transitions = List.copyOf(transitions);
        int commands = CommandType.values().length;
        this.table = new Transition[commands][STATES][];
        this.commandRoles = new int[commands];
        for (int i = 0; i < this.transitions.size(); i++) {
            Transition row = this.transitions.get(i);
            int command = row.command().ordinal();
            int state = slot(row.from());
            table[command][state] = append(table[command][state], row);
            commandRoles[command] |= row.roleMask();
        }
    }

    private static Transition[] append(Transition[] rows, Transition row) {
        if (rows == null) {
            return new Transition[] {row};
        }
        Transition[] more = new Transition[rows.length + 1];
        System.arraycopy(rows, 0, more, 0, rows.length);
        more[rows.length] = row;
        return more;
    }

    private static int slot(LegState from) {
        return from == null ? 0 : from.ordinal() + 1;
    }

    /**
     * The table for a deadline policy.
     *
     * @param deadlines the deadline policy; its deadlines become the table's deadline rows
     * @return the table
     */
    public static WorkflowDefinition of(DeadlinePolicy deadlines) {
        return deadlines.equals(DeadlinePolicy.ofDefaults()) ? DEFAULTS : build(deadlines);
    }

    private static WorkflowDefinition build(DeadlinePolicy deadlines) {
        List<Transition> rows = new ArrayList<>(80);
        rows.add(row(CommandType.SUBMIT_RETURN, null, REQUESTED, CUSTOMER | RESELLER, "ReturnRequested"));
        rows.add(row(CommandType.OPEN_NEGOTIATION, REQUESTED, NEGOTIATING, RESELLER | SYSTEM, "NegotiationOpened"));
        rows.add(row(CommandType.AGREE_RETURN, NEGOTIATING, AGREED, SUPPLIER | RESELLER | SYSTEM, "SupplierAgreed"));
        rows.add(row(CommandType.DECLINE_RETURN, NEGOTIATING, DECLINED, SUPPLIER | RESELLER, "SupplierDeclined"));
        // the supplier may still decline until goods are on their way: when the reseller applies (its adapter answers
        // the application with a refusal), and after issuing its number, before the parcel ships
        for (LegState state : DECLINABLE) {
            rows.add(row(CommandType.DECLINE_RETURN, state, DECLINED, SUPPLIER | RESELLER, "SupplierDeclined"));
        }
        // 协商部分退款: a refund instead of taking the goods back; a rejection goes back to the negotiation
        rows.add(row(CommandType.OFFER_PARTIAL_REFUND, NEGOTIATING, PARTIAL_REFUND_OFFERED, SUPPLIER | RESELLER,
                "PartialRefundOffered"));
        rows.add(row(CommandType.ACCEPT_PARTIAL_REFUND, PARTIAL_REFUND_OFFERED, COMPLETED, CUSTOMER,
                "PartialRefundAccepted"));
        rows.add(row(CommandType.REJECT_PARTIAL_REFUND, PARTIAL_REFUND_OFFERED, NEGOTIATING, CUSTOMER,
                "PartialRefundRejected"));
        rows.add(row(CommandType.APPLY_FOR_RETURN, AGREED, NUMBER_REQUESTED, RESELLER | SYSTEM, "ReturnApplied"));
        rows.add(row(CommandType.ISSUE_SUPPLIER_NUMBER, NUMBER_REQUESTED, NUMBER_ISSUED, SUPPLIER,
                "SupplierNumberIssued"));
        for (LegState state : NUMBER_REPLACEABLE) {
            rows.add(row(CommandType.REPLACE_SUPPLIER_NUMBER, state, state, SUPPLIER, "SupplierNumberReplaced"));
        }
        rows.add(new Transition(CommandType.SHARE_NUMBER_WITH_CUSTOMER, NUMBER_ISSUED, AWAITING_SHIPMENT,
                RESELLER | SYSTEM, Condition.SHIPS_GOODS, "NumberSharedWithCustomer"));
        rows.add(new Transition(CommandType.SHARE_NUMBER_WITH_CUSTOMER, NUMBER_ISSUED, AWAITING_RESULT,
                RESELLER | SYSTEM, Condition.REFUND_ONLY, "NumberSharedWithCustomer"));
        rows.add(row(CommandType.REPORT_SHIPMENT, AWAITING_SHIPMENT, SHIPPED, CUSTOMER | RESELLER, "ReturnShipped"));
        rows.add(row(CommandType.CONFIRM_RECEIPT, SHIPPED, RECEIVED, SUPPLIER, "ReturnReceived"));
        rows.add(row(CommandType.REPORT_RESULT, RECEIVED, RESULT_REPORTED, SUPPLIER, "ResultReported"));
        rows.add(row(CommandType.REPORT_RESULT, AWAITING_RESULT, RESULT_REPORTED, SUPPLIER, "ResultReported"));
        rows.add(new Transition(CommandType.SHIP_REPLACEMENT, RESULT_REPORTED, REPLACEMENT_SHIPPED, SUPPLIER,
                Condition.REPLACEMENT_DUE, "ReplacementShipped"));
        rows.add(new Transition(CommandType.REPORT_RESULT_TO_CUSTOMER, RESULT_REPORTED, RESULT_NOTIFIED,
                RESELLER | SYSTEM, Condition.NO_REPLACEMENT_DUE, "ResultReportedToCustomer"));
        rows.add(row(CommandType.REPORT_RESULT_TO_CUSTOMER, REPLACEMENT_SHIPPED, RESULT_NOTIFIED, RESELLER | SYSTEM,
                "ResultReportedToCustomer"));
        rows.add(row(CommandType.REPORT_RESULT_TO_CUSTOMER, DISPUTED, RESULT_NOTIFIED, RESELLER,
                "ResultReportedToCustomer"));
        rows.add(row(CommandType.CONFIRM_RESULT, RESULT_NOTIFIED, COMPLETED, CUSTOMER, "ResultConfirmed"));
        rows.add(row(CommandType.DISPUTE_RESULT, RESULT_NOTIFIED, DISPUTED, CUSTOMER, "ResultDisputed"));
        for (LegState state : BEFORE_SHIPPING) {
            rows.add(row(CommandType.CANCEL_RETURN, state, CANCELLED, CUSTOMER | RESELLER, "ReturnCancelled"));
        }
        for (LegState state : LegState.values()) {
            if (!state.isTerminal()) {
                rows.add(row(CommandType.CLOSE_LEG, state, CLOSED, RESELLER, "LegClosed"));
            }
        }
        // a declined leg is finished unless the customer re-applies, within the window the workflow checks at decide
        rows.add(row(CommandType.REAPPLY, DECLINED, NEGOTIATING, CUSTOMER | RESELLER, "ReturnReapplied"));
        for (LegState state : LegState.values()) {
            if (!state.isTerminal()) {
                rows.add(row(CommandType.SEND_MESSAGE, state, state, CUSTOMER | RESELLER | SUPPLIER,
                        "MessageSent"));
            }
        }
        for (LegState state : LegState.values()) {
            DeadlinePolicy.Deadline deadline = deadlines.deadlineOrNull(state);
            if (deadline == null) {
                continue;
            }
            rows.add(switch (deadline.action()) {
                case ESCALATE -> row(CommandType.FIRE_DEADLINE, state, state, SYSTEM, "LegEscalated");
                case EXPIRE -> row(CommandType.FIRE_DEADLINE, state, EXPIRED, SYSTEM, "LegExpired");
                case AUTO_CONFIRM -> row(CommandType.FIRE_DEADLINE, state, COMPLETED, SYSTEM, "ResultConfirmed");
            });
        }
        return new WorkflowDefinition(rows);
    }

    private static Transition row(CommandType command, LegState from, LegState to, int roles, String event) {
        return new Transition(command, from, to, roles, Condition.ALWAYS, event);
    }

    /** {@return every row, in table order} */
    public List<Transition> transitions() {
        return transitions;
    }

    /**
     * The rows of a command type from a state.
     *
     * @param command the command type
     * @param from the leg state, or {@code null} for the submission
     * @return the rows, empty when there is none
     */
    public List<Transition> rows(CommandType command, LegState from) {
        Transition[] rows = table[command.ordinal()][slot(from)];
        return rows == null ? List.of() : List.of(rows);
    }

    /**
     * The row a role takes with a command type from a leg's state: the first, in table order, that the role may
     * fire and whose condition holds of the leg. Allocates nothing.
     *
     * @param command the command type
     * @param leg the leg; its state is the row's {@code from}
     * @param role the role firing the command
     * @return the row, or {@code null} when none takes the command
     */
    Transition row(CommandType command, Leg leg, Role role) {
        Transition[] rows = table[command.ordinal()][slot(leg.state())];
        if (rows == null) {
            return null;
        }
        for (Transition row : rows) {
            if (row.allows(role) && row.condition().test(leg)) {
                return row;
            }
        }
        return null;
    }

    /**
     * Whether a role may fire a command type from some state; what {@link #roles} says.
     *
     * @param command the command type
     * @param role the role
     * @return true when some row of the command type names the role
     */
    boolean allows(CommandType command, Role role) {
        return (commandRoles[command.ordinal()] & RoleSet.bit(role)) != 0;
    }

    /**
     * The roles that may fire a command type from some state.
     *
     * @param command the command type
     * @return the roles, in {@link Role} order, unmodifiable
     */
    public Set<Role> roles(CommandType command) {
        return RoleSet.of(commandRoles[command.ordinal()]);
    }

    /**
     * {@return the table as a Mermaid state diagram ({@code stateDiagram-v2}); rows with the same ends share one arrow}
     */
    public String toMermaid() {
        StringBuilder out = new StringBuilder("stateDiagram-v2\n");
        for (Map.Entry<String, List<String>> edge : edges().entrySet()) {
            String[] ends = edge.getKey().split(" ");
            out.append("    ").append(ends[0].equals("START") ? "[*]" : ends[0]).append(" --> ").append(ends[1])
                    .append(" : ").append(String.join(" / ", edge.getValue())).append('\n');
        }
        for (LegState state : LegState.values()) {
            if (state.isTerminal()) {
                out.append("    ").append(state).append(" --> [*]\n");
            }
        }
        return out.toString();
    }

    /** {@return the table as a Graphviz DOT digraph; rows with the same ends share one edge} */
    public String toDot() {
        StringBuilder out = new StringBuilder("digraph leg {\n    rankdir=TB;\n    START [shape=point];\n");
        for (LegState state : LegState.values()) {
            out.append("    ").append(state).append(state.isTerminal() ? " [shape=doublecircle];\n" : " [shape=box];\n");
        }
        for (Map.Entry<String, List<String>> edge : edges().entrySet()) {
            String[] ends = edge.getKey().split(" ");
            out.append("    ").append(ends[0]).append(" -> ").append(ends[1]).append(" [label=\"")
                    .append(String.join("\\n", edge.getValue())).append("\"];\n");
        }
        return out.append("}\n").toString();
    }

    private Map<String, List<String>> edges() {
        Map<String, List<String>> edges = new java.util.LinkedHashMap<>();
        for (Transition row : transitions) {
            String key = (row.from() == null ? "START" : row.from().name()) + " " + row.to().name();
            String label = row.command().name()
                    + (row.condition() == Condition.ALWAYS ? "" : " [" + row.condition().label() + "]");
            List<String> labels = edges.computeIfAbsent(key, k -> new ArrayList<>());
            if (!labels.contains(label)) {
                labels.add(label);
            }
        }
        return edges;
    }
}
