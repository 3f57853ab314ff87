package dev.returnsync.testkit.contract;

import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.store.CaseStore;

/** The embedded default store keeps every promise of the storage port, like any other implementation. */
class InMemoryCaseStoreContractTest extends CaseStoreContract {
    @Override
    protected CaseStore createStore() {
        return new InMemoryCaseStore();
    }
}
