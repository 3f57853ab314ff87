package dev.returnsync.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * (d) Retained memory per case, for returnsync and each peer: the heap in use after a full GC, before and
 * after keeping {@code n} cases, divided by {@code n}. Each case is made from its own {@link Scenario}, which is
 * dropped, so the figure counts everything the case keeps (its ids, numbers and lines too), as a case loaded
 * from storage would. What the implementation shares between cases (definition, factory) is built before.
 *
 * <p>In flight: a single-leg case shipped back and waiting for the supplier's receipt (supplier number and
 * tracking linked), kept the way {@link ReturnFlow#live} says. Closed: the completed case;
 * for returnsync with its eleven events (the audit trail), for the peers without any history since they keep
 * none. Run it in its own JVM with a stop-the-world collector: {@code java -XX:+UseSerialGC -cp
 * benchmarks.jar dev.returnsync.benchmarks.RetainedMemory [cases]}.
 */
public final class RetainedMemory {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /**
     * One implementation's figures.
     *
     * @param flow the implementation
     * @param inFlight bytes per in-flight case
     * @param closed bytes per closed case
     */
    public record Row(FlowType flow, double inFlight, double closed) {
    }

    private RetainedMemory() {
    }

    /**
     * Prints the table.
     *
     * @param args optionally the number of cases kept per measurement (default 5000)
     */
    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        System.out.println(table(measureAll(cases), cases));
    }

    /** Measures every implementation with {@code cases} cases each. */
    public static List<Row> measureAll(int cases) {
        List<Row> rows = new ArrayList<>();
        for (FlowType type : FlowType.values()) {
            ReturnFlow flow = type.create();
            // one of each first, so that lazily made shared state is not counted
            flow.run(Scenario.of(cases * 3));
            flow.live(Scenario.of(cases * 3 + 1), Step.CONFIRM_RECEIPT);
            flow.closed(Scenario.of(cases * 3 + 2));
            double inFlight = perCase(cases, i -> flow.live(Scenario.of(i), Step.CONFIRM_RECEIPT));
            double closed = perCase(cases, i -> flow.closed(Scenario.of(cases + i)));
            rows.add(new Row(type, inFlight, closed));
        }
        return rows;
    }

    /** The measured rows as a Markdown table. */
    public static String table(List<Row> rows, int cases) {
        double oursInFlight = rows.get(0).inFlight();
        double oursClosed = rows.get(0).closed();
        StringBuilder out = new StringBuilder();
        out.append("Retained heap per case (").append(cases).append(" cases kept, used heap after full GC)\n\n");
        out.append("| implementation | in flight, B/case | × ours | closed, B/case | × ours |\n");
        out.append("| --- | ---: | ---: | ---: | ---: |\n");
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.0f | %.2f |%n", row.flow(), row.inFlight(),
                    row.inFlight() / oursInFlight, row.closed(), row.closed() / oursClosed));
        }
        out.append("\nclosed: returnsync keeps its 11 events (the audit trail); the peers keep no history.\n");
        return out.toString();
    }

    private static double perCase(int cases, IntFunction<Object> make) {
        Object[] kept = new Object[cases];
        long before = usedAfterGc();
        for (int i = 0; i < cases; i++) {
            kept[i] = make.apply(i);
        }
        long after = usedAfterGc();
        Reference.reachabilityFence(kept);
        return (after - before) / (double) cases;
    }

    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
