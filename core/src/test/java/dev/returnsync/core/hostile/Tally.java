package dev.returnsync.core.hostile;

import dev.returnsync.core.domain.Decision;
import dev.returnsync.core.domain.IllegalEventException;
import dev.returnsync.spi.InvalidReturnNumberException;
import dev.returnsync.spi.codec.EventCodecException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts how hostile inputs were answered. Typed: a documented error (a validation exception whose message names
 * the field, a number, amount, codec or event error) or a refusal. Escaped: any other exception, or a bare
 * {@link NullPointerException}. Accepted: garbage that went through. Echoed: a message that repeats the input.
 */
final class Tally {
    /** What an input may be answered with. */
    @FunctionalInterface
    interface Attempt {
        /** Runs the input; returns the decision for a command, or anything else when the input was accepted. */
        Object run() throws Throwable;
    }

    private int inputs;
    private int typed;
    private final Map<String, Integer> perCategory = new TreeMap<>();
    private final List<String> escaped = new ArrayList<>();
    private final List<String> accepted = new ArrayList<>();
    private final List<String> echoed = new ArrayList<>();

    /**
     * Runs one hostile input.
     *
     * @param category what kind of input, for the tally
     * @param label how to name the input in a failure (never printed raw: it may hold control characters)
     * @param secret a part of the input that no message may repeat, or null
     * @param attempt the input
     */
    void expectRefused(String category, String label, String secret, Attempt attempt) {
        inputs++;
        perCategory.merge(category, 1, Integer::sum);
        String where = category + ": " + printable(label);
        try {
            Object result = attempt.run();
            if (result instanceof Decision.Refused refused) {
                typed++;
                checkEcho(where, refused.refusal().reason(), secret);
            } else {
                accepted.add(where + " -> " + printable(String.valueOf(result)));
            }
        } catch (Throwable t) {
            if (isTyped(t)) {
                typed++;
                checkEcho(where, t.getMessage(), secret);
            } else {
                escaped.add(where + " -> " + t);
            }
        }
    }

    private static boolean isTyped(Throwable t) {
        if (t instanceof EventCodecException || t instanceof InvalidReturnNumberException
                || t instanceof IllegalEventException) {
            return true;
        }
        if (t instanceof NullPointerException) {
            return t.getMessage() != null && t.getMessage().endsWith("must not be null");
        }
        return t.getClass() == IllegalArgumentException.class || t instanceof dev.returnsync.spi.InvalidAmountException;
    }

    private void checkEcho(String where, String message, String secret) {
        if (secret != null && message != null && secret.length() >= 4 && message.contains(secret)) {
            echoed.add(where + " -> " + printable(message));
        }
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(120).forEach(c -> {
            if (c >= 0x20 && c < 0x7f) {
                out.append((char) c);
            } else {
                out.append(String.format("\\u{%X}", c));
            }
        });
        return out.toString();
    }

    int inputs() {
        return inputs;
    }

    List<String> problems() {
        List<String> all = new ArrayList<>();
        escaped.stream().limit(20).forEach(e -> all.add("escaped: " + e));
        accepted.stream().limit(20).forEach(e -> all.add("accepted: " + e));
        echoed.stream().limit(20).forEach(e -> all.add("echoed: " + e));
        return all;
    }

    String summary() {
        return "hostile inputs: " + inputs + ", typed: " + typed + ", escaped: " + escaped.size()
                + ", silently accepted: " + accepted.size() + ", echoed: " + echoed.size() + " " + perCategory;
    }
}
