package dev.returnsync.core.engine;

import dev.returnsync.spi.ReturnSyncException;

/**
 * Which failures of the engine a host may retry as they are. Retrying a command with the same idempotency key
 * never applies it twice; this says whether doing so can succeed without changing the command:
 * <ul>
 *   <li>retryable: {@link ContentionException}, and {@link StoreException} when {@link StoreException#retryable()};</li>
 *   <li>not retryable: refusals ({@link CommandRefusedException}, {@link CaseNotFoundException}),
 *       {@link dev.returnsync.core.domain.InvalidCommandException}, {@link IdempotencyConflictException}, {@link AccessDeniedException},
 *       {@link dev.returnsync.spi.InvalidReturnNumberException}, a non-retryable {@link StoreException}, and anything
 *       that is not a {@link ReturnSyncException} (a bug or an {@link Error}).</li>
 * </ul>
 * docs/errors.md lists what a host does with each.
 */
public final class ReturnSyncErrors {
    private ReturnSyncErrors() {
    }

    /**
     * Whether a failure may pass.
     *
     * @param failure what a call of the engine threw
     * @return true when retrying the same call, with the same idempotency key, may succeed
     */
    public static boolean retryable(Throwable failure) {
        if (failure instanceof StoreException store) {
            return store.retryable();
        }
        return failure instanceof ContentionException;
    }
}
