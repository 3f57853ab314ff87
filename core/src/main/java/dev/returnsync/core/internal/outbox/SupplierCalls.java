package dev.returnsync.core.internal.outbox;

import dev.returnsync.core.domain.Leg;
import dev.returnsync.core.domain.ReturnCase;
import dev.returnsync.spi.LegState;
import dev.returnsync.spi.SupplierId;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * What the supplier handlers share: the adapter of the entry's target, the case as loaded right before the call,
 * and the rule that a send for a leg that has ended is superseded.
 */
final class SupplierCalls {
    private static final Logger log = LoggerFactory.getLogger(SupplierCalls.class);

    private final SupplierRegistry suppliers;

    SupplierCalls(SupplierRegistry suppliers) {
        this.suppliers = suppliers;
    }

    /** The supplier an entry targets. */
    static SupplierId supplier(Work work) {
        return SupplierId.of(work.entry().target());
    }

    /** The adapter of the entry's supplier, if the registry has one. */
    Optional<SupplierAdapter> adapter(Work work) {
        return suppliers.find(supplier(work));
    }

    /** The case as it is now: read right before the work. */
    ReturnCase current(Work work) {
        return work.current();
    }

    /**
     * True when the leg has ended since the event that caused the send, so that the send is superseded by what ended
     * it and is not made: a supplier never opens a return for a leg that no longer wants one. A leg that ended
     * {@code COMPLETED} supersedes the send only when {@code evenCompleted} (a return request; a tracking number that
     * arrives after the supplier finished is late, not wrong, and still sent). Logged.
     */
    static boolean superseded(Work work, Leg leg, boolean evenCompleted) {
        if (!leg.state().isTerminal() || (leg.state() == LegState.COMPLETED && !evenCompleted)) {
            return false;
        }
        log.info("outbox entry {}: the leg is {}, the send is superseded and not made", work.entry().id(),
                leg.state());
        return true;
    }

    /** The outcome when the registry has no adapter for the entry's supplier. */
    static Outcome noAdapter(Work work) {
        return Outcome.park("no supplier adapter for " + supplier(work));
    }
}
