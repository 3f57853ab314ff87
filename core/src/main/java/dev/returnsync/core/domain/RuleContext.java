package dev.returnsync.core.domain;

import dev.returnsync.spi.TimeWindow;

import java.time.Instant;
import java.util.Map;

/**
 * What a rule may look at beside the case and the command: the time of the decision and the host's
 * settings. Rules never read a clock.
 *
 * @param now the time the command is decided at, inside {@link TimeWindow}
 * @param settings free-form settings of the host (e.g. per-tenant switches), never null
 */
public record RuleContext(Instant now, Map<String, String> settings) {
    /**
     * Validates the context and copies the settings.
     *
     * @throws IllegalArgumentException if {@code now} lies outside {@link TimeWindow}
     * @param now the time the command is decided at, inside {@link TimeWindow}
     * @param settings free-form settings of the host (e.g. per-tenant switches), never null
     */
    public RuleContext {
        TimeWindow.check("now", now);
        settings = Map.copyOf(settings);
    }

    /**
     * A context with a time and no settings.
     *
     * @param now the time of the decision; not null
     * @return the context
     */
    public static RuleContext at(Instant now) {
        return new RuleContext(now, Map.of());
    }

    /**
     * A setting, or the fallback when it is not set.
     *
     * @param name the setting's name
     * @param fallback what to answer when it is not set
     * @return the setting's value, or the fallback
     */
    public String setting(String name, String fallback) {
        return settings.getOrDefault(name, fallback);
    }
}
