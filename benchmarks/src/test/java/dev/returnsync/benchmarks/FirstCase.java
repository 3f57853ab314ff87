package dev.returnsync.benchmarks;

/**
 * Run in a fresh JVM by {@link FirstCaseLinkageTest}: the setup of {@link ColdStartBenchmark} (input made, the JDK's
 * first record method, concatenation and lambda linked), then returnsync's first case between two marker lines.
 */
final class FirstCase {
    static final String BEGIN = "=== first case begins";
    static final String END = "=== first case ends";

    private FirstCase() {
    }

    public static void main(String[] args) {
        ColdStartBenchmark benchmark = new ColdStartBenchmark();
        benchmark.flow = FlowType.RETURNSYNC;
        benchmark.setUp();
        System.out.println(BEGIN);
        Outcome outcome = benchmark.buildAndRunFirstCase();
        System.out.println(END);
        System.out.println(outcome.state());
    }
}
