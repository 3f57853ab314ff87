package dev.returnsync.benchmarks;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the benchmark suite with {@code -prof gc}, then {@link RetainedMemory} in its own JVM, and prints one
 * table: benchmark, implementation, score, how many times faster returnsync is, and bytes allocated per
 * operation.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.returnsync.benchmarks.Report short   # about 5 minutes on 2 cores
 * java -cp benchmarks/target/benchmarks.jar dev.returnsync.benchmarks.Report full    # about 25 minutes
 * </pre>
 *
 * <p>short: 1 fork, 3 × 1 s warm-up, 3 × 1 s measurement, cold start in 3 forks, 5000 cases for memory.
 * full: 3 forks, 5 × 2 s warm-up, 5 × 2 s measurement, cold start in 10 forks, 20000 cases for memory.
 */
public final class Report {
    private static final String ALLOC = "gc.alloc.rate.norm";

    private Report() {
    }

    /**
     * Runs the suite.
     *
     * @param args {@code short} (default) or {@code full}
     */
    public static void main(String[] args) throws RunnerException, IOException, InterruptedException {
        boolean full = args.length > 0 && args[0].equals("full");
        if (args.length > 0 && !args[0].equals("full") && !args[0].equals("short")) {
            throw new IllegalArgumentException("usage: Report [short|full], not " + String.join(" ", args));
        }
        int forks = full ? 3 : 1;
        int warmups = full ? 5 : 3;
        int measurements = full ? 5 : 3;
        TimeValue time = TimeValue.seconds(full ? 2 : 1);

        String loadBefore = loadAverage();
        List<RunResult> results = new ArrayList<>();
        results.addAll(run(base(WholeCaseBenchmark.class).forks(forks).warmupIterations(warmups)
                .warmupTime(time).measurementIterations(measurements).measurementTime(time)));
        results.addAll(run(base(SingleCommandBenchmark.class).forks(forks).warmupIterations(warmups)
                .warmupTime(time).measurementIterations(measurements).measurementTime(time)));
        results.addAll(run(base(ColdStartBenchmark.class).forks(full ? 10 : 3)));

        String memory = retainedMemory(full ? 20_000 : 5_000);

        System.out.println();
        System.out.println("## " + (full ? "Full" : "Short") + " suite, " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        System.out.println();
        System.out.println("Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAverage());
        System.out.println();
        System.out.println(table(results));
        System.out.println(memory);
    }

    /** The load average of the machine, which tells how noisy the run was; "n/a" where the OS does not say. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException | RuntimeException e) {
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", load);
        }
    }

    private static ChainedOptionsBuilder base(Class<?> benchmark) {
        return new OptionsBuilder().include(benchmark.getName() + "\\.").addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    private static String retainedMemory(int cases) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-XX:+UseSerialGC", "-Xmx2g", "-cp",
                System.getProperty("java.class.path"), RetainedMemory.class.getName(), Integer.toString(cases))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("RetainedMemory failed:\n" + output);
        }
        int table = output.indexOf("Retained heap");
        return table < 0 ? output : output.substring(table);
    }

    /** The results as one Markdown table, returnsync first in each group. */
    static String table(List<RunResult> results) {
        Map<String, Map<FlowType, RunResult>> groups = new LinkedHashMap<>();
        for (RunResult result : results) {
            var params = result.getParams();
            StringBuilder group = new StringBuilder(params.getBenchmark().replaceFirst("^.*\\.benchmarks\\.", ""));
            Map<String, String> others = new TreeMap<>();
            for (String key : params.getParamsKeys()) {
                if (!key.equals("flow")) {
                    others.put(key, params.getParam(key));
                }
            }
            if (!others.isEmpty()) {
                group.append(' ').append(others);
            }
            groups.computeIfAbsent(group.toString(), g -> new TreeMap<>())
                    .put(FlowType.valueOf(params.getParam("flow")), result);
        }
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | implementation | score | unit | returnsync is × faster | B/op |\n");
        out.append("| --- | --- | ---: | --- | ---: | ---: |\n");
        groups.forEach((group, byFlow) -> {
            RunResult ours = byFlow.get(FlowType.RETURNSYNC);
            byFlow.forEach((flow, result) -> {
                Result<?> primary = result.getPrimaryResult();
                String ratio = ours == null ? "" : String.format(Locale.ROOT, "%.2f", speedUp(ours, result));
                Result<?> alloc = result.getSecondaryResults().get(ALLOC);
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", group, flow,
                        number(primary.getScore()) + (Double.isNaN(primary.getScoreError()) ? ""
                                : " ± " + number(primary.getScoreError())),
                        primary.getScoreUnit(), ratio, alloc == null ? "" : number(alloc.getScore())));
            });
        });
        return out.toString();
    }

    /** How many times faster returnsync is than the other: > 1 when returnsync is faster. */
    private static double speedUp(RunResult ours, RunResult other) {
        double a = ours.getPrimaryResult().getScore();
        double b = other.getPrimaryResult().getScore();
        boolean higherIsBetter = ours.getParams().getMode() == org.openjdk.jmh.annotations.Mode.Throughput;
        return higherIsBetter ? a / b : b / a;
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
