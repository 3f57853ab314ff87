package dev.returnsync.testkit.contract;

import dev.returnsync.testsupport.InMemoryNotifier;
import dev.returnsync.spi.notify.Notification;
import dev.returnsync.spi.notify.Notifier;

import java.util.List;

/** The embedded notifier keeps every promise of the notification port, failures included. */
class InMemoryNotifierContractTest extends FailingNotifierContract {
    private InMemoryNotifier inMemory;

    @Override
    protected Notifier createNotifier() {
        inMemory = new InMemoryNotifier();
        return inMemory;
    }

    @Override
    protected List<Notification> deliveries() {
        return inMemory.delivered();
    }

    @Override
    protected void failNextDeliveries(int count) {
        inMemory.failNext(count);
    }
}
