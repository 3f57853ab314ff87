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
 * java -cp benchmarks/target/benchmarks.jar dev.returnsync.benchmarks.Report short   # under 10 minutes on 2 cores (6 in the documented run)
 * java -cp benchmarks/target/benchmarks.jar dev.returnsync.benchmarks.Report full    # about 50 minutes (estimated)
 * </pre>
 *
 * <p>short: 1 fork, 3 × 1 s warm-up (2 × 1 s for the engine benchmarks), 3 × 1 s measurement, cold start in 3
 * forks, {@code runDue} in 10 + 10 shots, 5000 cases for memory. full: 3 forks, 5 × 2 s warm-up, 5 × 2 s measurement, cold start in 10 forks,
 * {@code runDue} in 20 + 20 shots, 20000 cases for memory. Then the engine benchmarks, in a second table; the
 * database ones only for the servers configured ({@link DbSettings}), with a message saying how otherwise.
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

        List<RunResult> engine = new ArrayList<>();
        for (Class<?> benchmark : List.of(EngineCommandBenchmark.class, LookupBenchmark.class,
                DueDeadlineBenchmark.class)) {
            engine.addAll(run(base(benchmark).forks(forks).warmupIterations(full ? warmups : 2).warmupTime(time)
                    .measurementIterations(measurements).measurementTime(time)));
        }
        engine.addAll(run(base(RunDueBenchmark.class).forks(forks).warmupIterations(full ? 20 : 10)
                .measurementIterations(full ? 20 : 10)));
        List<String> databases = new ArrayList<>();
        List<String> flavors = new ArrayList<>();
        for (SqlFlavor flavor : SqlFlavor.values()) {
            if (flavor.configured().isPresent()) {
                databases.add(flavor.configured().get().product() + ": " + flavor.configured().get().url());
                flavors.add(flavor.name());
            } else {
                databases.add(flavor.howToRun());
                System.out.println(flavor.howToRun());
            }
        }
        if (!flavors.isEmpty()) {
            engine.addAll(run(base(SqlCommandBenchmark.class).param("flavor", flavors.toArray(String[]::new))
                    .forks(forks).warmupIterations(full ? warmups : 2)
                    .warmupTime(time).measurementIterations(measurements).measurementTime(time)));
        }
        String servers = String.join("; ", databases);

        String memory = retainedMemory(full ? 20_000 : 5_000);

        System.out.println();
        System.out.println("## " + (full ? "Full" : "Short") + " suite, " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        System.out.println();
        System.out.println("Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + loadAverage());
        System.out.println();
        System.out.println(table(results));
        System.out.println(memory);
        System.out.println("Engine, look-ups, due deadlines and databases (" + servers + ")");
        System.out.println();
        System.out.println(engineTable(engine));
    }

    /**
     * The engine benchmarks as one Markdown table. Each row's ratio compares it with its reference: the 1-thread
     * figure for the 2-thread ones (throughput ÷ throughput), the 10k-case figure for look-ups and deadlines
     * (time ÷ time: flat is 1), raw JDBC for the engine on PostgreSQL (throughput ÷ throughput).
     */
    static String engineTable(List<RunResult> results) {
        Map<String, RunResult> byKey = new LinkedHashMap<>();
        for (RunResult result : results) {
            byKey.put(key(result), result);
        }
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | params | score | unit | ratio | ratio is | B/op |\n");
        out.append("| --- | --- | ---: | --- | ---: | --- | ---: |\n");
        for (RunResult result : results) {
            var params = result.getParams();
            String name = params.getBenchmark().replaceFirst("^.*\\.benchmarks\\.", "");
            Map<String, String> values = new TreeMap<>();
            for (String k : params.getParamsKeys()) {
                values.put(k, params.getParam(k));
            }
            String reference = null;
            String label = "";
            if (name.endsWith("Benchmark.uncontended2") || name.endsWith("Benchmark.contended2")) {
                reference = "EngineCommandBenchmark.uncontended1";
                label = "÷ 1 thread (uncontended1)";
            } else if (values.containsKey("cases") || values.containsKey("total")) {
                String param = values.containsKey("cases") ? "cases" : "total";
                reference = name + " {" + param + "=10000}";
                label = "× the time at 10k";
            } else if (name.equals("SqlCommandBenchmark.engine")) {
                reference = "SqlCommandBenchmark.bareInsert {flavor=" + values.get("flavor") + "}";
                label = "÷ bare insert";
            }
            RunResult ref = reference == null ? null : byKey.get(reference);
            Result<?> primary = result.getPrimaryResult();
            String ratio = ref == null ? "" : String.format(Locale.ROOT, "%.2f",
                    primary.getScore() / ref.getPrimaryResult().getScore());
            Result<?> alloc = result.getSecondaryResults().get(ALLOC);
            Result<?> twins = result.getSecondaryResults().get("twinRefused");
            String shownParams = values.isEmpty() ? "" : values.toString();
            if (twins != null) {
                shownParams = (shownParams + " twin refused " + number(twins.getScore()) + " " + twins.getScoreUnit())
                        .trim();
            }
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", name, shownParams,
                    number(primary.getScore()) + (Double.isNaN(primary.getScoreError()) ? ""
                            : " ± " + number(primary.getScoreError())),
                    primary.getScoreUnit(), ratio, ref == null ? "" : label,
                    alloc == null ? "" : number(alloc.getScore())));
        }
        return out.toString();
    }

    private static String key(RunResult result) {
        var params = result.getParams();
        String name = params.getBenchmark().replaceFirst("^.*\\.benchmarks\\.", "");
        Map<String, String> values = new TreeMap<>();
        for (String k : params.getParamsKeys()) {
            values.put(k, params.getParam(k));
        }
        if (values.isEmpty()) {
            return name;
        }
        StringBuilder key = new StringBuilder(name).append(" {");
        values.forEach((k, v) -> key.append(k).append('=').append(v).append(','));
        key.setLength(key.length() - 1);
        return key.append('}').toString();
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
