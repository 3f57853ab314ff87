package dev.returnsync.core.domain;

import dev.returnsync.core.domain.Transition.Condition;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.Role;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.returnsync.spi.LegState.*;
import static dev.returnsync.spi.Role.*;

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
    private static final Transition[] NO_ROWS = {};
    private static final int[] NO_MASKS = {};

    private final List<Transition> transitions;
    /** [command type] -> the roles that may fire it from some state, unmodifiable. */
    private final List<Set<Role>> roles;
    /** The hot path's view of the table: [command type][from state + 1, 0 for none] -> its rows, in table order. */
    private final Transition[][][] table;
    /** The roles of each row of {@link #table} as a bit mask over {@link Role#ordinal()}. */
    private final int[][][] tableRoles;
    /** [command type] -> the roles that may fire it from some state, as a bit mask. */
    private final int[] commandRoles;

    // Plain loops over arrays, no maps and no lambdas: this runs on a cold JVM when the first case is decided, where
    // every lambda links its own call site and every collection class iterated is one more class to load.
    private WorkflowDefinition(List<Transition> transitions) {
        this.transitions = List.copyOf(transitions);
        int commands = CommandType.values().length;
        int states = LegState.values().length + 1;
        int[][] counts = new int[commands][states];
        this.commandRoles = new int[commands];
        for (Transition row : this.transitions) {
            counts[row.command().ordinal()][slot(row.from())]++;
            commandRoles[row.command().ordinal()] |= mask(row.roles());
        }
        this.table = new Transition[commands][states][];
        this.tableRoles = new int[commands][states][];
        for (int command = 0; command < commands; command++) {
            for (int state = 0; state < states; state++) {
                int size = counts[command][state];
                table[command][state] = size == 0 ? NO_ROWS : new Transition[size];
                tableRoles[command][state] = size == 0 ? NO_MASKS : new int[size];
                counts[command][state] = 0;
            }
        }
        for (Transition row : this.transitions) {
            int command = row.command().ordinal();
            int state = slot(row.from());
            int i = counts[command][state]++;
            table[command][state][i] = row;
            tableRoles[command][state][i] = mask(row.roles());
        }
        List<Set<Role>> allowed = new ArrayList<>(commands);
        for (int command = 0; command < commands; command++) {
            allowed.add(Collections.unmodifiableSet(roles(commandRoles[command])));
        }
        this.roles = List.copyOf(allowed);
    }

    private static int slot(LegState from) {
        return from == null ? 0 : from.ordinal() + 1;
    }

    private static int mask(Set<Role> roles) {
        int mask = 0;
        for (Role role : Role.values()) {
            if (roles.contains(role)) {
                mask |= 1 << role.ordinal();
            }
        }
        return mask;
    }

    private static Set<Role> roles(int mask) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if ((mask & 1 << role.ordinal()) != 0) {
                roles.add(role);
            }
        }
        return roles;
    }

    /**
     * The table for a deadline policy.
     *
     * @param deadlines the deadline policy; its deadlines become the table's deadline rows
     * @return the table
     */
    public static WorkflowDefinition of(DeadlinePolicy deadlines) {
        return deadlines.equals(DeadlinePolicy.ofDefaults()) ? Defaults.TABLE : build(deadlines);
    }

    /** The table of the default policy, built once, when first asked for. */
    private static final class Defaults {
        static final WorkflowDefinition TABLE = build(DeadlinePolicy.ofDefaults());
    }

    private static WorkflowDefinition build(DeadlinePolicy deadlines) {
        List<Transition> rows = new ArrayList<>();
        rows.add(row(CommandType.SUBMIT_RETURN, null, REQUESTED, Set.of(CUSTOMER, RESELLER), "ReturnRequested"));
        rows.add(row(CommandType.OPEN_NEGOTIATION, REQUESTED, NEGOTIATING, Set.of(RESELLER, SYSTEM), "NegotiationOpened"));
        rows.add(row(CommandType.AGREE_RETURN, NEGOTIATING, AGREED, Set.of(SUPPLIER, RESELLER, SYSTEM), "SupplierAgreed"));
        rows.add(row(CommandType.DECLINE_RETURN, NEGOTIATING, DECLINED, Set.of(SUPPLIER, RESELLER), "SupplierDeclined"));
        // the supplier may still decline until goods are on their way: when the reseller applies (its adapter answers
        // the application with a refusal), and after issuing its number, before the parcel ships
        for (LegState state : DECLINABLE) {
            rows.add(row(CommandType.DECLINE_RETURN, state, DECLINED, Set.of(SUPPLIER, RESELLER), "SupplierDeclined"));
        }
        // 协商部分退款: a refund instead of taking the goods back; a rejection goes back to the negotiation
        rows.add(row(CommandType.OFFER_PARTIAL_REFUND, NEGOTIATING, PARTIAL_REFUND_OFFERED, Set.of(SUPPLIER, RESELLER),
                "PartialRefundOffered"));
        rows.add(row(CommandType.ACCEPT_PARTIAL_REFUND, PARTIAL_REFUND_OFFERED, COMPLETED, Set.of(CUSTOMER),
                "PartialRefundAccepted"));
        rows.add(row(CommandType.REJECT_PARTIAL_REFUND, PARTIAL_REFUND_OFFERED, NEGOTIATING, Set.of(CUSTOMER),
                "PartialRefundRejected"));
        rows.add(row(CommandType.APPLY_FOR_RETURN, AGREED, NUMBER_REQUESTED, Set.of(RESELLER, SYSTEM), "ReturnApplied"));
        rows.add(row(CommandType.ISSUE_SUPPLIER_NUMBER, NUMBER_REQUESTED, NUMBER_ISSUED, Set.of(SUPPLIER),
                "SupplierNumberIssued"));
        for (LegState state : NUMBER_REPLACEABLE) {
            rows.add(row(CommandType.REPLACE_SUPPLIER_NUMBER, state, state, Set.of(SUPPLIER), "SupplierNumberReplaced"));
        }
        rows.add(new Transition(CommandType.SHARE_NUMBER_WITH_CUSTOMER, NUMBER_ISSUED, AWAITING_SHIPMENT,
                Set.of(RESELLER, SYSTEM), Condition.SHIPS_GOODS, "NumberSharedWithCustomer"));
        rows.add(new Transition(CommandType.SHARE_NUMBER_WITH_CUSTOMER, NUMBER_ISSUED, AWAITING_RESULT,
                Set.of(RESELLER, SYSTEM), Condition.REFUND_ONLY, "NumberSharedWithCustomer"));
        rows.add(row(CommandType.REPORT_SHIPMENT, AWAITING_SHIPMENT, SHIPPED, Set.of(CUSTOMER, RESELLER), "ReturnShipped"));
        rows.add(row(CommandType.CONFIRM_RECEIPT, SHIPPED, RECEIVED, Set.of(SUPPLIER), "ReturnReceived"));
        rows.add(row(CommandType.REPORT_RESULT, RECEIVED, RESULT_REPORTED, Set.of(SUPPLIER), "ResultReported"));
        rows.add(row(CommandType.REPORT_RESULT, AWAITING_RESULT, RESULT_REPORTED, Set.of(SUPPLIER), "ResultReported"));
        rows.add(new Transition(CommandType.SHIP_REPLACEMENT, RESULT_REPORTED, REPLACEMENT_SHIPPED, Set.of(SUPPLIER),
                Condition.REPLACEMENT_DUE, "ReplacementShipped"));
        rows.add(new Transition(CommandType.REPORT_RESULT_TO_CUSTOMER, RESULT_REPORTED, RESULT_NOTIFIED,
                Set.of(RESELLER, SYSTEM), Condition.NO_REPLACEMENT_DUE, "ResultReportedToCustomer"));
        rows.add(row(CommandType.REPORT_RESULT_TO_CUSTOMER, REPLACEMENT_SHIPPED, RESULT_NOTIFIED, Set.of(RESELLER, SYSTEM),
                "ResultReportedToCustomer"));
        rows.add(row(CommandType.REPORT_RESULT_TO_CUSTOMER, DISPUTED, RESULT_NOTIFIED, Set.of(RESELLER),
                "ResultReportedToCustomer"));
        rows.add(row(CommandType.CONFIRM_RESULT, RESULT_NOTIFIED, COMPLETED, Set.of(CUSTOMER), "ResultConfirmed"));
        rows.add(row(CommandType.DISPUTE_RESULT, RESULT_NOTIFIED, DISPUTED, Set.of(CUSTOMER), "ResultDisputed"));
        for (LegState state : BEFORE_SHIPPING) {
            rows.add(row(CommandType.CANCEL_RETURN, state, CANCELLED, Set.of(CUSTOMER, RESELLER), "ReturnCancelled"));
        }
        for (LegState state : LegState.values()) {
            if (!state.isTerminal()) {
                rows.add(row(CommandType.CLOSE_LEG, state, CLOSED, Set.of(RESELLER), "LegClosed"));
            }
        }
        // a declined leg is finished unless the customer re-applies, within the window the workflow checks at decide
        rows.add(row(CommandType.REAPPLY, DECLINED, NEGOTIATING, Set.of(CUSTOMER, RESELLER), "ReturnReapplied"));
        for (LegState state : LegState.values()) {
            if (!state.isTerminal()) {
                rows.add(row(CommandType.SEND_MESSAGE, state, state, Set.of(CUSTOMER, RESELLER, SUPPLIER),
                        "MessageSent"));
            }
        }
        for (LegState state : LegState.values()) {
            DeadlinePolicy.Deadline deadline = deadlines.deadlines().get(state);
            if (deadline == null) {
                continue;
            }
            rows.add(switch (deadline.action()) {
                case ESCALATE -> row(CommandType.FIRE_DEADLINE, state, state, Set.of(SYSTEM), "LegEscalated");
                case EXPIRE -> row(CommandType.FIRE_DEADLINE, state, EXPIRED, Set.of(SYSTEM), "LegExpired");
                case AUTO_CONFIRM -> row(CommandType.FIRE_DEADLINE, state, COMPLETED, Set.of(SYSTEM), "ResultConfirmed");
            });
        }
        return new WorkflowDefinition(rows);
    }

    private static Transition row(CommandType command, LegState from, LegState to, Set<Role> roles, String event) {
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
        return List.of(table[command.ordinal()][slot(from)]);
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
        int state = slot(leg.state());
        Transition[] rows = table[command.ordinal()][state];
        int[] masks = tableRoles[command.ordinal()][state];
        int bit = 1 << role.ordinal();
        for (int i = 0; i < rows.length; i++) {
            if ((masks[i] & bit) != 0 && rows[i].condition().test(leg)) {
                return rows[i];
            }
        }
        return null;
    }

    /**
     * Whether a role may fire a command type from some state; what {@link #roles} says, without a set look-up.
     *
     * @param command the command type
     * @param role the role
     * @return true when some row of the command type names the role
     */
    boolean allows(CommandType command, Role role) {
        return (commandRoles[command.ordinal()] & (1 << role.ordinal())) != 0;
    }

    /**
     * The roles that may fire a command type from some state.
     *
     * @param command the command type
     * @return the roles
     */
    public Set<Role> roles(CommandType command) {
        return roles.get(command.ordinal());
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
