package dev.returnsync.benchmarks;

import dev.returnsync.spi.store.AppendBatch;
import dev.returnsync.spi.store.CaseStore;
import dev.returnsync.spi.store.ForwardingCaseStore;


/** A store that remembers the last batch appended to it, and otherwise is the store it wraps. */
final class RecordingStore extends ForwardingCaseStore {
    private AppendBatch last;

    RecordingStore(CaseStore store) {
        super(store);
    }

    /** The last batch appended, then forgets it. */
    AppendBatch takeLast() {
        AppendBatch batch = last;
        last = null;
        return batch;
    }

    @Override
    public void append(AppendBatch batch) {
        super.append(batch);
        last = batch;
    }
}
