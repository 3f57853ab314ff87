package dev.returnsync.examples.demo;

import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.core.domain.SeedStep;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.CaseStatus;
import dev.returnsync.spi.NumberKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/** Runs the demo on the in-memory store and reads its timeline like a reader would. */
@Timeout(60)
class DemoTest {
    private static final Pattern STAMP = Pattern.compile("^\\[(\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)] ");
    private static DemoResult result;
    private static String output;
    private static List<String> lines;

    @BeforeAll
    static void runTheDemo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        result = Demo.run(new InMemoryCaseStore(), "in-memory", new PrintStream(bytes, true, StandardCharsets.UTF_8));
        output = bytes.toString(StandardCharsets.UTF_8);
        lines = output.lines().toList();
    }

    /** Runs the demo on a fresh in-memory store and returns what it printed. */
    static String runOnce(String storeDescription) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Demo.run(new InMemoryCaseStore(), storeDescription, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void the_demo_checks_itself_and_ends_as_told() {
        assertTrue(result.checksPassed(), "the demo's own checks: " + result.failures());
        assertEquals(0, result.pendingWork());
        assertEquals(0, result.parkedWork());
        assertEquals(result.notifications(), result.notificationCalls(), "no notification was delivered twice");
        Map<String, CaseStatus> expected = Map.of("case-1001", CaseStatus.COMPLETED, "case-1002", CaseStatus.COMPLETED,
                "case-1003", CaseStatus.EXPIRED, "case-1004", CaseStatus.COMPLETED, "case-1005", CaseStatus.COMPLETED);
        assertEquals(5, result.cases().size());
        for (ReturnCase c : result.cases()) {
            assertEquals(expected.get(c.id().value()), c.status(), c.id().value());
        }
        assertTrue(output.contains("结论 result: 全部核对通过 all checks passed"));
    }

    @Test
    void a_fee_borne_by_the_customer_and_a_partial_refund_are_shown_in_the_seeds_words() {
        assertTrue(output.contains("退货运费 CNY 10.00 买家承担 (七天无理由)"), output);
        assertTrue(output.contains("协商部分退款 (第 1 次): 不退货, 退款 CNY 20.00"), output);
        assertTrue(output.contains("拒绝部分退款, 原因"), output);
        assertTrue(output.contains("接受部分退款 CNY 40.00, 商品留下; 供应商应付代发商 CNY 40.00"), output);
    }

    @Test
    void the_first_return_walks_every_step_of_both_tables_in_order() {
        List<String> steps = lines.stream().filter(l -> STAMP.matcher(l).find() && l.contains(" case-1001 v")).toList();
        assertFalse(steps.isEmpty());
        for (String table : List.of("文本1", "文本2")) {
            int last = -1;
            int count = 0;
            for (SeedStep step : SeedStep.values()) {
                if (!step.table().equals(table)) {
                    continue;
                }
                String label = Timeline.label(step);
                int at = indexOf(steps, label);
                assertTrue(at >= 0, "case-1001 shows " + label + "\n" + String.join("\n", steps));
                assertTrue(at > last,
                        label + " comes after the step before it\n" + String.join("\n", steps));
                last = at;
                count++;
            }
            assertEquals("文本1".equals(table) ? 7 : 5, count);
        }
        // the two tables meet in their first two rows: both labels on one line
        assertTrue(steps.get(0).contains("文本1 ① 客户提交退货申请 / 文本2 ① 客户提交退货申请"), steps.get(0));
        assertTrue(output.contains("文本1 ③ 代发商向供应商申请退货 / 文本2 ③ 代发商向供应商申请退货单号"));
    }

    @Test
    void every_seed_step_appears_with_the_actor_that_took_it() {
        assertStepBy("文本1 ① 客户提交退货申请", "客户 c-1001");
        assertStepBy("文本2 ③ 代发商向供应商申请退货单号", "代发商 staff-li");
        assertStepBy("文本2 ④ 供应商提供退货单号", "供应商 sup-a");
        assertStepBy("文本2 ④ 供应商提供退货单号", "供应商 sup-b");   // by callback
        assertStepBy("文本2 ④ 供应商提供退货单号", "供应商 sup-c");   // by polling
        assertStepBy("文本2 ⑤ 代发商将退货单号告知客户", "系统 auto-share-supplier-number");
        assertStepBy("文本1 ④ 供应商确认退货并处理", "供应商 sup-a");
        assertStepBy("文本1 ⑤ 供应商向代发商确认退货处理结果", "供应商 sup-a");
        assertStepBy("文本1 ⑥ 代发商向客户确认退货处理结果", "代发商 staff-li");
        assertStepBy("文本1 ⑦ 客户确认退货处理结果", "客户 c-1001");
        assertStepBy("文本1 ⑦ 客户确认退货处理结果", "系统 deadline-runner");   // confirmed automatically
    }

    @Test
    void every_number_is_shown_as_it_gets_linked() {
        ReturnCase first = result.cases().get(0);
        List<String> linked = lines.stream().filter(l -> l.contains("关联单号 linked:")).toList();
        first.links().forEach(link -> assertTrue(linked.stream().anyMatch(l -> l.contains(link.number().toString())),
                link.number() + " is shown when it is linked"));
        assertTrue(linked.stream().anyMatch(l -> l.contains("SUPA-R1 已被替换, 仍可查到 (superseded)")));
    }

    @Test
    void the_first_return_is_found_by_each_kind_of_number() {
        List<String> lookups = lines.stream().filter(l -> l.contains("查找 lookup")).toList();
        for (NumberKind kind : NumberKind.values()) {
            assertTrue(lookups.stream().anyMatch(l -> l.contains("→ case-1001") && l.contains(Timeline.kind(kind))),
                    "a look-up by the " + kind + " finds case-1001\n" + String.join("\n", lookups));
        }
        String fullWidth = Demo.fullWidth("TB20261103001");
        assertEquals("ＴＢ２０２６１１０３００１", fullWidth);
        assertTrue(lookups.stream().anyMatch(l -> l.contains("“" + fullWidth + "”") && l.contains("→ case-1001 · ")),
                "the full-width customer number finds the case");
        assertTrue(lookups.stream().anyMatch(l -> l.contains("“SUPA-R1”") && l.contains("→ case-1001 / sup-a")
                && l.contains("superseded")), "the superseded supplier number still finds the leg");
        assertEquals(2, lookups.stream().filter(l -> l.contains("查不到 not found")).count(),
                "another customer and another supplier find nothing");
    }

    @Test
    void a_deadline_expires_after_the_clock_moved_a_week() {
        int expiry = indexOf(lines, "case-1003 v7  表外 · 期限已过, 退货失效");
        assertTrue(expiry > 0, output);
        assertTrue(lines.get(expiry).startsWith("[11-18 "), "a week after the number was shared: " + lines.get(expiry));
        assertTrue(lines.get(expiry + 1).contains("系统 deadline-runner") && lines.get(expiry + 1)
                .contains("AWAITING_SHIPMENT → EXPIRED"), lines.get(expiry + 1));
        assertTrue(output.contains("✉ 通知客户 c-1003 LEG_EXPIRED"), "the customer is told");
    }

    @Test
    void refused_commands_show_their_error() {
        List<String> refusals = lines.stream().filter(l -> l.contains("✗ 拒绝 refused")).toList();
        assertEquals(3, refusals.size(), String.join("\n", refusals));
        assertTrue(refusals.get(0).contains("ILLEGAL_TRANSITION: CANCEL_RETURN on case-1001 in SHIPPED"));
        assertTrue(refusals.get(1).contains("CASE_NOT_FOUND: CONFIRM_RECEIPT on case-1001"), refusals.get(1));
        assertTrue(refusals.get(2).contains("ILLEGAL_TRANSITION: REPORT_SHIPMENT on case-1003 in EXPIRED"));
    }

    @Test
    void the_final_state_of_each_case_is_printed() {
        int section = indexOf(lines, "━━ 最终状态 final state ━━");
        assertTrue(section > 0);
        List<String> tail = lines.subList(section, lines.size());
        assertTrue(indexOf(tail, "case-1001  COMPLETED") > 0);
        assertTrue(indexOf(tail, "case-1002  COMPLETED") > 0);
        assertTrue(indexOf(tail, "case-1003  EXPIRED") > 0);
        assertTrue(indexOf(tail, "sup-a  COMPLETED  换货  供应商退货单号 SUPA-R1-B (旧 SUPA-R1)") > 0);
        assertTrue(indexOf(tail, "sup-b  COMPLETED  退货退款  供应商退货单号 SUPB-R1") > 0);
        assertTrue(indexOf(tail, "MUG-BLUE: 申请 requested 2 · 批准 authorized 2 · 收到 received 2 · 合格 accepted 1"
                + " · 不合格 rejected 1") > 0, "the partial acceptance");
        assertTrue(indexOf(tail, "待办 outbox: 0 pending, 0 parked") > 0);
    }

    @Test
    void the_supplier_styles_show_in_their_calls() {
        assertTrue(output.contains("⇄ 接口 sup-a.requestReturn(") && output.contains("⇒ NumberIssued SUPA-R1"));
        assertTrue(output.contains("⇄ 接口 sup-b.requestReturn(") && output.contains("⇒ Pending"));
        assertEquals(2, count("⇄ 接口 sup-c.requestReturn(RS-261107-9DBGT, 1× LAMP-DESK, 退货退款) ⇒ RetryableFailure"),
                "sup-c fails its first two requests");
        assertTrue(output.contains("⇄ 接口 sup-c.poll(RS-261107-9DBGT) ⇒ NumberIssued SUPC-R1"));
        assertTrue(output.contains("replayed: version 8, nothing added"), "the repeated callback adds nothing");
    }

    @Test
    void time_only_moves_forward_and_the_run_is_deterministic() {
        String previous = "";
        for (String line : lines) {
            Matcher m = STAMP.matcher(line);
            if (m.find()) {
                assertTrue(m.group(1).compareTo(previous) >= 0, line + " after " + previous);
                previous = m.group(1);
            }
        }
        assertEquals(runOnce("in-memory"), output, "a second run prints the same timeline");
    }

    @Test
    void options_pick_the_store() {
        Map<String, String> none = Map.of();
        Map<String, String> pg = Map.of("RETURNSYNC_PG_URL", "jdbc:postgresql://127.0.0.1:1/x",
                "RETURNSYNC_PG_USER", "u", "RETURNSYNC_PG_PASSWORD", "p");
        assertFalse(DemoOptions.parse(new String[0], none::get).postgres());
        DemoOptions fromEnv = DemoOptions.parse(new String[0], pg::get);
        assertTrue(fromEnv.postgres());
        assertEquals("u", fromEnv.user());
        assertFalse(DemoOptions.parse(new String[] {"--in-memory"}, pg::get).postgres());
        assertTrue(DemoOptions.parse(new String[] {"--postgres"}, pg::get).postgres());
        IllegalArgumentException noUrl = assertThrows(IllegalArgumentException.class,
                () -> DemoOptions.parse(new String[] {"--postgres"}, none::get));
        assertTrue(noUrl.getMessage().contains("bash .ci/pg-start.sh"), noUrl.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DemoOptions.parse(new String[] {"--fast"}, none::get));
        assertTrue(DemoOptions.parse(new String[] {"--help"}, none::get).help());
    }

    private void assertStepBy(String label, String actor) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).contains(label) && lines.get(i + 1).trim().startsWith(actor + ":")) {
                return;
            }
        }
        fail(label + " taken by " + actor + " is not in the timeline\n" + output);
    }

    @Test
    void the_fifth_return_is_declined_then_reapplied_in_the_seeds_words_and_ends_in_round_two() {
        List<String> steps = lines.stream().filter(l -> STAMP.matcher(l).find() && l.contains(" case-1005 v")).toList();
        int declined = indexOf(steps, Timeline.label(SeedStep.FLOW_2));
        int reapplied = indexOf(steps.subList(declined + 1, steps.size()), Timeline.label(SeedStep.FLOW_1));
        assertTrue(declined >= 0 && reapplied >= 0, "a re-application is 文本1 ① again\n" + String.join("\n", steps));
        assertTrue(output.contains("被拒后修改并重新提交退货申请 (第 2 轮协商)"), output);
        assertTrue(output.contains("凭证 VIDEO https://video.example/unboxing-1005.mp4"), "the evidence is shown");
        assertTrue(output.contains("第 2 轮协商后完成"), output);
        assertTrue(output.contains("客户看到 1 条留言"), "the reseller's message to the supplier is not the customer's");
    }

    private static int indexOf(List<String> in, String text) {
        for (int i = 0; i < in.size(); i++) {
            if (in.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static long count(String text) {
        return new ArrayList<>(lines).stream().filter(l -> l.contains(text)).count();
    }
}
