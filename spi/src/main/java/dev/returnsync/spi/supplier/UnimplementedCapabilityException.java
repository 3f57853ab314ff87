package dev.returnsync.spi.supplier;

import dev.returnsync.spi.ReturnSyncException;

/**
 * A supplier adapter declares a capability whose method it does not implement (for example polling without
 * overriding {@link SupplierAdapter#poll}); thrown when the adapter is registered, so the mistake shows at start-up
 * and not when the engine first needs the capability. Nothing was registered.
 */
public final class UnimplementedCapabilityException extends ReturnSyncException {
    private static final long serialVersionUID = 1L;

    /** The class name of the adapter. */
    private final String adapter;
    /** The declared capability. */
    private final String capability;
    /** The method the capability needs. */
    private final String method;

    UnimplementedCapabilityException(Class<?> adapter, String capability, String method) {
        super("supplier adapter " + adapter.getName() + " declares " + capability + " but does not implement "
                + method + "(...)");
        this.adapter = adapter.getName();
        this.capability = capability;
        this.method = method;
    }

    /** {@return the class name of the adapter} */
    public String adapter() {
        return adapter;
    }

    /** {@return the declared capability, as named in {@link SupplierCapabilities}} */
    public String capability() {
        return capability;
    }

    /** {@return the method of {@link SupplierAdapter} the capability needs} */
    public String method() {
        return method;
    }
}
