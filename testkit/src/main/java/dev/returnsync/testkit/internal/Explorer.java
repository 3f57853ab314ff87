package dev.returnsync.testkit.internal;

import dev.returnsync.testkit.Action;
import dev.returnsync.testkit.CheckReport;
import dev.returnsync.testkit.Counterexample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Breadth-first exploration of every action sequence up to a depth, visiting each distinct state (case and
 * clock) once. Breadth-first order makes the first broken invariant found the one with the shortest trace;
 * within a level, the order of the actions decides, so the result is the same on every run and on any number
 * of threads. Not API.
 */
public final class Explorer {
    private final Simulator simulator;
    private final Moves moves;
    private final int maxDepth;
    private final long maxStates;
    private final int threads;
    private final Instant start;

    /**
     * Creates an explorer.
     *
     * @param simulator applies the actions and checks the invariants
     * @param moves the domain of actions
     * @param maxDepth how many actions deep, at least 1
     * @param maxStates stop (and say so) when this many states were visited
     * @param threads how many threads expand a level
     * @param start the clock at the root
     */
    public Explorer(Simulator simulator, Moves moves, int maxDepth, long maxStates, int threads, Instant start) {
        this.simulator = simulator;
        this.moves = moves;
        this.maxDepth = maxDepth;
        this.maxStates = maxStates;
        this.threads = threads;
        this.start = start;
    }

    private record Expansion(List<Simulator.Node> successors, long transitions, Simulator.Broken broken) {
    }

    /** Runs the exploration. */
    public CheckReport run() {
        long began = System.nanoTime();
        Set<Simulator.State> visited = new HashSet<>();
        Simulator.Node root = Simulator.Node.root(start);
        visited.add(root.state());
        List<Simulator.Node> level = List.of(root);
        long transitions = 0;
        int depth = 0;
        boolean complete = true;
        Counterexample found = null;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "rule-checker");
            thread.setDaemon(true);
            return thread;
        }) : null;
        try {
            while (depth < maxDepth && !level.isEmpty()) {
                List<Expansion> expansions = expand(level, pool);
                List<Simulator.Node> next = new ArrayList<>();
                depth++;
                for (Expansion expansion : expansions) {
                    transitions += expansion.transitions();
                    if (expansion.broken() != null) {
                        found = expansion.broken().counterexample("exhaustive exploration, the same on every run ("
                                + "trace found at depth " + depth + " of " + maxDepth + ")");
                        break;
                    }
                    for (Simulator.Node node : expansion.successors()) {
                        if (visited.size() >= maxStates) {
                            complete = false;
                            break;
                        }
                        if (visited.add(node.state())) {
                            next.add(node);
                        }
                    }
                }
                if (found != null || !complete) {
                    break;
                }
                level = next;
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new CheckReport("exhaustive", visited.size(), transitions, simulator.decisions(), depth, 0,
                Duration.ofNanos(System.nanoTime() - began), simulator.acceptedCounts(), complete,
                Optional.ofNullable(found));
    }

    private List<Expansion> expand(List<Simulator.Node> level, ExecutorService pool) {
        if (pool == null || level.size() < 64) {
            return List.of(expandChunk(level));
        }
        int chunks = threads * 8;
        int size = (level.size() + chunks - 1) / chunks;
        List<Future<Expansion>> futures = new ArrayList<>();
        for (int from = 0; from < level.size(); from += size) {
            List<Simulator.Node> chunk = level.subList(from, Math.min(level.size(), from + size));
            futures.add(pool.submit(() -> expandChunk(chunk)));
        }
        List<Expansion> expansions = new ArrayList<>(futures.size());
        for (Future<Expansion> future : futures) {
            try {
                expansions.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("exploration interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("exploration failed: " + e.getCause(), e.getCause());
            }
        }
        return expansions;
    }

    /** Expands nodes in order; stops at the first broken invariant, which is then the chunk's last word. */
    private Expansion expandChunk(List<Simulator.Node> nodes) {
        List<Simulator.Node> successors = new ArrayList<>();
        Set<Simulator.State> local = new HashSet<>();
        long transitions = 0;
        for (Simulator.Node node : nodes) {
            for (Action action : moves.from(node.state())) {
                transitions++;
                Simulator.Result result = simulator.apply(node, action);
                if (result instanceof Simulator.Broken broken) {
                    return new Expansion(successors, transitions, broken);
                }
                if (local.add(result.node().state())) {
                    successors.add(result.node());
                }
            }
        }
        return new Expansion(successors, transitions, null);
    }
}
