package dev.returnsync.core.internal.pipeline;

import dev.returnsync.core.domain.Command;
import dev.returnsync.core.engine.CommandResult;
import dev.returnsync.core.engine.IdempotencyConflictException;
import dev.returnsync.core.engine.StoreException;
import dev.returnsync.core.internal.access.StoreGateway;
import dev.returnsync.spi.ReturnEvent;
import dev.returnsync.spi.store.CaseHistory;
import dev.returnsync.spi.store.IdempotencyRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;

/**
 * The idempotency stage: a key seen before with the same fingerprint replays the first outcome; with another
 * fingerprint it is a conflict. The record and the events it points to are read together: the case is read after
 * the record, and when it lags behind the record's last version (a store that publishes the record a moment
 * before the events), it is re-read a few times with a short, bounded backoff, then the command fails with a
 * retryable {@link StoreException}. Not API.
 */
final class Replay {
    /** Pauses between re-reads of a lagging case, in milliseconds: at most 31 ms in all. */
    private static final long[] BACKOFF_MILLIS = {1, 2, 4, 8, 16};
    private static final Logger log = LoggerFactory.getLogger(Replay.class);

    private final StoreGateway store;

    Replay(StoreGateway store) {
        this.store = store;
    }

    /**
     * The first outcome of the command's key, if the key was seen before.
     *
     * @throws IdempotencyConflictException if the key was used with another payload
     * @throws StoreException if the first outcome's events do not become visible in time
     */
    Optional<CommandResult> of(Command command, String fingerprint) {
        Optional<IdempotencyRecord> seen = store.idempotency(command.actor().tenant(), command.key());
        if (seen.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord record = seen.get();
        if (!record.fingerprint().equals(fingerprint)) {
            throw new IdempotencyConflictException(record.tenant(), record.key());
        }
        CaseHistory history = caughtUp(record);
        List<ReturnEvent> events = history.events().subList((int) record.firstVersion() - 1,
                (int) record.lastVersion());
        log.debug("key {} seen before on case {}: replaying version {}", record.key(), record.caseId(),
                record.lastVersion());
        return Optional.of(new CommandResult(store.foldAt(history, record.lastVersion()), events, true));
    }

    private CaseHistory caughtUp(IdempotencyRecord record) {
        for (int attempt = 0; ; attempt++) {
            CaseHistory history = store.history(record.tenant(), record.caseId()).orElse(null);
            if (history != null && history.version() >= record.lastVersion()) {
                return history;
            }
            if (attempt == BACKOFF_MILLIS.length) {
                throw new StoreException("show the events of an earlier command with this key", true, null);
            }
            pause(BACKOFF_MILLIS[attempt]);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("show the events of an earlier command with this key (interrupted)", true, e);
        }
    }
}
