package dev.returnsync.benchmarks;

import com.sun.management.ThreadMXBean;
import dev.returnsync.core.domain.Command;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated to build the eleven commands of one case with the builders, as {@link ReturnsyncFlow} builds
 * them (header, step builder, checks, record), without deciding them: the thread's allocated bytes over many cases,
 * in rounds, so that the last rounds show the compiled code. Run it in its own JVM: {@code java -cp benchmarks.jar
 * dev.returnsync.benchmarks.CommandBytes [cases per round]}.
 */
public final class CommandBytes {
    private static final int ROUNDS = 8;

    private CommandBytes() {
    }

    /**
     * Prints the bytes per case of each round.
     *
     * @param args the number of cases per round, 200,000 by default
     */
    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Scenario scenario = Scenario.of(0);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long seen = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < cases; i++) {
                seen += buildCase(scenario);
            }
            long bytes = threads.getCurrentThreadAllocatedBytes() - before;
            System.out.println("round " + round + ": " + bytes / cases + " B per case of " + Step.all().size()
                    + " commands");
        }
        System.out.println("(" + seen + " commands)");
    }

    private static int buildCase(Scenario scenario) {
        int built = 0;
        Long version = null;
        for (Step step : Step.all()) {
            Command command = ReturnsyncFlow.command(version, scenario, step);
            built += command.type() == null ? 0 : 1;
            version = version == null ? 0L : version + 1;
        }
        return built;
    }
}
