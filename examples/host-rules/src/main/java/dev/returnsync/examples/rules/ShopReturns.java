package dev.returnsync.examples.rules;

import dev.returnsync.core.ReturnSyncEngine;
import dev.returnsync.core.memory.InMemoryCaseStore;
import dev.returnsync.spi.supplier.SupplierAdapter;
import dev.returnsync.spi.supplier.SupplierRegistry;

import java.time.Clock;

/**
 * How the shop wires the engine: its workflow, its supplier adapters and, for a single process that keeps no
 * returns across restarts, the in-memory store.
 */
public final class ShopReturns {
    private ShopReturns() {
    }

    /**
     * An engine on the in-memory store.
     *
     * @param clock the clock the engine decides by
     * @param clearanceSkus the SKUs sold on clearance, separated by commas
     * @param suppliers the shop's supplier adapters
     */
    public static ReturnSyncEngine engine(Clock clock, String clearanceSkus, SupplierAdapter... suppliers) {
        return ReturnSyncEngine.builder()
                .store(new InMemoryCaseStore())
                .suppliers(SupplierRegistry.of(suppliers))
                .workflow(ShopRules.workflow(clearanceSkus))
                .clock(clock)
                .build();
    }
}
