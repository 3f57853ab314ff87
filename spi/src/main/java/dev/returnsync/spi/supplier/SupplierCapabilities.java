package dev.returnsync.spi.supplier;

/**
 * What a supplier's system can do, as declared by its {@link SupplierAdapter}.
 *
 * @param pushCallbacks the supplier calls back (a webhook of the host) when it issues a number or receives a
 *     parcel; the host turns each callback into a command
 * @param pullPolling the supplier answers {@link SupplierAdapter#poll} about pending requests
 * @param exchanges the supplier accepts exchanges (换货), not only refunds
 * @param cancellation the supplier can be told that a return is cancelled ({@link SupplierAdapter#cancel})
 */
public record SupplierCapabilities(boolean pushCallbacks, boolean pullPolling, boolean exchanges, boolean cancellation) {
    /** A supplier that calls back, takes exchanges and cancellations. */
    public static SupplierCapabilities push() {
        return new SupplierCapabilities(true, false, true, true);
    }

    /** A supplier that must be polled, takes exchanges and cancellations. */
    public static SupplierCapabilities pullOnly() {
        return new SupplierCapabilities(false, true, true, true);
    }

    /** A supplier that answers only in the replies to calls, takes exchanges and cancellations. */
    public static SupplierCapabilities replyOnly() {
        return new SupplierCapabilities(false, false, true, true);
    }

    /** True when the engine must poll this supplier to learn what it does: it polls and never calls back. */
    public boolean isPullOnly() {
        return pullPolling && !pushCallbacks;
    }

    /** The same capabilities, with exchanges as given. */
    public SupplierCapabilities withExchanges(boolean supported) {
        return new SupplierCapabilities(pushCallbacks, pullPolling, supported, cancellation);
    }

    /** The same capabilities, with cancellation as given. */
    public SupplierCapabilities withCancellation(boolean supported) {
        return new SupplierCapabilities(pushCallbacks, pullPolling, exchanges, supported);
    }
}
