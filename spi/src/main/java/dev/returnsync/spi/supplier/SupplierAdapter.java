package dev.returnsync.spi.supplier;

import dev.returnsync.spi.SupplierId;

/**
 * The supplier port: talks to one supplier's system (an HTTP API, an EDI channel, a spreadsheet robot).
 *
 * <p>What the engine guarantees to an implementation:
 * <ul>
 *   <li><b>Idempotency keys.</b> Every call carries {@link SupplierRequest#idempotencyKey()}, the id of the outbox
 *       entry behind it. A call is repeated (after a failure, a timeout or a crash of the caller) with the
 *       <b>same key</b> and the same content; one return at the supplier per leg therefore means one key.</li>
 *   <li><b>At least once, with backoff.</b> A call is made until it returns a reply other than
 *       {@link SupplierReply.RetryableFailure}; exceptions count as retryable failures. After the configured
 *       number of attempts, or at once on {@link SupplierReply.PermanentFailure}, the work is parked and shown on
 *       the case view until someone retries it.</li>
 *   <li><b>Only its own legs.</b> The engine calls an adapter only about legs of its {@link #supplier()}, and turns
 *       its replies into commands as that supplier, which the workflow checks like any other command.</li>
 *   <li>Calls may come from several threads at once, never two with the same key while the dispatcher's lease
 *       on it holds.</li>
 * </ul>
 *
 * <p>What the engine expects of an implementation:
 * <ul>
 *   <li>Pass the idempotency key on to the supplier (as a request id or header) or deduplicate by it, so that a
 *       repeated call never creates a second return at the supplier.</li>
 *   <li>Implement {@link #poll} if the supplier can be polled and {@link #cancel} if it can be told of a
 *       cancellation: its {@link #capabilities()} follow from what it implements. A supplier that neither calls
 *       back nor can be polled must issue its number in the reply to {@link #requestReturn}, or the reseller
 *       enters it by hand.</li>
 *   <li>Return in bounded time (use timeouts); be safe for concurrent use; put no personal data in error texts.</li>
 * </ul>
 *
 * <p>Optional capabilities are default methods: {@link #poll} (pull-only suppliers) and {@link #cancel}. The
 * engine uses them only when the adapter overrides them; declaring one in {@link #capabilities()} without
 * overriding its method is refused with an {@link UnimplementedCapabilityException} when the adapter is registered
 * ({@link SupplierRegistry#of}).
 */
public interface SupplierAdapter {
    /** {@return the supplier this adapter talks to} */
    SupplierId supplier();

    /**
     * What the supplier's system can do; read when work for it is planned. By default
     * {@linkplain SupplierCapabilities#implementedBy derived} from the methods this adapter implements (no
     * callbacks); override to declare callbacks, or fewer capabilities than implemented, e.g. from configuration.
     *
     * @return the capabilities, not null
     */
    default SupplierCapabilities capabilities() {
        return SupplierCapabilities.implementedBy(this);
    }

    /**
     * 代发商向供应商申请退货: applies for the return and asks for the supplier return number.
     *
     * @param request the call, for this adapter's supplier
     * @return the number, "pending" (the number follows by callback or polling), a refusal, or a failure
     */
    SupplierReply.ToRequest requestReturn(SupplierRequest.RequestReturn request);

    /**
     * Tells the supplier the tracking number of the parcel the customer sent back.
     *
     * @param request the call, for this adapter's supplier
     * @return done, or a failure
     */
    SupplierReply.ToNotice shareTracking(SupplierRequest.ShareTracking request);

    /**
     * Asks about a pending request. Called only for adapters that implement it and whose capabilities declare
     * {@link SupplierCapabilities#pullPolling() polling} without callbacks; the default, which answers a permanent
     * failure, is refused at registration when polling is declared.
     *
     * @param request the call, for this adapter's supplier
     * @return nothing new, the number, a refusal, the receipt, the inspection's result, or a failure
     */
    default SupplierReply.ToPoll poll(SupplierRequest.Poll request) {
        return SupplierReply.failed("supplier " + supplier() + " cannot be polled");
    }

    /**
     * Tells the supplier that a return it was asked for is cancelled. Called only for adapters that implement it and
     * whose capabilities declare {@link SupplierCapabilities#cancellation() cancellation}; without it the reseller
     * tells the supplier by hand. The default, which answers a permanent failure, is refused at registration when
     * cancellation is declared.
     *
     * @param request the call, for this adapter's supplier
     * @return done, or a failure
     */
    default SupplierReply.ToNotice cancel(SupplierRequest.Cancel request) {
        return SupplierReply.failed("supplier " + supplier() + " cannot be told of a cancellation");
    }
}
