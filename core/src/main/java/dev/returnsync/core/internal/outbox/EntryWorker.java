package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.ReturnWorkflow;
import dev.returnsync.core.engine.ContentionException;
import dev.returnsync.core.internal.CommandRunner;
import dev.returnsync.core.internal.access.StoreGateway;
import dev.returnsync.spi.notify.Notifier;
import dev.returnsync.spi.store.OutboxEntry;
import dev.returnsync.spi.supplier.SupplierRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Optional;

/**
 * Works one leased outbox entry: reads its case right then (so every decision, above all whether to call a
 * supplier, is taken on the case as it is just before the call; see {@link EntryCase} for what is read), picks the entry's event, and hands both to the
 * handler of the entry's effect. An exception from the work is a failure to retry: its type is recorded and logged,
 * never its message, which may come from host code. Errors are not caught: they end the dispatch call, and the
 * entry's lease keeps it from other dispatchers until it ends.
 */
final class EntryWorker {
    private static final Logger log = LoggerFactory.getLogger(EntryWorker.class);

    private final EntryCase cases;
    private final EffectHandler notify;
    private final EffectHandler react;
    private final EffectHandler requestReturn;
    private final EffectHandler shareTracking;
    private final EffectHandler cancel;
    private final EffectHandler poll;

    EntryWorker(StoreGateway cases, Notifier notifier, SupplierRegistry suppliers, ReturnWorkflow workflow,
                CommandRunner runner) {
        this.cases = new EntryCase(cases);
        SupplierCalls calls = new SupplierCalls(suppliers);
        SupplierReplies replies = new SupplierReplies(runner);
        this.notify = new NotifyHandler(notifier);
        this.react = new ReactHandler(workflow, runner);
        this.requestReturn = new RequestReturnHandler(calls, replies);
        this.shareTracking = new ShareTrackingHandler(calls);
        this.cancel = new CancelHandler(calls);
        this.poll = new PollHandler(calls, replies);
    }

    /** Works the entry at {@code now}; never throws an exception, only errors. */
    Outcome work(OutboxEntry entry, Instant now) {
        try {
            return handle(entry, now);
        } catch (ContentionException e) {
            return Outcome.retry("case busy, retry", null);
        } catch (RuntimeException e) {
            log.warn("outbox entry {} ({}) failed with {}", entry.id(), entry.effect(), e.getClass().getName());
            return Outcome.retry("failed with " + e.getClass().getName(), null);
        }
    }

    private Outcome handle(OutboxEntry entry, Instant now) {
        Optional<Work> work = cases.read(entry, now);
        if (work.isEmpty()) {
            return Outcome.park("case " + entry.caseId() + " has no event at version " + entry.version());
        }
        EffectHandler handler = switch (entry.effect()) {
            case NOTIFY -> notify;
            case REACT -> react;
            case REQUEST_RETURN -> requestReturn;
            case SHARE_TRACKING -> shareTracking;
            case CANCEL_AT_SUPPLIER -> cancel;
            case POLL_SUPPLIER -> poll;
        };
        return handler.handle(work.get());
    }
}
