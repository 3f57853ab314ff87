package dev.returnsync.core.domain;

import java.util.Objects;

/**
 * A guard's answer: allowed, or refused by a named rule with a reason.
 *
 * @param rule the name of the rule that refused, or {@code null} when allowed
 * @param reason why it refused, or {@code null} when allowed
 */
public record Verdict(String rule, String reason) {
    private static final Verdict ALLOW = new Verdict(null, null);

    /**
     * Checks that rule and reason are both set or both null.
     *
     * @param rule the name of the rule that refused, or {@code null} when allowed
     * @param reason why it refused, or {@code null} when allowed
     */
    public Verdict {
        if ((rule == null) != (reason == null)) {
            throw new IllegalArgumentException("a refusal needs both a rule name and a reason");
        }
    }

    /** {@return a verdict that lets the command go on} */
    public static Verdict allow() {
        return ALLOW;
    }

    /**
     * The named rule refuses the command, for a reason.
     *
     * @param rule the rule's name
     * @param reason why, in words, without personal data
     * @return the refusing verdict
     */
    public static Verdict refuse(String rule, String reason) {
        return new Verdict(Objects.requireNonNull(rule, "rule"), Objects.requireNonNull(reason, "reason"));
    }

    /** {@return true when the command may go on} */
    public boolean allowed() {
        return rule == null;
    }
}
