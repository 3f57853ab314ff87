package dev.returnsync.core.domain;

import dev.returnsync.core.domain.command.CommandHeader;
import dev.returnsync.core.domain.command.Commands;
import dev.returnsync.spi.Actor;
import dev.returnsync.spi.CaseId;
import dev.returnsync.spi.IdempotencyKey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a policy made with {@link Policy#on} knows when it reacts: the time and settings of the decision, and the
 * header its commands get by default. Its commands are fired by {@link #actor()} (the SYSTEM actor named after the
 * policy), on {@link #caseId()}, with a {@link #key stable key}, and with no expected version: they run on whatever
 * version the case has by then, and the workflow checks them like any other command. {@link #header} gives that
 * header to the command builders:
 *
 * <pre>{@code
 * Policy.on(ReturnEvent.SupplierAgreed.class, "auto-apply", (after, agreed, ctx) ->
 *         List.of(ctx.header(agreed.leg().value()).applyForReturn().leg(agreed.leg()).build()));
 * }</pre>
 */
public final class PolicyContext {
    private final String policy;
    private final ReturnCase after;
    private final RuleContext rules;

    PolicyContext(String policy, ReturnCase after, RuleContext rules) {
        this.policy = policy;
        this.after = Objects.requireNonNull(after, "after");
        this.rules = Objects.requireNonNull(rules, "context");
    }

    /** {@return the time of the decision} */
    public Instant now() {
        return rules.now();
    }

    /** {@return the time and the host's settings, as guards see them} */
    public RuleContext rules() {
        return rules;
    }

    /** {@return the SYSTEM actor named after the policy, in the case's tenant: who fires the policy's commands} */
    public Actor actor() {
        return Actor.system(after.tenant(), policy);
    }

    /** {@return the case the policy reacts on} */
    public CaseId caseId() {
        return after.id();
    }

    /**
     * A stable idempotency key for one command of this reaction: the same policy reacting to the same event (the one
     * that brought the case to its current version) always gets the same key for the same discriminator, so a
     * reaction retried after a crash is applied once.
     *
     * @param discriminator tells apart the commands of one reaction, e.g. the leg
     * @return the key
     */
    public IdempotencyKey key(String discriminator) {
        Objects.requireNonNull(discriminator, "discriminator");
        String seed = after.tenant() + "|" + after.id() + "|" + after.version() + "|" + policy + "|" + discriminator;
        return IdempotencyKey.of("auto-" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The header of one command of this reaction, for the builders: {@link #actor()}, {@link #caseId()} and
     * {@link #key key(discriminator)}, no expected version.
     *
     * @param discriminator tells apart the commands of one reaction, e.g. the leg
     * @return the header
     */
    public CommandHeader header(String discriminator) {
        return Commands.as(actor()).key(key(discriminator)).onCase(caseId());
    }
}
