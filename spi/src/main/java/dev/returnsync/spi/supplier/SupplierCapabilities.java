package dev.returnsync.spi.supplier;

/**
 * What a supplier's system can do. By default an adapter's capabilities are {@link #implementedBy derived} from the
 * methods it implements; an adapter may declare fewer (say, from its configuration) or add
 * {@link #pushCallbacks()}, but never a capability whose method it lacks: {@link #declaredBy} refuses that when the
 * adapter is registered.
 *
 * @param pushCallbacks the supplier calls back (a webhook of the host) when it issues a number or receives a
 *     parcel; the host turns each callback into a command
 * @param pullPolling the supplier answers {@link SupplierAdapter#poll} about pending requests
 * @param exchanges the supplier accepts exchanges (换货), not only refunds
 * @param cancellation the supplier can be told that a return is cancelled ({@link SupplierAdapter#cancel})
 */
public record SupplierCapabilities(boolean pushCallbacks, boolean pullPolling, boolean exchanges, boolean cancellation) {
    /** {@return the capabilities of a supplier that calls back, takes exchanges and cancellations} */
    public static SupplierCapabilities push() {
        return new SupplierCapabilities(true, false, true, true);
    }

    /** {@return the capabilities of a supplier that must be polled, takes exchanges and cancellations} */
    public static SupplierCapabilities pullOnly() {
        return new SupplierCapabilities(false, true, true, true);
    }

    /** {@return the capabilities of a supplier that answers only in the replies to calls, takes exchanges and cancellations} */
    public static SupplierCapabilities replyOnly() {
        return new SupplierCapabilities(false, false, true, true);
    }

    /**
     * What an adapter implements: polling when it overrides {@link SupplierAdapter#poll}, cancellation when it
     * overrides {@link SupplierAdapter#cancel}, exchanges, and no callbacks.
     *
     * @param adapter the adapter, not null
     * @return what its class implements
     */
    public static SupplierCapabilities implementedBy(SupplierAdapter adapter) {
        return new SupplierCapabilities(false, implementsPoll(adapter.getClass()), true,
                implementsCancel(adapter.getClass()));
    }

    /**
     * The capabilities an adapter declares, checked against what it implements.
     *
     * @param adapter the adapter, not null
     * @return its declared capabilities
     * @throws UnimplementedCapabilityException if it declares polling or cancellation without implementing the
     *     method
     */
    public static SupplierCapabilities declaredBy(SupplierAdapter adapter) {
        SupplierCapabilities declared = adapter.capabilities();
        if (declared == null) {
            throw new NullPointerException("capabilities of " + adapter.getClass().getName() + " must not be null");
        }
        if (declared.pullPolling && !implementsPoll(adapter.getClass())) {
            throw new UnimplementedCapabilityException(adapter.getClass(), "pullPolling", "poll");
        }
        if (declared.cancellation && !implementsCancel(adapter.getClass())) {
            throw new UnimplementedCapabilityException(adapter.getClass(), "cancellation", "cancel");
        }
        return declared;
    }

    /** {@return true when the engine must poll this supplier to learn what it does: it polls and never calls back} */
    public boolean isPullOnly() {
        return pullPolling && !pushCallbacks;
    }

    /**
     * The same capabilities, with callbacks as given.
     *
     * @param supported whether the supplier calls back
     * @return a copy with that setting
     */
    public SupplierCapabilities withPushCallbacks(boolean supported) {
        return new SupplierCapabilities(supported, pullPolling, exchanges, cancellation);
    }

    /**
     * The same capabilities, with exchanges as given.
     *
     * @param supported whether the supplier takes exchanges
     * @return a copy with that setting
     */
    public SupplierCapabilities withExchanges(boolean supported) {
        return new SupplierCapabilities(pushCallbacks, pullPolling, supported, cancellation);
    }

    /**
     * The same capabilities, with cancellation as given.
     *
     * @param supported whether the supplier can be told of a cancellation
     * @return a copy with that setting
     */
    public SupplierCapabilities withCancellation(boolean supported) {
        return new SupplierCapabilities(pushCallbacks, pullPolling, exchanges, supported);
    }

    private static boolean implementsPoll(Class<?> type) {
        return overrides(type, "poll", SupplierRequest.Poll.class);
    }

    private static boolean implementsCancel(Class<?> type) {
        return overrides(type, "cancel", SupplierRequest.Cancel.class);
    }

    private static boolean overrides(Class<?> type, String method, Class<?> parameter) {
        try {
            return type.getMethod(method, parameter).getDeclaringClass() != SupplierAdapter.class;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("SupplierAdapter has no method " + method, e);
        }
    }
}
