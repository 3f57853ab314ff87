package dev.returnsync.core.domain;

import dev.returnsync.spi.Actor;
import dev.returnsync.spi.ReturnEvent;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A custom rule that reacts to an event with automatic commands (auto-agree below an amount,
 * auto-share the supplier number with the customer). Pure: it only proposes commands; the engine runs them
 * through the same checks as any other command, as the actor the policy chose (usually
 * {@link Actor#system}). {@link #on} makes one that reacts to an event type, with the header of its commands
 * (actor, case, stable key) given by its {@link PolicyContext}.
 *
 * <p>A policy whose reaction depends on elapsed time declares the durations it measures with
 * {@link #withHorizons}, so that the testkit's rule checker visits just before and just after each of them.
 */
public interface Policy {
    /**
     * {@return the policy's name; also the actor id of the commands it proposes through {@link PolicyContext#actor()}}
     */
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

    /**
     * The body of a policy for one event type: the commands to run after the event, built with the
     * {@link PolicyContext}'s header defaults.
     *
     * @param <E> the event type the policy reacts to
     */
    @FunctionalInterface
    interface Reaction<E extends ReturnEvent> {
        /**
         * The commands to run after the event.
         *
         * @param after the case after the event
         * @param event the event
         * @param context the time, settings, actor and keys of the reaction
         * @return the commands, possibly none
         */
        List<Command> react(ReturnCase after, E event, PolicyContext context);
    }

    /**
     * A policy that reacts to events of one type. Its commands take their actor, case and key from the
     * {@link PolicyContext}:
     *
     * <pre>{@code
     * Policy.on(ReturnEvent.SupplierAgreed.class, "auto-apply", (after, agreed, ctx) ->
     *         List.of(ctx.header(agreed.leg().value()).applyForReturn().leg(agreed.leg()).build()));
     * }</pre>
     *
     * @param <E> the event type reacted to
     * @param type the class of that event type; not null
     * @param name the policy's name; not null, not blank
     * @param reaction what the policy proposes after such an event; not null
     * @return the policy
     * @throws IllegalArgumentException if the name is blank
     */
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
                return type.isInstance(event)
                        ? reaction.react(after, type.cast(event), new PolicyContext(name, after, context))
                        : List.of();
            }

            @Override
            public String toString() {
                return "Policy[" + name + "]";
            }
        };
    }
}
