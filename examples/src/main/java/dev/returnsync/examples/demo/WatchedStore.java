package dev.returnsync.examples.demo;

import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.ForwardingCaseStore;


/**
 * A {@link CaseStore} that hands every batch it appended to the {@link Timeline}, after the real store has written
 * it, so the timeline shows the events in the order they were stored, whoever caused them (a party, a supplier
 * reply, a policy, a deadline). Everything else is passed through. The same decorator works on any store: that is how
 * the demo prints the same timeline on the in-memory store and on PostgreSQL.
 */
final class WatchedStore extends ForwardingCaseStore {
    private final CaseStore delegate;
    private final Timeline timeline;

    WatchedStore(CaseStore delegate, Timeline timeline) {
        super(delegate);
        this.delegate = delegate;
        this.timeline = timeline;
    }

    @Override
    public void append(AppendBatch batch) {
        if (batch.expectedVersion() > 0 && !timeline.knows(batch.caseId())) {
            delegate.load(batch.tenant(), batch.caseId()).ifPresent(timeline::know);
        }
        delegate.append(batch);
        timeline.appended(batch.caseId(), batch.events());
    }
}
