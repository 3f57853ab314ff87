package dev.returnsync.core.internal.outbox;

/**
 * Does the work of one kind of outbox effect. A handler returns how the work ended; an exception it throws is a
 * failure that is retried (the entry worker turns it into {@link Outcome.Retry}).
 */
interface EffectHandler {
    /** Does the work. */
    Outcome handle(Work work);
}
