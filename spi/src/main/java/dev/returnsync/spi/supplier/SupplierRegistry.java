package dev.returnsync.spi.supplier;

import dev.returnsync.spi.SupplierId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the {@link SupplierAdapter} of a supplier. A supplier without an adapter is handled by hand: the engine
 * makes no calls for its legs (the reseller and the supplier act through the host's screens) but still
 * notifies it.
 *
 * <p>Implementations must be safe for concurrent use and answer quickly (the engine asks once per planned piece
 * of work); {@link #of} gives an immutable map-backed registry and checks each adapter's capabilities against
 * what it implements. A registry written by hand should check its adapters with
 * {@link SupplierCapabilities#declaredBy} when it takes them.
 */
@FunctionalInterface
public interface SupplierRegistry {
    /**
     * The adapter of a supplier, or empty when the supplier is handled by hand.
     *
     * @param supplier the supplier of a leg
     * @return its adapter, or empty when a person handles it
     */
    Optional<SupplierAdapter> find(SupplierId supplier);

    /** {@return a registry without any adapter: every supplier is handled by hand} */
    static SupplierRegistry none() {
        return supplier -> Optional.empty();
    }

    /**
     * An immutable registry of the given adapters.
     *
     * @param adapters at most one adapter per supplier, none null
     * @return the registry
     * @throws IllegalArgumentException if two adapters are for the same supplier
     * @throws UnimplementedCapabilityException if an adapter declares a capability it does not implement
     */
    static SupplierRegistry of(Collection<? extends SupplierAdapter> adapters) {
        Map<SupplierId, SupplierAdapter> map = new LinkedHashMap<>();
        for (SupplierAdapter adapter : adapters) {
            Objects.requireNonNull(adapter, "adapter must not be null");
            SupplierId id = Objects.requireNonNull(adapter.supplier(), "adapter supplier must not be null");
            SupplierCapabilities.declaredBy(adapter);
            if (map.putIfAbsent(id, adapter) != null) {
                throw new IllegalArgumentException("two adapters for supplier " + id);
            }
        }
        Map<SupplierId, SupplierAdapter> frozen = Map.copyOf(map);
        return supplier -> Optional.ofNullable(frozen.get(supplier));
    }

    /**
     * An immutable registry of the given adapters.
     *
     * @param adapters at most one adapter per supplier, none null
     * @return the registry
     */
    static SupplierRegistry of(SupplierAdapter... adapters) {
        return of(List.of(adapters));
    }
}
