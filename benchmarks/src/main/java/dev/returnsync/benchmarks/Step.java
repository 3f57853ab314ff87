package dev.returnsync.benchmarks;

import dev.returnsync.spi.Role;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The eleven steps of the benchmarked workflow: both seed tables (return flow and return-number sync) for one
 * leg, on the happy path. Step {@code i} moves a case from {@code FlowState.values()[i]} to
 * {@code FlowState.values()[i + 1]}.
 *
 * <p>{@link #allowed()} copies the roles of returnsync's transition table for that row; the peers use it as
 * their permission guard. {@link #actor()} is the role that fires the step in the scenario.
 */
public enum Step {
    /** 客户提交退货申请, with the customer request number and the reseller return number. */
    SUBMIT(Role.CUSTOMER, EnumSet.of(Role.CUSTOMER, Role.RESELLER)),
    /** 代发商与供应商协商. */
    OPEN_NEGOTIATION(Role.RESELLER, EnumSet.of(Role.RESELLER, Role.SYSTEM)),
    /** The supplier agrees, with the outcome type and the authorized quantities. */
    AGREE(Role.SUPPLIER, EnumSet.of(Role.SUPPLIER, Role.RESELLER, Role.SYSTEM)),
    /** 代发商向供应商申请退货(单号). */
    APPLY(Role.RESELLER, EnumSet.of(Role.RESELLER, Role.SYSTEM)),
    /** 供应商提供退货单号: the supplier return number is linked. */
    ISSUE_NUMBER(Role.SUPPLIER, EnumSet.of(Role.SUPPLIER)),
    /** 代发商将退货单号告知客户. */
    SHARE_NUMBER(Role.RESELLER, EnumSet.of(Role.RESELLER, Role.SYSTEM)),
    /** The customer ships the parcel back; the return tracking number is linked. */
    SHIP(Role.CUSTOMER, EnumSet.of(Role.CUSTOMER, Role.RESELLER)),
    /** 供应商确认退货: the supplier confirms the received quantities. */
    CONFIRM_RECEIPT(Role.SUPPLIER, EnumSet.of(Role.SUPPLIER)),
    /** 供应商向代发商确认退货处理结果: accepted and rejected quantities. */
    REPORT_RESULT(Role.SUPPLIER, EnumSet.of(Role.SUPPLIER)),
    /** 代发商向客户确认退货处理结果, with the refund due. */
    REPORT_TO_CUSTOMER(Role.RESELLER, EnumSet.of(Role.RESELLER, Role.SYSTEM)),
    /** 客户确认退货处理结果. */
    CONFIRM_RESULT(Role.CUSTOMER, EnumSet.of(Role.CUSTOMER));

    private static final List<Step> ALL = List.of(values());

    private final Role actor;
    private final Set<Role> allowed;
    private final FlowState from;
    private final FlowState to;

    Step(Role actor, EnumSet<Role> allowed) {
        this.actor = actor;
        this.allowed = allowed;
        this.from = FlowState.values()[ordinal()];
        this.to = FlowState.values()[ordinal() + 1];
    }

    /** Every step, in workflow order. */
    public static List<Step> all() {
        return ALL;
    }

    /** The role that fires this step in the scenario. */
    public Role actor() {
        return actor;
    }

    /** The roles allowed to fire this step. */
    public Set<Role> allowed() {
        return allowed;
    }

    /** True when a role may fire this step. */
    public boolean allows(Role role) {
        return allowed.contains(role);
    }

    /** The state the step leaves. */
    public FlowState from() {
        return from;
    }

    /** The state the step reaches. */
    public FlowState to() {
        return to;
    }
}
