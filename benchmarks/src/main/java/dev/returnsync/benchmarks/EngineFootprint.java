package dev.returnsync.benchmarks;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.domain.Command;
import dev.returnsync.core.memory.InMemoryCaseStore;

import java.lang.management.ManagementFactory;

/**
 * A diagnostic, not in the suites: the bytes one command of {@link EngineCommandBenchmark}'s stream allocates and
 * the bytes the store and the fold cache keep for it, one thread, after the ring is populated. Both figures are
 * counted, not timed, so they hold on a loaded machine. Run with the serial collector:
 * {@code java -XX:+UseSerialGC -Xmx3g -cp benchmarks.jar dev.returnsync.benchmarks.EngineFootprint 150000}.
 */
public final class EngineFootprint {
    private EngineFootprint() {
    }

    /**
     * Runs the commands and prints the figures.
     *
     * @param args how many commands to run
     */
    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        InMemoryCaseStore store = new InMemoryCaseStore(4 * EngineCommandBenchmark.SLOTS_PER_THREAD);
        try (ReturnSyncEngine engine = EngineCommandBenchmark.engine(store)) {
            CommandStream stream = new CommandStream(0, 1, EngineCommandBenchmark.SLOTS_PER_THREAD);
            stream.populate(command -> engine.execute(command).state().version());
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long heldBefore = heldAfterGc();
            long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Command command = stream.next();
                stream.accepted(engine.execute(command).state().version());
            }
            long took = System.nanoTime() - start;
            long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
            long held = heldAfterGc() - heldBefore;
            System.out.printf("%d commands: %.0f ns, %.0f B allocated, %.0f B retained per command (%d cases)%n",
                    n, took / (double) n, allocated / (double) n, held / (double) n, store.size());
        }
    }

    private static long heldAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
