package dev.returnsync.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Shrinks a failing sequence: first fewer elements (removing halves, quarters, ..., single elements, merging
 * neighbours), then smaller elements (each element replaced by a simpler candidate), repeated until nothing more can be removed
 * or simplified or the attempt budget is spent. Deterministic: the same input and predicate give the same
 * result. Not API.
 */
public final class Shrinker {
    private Shrinker() {
    }

    /**
     * The result of shrinking.
     *
     * @param value the smallest failing sequence found
     * @param attempts how many candidates were tried
     * @param accepted how many candidates still failed and were kept
     */
    public record Shrunk<T>(List<T> value, int attempts, int accepted) {
    }

    /**
     * Shrinks {@code input}, which must fail.
     *
     * @param input the failing sequence
     * @param fails true when a candidate still fails (in the same way)
     * @param simpler simpler versions of one element, simplest first; may be empty
     * @param merge one element that does the work of two neighbours (e.g. two waits, one longer wait), or
     *     {@code null} when they cannot be merged
     * @param budget the most candidates to try
     * @return the smallest failing sequence found
     */
    public static <T> Shrunk<T> shrink(List<T> input, Predicate<List<T>> fails, Function<T, List<T>> simpler,
                                       BinaryOperator<T> merge, int budget) {
        List<T> current = List.copyOf(input);
        int attempts = 0;
        int accepted = 0;
        boolean progress = true;
        while (progress && attempts < budget) {
            progress = false;
            for (int size = Math.max(1, current.size() / 2); size >= 1 && attempts < budget; size /= 2) {
                int from = 0;
                while (from + size <= current.size() && attempts < budget) {
                    List<T> candidate = new ArrayList<>(current.subList(0, from));
                    candidate.addAll(current.subList(from + size, current.size()));
                    attempts++;
                    if (fails.test(List.copyOf(candidate))) {
                        current = List.copyOf(candidate);
                        accepted++;
                        progress = true;
                    } else {
                        from += size;
                    }
                }
            }
            for (int i = 0; i + 1 < current.size() && attempts < budget; i++) {
                T merged = merge.apply(current.get(i), current.get(i + 1));
                if (merged != null) {
                    List<T> candidate = new ArrayList<>(current.subList(0, i));
                    candidate.add(merged);
                    candidate.addAll(current.subList(i + 2, current.size()));
                    attempts++;
                    if (fails.test(List.copyOf(candidate))) {
                        current = List.copyOf(candidate);
                        accepted++;
                        progress = true;
                    }
                }
            }
            for (int i = 0; i < current.size() && attempts < budget; i++) {
                boolean smaller = true;
                while (smaller && attempts < budget) {
                    smaller = false;
                    for (T candidate : simpler.apply(current.get(i))) {
                        if (attempts >= budget) {
                            break;
                        }
                        List<T> next = new ArrayList<>(current);
                        next.set(i, candidate);
                        attempts++;
                        if (fails.test(List.copyOf(next))) {
                            current = List.copyOf(next);
                            accepted++;
                            progress = true;
                            smaller = true;
                            break;
                        }
                    }
                }
            }
        }
        return new Shrunk<>(current, attempts, accepted);
    }
}
