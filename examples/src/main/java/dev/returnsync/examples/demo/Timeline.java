package dev.returnsync.examples.demo;

import dev.returnsync.core.domain.CommandType;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.SeedStep;
import dev.returnsync.core.domain.Transition;
import dev.returnsync.core.domain.WorkflowDefinition;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.NumberKind;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnShipping;
import dev.returnsync.spi.Settlement;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.store.CaseHistory;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints what happens, as it happens, in the words of the seed's two tables: every appended event with its step
 * (文本1 / 文本2), its actor, the leg's move and the numbers it links; the demo's own remarks; supplier calls,
 * customer notifications, refusals and look-ups. Times are shown in {@value #ZONE_NAME}. Not thread-safe: the demo
 * runs on one thread.
 */
final class Timeline {
    static final String ZONE_NAME = "Asia/Shanghai";
    private static final ZoneId ZONE = ZoneId.of(ZONE_NAME);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZONE);
    /** Indentation of detail lines: the width of {@code "[MM-dd HH:mm:ss] "}. */
    static final String INDENT = " ".repeat(17);

    private static final Map<Role, String> ROLES = new EnumMap<>(Map.of(Role.CUSTOMER, "客户", Role.RESELLER, "代发商",
            Role.SUPPLIER, "供应商", Role.SYSTEM, "系统"));
    private static final Map<NumberKind, String> KINDS = new EnumMap<>(Map.of(
            NumberKind.CUSTOMER_REQUEST, "客户退货申请号",
            NumberKind.RESELLER_RETURN, "代发商退货单号",
            NumberKind.SUPPLIER_RETURN, "供应商退货单号",
            NumberKind.RETURN_TRACKING, "退货物流单号",
            NumberKind.REPLACEMENT_TRACKING, "换货物流单号"));
    private static final Map<OutcomeType, String> OUTCOMES = new EnumMap<>(Map.of(
            OutcomeType.RETURN_AND_REFUND, "退货退款", OutcomeType.EXCHANGE, "换货", OutcomeType.REFUND_ONLY, "仅退款"));
    /** Steps that are not rows of the seed's tables, in the seed's language. */
    private static final Map<String, String> OFF_TABLE = Map.of(
            "ReturnShipped", "表外 · 客户寄回退货并提供物流单号",
            "ReplacementShipped", "表外 · 供应商寄出换货",
            "LegExpired", "表外 · 期限已过, 退货失效",
            "LegEscalated", "表外 · 超时未答复, 升级给代发商",
            "ReturnCancelled", "表外 · 客户取消退货",
            "LegClosed", "表外 · 代发商关闭退货");

    private final PrintStream out;
    private final Clock clock;
    private final Map<String, Set<CommandType>> commandsByEvent = new HashMap<>();
    private final Map<CaseId, ReturnCase> cases = new HashMap<>();
    private String pendingHeader;

    Timeline(PrintStream out, Clock clock, WorkflowDefinition definition) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (Transition row : definition.transitions()) {
            commandsByEvent.computeIfAbsent(row.event(), e -> new HashSet<>()).add(row.command());
        }
    }

    /** The seed's name of a numbered step: {@code 文本1 ③ 代发商向供应商申请退货}. */
    static String label(SeedStep step) {
        return step.table() + " " + circled(step.number()) + " " + step.text();
    }

    static String circled(int n) {
        if (n < 1 || n > 20) {
            throw new IllegalArgumentException("no circled digit for " + n);
        }
        return String.valueOf((char) ('\u2460' + n - 1));
    }

    static String kind(NumberKind kind) {
        return KINDS.get(kind);
    }

    static String outcome(OutcomeType outcome) {
        return OUTCOMES.get(outcome);
    }

    static String actor(Actor actor) {
        return ROLES.get(actor.role()) + " " + actor.id();
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    // ------------------------------------------------------------------------------------------- plain lines

    /** A heading. */
    void section(String title) {
        pendingHeader = null;
        out.println();
        out.println("━━ " + title + " ━━");
    }

    /** A line as it is, e.g. the demo's header. */
    void raw(String text) {
        flush();
        out.println(text);
    }

    /** A remark of the demo at the clock's time. */
    void note(String text) {
        flush();
        out.println("[" + time(clock.instant()) + "] ▶ " + text);
    }

    /** A detail line under the previous one. */
    void detail(String text) {
        flush();
        out.println(INDENT + text);
    }

    /** A line printed before the next output, if any: the clock moved and the engine ran. */
    void tick(String text) {
        pendingHeader = "[" + time(clock.instant()) + "] ⏱ " + text;
    }

    private void flush() {
        if (pendingHeader != null) {
            String header = pendingHeader;
            pendingHeader = null;
            out.println(header);
        }
    }

    // -------------------------------------------------------------------------------------------- events

    /** Makes a case known that was created before the timeline watched (not in a fresh demo store). */
    void know(CaseHistory history) {
        cases.put(history.caseId(), ReturnWorkflow.evolve(Optional.empty(), history.events()));
    }

    boolean knows(CaseId caseId) {
        return cases.containsKey(caseId);
    }

    /** Prints events the store has just appended to a case, in order. */
    void appended(CaseId caseId, List<ReturnEvent> events) {
        ReturnCase before = cases.get(caseId);
        for (ReturnEvent event : events) {
            ReturnCase after = ReturnWorkflow.evolve(Optional.ofNullable(before), event);
            print(before, after, event);
            before = after;
        }
        cases.put(caseId, before);
    }

    private void print(ReturnCase before, ReturnCase after, ReturnEvent event) {
        flush();
        out.println("[" + time(event.at()) + "] " + after.id() + " v" + after.version() + "  " + steps(event));
        out.println(INDENT + actor(event.actor()) + ": " + describe(event) + moves(before, after, event));
        List<String> linked = new ArrayList<>();
        Set<NumberLink> old = before == null ? Set.of() : new HashSet<>(before.links());
        Map<String, NumberLink> oldByKey = before == null ? Map.of()
                : before.links().stream().collect(Collectors.toMap(l -> l.number().uniquenessKey(), l -> l));
        for (NumberLink link : after.links()) {
            if (old.contains(link)) {
                continue;
            }
            NumberLink was = oldByKey.get(link.number().uniquenessKey());
            if (was != null && link.superseded() && !was.superseded()) {
                linked.add(kind(link.number().kind()) + " " + link.number() + " 已被替换, 仍可查到 (superseded)");
            } else {
                linked.add(kind(link.number().kind()) + " " + link.number() + " → " + where(link));
            }
        }
        if (!linked.isEmpty()) {
            out.println(INDENT + "关联单号 linked: " + String.join("; ", linked));
        }
    }

    private String steps(ReturnEvent event) {
        Set<CommandType> commands = commandsByEvent.getOrDefault(event.type(), Set.of());
        List<String> labels = new ArrayList<>();
        for (SeedStep step : SeedStep.values()) {
            if (step.commands().stream().anyMatch(commands::contains)) {
                labels.add(label(step));
            }
        }
        if (labels.isEmpty()) {
            labels.add(OFF_TABLE.getOrDefault(event.type(), "表外 · " + event.type()));
        }
        return String.join(" / ", labels);
    }

    private static String moves(ReturnCase before, ReturnCase after, ReturnEvent event) {
        List<String> moves = new ArrayList<>();
        for (Leg leg : after.legs()) {
            boolean concerned = event instanceof ReturnEvent.LegEvent legEvent ? legEvent.leg().equals(leg.supplier())
                    : before == null;
            if (!concerned) {
                continue;
            }
            LegState was = before == null ? null : before.leg(leg.supplier()).map(Leg::state).orElse(null);
            moves.add(leg.supplier() + " " + (was == null ? "" : was == leg.state() ? "stays " : was + " → ")
                    + leg.state());
        }
        return moves.isEmpty() ? "" : "  [" + String.join(", ", moves) + "]";
    }

    static String where(NumberLink link) {
        return link.caseId() + (link.leg() == null ? "" : " / " + link.leg());
    }

    private static String describe(ReturnEvent event) {
        return event.accept(Describe.INSTANCE);
    }

    /** What each event type says, in the seed's words. */
    private static final class Describe implements ReturnEvent.Visitor<String> {
        static final Describe INSTANCE = new Describe();

        @Override
        public String returnRequested(ReturnEvent.ReturnRequested e) {
            List<String> lines = new ArrayList<>();
            for (ReturnLine line : e.lines()) {
                lines.add(line.requested() + "× " + line.sku() + " (" + line.supplier() + ", " + line.unitPrice() + ")");
            }
            return "提交退货申请 " + String.join(", ", lines) + ", 想要" + outcome(e.wanted()) + ", 原因 "
                    + reason(e.reason());
        }

        @Override
        public String negotiationOpened(ReturnEvent.NegotiationOpened e) {
            return "与 " + e.leg() + " 协商是否接受退货";
        }

        @Override
        public String supplierAgreed(ReturnEvent.SupplierAgreed e) {
            return "同意" + outcome(e.outcome()) + ", 批准 " + quantities(e.authorized()) + shipping(e.shipping())
                    + evidence(e.evidence());
        }

        @Override
        public String supplierDeclined(ReturnEvent.SupplierDeclined e) {
            return "拒绝退货, 原因 " + reason(e.reason());
        }

        @Override
        public String returnApplied(ReturnEvent.ReturnApplied e) {
            return "向 " + e.leg() + " 申请退货并索取退货单号, 附代发商退货单号 " + e.resellerNumber();
        }

        @Override
        public String supplierNumberIssued(ReturnEvent.SupplierNumberIssued e) {
            return "提供退货单号 " + e.number();
        }

        @Override
        public String supplierNumberReplaced(ReturnEvent.SupplierNumberReplaced e) {
            return "更换退货单号 " + e.previous() + " → " + e.number();
        }

        @Override
        public String numberSharedWithCustomer(ReturnEvent.NumberSharedWithCustomer e) {
            return "将退货单号 " + e.number() + " 告知客户";
        }

        @Override
        public String returnShipped(ReturnEvent.ReturnShipped e) {
            return "寄回包裹, 物流单号 " + e.tracking();
        }

        @Override
        public String returnReceived(ReturnEvent.ReturnReceived e) {
            return "按单号找到退货, 确认收到 " + quantities(e.received());
        }

        @Override
        public String resultReported(ReturnEvent.ResultReported e) {
            return "验收结果: 合格 " + quantities(e.accepted()) + ", 不合格 " + quantities(e.rejected())
                    + (e.restockingFee() == null || e.restockingFee().isZero() ? "" : ", 扣除二次上架费 " + e.restockingFee()) + ", “" + e.note() + "”"
                    + evidence(e.evidence());
        }

        @Override
        public String replacementShipped(ReturnEvent.ReplacementShipped e) {
            return "寄出换货, 物流单号 " + e.tracking();
        }

        @Override
        public String resultReportedToCustomer(ReturnEvent.ResultReportedToCustomer e) {
            return "告知客户处理结果: 退款 " + e.refund() + settlement(e.settlement()) + ", “" + e.note() + "”";
        }

        @Override
        public String resultConfirmed(ReturnEvent.ResultConfirmed e) {
            return e.automatic() ? "客户逾期未确认, 系统自动确认 (confirmed automatically)" : "确认处理结果";
        }

        @Override
        public String resultDisputed(ReturnEvent.ResultDisputed e) {
            return "对结果有异议, 原因 " + reason(e.reason());
        }

        @Override
        public String returnCancelled(ReturnEvent.ReturnCancelled e) {
            return "取消退货";
        }

        @Override
        public String legEscalated(ReturnEvent.LegEscalated e) {
            return "在 " + e.waitingIn() + " 等待超时, 升级给代发商";
        }

        @Override
        public String legExpired(ReturnEvent.LegExpired e) {
            return "在 " + e.expiredIn() + " 等待超时, 退货失效";
        }

        @Override
        public String legClosed(ReturnEvent.LegClosed e) {
            return "关闭退货, 原因 " + reason(e.reason());
        }

        @Override
        public String partialRefundOffered(ReturnEvent.PartialRefundOffered e) {
            return "协商部分退款 (第 " + e.round() + " 次): 不退货, 退款 " + e.amount() + ", “" + e.note() + "”";
        }

        @Override
        public String partialRefundAccepted(ReturnEvent.PartialRefundAccepted e) {
            return "接受部分退款 " + e.settlement().refund() + ", 商品留下; 供应商应付代发商 "
                    + e.settlement().supplierOwes();
        }

        @Override
        public String partialRefundRejected(ReturnEvent.PartialRefundRejected e) {
            return "拒绝部分退款, 原因 " + reason(e.reason()) + "; 回到协商";
        }

        @Override
        public String returnReapplied(ReturnEvent.ReturnReapplied e) {
            return "被拒后修改并重新提交退货申请 (第 " + e.round() + " 轮协商), 原因 " + reason(e.reason());
        }

        @Override
        public String messageSent(ReturnEvent.MessageSent e) {
            return "留言给 " + e.to() + ": “" + e.text() + "”";
        }

        @Override
        public String externalVersionRecorded(ReturnEvent.ExternalVersionRecorded e) {
            return "外部版本 " + e.version();
        }

        private static String shipping(ReturnShipping shipping) {
            if (shipping == null || shipping.fee().isZero()) {
                return "";
            }
            String bearer = switch (shipping.bearer()) {
                case CUSTOMER -> "买家承担 (七天无理由)";
                case RESELLER -> "代发商承担";
                case SUPPLIER -> "供应商承担";
                case FREIGHT_INSURANCE -> "运费险理赔, 理赔单号 " + shipping.insuranceClaim();
            };
            return ", 退货运费 " + shipping.fee() + " " + bearer;
        }

        private static String settlement(Settlement s) {
            return " (货款 " + s.goodsRefund() + " - 二次上架费 " + s.restockingFee() + " + 运费 " + s.shippingRefund()
                    + " + 运费补偿 " + s.compensation() + "; 供应商应付代发商 " + s.supplierOwes() + ")";
        }
    }

    static String quantities(List<LineQuantity> quantities) {
        if (quantities.isEmpty()) {
            return "无";
        }
        return quantities.stream().map(q -> q.quantity() + "× " + q.sku()).collect(Collectors.joining(", "));
    }

    private static String reason(Reason reason) {
        return reason.code() + (reason.text() == null || reason.text().isEmpty() ? "" : " “" + reason.text() + "”")
                + evidence(reason.evidence());
    }

    private static String evidence(List<Evidence> evidence) {
        return evidence.isEmpty() ? "" : ", 凭证 " + evidence.stream().map(e -> e.kind() + " " + e.reference())
                .collect(Collectors.joining(", "));
    }

    /** A supplier number's display with its leg, for the final state. */
    static String number(ReturnNumber number) {
        return number == null ? "-" : number.toString();
    }
}
