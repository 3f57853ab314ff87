package dev.returnsync.core.domain;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.IdempotencyKey;
import dev.returnsync.spi.ReturnEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A custom rule that reacts to an event with automatic commands (auto-agree below an amount,
 * auto-share the supplier number with the customer). Pure: it only proposes commands; the engine runs them
 * through the same checks as any other command, as the actor the policy chose (usually
 * {@link Actor#system}).
 *
 * <p>A policy whose reaction depends on elapsed time declares the durations it measures with
 * {@link #withHorizons}, so that the testkit's rule checker visits just before and just after each of them.
 */
public interface Policy {
    /** The policy's name; also the actor id of the commands it proposes through {@link #actor}. */
    String name();

    /**
     * The commands to run after an event.
     *
     * @param after the case with the event applied
     * @param event the event
     * @param context the time of the decision and the host's settings
     * @return the commands, possibly none
     */
    List<Command> react(ReturnCase after, ReturnEvent event, RuleContext context);

    /**
     * The durations this policy measures; empty unless declared. Only tests read them: reactions never do.
     *
     * @return the horizons, never null
     */
    default Set<Duration> horizons() {
        return Set.of();
    }

    /**
     * This policy, declaring the durations it measures beside those it already declares (see {@link #horizons()}).
     *
     * @param durations positive durations
     * @return a policy that reacts as this one and declares the horizons
     * @throws IllegalArgumentException if a duration is not positive
     */
    default Policy withHorizons(Duration... durations) {
        Set<Duration> all = Horizons.union(horizons(), List.of(durations));
        Policy self = this;
        return new Policy() {
            @Override
            public String name() {
                return self.name();
            }

            @Override
            public List<Command> react(ReturnCase after, ReturnEvent event, RuleContext context) {
                return self.react(after, event, context);
            }

            @Override
            public Set<Duration> horizons() {
                return all;
            }

            @Override
            public String toString() {
                return self.toString();
            }
        };
    }

    /** The body of a policy for one event type. */
    @FunctionalInterface
    interface Reaction<E extends ReturnEvent> {
        /** The commands to run after the event. */
        List<Command> react(ReturnCase after, E event, RuleContext context);
    }

    /** A policy that reacts only to events of one type. */
    static <E extends ReturnEvent> Policy on(Class<E> type, String name, Reaction<? super E> reaction) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reaction, "reaction");
        if (Objects.requireNonNull(name, "name").isBlank()) {
            throw new IllegalArgumentException("a policy needs a name");
        }
        return new Policy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Command> react(ReturnCase after, ReturnEvent event, RuleContext context) {
                return type.isInstance(event) ? reaction.react(after, type.cast(event), context) : List.of();
            }

            @Override
            public String toString() {
                return "Policy[" + name + "]";
            }
        };
    }

    /** The SYSTEM actor named after a policy, in the case's tenant. */
    static Actor actor(String policyName, ReturnCase after) {
        return Actor.system(after.tenant(), policyName);
    }

    /**
     * A stable idempotency key for a command that a policy proposes after the event that brought the case to
     * its current version: the same policy reacting to the same event always gets the same key, so a
     * reaction that is retried after a crash is applied once.
     */
    static IdempotencyKey key(String policyName, ReturnCase after, String discriminator) {
        String seed = after.tenant() + "|" + after.id() + "|" + after.version() + "|" + policyName + "|" + discriminator;
        return IdempotencyKey.of("auto-" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)));
    }
}
