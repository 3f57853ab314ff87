package dev.returnsync.examples.demo;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.domain.Guards;
import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.LineState;
import dev.returnsync.core.domain.Policies;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.core.engine.CaseView;
import dev.returnsync.core.engine.CommandRefusedException;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.DispatcherConfig;
import dev.returnsync.core.engine.ResellerNumberGenerator;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.CaseStatus;
import dev.returnsync.spi.CustomerId;
import dev.returnsync.spi.Evidence;
import dev.returnsync.spi.EvidenceKind;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.LineQuantity;
import dev.returnsync.spi.Money;
import dev.returnsync.spi.NumberLink;
import dev.returnsync.spi.OrderId;
import dev.returnsync.spi.OutcomeType;
import dev.returnsync.spi.Reason;
import dev.returnsync.spi.ReasonCode;
import dev.returnsync.spi.ReturnLine;
import dev.returnsync.spi.ReturnNumber;
import dev.returnsync.spi.Role;
import dev.returnsync.spi.Sku;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.TenantId;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.supplier.SupplierRegistry;
import dev.returnsync.spi.supplier.SupplierReply;
import dev.returnsync.spi.supplier.SupplierRequest;
import dev.returnsync.store.postgres.PostgresCaseStore;
import dev.returnsync.testsupport.SimulatedSupplier;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The demo: one shop (tenant {@code shop-hz}) and three suppliers, each of one style, process three returns end to
 * end, and the demo prints a timeline in the words of the seed's two tables (文本1: 一件代发退货流程, 文本2:
 * 一件代发退货单号同步步骤).
 *
 * <ul>
 *   <li>{@code sup-a} answers a return request with its return number at once;</li>
 *   <li>{@code sup-b} answers "pending" and sends the number later by a callback (the host's webhook);</li>
 *   <li>{@code sup-c} can only be polled, and its first two requests fail.</li>
 * </ul>
 *
 * <p>Run it with {@code java -jar examples/target/returnsync-demo.jar} after
 * {@code mvn -q -B -pl examples -am package -DskipTests}. It runs on the in-memory store unless {@code --postgres} is
 * given or {@code RETURNSYNC_PG_URL} is set (then also {@code RETURNSYNC_PG_USER} and {@code RETURNSYNC_PG_PASSWORD});
 * on PostgreSQL it uses the schema {@value #PG_SCHEMA}, which it drops and creates again at the start.
 * {@code --in-memory} forces the in-memory store. The clock is fixed and moved by the demo, and every random source
 * is seeded, so each run prints the same timeline on either store.
 */
public final class Demo {
    /** The PostgreSQL schema of the demo; dropped and created again by every run on PostgreSQL. */
    public static final String PG_SCHEMA = "returnsync_demo";
    /** When the demo starts: 2026-11-03 10:00 in Shanghai. */
    static final Instant START = Instant.parse("2026-11-03T02:00:00Z");
    static final TenantId SHOP = TenantId.of("shop-hz");
    static final SupplierId SUP_A = SupplierId.of("sup-a");
    static final SupplierId SUP_B = SupplierId.of("sup-b");
    static final SupplierId SUP_C = SupplierId.of("sup-c");
    static final CaseId R1 = CaseId.of("case-1001");
    static final CaseId R2 = CaseId.of("case-1002");
    static final CaseId R3 = CaseId.of("case-1003");
    static final CaseId R4 = CaseId.of("case-1004");
    static final CaseId R5 = CaseId.of("case-1005");
    static final CustomerId C1 = CustomerId.of("c-1001");
    static final CustomerId C2 = CustomerId.of("c-1002");
    static final CustomerId C3 = CustomerId.of("c-1003");
    static final CustomerId C4 = CustomerId.of("c-1004");
    static final CustomerId C5 = CustomerId.of("c-1005");

    private final DemoClock clock = new DemoClock(START);
    private final Timeline timeline;
    private final String storeDescription;
    private final SimulatedSupplier supA = SimulatedSupplier.of(SUP_A, SimulatedSupplier.Style.NUMBER_IN_REPLY);
    private final SimulatedSupplier supB = SimulatedSupplier.of(SUP_B, SimulatedSupplier.Style.NUMBER_BY_CALLBACK);
    private final SimulatedSupplier supC = SimulatedSupplier.of(SUP_C, SimulatedSupplier.Style.NUMBER_BY_POLLING)
            .failingFirst(2);
    private final WatchedNotifier notifier;
    private final ReturnSyncEngine engine;
    private final Actor reseller = Actor.reseller(SHOP, "staff-li");
    private int keys;

    private Demo(CaseStore store, String storeDescription, PrintStream out) {
        this.storeDescription = storeDescription;
        ReturnWorkflow workflow = ReturnWorkflow.builder()
                .guard(Guards.noReasonWindow(Duration.ofDays(7)))        // 七天无理由退货
                .policy(Policies.autoShareSupplierNumber())              // 文本2 ⑤ as soon as ④ happened
                .build();
        this.timeline = new Timeline(out, clock, workflow.definition());
        this.notifier = new WatchedNotifier(timeline);
        this.engine = ReturnSyncEngine.builder()
                .store(new WatchedStore(store, timeline))
                .notifier(notifier)
                .suppliers(SupplierRegistry.of(new WatchedSupplier(supA, timeline),
                        new WatchedSupplier(supB, timeline), new WatchedSupplier(supC, timeline)))
                .workflow(workflow)
                .clock(clock)
                .random(new SplittableRandom(20261103L))
                .resellerNumbers(ResellerNumberGenerator.dated("RS", ZoneId.of(Timeline.ZONE_NAME),
                        new SplittableRandom(7L)))
                .dispatcherConfig(DispatcherConfig.custom().owner("demo").initialBackoff(Duration.ofSeconds(20))
                        .maxBackoff(Duration.ofMinutes(5)).pollInterval(Duration.ofMinutes(2)).build())
                .build();
    }

    /**
     * Plays the demo on a store and prints its timeline.
     *
     * @param store an empty store (the demo's case ids and numbers must be free)
     * @param storeDescription what the header says about the store
     * @param out where the timeline goes
     * @return the final cases and the demo's own checks
     */
    public static DemoResult run(CaseStore store, String storeDescription, PrintStream out) {
        Objects.requireNonNull(store, "store");
        Demo demo = new Demo(store, storeDescription, out);
        try {
            return demo.play();
        } finally {
            demo.engine.close();
        }
    }

    /**
     * Runs the demo: {@code --in-memory} (the default), {@code --postgres}, {@code --help}.
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");   // Hibernate Validator's start-up line too
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println("demo: " + e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            out.println(DemoOptions.USAGE);
            return;
        }
        CaseStore store;
        String description;
        if (options.postgres()) {
            try {
                PGSimpleDataSource dataSource = new PGSimpleDataSource();
                dataSource.setURL(options.url());
                dataSource.setUser(options.user());
                dataSource.setPassword(options.password());
                dropSchema(dataSource, PG_SCHEMA);
                store = PostgresCaseStore.builder(dataSource).schema(PG_SCHEMA).build();
            } catch (RuntimeException e) {
                System.err.println("demo: PostgreSQL at " + options.url() + " is not usable: " + e.getMessage());
                System.err.println("demo: start one with: eval \"$(bash .ci/pg-start.sh)\", or run with --in-memory");
                System.exit(1);
                return;
            }
            description = "PostgreSQL " + options.url() + ", schema " + PG_SCHEMA + " (emptied at start, kept after)";
        } else {
            store = new InMemoryCaseStore();
            description = "in-memory (InMemoryCaseStore; --postgres or RETURNSYNC_PG_URL for PostgreSQL)";
        }
        DemoResult result = run(store, description, out);
        out.flush();
        if (!result.checksPassed()) {
            System.exit(1);
        }
    }

    /** Drops a schema and everything in it, so the demo starts on an empty store. */
    static void dropSchema(DataSource dataSource, String schema) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the demo schema " + schema + " (SQLState "
                    + e.getSQLState() + ")", e);
        }
    }

    // ------------------------------------------------------------------------------------------- the story

    private DemoResult play() {
        timeline.raw("returnsync 演示 — 一件代发怎么同步退货 / 一件代发怎么同步退货单号");
        timeline.raw("店铺 tenant " + SHOP + " (代发商 reseller, 客服 " + reseller.id() + ") · 存储 store: "
                + storeDescription);
        timeline.raw("供应商 suppliers: " + SUP_A + " 申请后立即回复退货单号 (number in the reply) · " + SUP_B
                + " 稍后回调告知单号 (number by a later callback) · " + SUP_C
                + " 只能轮询, 前两次请求失败 (pull-only, fails twice first)");
        timeline.raw("时间 times: " + Timeline.ZONE_NAME + ", 固定时钟, 由演示推进 (a fixed clock the demo moves)");

        exchangeWithSupplierA();
        lookUpTheFirstReturn();
        twoSuppliersTwoStyles();
        aReturnThatIsNeverShipped();
        aPartialRefundInsteadOfAReturn();
        aWeekLater();
        declinedThenReapplied();
        return finalState();
    }

    /** case-1001: one leg, exchange, every step of both tables in order, a replaced number, two refusals. */
    private void exchangeWithSupplierA() {
        timeline.section("退货 1 · " + R1 + " · 换货 exchange · 供应商 " + SUP_A + " (单号随回复返回)");
        act(Duration.ZERO, submit(R1, C1, "TB20261103001", Instant.parse("2026-10-30T06:00:00Z"),
                Reason.of(ReasonCode.SIZE_OR_FIT, "尺码偏小, 想换大一号"), OutcomeType.EXCHANGE,
                line("TEE-WHITE-M", SUP_A, 1, 1, "79.00")));
        act(Duration.ofMinutes(5), as(reseller, R1).openNegotiation().leg(SUP_A).build());
        act(Duration.ofMinutes(25), as(supplier(SUP_A), R1).agreeReturn().outcome(OutcomeType.EXCHANGE).build());
        act(Duration.ofMinutes(1), as(reseller, R1).applyForReturn().leg(SUP_A).build());
        act(Duration.ofMinutes(29), as(supplier(SUP_A), R1).replaceSupplierNumber()
                .number(ReturnNumber.supplierReturn(SUP_A, "SUPA-R1-B")).build());
        act(Duration.ofHours(22), as(customer(C1), R1).reportShipment().leg(SUP_A).tracking("SF", "SF1234567890")
                .build());
        refuse(Duration.ofMinutes(10), "客户 " + C1 + " 寄出后想取消退货",
                as(customer(C1), R1).cancelReturn().leg(SUP_A).build());
        refuse(Duration.ofMinutes(5), "供应商 " + SUP_B + " 想确认 " + R1 + " 的退货",
                as(supplier(SUP_B), R1).confirmReceipt().received(LineQuantity.of("TEE-WHITE-M", 1)).build());
        act(Duration.ofHours(52).plusMinutes(45), as(supplier(SUP_A), R1).confirmReceipt()
                .received(LineQuantity.of("TEE-WHITE-M", 1)).build());
        act(Duration.ofMinutes(30), as(supplier(SUP_A), R1).reportResult().accepted(LineQuantity.of("TEE-WHITE-M", 1))
                .note("吊牌完好, 同意换货").build());
        act(Duration.ofMinutes(30), as(supplier(SUP_A), R1).shipReplacement().tracking("YTO", "YT9876543210").build());
        act(Duration.ofMinutes(10), as(reseller, R1).reportResultToCustomer().leg(SUP_A)
                .note("换货 L 码已寄出, 圆通 YT9876543210").build());
        act(Duration.ofHours(19), as(customer(C1), R1).confirmResult().leg(SUP_A).build());
    }

    /** Every party finds case-1001 by any of its numbers, typed as people type them. */
    private void lookUpTheFirstReturn() {
        timeline.section("用任一单号查找同一退货 · " + R1 + " by each of its numbers");
        ReturnCase c = engine.caseView(reseller, R1).state();
        Leg leg = c.leg(SUP_A).orElseThrow();
        String customerNumber = c.customerNumber().value();
        lookup(customer(C1), fullWidth(customerNumber), null, "全角输入 full-width");
        lookup(reseller, c.resellerNumber().value().toLowerCase(Locale.ROOT), null, "小写 lower case");
        lookup(supplier(SUP_A), leg.supplierNumber().value().toLowerCase(Locale.ROOT), null, "当前单号");
        lookup(supplier(SUP_A), leg.supersededNumbers().get(0).value(), null, "旧单号 old number");
        lookup(reseller, "SF 1234 5678 90", "SF", "带空格 with spaces");
        lookup(reseller, fullWidth(leg.replacementTracking().value()), "YTO", "全角输入 full-width");
        lookup(customer(C2), customerNumber, null, "别的客户 another customer");
        lookup(supplier(SUP_B), leg.supplierNumber().value(), SUP_A.value(), "别的供应商 another supplier");
    }

    /** case-1002: two legs, sup-b by callback, sup-c by polling after two failed requests; partial acceptance. */
    private void twoSuppliersTwoStyles() {
        timeline.section("退货 2 · " + R2 + " · 退货退款 · 两个供应商: " + SUP_B + " (回调) 和 " + SUP_C
                + " (轮询, 先失败两次)");
        act(Duration.ofMinutes(20), submit(R2, C2, "JD-AS-5521", Instant.parse("2026-11-02T09:00:00Z"),
                Reason.of(ReasonCode.QUALITY_ISSUE, "杯子有裂纹, 台灯不亮"), OutcomeType.RETURN_AND_REFUND,
                line("MUG-BLUE", SUP_B, 2, 2, "35.00"), line("LAMP-DESK", SUP_C, 1, 1, "129.00")));
        act(Duration.ofMinutes(5), as(reseller, R2).openNegotiation().leg(SUP_B).build());
        act(Duration.ZERO, as(reseller, R2).openNegotiation().leg(SUP_C).build());
        act(Duration.ofMinutes(25), as(supplier(SUP_B), R2).agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND)
                .build());
        timeline.note(SUP_C + " 没有协商接口, 代发商电话沟通后代为记录同意 (the reseller records the agreement)");
        act(Duration.ofMinutes(5), as(reseller, R2).agreeReturn().leg(SUP_C).outcome(OutcomeType.RETURN_AND_REFUND)
                .build());
        act(Duration.ofMinutes(5), as(reseller, R2).applyForReturn().leg(SUP_B).build());
        act(Duration.ZERO, as(reseller, R2).applyForReturn().leg(SUP_C).build());

        clock.advance(Duration.ofMinutes(2));
        List<SimulatedSupplier.Callback> callbacks = supB.takeCallbacks();
        check(callbacks.size() == 1, SUP_B + " wants to call back once, not " + callbacks.size() + " times");
        SimulatedSupplier.Callback callback = callbacks.get(0);
        for (int delivery = 1; delivery <= 2; delivery++) {
            timeline.note("回调 webhook: " + SUP_B + " → numberIssued(" + callback.resellerNumber() + ", "
                    + callback.supplierNumber() + ", 事件 " + callback.eventId() + ")"
                    + (delivery == 2 ? " 第二次送达 delivered again" : ""));
            CommandResult result = engine.supplierCallbacks(callback.tenant(), SUP_B).forReturn(callback.resellerNumber())
                    .numberIssued(callback.supplierNumber(), IdempotencyKey.of(callback.eventId()));
            if (result.replayed()) {
                timeline.detail("已处理过, 不重复记录 (replayed: version " + result.version() + ", nothing added)");
            }
            engine.runOnce(clock.instant());
        }
        runUntil("等 " + SUP_C + " 的退货单号", Duration.ofMinutes(1), 30,
                () -> legState(R2, SUP_C) == LegState.AWAITING_SHIPMENT);

        act(Duration.ofHours(21), as(customer(C2), R2).reportShipment().leg(SUP_B).tracking("ZTO", "ZT7700112233")
                .build());
        act(Duration.ofMinutes(3), as(customer(C2), R2).reportShipment().leg(SUP_C).tracking("JT", "JT0011223344")
                .build());

        clock.advance(Duration.ofHours(49));
        ReturnNumber resellerNumber = engine.caseView(reseller, R2).state().resellerNumber();
        timeline.note("回调 webhook: " + SUP_B + " → received(" + resellerNumber + ", 2× MUG-BLUE)");
        engine.supplierCallbacks(SHOP, SUP_B).forReturn(resellerNumber).received(
                List.of(LineQuantity.of("MUG-BLUE", 2)), IdempotencyKey.of("evt-recv-SUPB-R1"));
        engine.runOnce(clock.instant());
        timeline.note(SUP_C + " 的仓库收到台灯 (its system will report it when polled)");
        supC.receive(R2, List.of(LineQuantity.of("LAMP-DESK", 1)));
        runUntil("等轮询 " + SUP_C + " 的收货", Duration.ofMinutes(1), 10,
                () -> legState(R2, SUP_C) == LegState.RECEIVED);

        act(Duration.ofHours(5), as(supplier(SUP_B), R2).reportResult().accepted(LineQuantity.of("MUG-BLUE", 1))
                .rejected(LineQuantity.of("MUG-BLUE", 1)).note("一只有裂纹; 另一只完好, 不予退款").build());
        timeline.note(SUP_C + " 检验台灯 (its system will report the result when polled)");
        supC.inspect(R2, SupplierReply.resultReported(List.of(LineQuantity.of("LAMP-DESK", 1)), List.of())
                .withNote("台灯开关损坏, 同意退款"));
        runUntil("等轮询 " + SUP_C + " 的检验结果", Duration.ofMinutes(10), 1,
                () -> legState(R2, SUP_C) == LegState.RESULT_REPORTED);
        act(Duration.ofMinutes(50), as(reseller, R2).reportResultToCustomer().leg(SUP_B).note("退款 35 元; 完好的那只杯子寄回给您")
                .build());
        act(Duration.ZERO, as(reseller, R2).reportResultToCustomer().leg(SUP_C).note("退款 129 元").build());
        act(Duration.ofHours(17), as(customer(C2), R2).confirmResult().leg(SUP_B).build());
        timeline.note("客户 " + C2 + " 没有确认台灯的结果 (the customer does not answer for " + SUP_C + ")");
    }

    /** case-1003: the customer gets the number and never ships. */
    private void aReturnThatIsNeverShipped() {
        timeline.section("退货 3 · " + R3 + " · 七天无理由 · 供应商 " + SUP_A + " · 客户一直没有寄回");
        act(Duration.ofHours(1), submit(R3, C3, "PDD-7788123", Instant.parse("2026-11-08T03:00:00Z"),
                Reason.of(ReasonCode.NO_REASON, "不想要了"), OutcomeType.RETURN_AND_REFUND,
                line("SOCKS-5P", SUP_A, 1, 1, "25.00")));
        act(Duration.ofMinutes(5), as(reseller, R3).openNegotiation().leg(SUP_A).build());
        timeline.note("七天无理由: 退货运费由买家承担 (no reason given: the customer bears the return shipping)");
        act(Duration.ofMinutes(10), as(supplier(SUP_A), R3).agreeReturn().outcome(OutcomeType.RETURN_AND_REFUND)
                .shippingFee(Money.of("CNY", "10.00")).build());
        act(Duration.ofMinutes(1), as(reseller, R3).applyForReturn().leg(SUP_A).build());
    }

    /**
     * case-1004: 协商部分退款. Instead of taking the dress back, the supplier offers a refund and the customer keeps
     * it; the first offer is rejected, the second accepted.
     */
    private void aPartialRefundInsteadOfAReturn() {
        timeline.section("退货 4 · " + R4 + " · 协商部分退款 · 供应商 " + SUP_A + " · 不退货, 部分退款");
        act(Duration.ofMinutes(30), submit(R4, C4, "TB-AS-9031", Instant.parse("2026-11-07T06:00:00Z"),
                Reason.of(ReasonCode.QUALITY_ISSUE, "裙子有一处线头"), OutcomeType.RETURN_AND_REFUND,
                line("DRESS-RED-S", SUP_A, 1, 1, "199.00")));
        act(Duration.ofMinutes(5), as(reseller, R4).openNegotiation().leg(SUP_A).build());
        act(Duration.ofMinutes(20), as(supplier(SUP_A), R4).offerPartialRefund().amount(Money.of("CNY", "20.00"))
                .note("小瑕疵, 不用寄回, 退 20 元").build());
        act(Duration.ofHours(2), as(customer(C4), R4).rejectPartialRefund().leg(SUP_A)
                .reason(ReasonCode.OTHER, "20 元太少").build());
        act(Duration.ofMinutes(15), as(supplier(SUP_A), R4).offerPartialRefund().amount(Money.of("CNY", "40.00"))
                .note("退 40 元, 裙子留下").build());
        act(Duration.ofMinutes(40), as(customer(C4), R4).acceptPartialRefund().leg(SUP_A).build());
        Leg settled = engine.caseView(reseller, R4).state().leg(SUP_A).orElseThrow();
        timeline.note("已结算 settled: 退款 " + settled.settlement().refund() + ", 供应商应付代发商 "
                + settled.settlement().supplierOwes() + ", 商品不寄回 (the goods stay with the customer)");
    }

    /** Seven days later: deadlines fire; a late command is refused. */
    private void aWeekLater() {
        timeline.section("七天后 · a week later: 期限到了 deadlines fall due");
        clock.advance(Duration.ofDays(7).plusHours(1));
        timeline.tick("时钟 +7天1小时, 引擎处理到期事项 (runDue + dispatchPending)");
        engine.runOnce(clock.instant());
        refuse(Duration.ofMinutes(30), "客户 " + C3 + " 过期后才寄回",
                as(customer(C3), R3).reportShipment().leg(SUP_A).tracking("SF", "SF5550001111").build());
    }

    /**
     * case-1005: the customer writes to the reseller, the supplier declines in the negotiation; the customer re-applies
     * with a video under the same after-sale number (Taobao's 修改申请 after 卖家拒绝); the second round ends in a refund.
     */
    private void declinedThenReapplied() {
        timeline.section("退货 5 · " + R5 + " · 仅退款 refund only · 供应商 " + SUP_A + " · 被拒后修改申请 re-applied after a decline");
        act(Duration.ofHours(2), submit(R5, C5, "TB20261118042", Instant.parse("2026-11-16T05:00:00Z"),
                new Reason(ReasonCode.QUALITY_ISSUE, "围巾有污渍",
                        List.of(Evidence.of(EvidenceKind.PHOTO, "https://img.example/scarf-stain.jpg"))),
                OutcomeType.REFUND_ONLY, line("SCARF-GREY", SUP_A, 1, 1, "89.00")));
        act(Duration.ofMinutes(5), as(reseller, R5).openNegotiation().leg(SUP_A).build());
        act(Duration.ofMinutes(10), as(customer(C5), R5).sendMessage().leg(SUP_A).to(Role.RESELLER)
                .text("污渍是收到时就有的, 还有开箱视频").build());
        act(Duration.ofMinutes(30), as(supplier(SUP_A), R5).declineReturn()
                .reason(ReasonCode.OTHER, "照片看不出污渍, 疑似使用后造成").build());
        act(Duration.ofHours(20), as(customer(C5), R5).reapply().leg(SUP_A)
                .reason(ReasonCode.QUALITY_ISSUE, "开箱视频显示污渍在包装内",
                        Evidence.of(EvidenceKind.VIDEO, "https://video.example/unboxing-1005.mp4"))
                .build());
        act(Duration.ofMinutes(10), as(reseller, R5).sendMessage().leg(SUP_A).to(Role.SUPPLIER)
                .text("客户补了开箱视频, 请再看一下").build());
        act(Duration.ofMinutes(50), as(supplier(SUP_A), R5).agreeReturn().outcome(OutcomeType.REFUND_ONLY)
                .evidence(Evidence.of(EvidenceKind.INSPECTION_REPORT, "QC-SUPA-1005: 出库前已有污渍")).build());
        act(Duration.ofMinutes(1), as(reseller, R5).applyForReturn().leg(SUP_A).build());
        act(Duration.ofMinutes(30), as(supplier(SUP_A), R5).reportResult().note("同意仅退款").build());
        act(Duration.ofMinutes(10), as(reseller, R5).reportResultToCustomer().leg(SUP_A).note("退款 89 元").build());
        act(Duration.ofHours(3), as(customer(C5), R5).confirmResult().leg(SUP_A).build());
        timeline.note("第 " + engine.caseView(customer(C5), R5).state().leg(SUP_A).orElseThrow().round()
                + " 轮协商后完成 (completed in round 2); 客户看到 " + engine.messages(customer(C5), R5).size()
                + " 条留言 (the customer reads its own message only, not the reseller's to the supplier)");
    }

    private DemoResult finalState() {
        timeline.section("最终状态 final state");
        List<ReturnCase> cases = new ArrayList<>();
        int pending = 0;
        int parked = 0;
        for (CaseId id : List.of(R1, R2, R3, R4, R5)) {
            CaseView view = engine.caseView(reseller, id);
            ReturnCase c = view.state();
            cases.add(c);
            pending += view.pending().size();
            parked += view.parked().size();
            timeline.raw(c.id() + "  " + c.status() + "  客户 " + c.customer() + " · " + Timeline.kind(
                    c.customerNumber().kind()) + " " + c.customerNumber() + " · " + Timeline.kind(
                    c.resellerNumber().kind()) + " " + c.resellerNumber() + " · v" + c.version());
            for (Leg leg : c.legs()) {
                StringBuilder line = new StringBuilder(Timeline.INDENT).append(leg.supplier()).append("  ")
                        .append(leg.state()).append("  ").append(leg.outcome() == null ? "-"
                                : Timeline.outcome(leg.outcome()));
                line.append("  供应商退货单号 ").append(Timeline.number(leg.supplierNumber()));
                for (ReturnNumber old : leg.supersededNumbers()) {
                    line.append(" (旧 ").append(old).append(')');
                }
                if (leg.returnTracking() != null) {
                    line.append("  退货物流 ").append(leg.returnTracking());
                }
                if (leg.replacementTracking() != null) {
                    line.append("  换货物流 ").append(leg.replacementTracking());
                }
                line.append("  退款 ").append(leg.refund() == null ? "-" : leg.refund().toString());
                timeline.raw(line.toString());
                for (LineState l : leg.lines()) {
                    timeline.raw(Timeline.INDENT + "  " + l.sku() + ": 申请 requested " + l.requested()
                            + " · 批准 authorized " + l.authorized() + " · 收到 received " + l.received()
                            + " · 合格 accepted " + l.accepted() + " · 不合格 rejected " + l.rejected());
                }
            }
        }

        timeline.section("核对 checks");
        List<String> failures = new ArrayList<>();
        int links = 0;
        for (ReturnCase c : cases) {
            for (NumberLink link : c.links()) {
                links++;
                if (!engine.findByNumber(reseller, link.number()).equals(Optional.of(link))) {
                    failures.add(link.number() + " does not lead to " + Timeline.where(link));
                }
            }
        }
        timeline.raw("单号 numbers: " + links + " 个号码, 每个都能查到它的退货 (each resolves to its case and leg)");
        timeline.raw("待办 outbox: " + pending + " pending, " + parked + " parked");
        var received = notifier.received();
        int distinct = received.delivered().size();
        int calls = received.delivered().stream().mapToInt(n -> received.calls(n.id())).sum();
        timeline.raw("通知 notifications: " + distinct + " delivered, " + calls + " calls, " + received.repeats()
                + " repeats (deduplicated by id)");
        StringBuilder suppliers = new StringBuilder("供应商 suppliers:");
        for (SimulatedSupplier s : List.of(supA, supB, supC)) {
            List<SupplierRequest> all = s.calls();
            long requests = all.stream().filter(r -> r instanceof SupplierRequest.RequestReturn).count();
            long polls = all.stream().filter(r -> r instanceof SupplierRequest.Poll).count();
            suppliers.append(' ').append(s.supplier()).append(" 创建退货 returns created ").append(s.returnsCreated())
                    .append(" · 请求 requests ").append(requests).append(" · 轮询 polls ").append(polls).append(';');
        }
        timeline.raw(suppliers.substring(0, suppliers.length() - 1));
        if (pending != 0 || parked != 0) {
            failures.add("outbox work left: " + pending + " pending, " + parked + " parked");
        }
        for (SimulatedSupplier s : List.of(supA, supB, supC)) {
            for (CaseId id : List.of(R1, R2, R3, R4, R5)) {
                if (s.requestKeys(id).size() > 1) {
                    failures.add(s.supplier() + " saw " + s.requestKeys(id).size() + " return requests for " + id);
                }
            }
        }
        if (received.repeats() != 0) {
            failures.add(received.repeats() + " notifications were delivered twice");
        }
        List<CaseStatus> expected = List.of(CaseStatus.COMPLETED, CaseStatus.COMPLETED, CaseStatus.EXPIRED,
                CaseStatus.COMPLETED, CaseStatus.COMPLETED);
        for (int i = 0; i < cases.size(); i++) {
            if (cases.get(i).status() != expected.get(i)) {
                failures.add(cases.get(i).id() + " ended " + cases.get(i).status() + ", not " + expected.get(i));
            }
        }
        timeline.raw(failures.isEmpty() ? "结论 result: 全部核对通过 all checks passed"
                : "结论 result: 核对失败 checks failed: " + failures);
        return new DemoResult(cases, pending, parked, distinct, calls, failures);
    }

    // ------------------------------------------------------------------------------------------- helpers

    /** Moves the clock, runs the command (it must be accepted), then lets the engine do the work it caused. */
    private CommandResult act(Duration after, Command command) {
        clock.advance(after);
        CommandResult result = engine.execute(command);
        engine.runOnce(clock.instant());
        return result;
    }

    /** Moves the clock and runs a command that the workflow must refuse; prints the refusal. */
    private void refuse(Duration after, String what, Command command) {
        clock.advance(after);
        timeline.note(what + ": " + command.type());
        try {
            engine.execute(command);
        } catch (CommandRefusedException e) {
            timeline.detail("✗ 拒绝 refused " + e.getClass().getSimpleName() + " · " + e.refusal());
            return;
        }
        throw new IllegalStateException("the demo expected " + command.type() + " on " + command.caseId()
                + " to be refused");
    }

    /** Moves the clock in steps, letting the engine run, until the condition holds. */
    private void runUntil(String what, Duration step, int maxSteps, BooleanSupplier done) {
        Duration waited = Duration.ZERO;
        for (int i = 0; i < maxSteps && !done.getAsBoolean(); i++) {
            clock.advance(step);
            waited = waited.plus(step);
            timeline.tick("时钟 +" + minutes(waited) + ", 引擎运行 (" + what + ")");
            engine.runOnce(clock.instant());
        }
        check(done.getAsBoolean(), what + ": not done after " + maxSteps + " steps of " + step);
    }

    private void lookup(Actor asker, String typed, String scope, String how) {
        List<NumberLink> found = scope == null ? engine.lookup(asker, typed) : engine.lookup(asker, typed, scope);
        String result;
        if (found.isEmpty()) {
            result = "查不到 not found (不泄露别人的退货)";
        } else {
            List<String> where = new ArrayList<>();
            for (NumberLink link : found) {
                where.add(Timeline.where(link) + " · " + Timeline.kind(link.number().kind()) + " " + link.number()
                        + (link.superseded() ? " (已被替换 superseded)" : ""));
            }
            result = String.join("; ", where);
        }
        timeline.raw("[" + Timeline.time(clock.instant()) + "] 查找 lookup  " + Timeline.actor(asker) + " 输入 “"
                + typed + "”" + (scope == null ? "" : " (" + scope + ")") + ", " + how + " → " + result);
    }

    private LegState legState(CaseId caseId, SupplierId supplier) {
        return engine.caseView(reseller, caseId).state().leg(supplier).orElseThrow().state();
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + "分钟";
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException("demo: " + message);
        }
    }

    /** The full-width form of an ASCII string, as typed with a Chinese input method: 0-9 become ０-９, etc. */
    static String fullWidth(String ascii) {
        StringBuilder sb = new StringBuilder(ascii.length());
        for (char ch : ascii.toCharArray()) {
            sb.append(ch > ' ' && ch < 0x7F ? (char) (ch + 0xFEE0) : ch);
        }
        return sb.toString();
    }

    private IdempotencyKey key() {
        return IdempotencyKey.of("demo-" + (++keys));
    }

    private static Actor customer(CustomerId customer) {
        return Actor.customer(SHOP, customer);
    }

    private static Actor supplier(SupplierId supplier) {
        return Actor.supplier(SHOP, supplier);
    }

    private static ReturnLine line(String sku, SupplierId supplier, int requested, int delivered, String price) {
        return new ReturnLine(Sku.of(sku), supplier, requested, delivered, Money.of("CNY", price));
    }

    private Command.SubmitReturn submit(CaseId caseId, CustomerId customer, String customerNumber, Instant deliveredAt,
                                        Reason reason, OutcomeType wanted, ReturnLine... lines) {
        return as(customer(customer), caseId).submitReturn()
                .order(OrderId.of("order-" + caseId.value().substring(caseId.value().indexOf('-') + 1)))
                .customerNumber(ReturnNumber.customerRequest(SHOP, customerNumber)).lines(List.of(lines))
                .reason(reason).wanted(wanted).deliveredAt(deliveredAt).build();
    }

    /** The header of the next command: a fresh key, the actor and the case. */
    private CommandHeader as(Actor actor, CaseId caseId) {
        return Commands.as(actor).key(key()).onCase(caseId);
    }
}
