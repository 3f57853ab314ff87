package dev.returnsync.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The thread's CPU time per whole case, for comparing two builds on a machine too loaded for JMH's wall-clock
 * throughput: time the host lends to other tenants is not counted. A diagnostic, not a benchmark of record: it
 * runs {@link WholeCaseBenchmark}'s cases (the same {@value WholeCaseBenchmark#CASES} scenarios, checked the same
 * way) in one thread, warms up for 8 s, then prints the nanoseconds of CPU time per case of each round. Run each
 * build in its own JVM, alternating: {@code java -cp benchmarks.jar dev.returnsync.benchmarks.CaseCpuTime
 * [flow] [rounds] [cases per round]}, by default {@code RETURNSYNC 5 200000}.
 */
public final class CaseCpuTime {
    private static final long WARM_UP_NANOS = 8_000_000_000L;

    private CaseCpuTime() {
    }

    /**
     * Prints the CPU time per case of each round.
     *
     * @param args the flow, the rounds and the cases per round, each optional
     */
    public static void main(String[] args) {
        FlowType flow = args.length > 0 ? FlowType.valueOf(args[0]) : FlowType.RETURNSYNC;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int cases = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        ReturnFlow implementation = flow.create();
        Scenario[] scenarios = new Scenario[WholeCaseBenchmark.CASES];
        for (int i = 0; i < scenarios.length; i++) {
            scenarios[i] = Scenario.of(i);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long seen = 0;
        long warmUpEnd = System.nanoTime() + WARM_UP_NANOS;
        for (int i = 0; System.nanoTime() < warmUpEnd; i++) {
            seen += run(implementation, scenarios[i & (scenarios.length - 1)]);
        }
        for (int round = 1; round <= rounds; round++) {
            long before = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < cases; i++) {
                seen += run(implementation, scenarios[i & (scenarios.length - 1)]);
            }
            long nanos = threads.getCurrentThreadCpuTime() - before;
            System.out.println(flow + " round " + round + ": " + nanos / cases + " ns of CPU time per case");
        }
        System.out.println("(" + seen + " checked)");
    }

    private static long run(ReturnFlow implementation, Scenario scenario) {
        return implementation.run(scenario).check(scenario, FlowState.COMPLETED).transitions();
    }
}
